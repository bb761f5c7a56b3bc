import Foundation
import PPIDCentral
import PPIDCentralServer
import PPIDDomain
import PPIDStore
import PPIDSync
import PPIDWire
import Synchronization

/// A central server on loopback (started by the test) and terminals of its units.
final class SyncWorld: @unchecked Sendable {
    let folder: String
    var store: CentralStore
    var server: RunningServer?
    let faults = FaultPlan()
    var port: Int
    var tokens: [String: String] = [:]

    init(file: Bool = false) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ppid-sync-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        store = try CentralStore(path: file ? folder + "/central.sqlite" : try TestRegister.fresh())
        try store.addUnit(code: "UTAMA", name: "PPID Utama", isMain: true)
        try store.addUnit(code: "HUMAS", name: "Biro Humas")
        try store.addUnit(code: "KEU", name: "Biro Keuangan", zone: "WITA")
        for (login, unit) in [("ratna", "UTAMA"), ("rina", "HUMAS"), ("budi", "HUMAS"), ("dewi", "KEU")] {
            try store.addOfficer(login: login, name: login.capitalized, unit: unit)
            tokens[login] = try store.issueToken(officer: login)
        }
        port = 0
        try await start()
    }

    /// Starts (or restarts, on the same port) the server; `reopen` opens the database file anew, as a restarted process would.
    func start(reopen: Bool = false) async throws {
        if reopen { store = try CentralStore(path: store.source) }
        let running = try await RunningServer.start(CentralServer(store: store, port: port, faults: faults))
        port = running.port
        server = running
    }

    func stop() async {
        await server?.stop()
        server = nil
    }

    var url: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// A new terminal's database for an officer.
    func terminal(_ name: String) throws -> LocalStore {
        try LocalStore(path: folder + "/\(name).sqlite", workstation: Workstation(officer: name, terminal: name))
    }

    /// A sync engine for an officer's terminal: fast backoff, sleeps recorded instead of slept.
    func engine(_ local: LocalStore, officer: String, pageSize: Int = 2000, attempts: Int = 5,
                timeout: Duration = .seconds(10), token: String? = nil, sleeps: Sleeps = Sleeps()) -> SyncEngine {
        var settings = SyncSettings(server: url, token: token ?? tokens[officer]!)
        settings.pageSize = pageSize
        settings.pushBatch = pageSize
        settings.attempts = attempts
        settings.timeout = timeout
        settings.backoff = Backoff(base: .milliseconds(2), cap: .milliseconds(20))
        return SyncEngine(store: local, settings: settings, sleep: { duration in sleeps.record(duration) }, random: { 0.5 })
    }

    /// Syncs once and closes the client (before returning: a server stopped next must not wait for its connection).
    @discardableResult
    func sync(_ local: LocalStore, officer: String, pageSize: Int = 2000, attempts: Int = 5, sleeps: Sleeps = Sleeps()) async throws -> SyncReport {
        try await engine(local, officer: officer, pageSize: pageSize, attempts: attempts, sleeps: sleeps).runOnce()
    }
}

/// A small seeded generator (xorshift), so a failing run can be replayed: one for every suite here.
/// The state must not be zero.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state ^= state << 13; state ^= state >> 7; state ^= state << 17
        return state
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

/// The waits a sync asked for.
final class Sleeps: Sendable {
    private let durations = Mutex<[Duration]>([])
    func record(_ duration: Duration) { durations.withLock { $0.append(duration) } }
    var all: [Duration] { durations.withLock { $0 } }
}

/// Officers' work on a terminal, as the app would record it.
extension SyncWorld {
    /// The server holds `count` requests of HUMAS, registered by another terminal.
    func seed(count: Int, name: (Int) -> String = { "Pemohon \($0)" }) async throws {
        let other = try terminal("seed-\(UUID())")
        try await sync(other, officer: "budi")
        for index in 0..<count { _ = try Work.register(other, unit: "HUMAS", name: name(index)) }
        try await sync(other, officer: "budi")
    }
}

/// Two terminals of Humas (Rina's `a`, Budi's `b`), both holding one request, each having decided
/// it differently while offline, not yet synced: A's decision will stand, B's be refused.
struct OfflineDecisions {
    let a: LocalStore
    let b: LocalStore
    let request: UUID

    init(in world: SyncWorld) async throws {
        a = try world.terminal("a")
        b = try world.terminal("b")
        try await world.sync(a, officer: "rina")
        try await world.sync(b, officer: "budi")
        request = try Work.register(a, unit: "HUMAS")
        try await world.sync(a, officer: "rina")
        try await world.sync(b, officer: "budi")
        try a.record(.request(request, .decided(Decision(outcome: .grantedInFull, form: .softCopy))))
        try b.record(.request(request, .decided(Decision(outcome: .notHeld(holder: "Dinas PU")))))
    }
}

enum Work {
    static func register(_ store: LocalStore, unit: String, name: String = "Siti Nasution") throws -> UUID {
        let registration = RequestRegistration(
            id: store.newCaseID(), registrationNumber: "", unit: unit, receivedAt: Date(), channel: .inPerson,
            requester: Requester(name: name, nik: "3171234567890002", address: "Jakarta"),
            information: "Laporan keuangan", purpose: "Riset")
        return try store.registerRequest(registration).registration.id
    }
}

extension LocalStore {
    /// The projections' view of the requests, for comparing terminals.
    func requestStates() throws -> [String: String] {
        var result: [String: String] = [:]
        for (id, record) in try allCaseRecords() {
            if case let .request(r) = record { result[id.uuidString] = r.state.rawValue }
        }
        return result
    }
}
