import Foundation
import GRDB
import Testing
@testable import PPIDCentral

/// The embedded register's writer connection seen as an ``SQLSession`` (``SQLiteSession``), whose
/// statements run through SQLite's C API (``SQLiteStatementRun``).
@Suite("SQLite sessions on the writer")
struct SQLiteSessionTests {
    /// Runs `body` on a session over a fresh in-memory database holding one table of unique names.
    func withNames(_ body: (SQLiteSession) throws -> Void) throws {
        try DatabaseQueue().write { db in
            let session = SQLiteSession(db)
            _ = try session.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)", [])
            try body(session)
        }
    }

    @Test("A query steps through every row, and the statement runs again with other values")
    func rowsAndReuse() throws {
        try withNames { session in
            for index in 1...300 {
                #expect(try session.execute("INSERT INTO t(name) VALUES (?)", [.text("n\(index)")]) == 1)
            }
            let rows = try session.query("SELECT id, name FROM t WHERE id > ? ORDER BY id", [.int(100)])
            #expect(rows.count == 200)
            #expect(try rows.first?.get(1, as: String.self) == "n101")
            #expect(try rows.last?.get(1, as: String.self) == "n300")
            #expect(try session.query("SELECT id, name FROM t WHERE id > ? ORDER BY id", [.int(299)]).count == 1)
        }
    }

    @Test("A failed step names the statement as it was given, and the next run of it is clean")
    func failureNamesTheStatement() throws {
        try withNames { session in
            let insert = "  INSERT INTO t(name) VALUES (?)"
            _ = try session.execute(insert, [.text("same")])
            do {
                _ = try session.execute(insert, [.text("same")])
                Issue.record("a duplicate was accepted")
            } catch let error as DatabaseError {
                #expect(error.resultCode == .SQLITE_CONSTRAINT)
                #expect(error.sql == insert)
            }
            #expect(try session.execute(insert, [.text("other")]) == 1)
        }
    }
}
