import Foundation
import GRDB
import GRDBSQLite

/// One run of a cached GRDB statement through SQLite's C API: values bound and columns read
/// without going through GRDB's boxed arguments and rows. A push binds eight values for each of
/// thousands of ledger rows, and a page of changes reads thousands of payloads; the boxing cost
/// more than SQLite's own work. The statement is GRDB's, so it lives and is finalised with the
/// connection; it is reset and its bindings cleared after the run, as GRDB expects.
struct SQLiteStatementRun {
    let statement: Statement
    /// The statement's text as given, for error messages. Not GRDB's `Statement.sql`, which
    /// trims a copy of the text at each call: at every step, that was a tenth of a push's CPU.
    let sql: String
    var handle: OpaquePointer { statement.sqliteStatement }

    init(db: Database, sql: String, arguments: [SQLValue]) throws {
        statement = try db.cachedStatement(sql: sql)
        self.sql = sql
        try Self.bind(arguments, to: statement.sqliteStatement, sql: sql)
    }

    /// Steps once: true while there is a row to read.
    func step() throws -> Bool { try Self.step(handle, sql: sql) }

    /// Binds every parameter of a prepared statement, or none (its bindings cleared on a failure);
    /// a count of values other than the statement's parameters is refused.
    static func bind(_ arguments: [SQLValue], to handle: OpaquePointer, sql: String) throws {
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard expected == arguments.count else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "\(arguments.count) values for \(expected) parameters", sql: sql)
        }
        for (offset, value) in arguments.enumerated() {
            let code = bind(value, at: Int32(offset + 1), to: handle)
            guard code == SQLITE_OK else {
                sqlite3_clear_bindings(handle)
                throw failure(code, of: handle, sql: sql)
            }
        }
    }

    /// Steps a statement once: true while there is a row to read.
    static func step(_ handle: OpaquePointer, sql: String) throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code: throw failure(code, of: handle, sql: sql)
        }
    }

    /// The current row's columns.
    func row() -> SQLRow { Self.row(of: handle) }

    /// The current row's columns of a stepped statement.
    static func row(of handle: OpaquePointer) -> SQLRow {
        let count = sqlite3_column_count(handle)
        var values: [SQLValue] = []
        values.reserveCapacity(Int(count))
        for column in 0..<count { values.append(value(at: column, of: handle)) }
        return SQLRow(values)
    }

    func finish() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    private static func value(at column: Int32, of handle: OpaquePointer) -> SQLValue {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER:
            return .int(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT:
            return .double(sqlite3_column_double(handle, column))
        case SQLITE_TEXT:
            guard let text = sqlite3_column_text(handle, column) else { return .text("") }
            let length = Int(sqlite3_column_bytes(handle, column))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self))
        case SQLITE_BLOB:
            let length = Int(sqlite3_column_bytes(handle, column))
            guard length > 0, let bytes = sqlite3_column_blob(handle, column) else { return .blob(Data()) }
            return .blob(Data(bytes: bytes, count: length))
        default:
            return .null
        }
    }

    /// A statement's failure, with its connection's message.
    static func failure(_ code: Int32, of handle: OpaquePointer, sql: String) -> DatabaseError {
        failure(code, on: sqlite3_db_handle(handle), sql: sql)
    }

    /// A failure on a connection (preparing `sql`, say), with the connection's message if it is open.
    static func failure(_ code: Int32, on connection: OpaquePointer?, sql: String) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: connection.map { String(cString: sqlite3_errmsg($0)) }, sql: sql)
    }

    /// Binds one value; SQLite's result code.
    static func bind(_ value: SQLValue, at index: Int32, to handle: OpaquePointer) -> Int32 {
        switch value {
        case .null:
            return sqlite3_bind_null(handle, index)
        case let .int(int):
            return sqlite3_bind_int64(handle, index, int)
        case let .double(double):
            return sqlite3_bind_double(handle, index, double)
        case let .text(text):
            var text = text
            return text.withUTF8 { utf8 in
                // A zero-length text still needs a non-null pointer to be text and not NULL.
                guard let base = utf8.baseAddress else { return sqlite3_bind_text(handle, index, "", 0, transient) }
                // More than SQLite's lengths hold is refused with its own error, not a trap.
                guard let length = Int32(exactly: utf8.count) else { return SQLITE_TOOBIG }
                return base.withMemoryRebound(to: CChar.self, capacity: utf8.count) { chars in
                    sqlite3_bind_text(handle, index, chars, length, transient)
                }
            }
        case let .blob(data):
            return data.withUnsafeBytes { bytes in
                guard let length = Int32(exactly: bytes.count) else { return SQLITE_TOOBIG }
                return sqlite3_bind_blob(handle, index, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1), length, transient)
            }
        case .intArray, .textArray, .blobArray:
            // PostgreSQL's arrays have no SQLite binding: a statement built for one engine run on the other.
            return SQLITE_MISUSE
        }
    }

    /// SQLITE_TRANSIENT: SQLite copies the value before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
