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
            let writer: any DatabaseWriter = pool ?? queue!
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

    var writer: any DatabaseWriter { pool ?? queue! }

    func read<T>(_ body: (Database) throws -> T) throws(CentralError) -> T {
        do { return try writer.read(body) } catch { throw CentralError.wrap(error, path: path) }
    }

    func write<T>(_ body: (Database) throws -> T) throws(CentralError) -> T {
        do { return try writer.write(body) } catch { throw CentralError.wrap(error, path: path) }
    }

    /// The highest sequence number in the log (0 when empty).
    public func latestSequence() throws(CentralError) -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT max(sequence) FROM ledger") ?? 0 }
    }
}
