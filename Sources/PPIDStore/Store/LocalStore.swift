import Foundation
import GRDB
import PPIDDomain
import Synchronization

/// A unit's local database: the append-only event log, the projections the screens read, full-text
/// search, the audit trail, and the store's side of sync (outbox and cursor).
///
/// One writer, concurrent readers (a WAL `DatabasePool`), so screens never wait for a sync. Every
/// change goes through ``record(_:)``, which validates it with the domain and updates the log, the
/// projection, the outbox and the audit trail in one transaction: all or nothing.
public final class LocalStore: Sendable {
    /// The database file.
    public let path: String
    let pool: DatabasePool
    /// One read-only connection for the screens' single-statement reads: reaching it costs a few
    /// microseconds, where borrowing a pool reader costs about ten.
    let screenReader: DatabaseQueue
    /// The write-ahead log copied back on a thread of its own during a large pull.
    let backgroundCheckpoint: BackgroundCheckpoint
    /// The officer and terminal recorded with each change.
    public let workstation: Workstation
    let clock: @Sendable () -> Date
    let cache: Mutex<Cache>
    /// Set on a terminal that syncs: its numbers must carry its series, so none is given without one.
    let seriesRequired = Mutex(false)

    struct Cache {
        var profile: UnitProfile
        var context: LifecycleContext
        var calendarFileNames: [String]
        var series: TerminalSeries?
        var units: UnitContexts
        /// The officer the server knows this terminal's token by (login, full name), once synced.
        var enrolled: (login: String, name: String)?
        /// What the settings above were read from, to notice another process changing them.
        var fingerprint: String = ""
        /// Counts the settings' replacements: work done with one generation's contexts (cases
        /// folded ahead of a pull's write) is used only while it is still current.
        var generation = 0
    }

    /// The settings' fingerprint: the calendar files, the profile, the units and the enrollment.
    /// One cheap read; a change means another process added a calendar, synced a decree or set the unit.
    static let fingerprintSQL = """
        SELECT (SELECT count(*) || ':' || coalesce(max(id), 0) FROM calendar_files) || '|' ||
               coalesce((SELECT group_concat(key || '=' || value, ';') FROM settings
                         WHERE key IN ('profile', 'terminal_series', 'enrolled_officer', 'enrolled_name')), '') || '|' ||
               coalesce((SELECT value FROM sync_state WHERE key = 'units'), '')
        """

    /// Rereads the unit's settings and calendar when another process changed them (`ppid calendar
    /// add`, a sync that brought a decree, `ppid unit set`), so a running app counts with the
    /// calendar in force. Returns whether anything changed.
    @discardableResult
    public func reloadSettingsIfChanged() throws(StoreError) -> Bool {
        let current = try read { db in try String.fetchOne(db, sql: Self.fingerprintSQL) ?? "" }
        guard current != cache.withLock({ $0.fingerprint }) else { return false }
        try reloadCache()
        return true
    }

    /// Opens (creating if needed) the database at `path`, migrating it to the current schema.
    /// `busyTimeout` is how long a write waits for another process's lock before giving up.
    public init(path: String, workstation: Workstation = .current(), busyTimeout: TimeInterval = 5,
                clock: @escaping @Sendable () -> Date = { Date() }) throws(StoreError) {
        self.path = path
        backgroundCheckpoint = BackgroundCheckpoint(path: path)
        self.workstation = workstation
        self.clock = clock
        try StoreLocation.prepareFolder(for: path)
        let exists = FileManager.default.fileExists(atPath: path)
        if exists && !FileManager.default.isWritableFile(atPath: path) { throw .readOnly(path: path) }
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "ppid-store"
        // 16 MB of page cache per connection (SQLite's default is 2 MB): a pulled page of thousands of
        // events touches indexes all over the file, and rereading them through the OS costs a syscall each.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -16384") }
        let previousMask = umask(0o077)
        defer { umask(previousMask) }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            let migrator = StoreMigrations.migrator
            try pool.read { db in try StoreMigrations.checkOwnership(db, path: path) }
            if try pool.read({ db in try migrator.hasBeenSuperseded(db) }) { throw StoreError.newerSchema(path: path) }
            try migrator.migrate(pool)
        } catch {
            throw StoreError.from(error, path: path)
        }
        StoreLocation.protectFiles(of: path)
        do {
            var readOnly = Configuration()
            readOnly.readonly = true
            readOnly.busyMode = .timeout(busyTimeout)
            readOnly.label = "ppid-screen-reader"
            screenReader = try DatabaseQueue(path: path, configuration: readOnly)
        } catch {
            throw StoreError.from(error, path: path)
        }
        let loaded: Cache
        do {
            loaded = try pool.read { db in try Self.loadCache(db) }
        } catch {
            throw StoreError.from(error, path: path)
        }
        cache = Mutex(loaded)
        // A large pull cut short left the search indexes behind: catch them up now. If another
        // process is writing, the next sync or open does it; opening never fails for it.
        _ = try? catchUpSearchIndexing()
    }

    // MARK: - Unit settings and calendar

    /// The unit this database belongs to.
    public var profile: UnitProfile { cache.withLock { $0.profile } }

    /// The calendar, zone and receipt policy the rules apply with.
    public var context: LifecycleContext { cache.withLock { $0.context } }

    /// The officer recorded with each change: the token's officer once the server has named them
    /// (what the server records anyway), before that `$PPID_OFFICER` or `$USER`.
    public var officer: String { cache.withLock { $0.enrolled?.login } ?? workstation.officer }

    /// The officer's full name as the server's directory holds it, or the login before the first sync.
    public var officerName: String { cache.withLock { $0.enrolled?.name } ?? workstation.officer }

    /// Each unit's context, for folding cases of other units (the PPID Utama's terminal holds all).
    var unitContexts: UnitContexts { cache.withLock { $0.units } }

    /// The number series of this terminal, from its enrollment token; nil on a terminal that is its
    /// unit's only register (no sync set up).
    public var terminalSeries: TerminalSeries? { cache.withLock { $0.series } }

    /// The names of the extra calendar files, in the order they were added.
    public var calendarFileNames: [String] { cache.withLock { $0.calendarFileNames } }

    /// Whether the unit has been set up (a profile saved).
    public func hasProfile() throws(StoreError) -> Bool {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'profile'") != nil }
    }

    /// Saves the unit's settings.
    public func saveProfile(_ profile: UnitProfile) throws(StoreError) {
        try write { db in
            let json = String(decoding: try JSONEncoder().encode(profile), as: UTF8.self)
            try db.execute(sql: "INSERT INTO settings(key, value) VALUES ('profile', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [json])
            try self.audit(db, action: "settings.profile", subject: profile.code)
        }
        try reloadCache()
    }

    func reloadCache() throws(StoreError) {
        let loaded = try read { db in try Self.loadCache(db) }
        setCache(loaded)
    }

    func setCache(_ loaded: Cache) {
        cache.withLock { cache in
            let generation = cache.generation + 1
            cache = loaded
            cache.generation = generation
        }
    }

    /// The settings' generation and the unit contexts of that generation, read together.
    var unitContextsWithGeneration: (UnitContexts, Int) { cache.withLock { ($0.units, $0.generation) } }

    static func loadCache(_ db: Database) throws -> Cache {
        var profile = UnitProfile.placeholder
        if let json = try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'profile'") {
            do {
                profile = try JSONDecoder().decode(UnitProfile.self, from: Data(json.utf8))
            } catch {
                throw StoreError.undecodable(what: "settings.profile", reason: "\(error)")
            }
        }
        var files: [CalendarFile] = []
        var names: [String] = []
        for row in try Row.fetchAll(db, sql: "SELECT name, body FROM calendar_files ORDER BY id") {
            let name: String = row["name"]
            do throws(CalendarError) {
                files.append(try CalendarFile(source: name, text: row["body"]))
                names.append(name)
            } catch {
                throw StoreError.undecodable(what: "calendar \(name)", reason: error.text(.english))
            }
        }
        let calendar = WorkCalendar.national(adding: files, jointLeaveIsWorking: profile.jointLeaveIsWorking)
        let context = LifecycleContext(calendar: calendar, zone: profile.zone, receiptPolicy: profile.receiptPolicy)
        let series = try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'terminal_series'")
            .flatMap(TerminalSeries.init(code:))
        let zones = UnitContexts.zones(fromUnitsJSON: try Self.syncValue("units", in: db))
        var enrolled: (login: String, name: String)?
        if let login = try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'enrolled_officer'") {
            enrolled = (login, try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'enrolled_name'") ?? login)
        }
        return Cache(profile: profile, context: context, calendarFileNames: names, series: series,
                     units: UnitContexts(own: context, ownUnit: profile.code, zones: zones), enrolled: enrolled,
                     fingerprint: try String.fetchOne(db, sql: fingerprintSQL) ?? "")
    }

    // MARK: - Access with errors in the officer's terms

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    /// A read of one statement: no snapshot transaction is needed, and skipping it halves the cost of a page.
    func readOne<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try screenReader.unsafeRead(body)
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.write(body)
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    /// The current instant's event meta for this workstation.
    func makeMeta() -> EventMeta {
        let now = clock()
        return EventMeta(id: TimeOrderedID.make(at: now), officer: officer, instant: now, zone: context.zone)
    }

    /// A new case id, ordered by time like event ids.
    public func newCaseID() -> UUID { TimeOrderedID.make(at: clock()) }

    /// Today's date in the unit's zone.
    public var today: CivilDate { context.zone.civilDate(of: clock()) }

    /// The current instant by this store's clock (tests fix it).
    public var now: Date { clock() }

    /// One trivial statement: what reaching the database costs, for the benchmark.
    public func ping() throws(StoreError) -> Int {
        try readOne { db in try Int.fetchOne(db.cachedStatement(sql: "SELECT 1")) ?? 0 }
    }

    /// Checks the whole file: `true` when SQLite finds nothing wrong.
    public func integrityCheck() throws(StoreError) -> Bool {
        try read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok" }
    }
}
