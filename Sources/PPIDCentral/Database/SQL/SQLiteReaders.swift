import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// The embedded register's reads, on read-only SQLite connections of its own, each keeping its
/// prepared statements.
///
/// Through GRDB's pool, each read also took a reader off a dispatch queue, hopped onto the
/// reader's own queue, and asked the schema's version: for a morning rush of empty syncs, each one
/// statement, that was a sixth of the server's CPU, more than the statement itself. Here a read
/// takes an idle connection from a list under a lock and runs on the caller's thread.
///
/// At most `limit` connections are open (five, as GRDB's pool had readers, each with 16 MB of
/// cache); a read that finds none idle and the limit reached gives nil, and the caller reads
/// through GRDB's pool as before. A statement prepared here is recompiled by SQLite itself when
/// the schema changes (a migration by another process).
final class SQLiteReaders: Sendable {
    let path: String
    let limit: Int
    private let state = Mutex(State())

    private struct State {
        var idle: [SQLiteReadConnection] = []
        var open = 0
        var closed = false
    }

    init(path: String, limit: Int = 5) {
        self.path = path
        self.limit = limit
    }

    /// Runs `body` on an idle connection; nil when every connection is busy and no more may open
    /// (or the readers are closed).
    func read<T>(_ body: (SQLiteReadConnection) throws -> T) throws -> T? {
        guard let connection = try take() else { return nil }
        defer { giveBack(connection) }
        return try body(connection)
    }

    /// Closes the idle connections, and each busy one when it comes back.
    func close() {
        let idle = state.withLock { state -> [SQLiteReadConnection] in
            state.closed = true
            defer { state.idle = [] }
            return state.idle
        }
        for connection in idle { connection.close() }
    }

    private func take() throws -> SQLiteReadConnection? {
        enum Taken { case idle(SQLiteReadConnection), openOne, none }
        let taken = state.withLock { state -> Taken in
            if state.closed { return .none }
            if let connection = state.idle.popLast() { return .idle(connection) }
            guard state.open < limit else { return .none }
            state.open += 1
            return .openOne
        }
        switch taken {
        case let .idle(connection): return connection
        case .none: return nil
        case .openOne:
            do {
                return try SQLiteReadConnection(path: path)
            } catch {
                state.withLock { $0.open -= 1 }
                throw error
            }
        }
    }

    private func giveBack(_ connection: SQLiteReadConnection) {
        let keep = state.withLock { state -> Bool in
            guard !state.closed else { state.open -= 1; return false }
            state.idle.append(connection)
            return true
        }
        if !keep { connection.close() }
    }
}

/// One read-only connection of ``SQLiteReaders``, used by one thread at a time (the pool hands it
/// to one read and takes it back), with its statements prepared once.
final class SQLiteReadConnection: @unchecked Sendable {
    private var handle: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]

    init(path: String) throws {
        var opened: OpaquePointer?
        let code = sqlite3_open_v2(path, &opened, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let opened else {
            let message = opened.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            if let opened { sqlite3_close_v2(opened) }
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
        }
        handle = opened
        // As GRDB's readers were: wait for a lock rather than fail (a checkpoint that empties the
        // log holds readers off for a moment), and 16 MB of page cache for the pages served.
        sqlite3_busy_timeout(opened, 10_000)
        sqlite3_exec(opened, "PRAGMA cache_size = -16384", nil, nil, nil)
    }

    /// Runs `sql` with `arguments`, handing each row to `row`; returns the rows it changed.
    func run(_ sql: String, _ arguments: [SQLValue], row: (OpaquePointer) throws -> Void) throws -> Int {
        let statement = try prepared(sql)
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        try SQLiteStatementRun.bind(arguments, to: statement, sql: sql)
        while try SQLiteStatementRun.step(statement, sql: sql) { try row(statement) }
        return Int(sqlite3_changes(handle))
    }

    func close() {
        for statement in statements.values { sqlite3_finalize(statement) }
        statements = [:]
        if let handle { sqlite3_close_v2(handle) }
        handle = nil
    }

    deinit { close() }

    private func prepared(_ sql: String) throws -> OpaquePointer {
        if let statement = statements[sql] { return statement }
        guard let handle else { throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "connection closed", sql: sql) }
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else { throw SQLiteStatementRun.failure(code, on: handle, sql: sql) }
        statements[sql] = statement
        return statement
    }
}

/// A read on one of ``SQLiteReaders``' connections, seen as an ``SQLSession``.
final class SQLiteReadSession: SQLSession {
    let engine = SQLEngineKind.sqlite
    let connection: SQLiteReadConnection

    init(_ connection: SQLiteReadConnection) { self.connection = connection }

    func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int {
        try connection.run(sql, arguments) { _ in }
    }

    func query(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
        var rows: [SQLRow] = []
        _ = try connection.run(sql, arguments) { statement in rows.append(SQLiteStatementRun.row(of: statement)) }
        return rows
    }
}
