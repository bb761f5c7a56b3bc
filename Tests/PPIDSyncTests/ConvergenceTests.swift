import Foundation
import Testing
import PPIDCentral
import PPIDCentralServer
import PPIDDomain
import PPIDStore
import PPIDSync
import PPIDWire

/// The proof: a server and three terminals of two units, each working offline at random,
/// syncing in random order while the server injects faults. At the end every terminal of a unit
/// holds exactly the server's state for that unit, and no accepted event is lost or duplicated.
@Suite("Sync: convergence")
struct ConvergenceTests {
    struct Terminal {
        let name: String
        let officer: String
        let unit: String
        let store: LocalStore
    }

    /// One random change an officer could make: a new request, or the next step of an open one.
    static func work(on terminal: Terminal, random: inout SeededRandom) throws {
        let records = try terminal.store.allCaseRecords()
        let open = records.compactMap { id, record -> (UUID, RequestState)? in
            guard case let .request(r) = record, r.state.awaitsNotice || r.state == .decided || r.state == .delivered else { return nil }
            return (id, r.state)
        }.sorted { $0.0.uuidString < $1.0.uuidString }
        if open.isEmpty || random.below(3) == 0 {
            _ = try Work.register(terminal.store, unit: terminal.unit, name: "Pemohon \(random.below(1000))")
            return
        }
        let (id, _) = open[random.below(open.count)]
        let choices: [RequestEvent] = [
            .processingStarted, .extended(reason: "Koordinasi dengan unit lain"),
            .decided(Decision(outcome: .grantedInFull, form: .softCopy)), .decided(Decision(outcome: .notHeld(holder: nil))),
            .delivered(method: .email, note: ""), .closed, .withdrawn(reason: "Pemohon menarik"),
        ]
        let event = choices[random.below(choices.count)]
        do {
            try terminal.store.record(.request(id, event))
        } catch {
            // Not valid in this state here (an officer's screen would not offer it): nothing was written.
            guard case .rejected = error else { throw error }
        }
    }

    @Test("Three terminals of two units, random offline work, random sync order, faults: all converge", .timeLimit(.minutes(3)))
    func converge() async throws {
        for seed: UInt64 in [0x5EED, 0xC0FFEE, 0xBADA55] {
            try await run(seed: seed)
        }
    }

    func run(seed: UInt64) async throws {
        let world = try await SyncWorld()
        defer { Task { await world.stop() } }
        var random = SeededRandom(state: seed)
        let terminals = [
            Terminal(name: "humas-1", officer: "rina", unit: "HUMAS", store: try world.terminal("humas-1")),
            Terminal(name: "humas-2", officer: "budi", unit: "HUMAS", store: try world.terminal("humas-2")),
            Terminal(name: "keu-1", officer: "dewi", unit: "KEU", store: try world.terminal("keu-1")),
        ]
        for terminal in terminals { try await world.sync(terminal.store, officer: terminal.officer) }
        world.faults.injectRandomly(rate: 0.25, seed: seed)
        var failures = 0
        for _ in 0..<40 {
            let terminal = terminals[random.below(terminals.count)]
            if random.below(3) == 0 {
                do {
                    try await world.sync(terminal.store, officer: terminal.officer, pageSize: 1 + random.below(7), attempts: 2)
                } catch let error as SyncError {
                    #expect(error.isTransient, "\(error)")
                    failures += 1
                }
            } else {
                for _ in 0...random.below(3) { try Self.work(on: terminal, random: &random) }
            }
            for terminal in terminals { #expect(try terminal.store.integrityCheck()) }
        }
        // The link heals: everyone syncs until nothing moves (two rounds: pushes, then the pulls of others' pushes).
        world.faults.injectRandomly(rate: 0, seed: seed)
        for _ in 0..<2 {
            for terminal in terminals { try await world.sync(terminal.store, officer: terminal.officer, pageSize: 4) }
        }
        #expect(!world.faults.injected.isEmpty, "faults were injected (\(world.faults.injected.count), \(failures) syncs failed)")
        print("seed \(seed): \(world.faults.injected.count) faults, \(failures) failed syncs, \(try world.store.latestSequence()) events, conflicts \(try terminals.map { try $0.store.conflictCount() })")
        for unit in ["HUMAS", "KEU"] {
            let serverState = try world.store.caseRecords(unit: unit)
            let serverEvents = try world.store.eventIDs(unit: unit)
            #expect(Set(serverEvents).count == serverEvents.count, "no event twice in the ledger")
            #expect(!serverState.isEmpty)
            for terminal in terminals where terminal.unit == unit {
                #expect(try terminal.store.pendingCount() == 0)
                #expect(try terminal.store.allCaseRecords() == serverState, "\(terminal.name) (seed \(seed))")
                // Every event the terminal counts is in the ledger, and every ledger event of its unit is here.
                #expect(try terminal.store.countedEventIDs() == Set(serverEvents), "\(terminal.name) (seed \(seed))")
            }
        }
        let accepted = try terminals.flatMap { try $0.store.countedEventIDs() }
        #expect(Set(accepted).isSubset(of: Set(try world.store.eventIDs(unit: nil))), "no accepted event lost")
    }
}

@Suite("Sync: settings")
struct SyncSettingsTests {
    @Test("Backoff doubles up to its cap, and the jitter stays within it")
    func backoff() {
        let backoff = Backoff(base: .milliseconds(250), cap: .seconds(5))
        #expect((1...7).map { backoff.ceiling(attempt: $0) } ==
                [.milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(5), .seconds(5)])
        #expect(backoff.delay(attempt: 3, random: 0) == .zero)
        #expect(backoff.delay(attempt: 3, random: 0.5) == .milliseconds(500))
        #expect(backoff.delay(attempt: 50, random: 0.999) <= .seconds(5))
    }

    @Test("The token file must exist, hold a token and be readable by its owner only")
    func tokenFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ppid-token-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/t.token"
        #expect(throws: SyncError.tokenFileMissing(path: path)) { try TokenFile.read(path) }
        try TokenFileWriter.write("ppid_abc", to: path)
        #expect(try TokenFile.read(path) == "ppid_abc")
        chmod(path, 0o644)
        #expect(throws: SyncError.tokenFileExposed(path: path)) { try TokenFile.read(path) }
        #expect(SyncError.tokenFileExposed(path: path).text(.indonesian).contains("chmod 600"))
        #expect(throws: SyncError.notConfigured) { try SyncSettings.load(server: nil, tokenFile: path) }
        chmod(path, 0o600)
        #expect(throws: SyncError.badServerAddress("ftp://x")) { try SyncSettings.load(server: "ftp://x", tokenFile: path) }
        #expect(try SyncSettings.load(server: "http://127.0.0.1:8080", tokenFile: path).token == "ppid_abc")
    }
}
