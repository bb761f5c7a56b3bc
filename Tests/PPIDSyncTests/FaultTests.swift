import Foundation
import Synchronization
import Testing
import PPIDCentral
import PPIDCentralServer
import PPIDDomain
import PPIDStore
import PPIDSync
import PPIDWire

/// Every fault the issue names, against a real server on loopback: the local database stays
/// consistent, nothing is lost, and the next sync converges.
@Suite("Sync: faults")
struct FaultTests {
    func converged(_ local: LocalStore, _ world: SyncWorld) throws -> Bool {
        try local.allCaseRecords() == world.store.caseRecords(unit: "HUMAS")
            && local.countedEventIDs() == Set(world.store.eventIDs(unit: "HUMAS"))
            && local.integrityCheck()
    }

    @Test("Server down: a clear error, the work stays queued; once it is back the sync completes")
    func serverDown() async throws {
        let world = try await SyncWorld(file: true)
        defer { Task { await world.stop() } }
        let a = try world.terminal("a")
        try await world.sync(a, officer: "rina")
        _ = try Work.register(a, unit: "HUMAS")
        await world.stop()
        let sleeps = Sleeps()
        do {
            try await world.sync(a, officer: "rina", attempts: 3, sleeps: sleeps)
            Issue.record("sync succeeded with the server down")
        } catch let error as SyncError {
            guard case .unreachable = error else { Issue.record("expected unreachable, got \(error)"); return }
            #expect(error.text(.indonesian).contains("tetap tersimpan"))
        }
        #expect(sleeps.all.count == 2, "two retries after the first attempt")
        #expect(try a.pendingCount() == 1)
        #expect(try a.syncValue("lastError")?.isEmpty == false, "the status line can show the failure")
        try await world.start(reopen: true)
        #expect(try await world.sync(a, officer: "rina").accepted == 1)
        #expect(try a.syncValue("lastError") == "")
        #expect(try converged(a, world))
    }

    @Test("Timeouts: one slow answer is retried; a server that never answers in time gives a timeout")
    func timeouts() async throws {
        let world = try await SyncWorld()
        defer { Task { await world.stop() } }
        try await world.seed(count: 3)
        let a = try world.terminal("a")
        world.faults.inject(.delay(milliseconds: 2500), on: .changes)
        let impatient = world.engine(a, officer: "rina", attempts: 1, timeout: .seconds(1))
        await #expect(throws: SyncError.timedOut(server: world.url.absoluteString)) { try await impatient.run() }
        await impatient.shutdown()
        #expect(try a.eventCount() == 0 && a.syncCursor() == 0)
        world.faults.inject(.delay(milliseconds: 2500), on: .changes)
        let patient = world.engine(a, officer: "rina", attempts: 3, timeout: .seconds(1))
        // Closed whether the sync ends well or not: a client let go open is a crash in a debug build.
        let report = try await patient.runOnce()
        // At least the slow one; on a loaded machine a second attempt may take over a second too.
        #expect(report.retries >= 1 && report.pulled == 3)
        #expect(try converged(a, world))
    }

    @Test("5xx answers are retried with exponential backoff and jitter")
    func serverErrors() async throws {
        let world = try await SyncWorld()
        defer { Task { await world.stop() } }
        try await world.seed(count: 2)
        let a = try world.terminal("a")
        try await world.sync(a, officer: "rina")
        _ = try Work.register(a, unit: "HUMAS")
        world.faults.inject(.status(503), on: .changes)
        world.faults.inject(.status(500), on: .changes)
        world.faults.inject(.status(502), on: .events)
        let sleeps = Sleeps()
        let report = try await world.sync(a, officer: "rina", sleeps: sleeps)
        #expect(report.retries == 3 && report.accepted == 1)
        // Jitter 0.5 of a ceiling that doubles: 2 ms then 4 ms for the pull, 2 ms for the push.
        #expect(sleeps.all == [.milliseconds(1), .milliseconds(2), .milliseconds(1)])
        #expect(try converged(a, world))
        // A server that keeps failing: the sync stops with its message; nothing changed locally.
        _ = try Work.register(a, unit: "HUMAS")
        for _ in 0..<3 { world.faults.inject(.status(503), on: .changes) }
        await #expect(throws: SyncError.self) { try await world.sync(a, officer: "rina", attempts: 3) }
        #expect(try a.pendingCount() == 1)
    }

    @Test("401: a revoked or wrong token stops at once with what to do, and is not retried")
    func unauthorized() async throws {
        let world = try await SyncWorld()
        defer { Task { await world.stop() } }
        let a = try world.terminal("a")
        let sleeps = Sleeps()
        let engine = world.engine(a, officer: "rina", token: "ppid_wrong", sleeps: sleeps)
        await #expect(throws: SyncError.unauthorized) { try await engine.run() }
        await engine.shutdown()
        #expect(sleeps.all.isEmpty)
        #expect(SyncError.unauthorized.text(.indonesian).contains("token baru"))
        try world.store.revokeTokens(officer: "rina")
        await #expect(throws: SyncError.unauthorized) { try await world.sync(a, officer: "rina") }
    }

    @Test("Malformed or truncated JSON changes nothing; the retry or the next sync converges")
    func malformedAnswers() async throws {
        let world = try await SyncWorld()
        defer { Task { await world.stop() } }
        try await world.seed(count: 4)
        let a = try world.terminal("a")
        for fault in [FaultPlan.Fault.malformed, .truncated] {
            world.faults.inject(fault, on: .changes)
            do {
                try await world.sync(a, officer: "rina", attempts: 1)
                Issue.record("\(fault) was accepted \(world.faults.injected) \(try a.eventCount())")
            } catch let error as SyncError {
                guard case .malformedAnswer = error else { Issue.record("\(fault): \(error)"); continue }
            }
            #expect(try a.eventCount() == 0 && a.syncCursor() == 0, "\(fault) wrote nothing")
        }
        // A push answer cut short: the event stays pending until the server's answer is known; the next
        // sync finds it in the pull (the server had taken it) and marks it accepted, changing nothing there.
        try await world.sync(a, officer: "rina")
        _ = try Work.register(a, unit: "HUMAS")
        world.faults.inject(.truncated, on: .events)
        await #expect(throws: SyncError.self) { try await world.sync(a, officer: "rina", attempts: 1) }
        #expect(try a.pendingCount() == 1)
        let sequenceBefore = try world.store.latestSequence()
        let next = try await world.sync(a, officer: "rina")
        #expect(try next.alreadyHeld == 1 && next.accepted == 0 && a.pendingCount() == 0)
        #expect(try world.store.latestSequence() == sequenceBefore, "nothing was added twice on the server")
        #expect(try converged(a, world))
    }

    @Test("A duplicated page adds nothing twice")
    func duplicatedPage() async throws {
        let world = try await SyncWorld()
        defer { Task { await world.stop() } }
        try await world.seed(count: 20)
        let a = try world.terminal("a")
        world.faults.inject(.duplicatePreviousPage, on: .changes)  // nothing to repeat yet: a normal page
        world.faults.inject(.duplicatePreviousPage, on: .changes)
        world.faults.inject(.duplicatePreviousPage, on: .changes)
        let report = try await world.sync(a, officer: "rina", pageSize: 5)
        #expect(report.pulled == 20 && report.alreadyHeld >= 5, "\(report)")
        #expect(try a.eventCount() == 20)
        #expect(try converged(a, world))
    }

    @Test("The server restarted mid-sync: whole pages kept, the next sync resumes from the cursor")
    func serverRestartMidSync() async throws {
        let world = try await SyncWorld(file: true)
        defer { Task { await world.stop() } }
        try await world.seed(count: 30)
        let a = try world.terminal("a")
        let server = try #require(world.server)
        let engine = world.engine(a, officer: "rina", pageSize: 5, attempts: 2)
        let stopped = StopOnce()
        let stopping = StopTask()
        do {
            try await engine.run { progress in
                if progress.events >= 10 { stopped.run { stopping.set(Task { await server.stop() }) } }
            }
        } catch {
            // Expected most of the time: the server went away between pages.
        }
        await engine.shutdown()
        await stopping.wait()
        let cursor = try a.syncCursor()
        #expect(try a.eventCount() == Int(cursor), "every event up to the cursor, none past it: pages are whole")
        #expect(try a.integrityCheck())
        world.server = nil
        try await world.start(reopen: true)
        try await world.sync(a, officer: "rina", pageSize: 5)
        #expect(try converged(a, world))
    }

    @Test("The client killed in the middle of a pull: the database is whole, the next sync converges", .timeLimit(.minutes(2)))
    func clientKilledMidPage() async throws {
        let executable = try #require(ppidExecutable(), "build the ppid product first (swift build)")
        let world = try await SyncWorld()
        defer { Task { await world.stop() } }
        try await world.seed(count: 1500)
        let tokenFile = world.folder + "/rina.token"
        try TokenFileWriter.write(world.tokens["rina"]!, to: tokenFile)
        let path = world.folder + "/killed.sqlite"
        var kills = 0
        for round in 0..<6 {
            let process = Process()
            process.executableURL = executable
            process.arguments = ["sync", "--db", path, "--server", world.url.absoluteString, "--token-file", tokenFile,
                                 "--page-size", "50", "--quiet"]
            process.environment = ["HOME": world.folder, "XDG_CONFIG_HOME": world.folder + "/config"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            try await Task.sleep(for: .milliseconds(120 + round * 60))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                kills += 1
            }
            process.waitUntilExit()
            let local = try world.terminal("killed")
            #expect(try local.integrityCheck())
            #expect(try local.eventCount() == Int(local.syncCursor()), "round \(round): pages whole")
        }
        #expect(kills > 0, "at least one sync was killed mid-way")
        let local = try world.terminal("killed")
        try await world.sync(local, officer: "rina")
        #expect(try local.eventCount() == 1500)
        #expect(try converged(local, world))
    }
}

/// Holds the task that stops the server, to wait for it before restarting on the same port.
final class StopTask: Sendable {
    private let task = Mutex<Task<Void, Never>?>(nil)
    func set(_ task: Task<Void, Never>) { self.task.withLock { $0 = task } }
    func wait() async {
        let task = self.task.withLock { $0 }
        await task?.value
    }
}

/// Runs a closure once, from any thread.
final class StopOnce: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    func run(_ body: () -> Void) {
        lock.lock(); defer { lock.unlock() }
        guard !done else { return }
        done = true
        body()
    }
}

/// The built `ppid` executable, next to the test bundle.
func ppidExecutable() -> URL? {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = folder.appendingPathComponent("ppid")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        folder = folder.deletingLastPathComponent()
    }
    return nil
}
