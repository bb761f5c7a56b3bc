import Foundation
import GRDB
import GRDBSQLite

/// One run of a cached statement with its values bound through SQLite's C API.
///
/// A pull writes thousands of rows per page: building GRDB's argument list for each (a boxed value
/// per column) cost a third of a row's insert. The statement is GRDB's cached one, so it lives and
/// is finalized with the connection; ``step()`` resets it, as GRDB expects. Every column is bound
/// at each run, so nothing of an earlier run's values is left.
struct BoundStatement {
    let db: Database
    let statement: Statement
    /// The first failure of a bind, if any (SQLITE_OK: none), checked once at the step.
    private var bound = SQLITE_OK

    init(db: Database, statement: Statement) {
        self.db = db
        self.statement = statement
    }

    private mutating func keep(_ code: Int32) { if bound == SQLITE_OK { bound = code } }

    mutating func bind(_ index: Int32, _ text: String) {
        var text = text
        let handle = statement.sqliteStatement
        keep(text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else { return sqlite3_bind_text(handle, index, "", 0, Self.transient) }
            guard let length = Int32(exactly: utf8.count) else { return SQLITE_TOOBIG }
            return base.withMemoryRebound(to: CChar.self, capacity: utf8.count) { chars in
                sqlite3_bind_text(handle, index, chars, length, Self.transient)
            }
        })
    }

    mutating func bind(_ index: Int32, _ text: String?) {
        if let text { bind(index, text) } else { bindNull(index) }
    }

    mutating func bind(_ index: Int32, _ value: Double) {
        keep(sqlite3_bind_double(statement.sqliteStatement, index, value))
    }

    mutating func bind(_ index: Int32, _ value: Int64?) {
        if let value { keep(sqlite3_bind_int64(statement.sqliteStatement, index, value)) } else { bindNull(index) }
    }

    /// A flag, stored as SQLite stores booleans: 0 or 1.
    mutating func bind(_ index: Int32, _ flag: Bool) {
        keep(sqlite3_bind_int64(statement.sqliteStatement, index, flag ? 1 : 0))
    }

    mutating func bind(_ index: Int32, blob: Data) {
        let handle = statement.sqliteStatement
        keep(blob.withUnsafeBytes { bytes in
            // More than SQLite's lengths hold is refused with its own error, not a trap.
            guard let length = Int32(exactly: bytes.count) else { return SQLITE_TOOBIG }
            // A zero-length blob still needs a non-null pointer to be a blob and not NULL.
            return sqlite3_bind_blob(handle, index, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1), length, Self.transient)
        })
    }

    mutating func bindNull(_ index: Int32) {
        keep(sqlite3_bind_null(statement.sqliteStatement, index))
    }

    /// Runs the statement once and resets it; throws the first failed bind or the step's failure.
    mutating func step() throws {
        let handle = statement.sqliteStatement
        defer {
            sqlite3_reset(handle)
            bound = SQLITE_OK
        }
        guard bound == SQLITE_OK else { throw failure(bound) }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else { throw failure(code) }
    }

    /// Rows the last step changed.
    var changes: Int32 { sqlite3_changes(db.sqliteConnection) }

    private func failure(_ code: Int32) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                      sql: statement.sql)
    }

    /// SQLITE_TRANSIENT: SQLite copies the value before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
