import Foundation
import GRDB
import PPIDDomain
import PPIDWire

/// The central server's database: the authoritative event log (each accepted event gets a global
/// sequence number), units, officers and their hashed tokens, holiday calendars, and the intake
/// register. A WAL pool: the HTTP handlers read concurrently while one writer appends.
public final class CentralStore: Sendable {
    /// The database file (":memory:" in some tests).
    public let path: String
    let pool: DatabasePool?
    let queue: DatabaseQueue?
    let clock: @Sendable () -> Date

    /// Opens (creating) the central database at `path`; ":memory:" keeps it in memory.
    public init(path: String, clock: @escaping @Sendable () -> Date = { Date() }) throws(CentralError) {
        self.path = path
        self.clock = clock
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            configuration.label = "ppid-central"
            if path == ":memory:" {
                queue = try DatabaseQueue(configuration: configuration)
                pool = nil
            } else {
                let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
                let previousMask = umask(0o077)
                defer { umask(previousMask) }
                pool = try DatabasePool(path: path, configuration: configuration)
                queue = nil
            }
            guard let writer: any DatabaseWriter = pool ?? queue else { throw CentralError.database(path: path, reason: "not opened") }
            try writer.read { db in try Self.checkOwnership(db, path: path) }
            if try writer.read({ db in try CentralMigrations.migrator.hasBeenSuperseded(db) }) {
                throw CentralError.newerSchema(path: path)
            }
            try CentralMigrations.migrator.migrate(writer)
        } catch let error as CentralError {
            throw error
        } catch {
            throw CentralError.database(path: path, reason: "\(error)")
        }
    }

    /// SQLite's `application_id` of a ppid-central database ('PPIC'): another program's file is
    /// recognised before anything is written to it.
    public static let applicationID: Int32 = 0x5050_4943

    /// Refuses a file that holds another program's tables: a ppid-central database carries the
    /// application id, or (before it did) the first migration's record; an empty file is new.
    static func checkOwnership(_ db: Database, path: String) throws {
        let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        if id == applicationID { return }
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        if tables.isEmpty && id == 0 { return }
        // Killed between the migrator creating its table and the first migration committing.
        if id == 0, tables == ["grdb_migrations"],
           try Int.fetchOne(db, sql: "SELECT count(*) FROM grdb_migrations") == 0 {
            return
        }
        if id == 0, tables.contains("grdb_migrations"),
           try String.fetchOne(db, sql: "SELECT identifier FROM grdb_migrations WHERE identifier = 'v1-ledger'") != nil {
            return
        }
        throw CentralError.notOurDatabase(path: path)
    }

    var writer: any DatabaseWriter {
        if let pool { return pool }
        // One of the two is always set by init.
        return queue.unsafelyUnwrapped
    }

    func read<T>(_ body: (Database) throws -> T) throws(CentralError) -> T {
        do { return try writer.read(body) } catch { throw CentralError.wrap(error, path: path) }
    }

    func write<T>(_ body: (Database) throws -> T) throws(CentralError) -> T {
        do { return try writer.write(body) } catch { throw CentralError.wrap(error, path: path) }
    }

    /// Whether SQLite's `integrity_check` finds the file sound.
    public func integrityCheck() throws(CentralError) -> Bool {
        try read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok" }
    }

    /// The highest sequence number in the log (0 when empty).
    public func latestSequence() throws(CentralError) -> Int64 {
        try read { db in try Self.latestSequence(db) }
    }

    static func latestSequence(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT max(sequence) FROM ledger") ?? 0
    }
}
