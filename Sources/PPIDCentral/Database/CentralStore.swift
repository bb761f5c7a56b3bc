import Foundation
import GRDB
import PPIDDomain
import PPIDWire

/// The central server's database: the authoritative event log (each accepted event gets a global
/// sequence number), units, officers and their hashed tokens, holiday calendars, and the intake
/// register. On SQLite (one file, embedded: a WAL pool whose readers run concurrently with the one
/// writer) or on PostgreSQL (`postgres://...`: several instances on one database).
public final class CentralStore: Sendable {
    /// The database file (":memory:" in some tests), or the PostgreSQL URL without its password.
    public let path: String
    /// What the store was opened with (a PostgreSQL URL keeps its password): to open it again.
    public let source: String
    let database: any SQLDatabase
    let clock: @Sendable () -> Date
    /// Pulls noted and not yet written (at most a second's).
    let pullNotes = PullNotes()
    /// Principals of tokens seen before, confirmed by each page's statement.
    let knownPrincipals = KnownPrincipals()
    /// Pulls waiting at the same moment, asked in one statement on PostgreSQL.
    let gatheredPulls = GatheredPulls()
    /// The DIP as the portal shows it, folded from the ledger as it grows.
    let publicDIPCache = PublicDIPCache()

    /// The engine the register runs on.
    public var engine: SQLEngineKind { database.engine }

    /// Opens (creating) the central database at `path`: a file (":memory:" keeps it in memory), or a
    /// `postgres://USER@HOST/DB` URL.
    public init(path: String, clock: @escaping @Sendable () -> Date = { Date() }) throws(CentralError) {
        self.clock = clock
        source = path
        if PostgresLocation.isURL(path) {
            let location = try PostgresLocation(url: path)
            self.path = location.description
            do {
                let database = try PostgresDatabase(location: location)
                try PostgresMigrations.migrate(database)
                self.database = database
            } catch let error as CentralError {
                throw error
            } catch {
                throw CentralError.database(path: location.description, reason: "\(error)")
            }
            return
        }
        self.path = path
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            configuration.label = "ppid-central"
            // SQLite's default page cache is 2 MB: a ledger's indexes outgrow it within a few
            // thousand events, and each push then reads its index pages back from the kernel. The
            // writer keeps 64 MB of them; each reader (up to five) 16 MB for the pages it serves.
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA cache_size = \(db.configuration.readonly ? -16384 : -65536)")
            }
            let writer: any DatabaseWriter
            if path == ":memory:" {
                writer = try DatabaseQueue(configuration: configuration)
            } else {
                let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
                let previousMask = umask(0o077)
                defer { umask(previousMask) }
                writer = try DatabasePool(path: path, configuration: configuration)
            }
            try writer.read { db in try Self.checkOwnership(db, path: path) }
            if try writer.read({ db in try CentralMigrations.migrator.hasBeenSuperseded(db) }) {
                throw CentralError.newerSchema(path: path)
            }
            try CentralMigrations.migrator.migrate(writer)
            database = SQLiteDatabase(writer: writer)
        } catch let error as CentralError {
            throw error
        } catch {
            throw CentralError.database(path: path, reason: "\(error)")
        }
    }

    /// Copies the register, consistent, into a new SQLite file while the server runs (SQLite's online
    /// backup); on PostgreSQL the administrator uses `pg_dump`, and this says so.
    public func backup(to file: String) throws(CentralError) {
        do { try database.backup(to: file) } catch { throw CentralError.wrap(error, path: path) }
    }

    /// Writes what is pending and closes the database's connections (PostgreSQL's pool); the store
    /// is not used after.
    public func close() {
        try? flushPullNotes()
        database.close()
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

    func read<T>(_ body: (any SQLSession) throws -> T) throws(CentralError) -> T {
        do { return try database.read(body) } catch { throw CentralError.wrap(error, path: path) }
    }

    @discardableResult
    func write<T>(_ body: (any SQLSession) throws -> T) throws(CentralError) -> T {
        do { return try database.write(appending: false, body) } catch { throw CentralError.wrap(error, path: path) }
    }

    /// A transaction that appends to the ledger: one at a time across every instance, in sequence order.
    @discardableResult
    func writeLedger<T>(_ body: (any SQLSession) throws -> T) throws(CentralError) -> T {
        do { return try database.write(appending: true, body) } catch { throw CentralError.wrap(error, path: path) }
    }

    /// Whether the engine finds the data sound (SQLite's `integrity_check`; on PostgreSQL, that the
    /// ledger and its head agree).
    public func integrityCheck() throws(CentralError) -> Bool {
        do { return try database.integrityCheck() } catch { throw CentralError.wrap(error, path: path) }
    }

    /// The highest sequence number in the log (0 when empty).
    public func latestSequence() throws(CentralError) -> Int64 {
        try read { db in try Self.latestSequence(db) }
    }

    static func latestSequence(_ db: any SQLSession) throws -> Int64 {
        try db.value("SELECT max(sequence) FROM ledger", as: Int64.self) ?? 0
    }
}
