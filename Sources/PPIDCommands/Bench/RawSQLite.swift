import Foundation
import GRDBSQLite

/// A plain read-only SQLite connection through the C API: the floor our store's figures are compared with.
final class RawSQLite {
    private var handle: OpaquePointer?
    /// Keeps the copies from being optimised away.
    private(set) var sink = 0

    init(path: String) throws {
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY, nil) == SQLITE_OK else {
            throw CommandError(message: "cannot open \(path) with SQLite")
        }
    }

    deinit { sqlite3_close_v2(handle) }

    /// Runs `sql` with text bindings, copies every column of every row into a String (what a screen
    /// needs at the least), and returns the row count.
    @discardableResult
    func run(_ sql: String, _ bindings: [String] = []) -> Int {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else {
            fatalError("bad benchmark SQL: \(String(cString: sqlite3_errmsg(handle)))\n\(sql)")
        }
        defer { sqlite3_finalize(statement) }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (index, value) in bindings.enumerated() {
            sqlite3_bind_text(statement, Int32(index + 1), value, -1, transient)
        }
        var rows = 0
        let columns = sqlite3_column_count(statement)
        while sqlite3_step(statement) == SQLITE_ROW {
            for column in 0..<columns {
                if let text = sqlite3_column_text(statement, column) { sink &+= String(cString: text).utf8.count }
            }
            rows += 1
        }
        return rows
    }

    /// The first column of each row as bytes and the second as an integer: stored payloads and their numbers.
    func blobsAndNumbers(_ sql: String) throws -> [(bytes: [UInt8], number: Int64)] {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else {
            throw CommandError(message: "bad benchmark SQL: \(String(cString: sqlite3_errmsg(handle)))")
        }
        defer { sqlite3_finalize(statement) }
        var rows: [(bytes: [UInt8], number: Int64)] = []
        while sqlite3_step(statement) == SQLITE_ROW {
            let count = Int(sqlite3_column_bytes(statement, 0))
            let bytes = sqlite3_column_blob(statement, 0).map { Array(UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
            rows.append((bytes, sqlite3_column_int64(statement, 1)))
        }
        return rows
    }

    /// The first column of the first row, as text.
    func scalar(_ sql: String) -> String? {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else { return nil }
        defer { sqlite3_finalize(statement) }
        guard sqlite3_step(statement) == SQLITE_ROW, let text = sqlite3_column_text(statement, 0) else { return nil }
        return String(cString: text)
    }
}
