import Foundation
import GRDB
import Testing
@testable import PPIDCentral

/// The embedded register's reads on connections of their own (``SQLiteReaders``).
@Suite("SQLite reads on their own connections")
struct SQLiteReadersTests {
    func file() -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ppid-readers-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder + "/register.sqlite"
    }

    /// A WAL database with one table, written through GRDB as the register's writer is.
    func database(at path: String) throws -> DatabasePool {
        let pool = try DatabasePool(path: path)
        try pool.write { db in
            try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
            try db.execute(sql: "INSERT INTO t(name) VALUES ('a')")
        }
        return pool
    }

    /// A fresh database of one table, and read connections on it (at most `limit`).
    func readers(limit: Int = 5) throws -> (pool: DatabasePool, readers: SQLiteReaders) {
        let path = file()
        let pool = try database(at: path)
        return (pool, SQLiteReaders(path: path, limit: limit))
    }

    func count(_ readers: SQLiteReaders) throws -> Int64? {
        try readers.read { connection in
            try SQLiteReadSession(connection).value("SELECT count(*) FROM t", as: Int64.self)
        } ?? nil
    }

    @Test("A connection kept open sees each commit made after its last read")
    func seesCommits() throws {
        let (pool, readers) = try readers(limit: 1)
        #expect(try count(readers) == 1)
        for expected in 2...5 {
            try pool.write { db in try db.execute(sql: "INSERT INTO t(name) VALUES ('b')") }
            #expect(try count(readers) == Int64(expected))
        }
        readers.close()
    }

    @Test("With every connection busy, a read gives nil (the caller goes through GRDB's pool)")
    func busyGivesNil() throws {
        let (_, readers) = try readers(limit: 1)
        let inner = try #require(try readers.read { _ in try count(readers) }, "the outer read had a connection")
        #expect(inner == nil, "the only connection was taken by the outer read")
        #expect(try count(readers) == 1, "and it is back for the next one")
        readers.close()
        #expect(try readers.read { _ in 1 } == nil, "closed: every read goes through the pool")
    }

    @Test("A statement prepared before another process changes the schema reads the new schema")
    func schemaChange() throws {
        let (pool, readers) = try readers()
        func columns() throws -> Int? {
            try readers.read { connection in try SQLiteReadSession(connection).rows("SELECT * FROM t").first?.values.count } ?? nil
        }
        #expect(try columns() == 2)
        try pool.write { db in try db.execute(sql: "ALTER TABLE t ADD COLUMN note TEXT") }
        #expect(try columns() == 3)
        readers.close()
    }

    @Test("A failed statement says what failed, and the connection goes on")
    func failureThenOn() throws {
        let (_, readers) = try readers(limit: 1)
        #expect(throws: DatabaseError.self) {
            _ = try readers.read { connection in try SQLiteReadSession(connection).rows("SELECT nothing FROM t") }
        }
        #expect(throws: DatabaseError.self) {
            _ = try readers.read { connection in try SQLiteReadSession(connection).rows("SELECT name FROM t WHERE id = ?", []) }
        }
        #expect(throws: DatabaseError.self, "a read connection refuses a write") {
            _ = try readers.read { connection in try SQLiteReadSession(connection).execute("INSERT INTO t(name) VALUES ('c')") }
        }
        #expect(try count(readers) == 1)
        readers.close()
    }

    @Test("The register on a file reads through its own connections, each read seeing the writes before it")
    func registerUsesThem() throws {
        let path = file()
        let store = try CentralStore(path: path)
        let readers = try #require((store.database as? SQLiteDatabase)?.readers)
        try store.addUnit(code: "UTAMA", name: "PPID Utama", isMain: true)
        #expect(try store.units().map(\.code) == ["UTAMA"])
        try store.addUnit(code: "HUMAS", name: "Humas")
        #expect(try store.units().map(\.code).sorted() == ["HUMAS", "UTAMA"])
        #expect(try readers.read { _ in true } == true, "a connection is open and idle after the reads")
        store.close()
        #expect(try readers.read { _ in true } == nil, "closed with the register")
    }

    @Test("A register closed, or let go, leaves its write-ahead log empty or gone")
    func logFoldedAtClose() throws {
        for explicitly in [true, false] {
            let path = file()
            do {
                let store = try CentralStore(path: path)
                try store.addUnit(code: "UTAMA", name: "PPID Utama", isMain: true)
                #expect(try store.units().count == 1)
                #expect(FileManager.default.fileExists(atPath: path + "-wal"))
                if explicitly { store.close() }
            }
            let log = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
            #expect(log == 0, explicitly ? "closed" : "let go")
            let again = try CentralStore(path: path)
            #expect(try again.units().map(\.code) == ["UTAMA"])
            again.close()
        }
    }
}
