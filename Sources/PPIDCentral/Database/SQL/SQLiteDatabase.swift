import Foundation
import GRDB

/// The embedded engine: one SQLite file through GRDB, a WAL pool whose readers run concurrently
/// with its one writer (":memory:" in some tests, on a queue).
final class SQLiteDatabase: SQLDatabase {
    let engine = SQLEngineKind.sqlite
    let writer: any DatabaseWriter
    /// The reads' own connections (``SQLiteReaders``), for a file; none for an in-memory database.
    let readers: SQLiteReaders?

    init(writer: any DatabaseWriter) {
        self.writer = writer
        readers = (writer as? DatabasePool).map { SQLiteReaders(path: $0.path) }
    }

    // The read-only connections close before GRDB's: the last connection to close folds the
    // write-ahead log into the database and removes it, which a read-only one cannot do.
    deinit { readers?.close() }

    /// Reads run without a transaction, as on PostgreSQL: each statement reads what is committed
    /// when it starts (SQLite gives a statement one snapshot). Appends commit in sequence order,
    /// so any read of the ledger sees a prefix of it. A transaction around each read (a BEGIN
    /// and a COMMIT through GRDB) was a tenth of the server's CPU in a morning rush of empty syncs,
    /// each of which is one statement. They run on ``SQLiteReaders``' connections, or through
    /// GRDB's pool when all of those are busy.
    func read<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        if let readers, let result = try readers.read({ connection in try body(SQLiteReadSession(connection)) }) {
            return result
        }
        return try writer.unsafeRead { db in try body(SQLiteSession(db)) }
    }

    func write<T>(appending: Bool, _ body: (any SQLSession) throws -> T) throws -> T {
        // One writer at a time already: SQLite serialises the appends by itself.
        try writer.write { db in try body(SQLiteSession(db)) }
    }

    func integrityCheck() throws -> Bool {
        try writer.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok" }
    }

    func close() {
        readers?.close()
        if let pool = writer as? DatabasePool {
            // GRDB closes its writer before its readers, so the last to close cannot fold the log
            // back: it is folded here, and left empty.
            try? pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
            try? pool.close()
        }
        if let queue = writer as? DatabaseQueue { try? queue.close() }
    }

    func backup(to path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw CentralError.invalid(field: "--to", reason: "\(path) sudah ada; pilih nama baru / already exists; choose a new name")
        }
        let previousMask = umask(0o077)
        defer { umask(previousMask) }
        let copy = try DatabaseQueue(path: path)
        try writer.backup(to: copy)
        try copy.close()
    }
}

/// A GRDB connection seen as an ``SQLSession``; also what the SQLite migrations hand the shared checks.
final class SQLiteSession: SQLSession {
    let engine = SQLEngineKind.sqlite
    let db: Database

    init(_ db: Database) { self.db = db }

    func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int {
        let statement = try SQLiteStatementRun(db: db, sql: sql, arguments: arguments)
        defer { statement.finish() }
        while try statement.step() {}
        return db.changesCount
    }

    func query(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
        let statement = try SQLiteStatementRun(db: db, sql: sql, arguments: arguments)
        defer { statement.finish() }
        var rows: [SQLRow] = []
        while try statement.step() { rows.append(statement.row()) }
        return rows
    }
}
