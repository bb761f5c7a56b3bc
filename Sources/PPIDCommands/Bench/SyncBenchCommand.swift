import ArgumentParser
import Foundation
import PPIDDomain
import PPIDStore
import PPIDSync
import PPIDWire

/// `ppid bench sync`: the sync's figures on loopback against a real `ppid-central` process: an initial
/// pull (events per second end to end into the client's database, peak memory of each side), an empty
/// incremental sync (round trips, bytes, time) and a push.
struct SyncBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Tarikan awal, sinkron kosong dan kiriman lewat loopback / Initial pull, empty sync and push over loopback.")

    @Option(parsing: .upToNextOption, help: "Ukuran tarikan awal (peristiwa) / Initial pull sizes (events).")
    var events: [Int] = [100_000]
    @Option(help: "Peristiwa yang dikirim / Events pushed.") var push = 10_000
    @Option(help: "Peristiwa per halaman / Events per page.") var pageSize = 5000
    @Option(help: "Folder kerja (basis data server disimpan untuk dipakai ulang) / Work folder (server databases are kept for reuse).")
    var folder = "/tmp/ppid-bench-sync"
    @Option(help: "Port server / Server port.") var port = 18790
    @Flag(help: .hidden) var quietHeader = false

    func run() throws {
        let central = try Self.sibling("ppid-central")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if !quietHeader {
            print("ppid bench sync: loopback, ppid-central as its own process, the client in this one; page size \(pageSize)")
            print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(StoreBenchCommand.cpuModel())")
            print("")
        }
        guard events.count > 1 else {
            for count in events { try benchPull(count: count, central: central) }
            return
        }
        // One process per size: memory a larger pull reaches must not be counted from a smaller one's leftovers.
        let me = try Self.sibling("ppid")
        for count in events {
            fflush(nil)
            try Self.runTool(me, ["bench", "sync", "--events", String(count), "--push", String(push), "--page-size", String(pageSize),
                                  "--folder", folder, "--port", String(port), "--quiet-header"])
        }
    }

    func benchPull(count: Int, central: URL) throws {
        let database = "\(folder)/central-\(count).sqlite"
        if !FileManager.default.fileExists(atPath: database) {
            let started = Date()
            try Self.runTool(central, ["generate", "--db", database, "--create", "--events", String(count)])
            print(String(format: "generated %d events in %.1f s (kept in %@)", count, Date().timeIntervalSince(started), database))
        }
        // Each run serves a fresh copy of the generated register: the events a run pushes must not
        // stay for the next run's pusher to pull first, nor grow the register from run to run.
        let served = "\(folder)/central-\(count)-run.sqlite"
        try Self.copyDatabase(database, to: served)
        for (login, unit) in [("bench", "HUMAS"), ("benchkeu", "KEU")] {
            try? Self.runTool(central, ["officer", "add", login, "--name", login, "--unit", unit, "--db", served], quiet: true)
            try Self.runTool(central, ["token", "issue", login, "--db", served, "--output", "\(folder)/\(login).token"], quiet: true)
        }
        let server = Process()
        server.executableURL = central
        server.arguments = ["serve", "--db", served, "--port", String(port)]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { server.terminate(); server.waitUntilExit() }
        let url = "http://127.0.0.1:\(port)"
        try waitForHealth(url, tokenFile: "\(folder)/bench.token", server: server)

        // Initial pull.
        let clientPath = "\(folder)/client-\(count).sqlite"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: clientPath + suffix) }
        let client = try LocalStore(path: clientPath, workstation: Workstation(officer: "bench", terminal: "bench"))
        var settings = try SyncSettings.load(server: url, tokenFile: "\(folder)/bench.token")
        settings.pageSize = pageSize
        settings.pushBatch = 1000
        Memory.resetPeak(pid: server.processIdentifier)
        Memory.resetPeak(pid: getpid())
        let baseline = Memory.current(pid: getpid())
        var cpu = (client: ProcessFigures.cpuSeconds(getpid()), server: ProcessFigures.cpuSeconds(server.processIdentifier))
        let pull = try Self.sync(client, settings)
        let pullCPU = (client: ProcessFigures.cpuSeconds(getpid()) - cpu.client, server: ProcessFigures.cpuSeconds(server.processIdentifier) - cpu.server)
        let clientPeak = Memory.peak(pid: getpid())
        let serverPeak = Memory.peak(pid: server.processIdentifier)
        print("initial pull of \(count) events")
        print(String(format: "  %.1f s, %.0f events/s end to end into the client's database (target >= 100000)",
                     pull.seconds, Double(pull.pulled) / pull.seconds))
        print("  \(pull.roundTrips) requests, \(pull.bytesReceived / 1024) KiB received (gzip)")
        print("  peak memory: client \(clientPeak / 1024) MiB (\(baseline / 1024) MiB before the pull), server \(serverPeak / 1024) MiB")
        print(String(format: "  CPU: client %.2f s, server %.2f s", pullCPU.client, pullCPU.server))

        try Self.printDecoding(clientPath, pageSize: pageSize)

        // Incremental sync with nothing new.
        let empty = try Self.sync(client, settings)
        print(String(format: "empty incremental sync: %d round trip(s), %d bytes received, %.1f ms", empty.roundTrips, empty.bytesReceived, empty.seconds * 1000))

        // Push.
        let pushPath = "\(folder)/push-\(count).sqlite"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: pushPath + suffix) }
        let pusher = try LocalStore(path: pushPath, workstation: Workstation(officer: "benchkeu", terminal: "bench"))
        var pushSettings = try SyncSettings.load(server: url, tokenFile: "\(folder)/benchkeu.token")
        pushSettings.pushBatch = 1000
        _ = try Self.sync(pusher, pushSettings)  // takes the unit from the token
        try Self.makeLocalWork(pusher, events: push)
        cpu = (client: ProcessFigures.cpuSeconds(getpid()), server: ProcessFigures.cpuSeconds(server.processIdentifier))
        let pushed = try Self.sync(pusher, pushSettings)
        let pushCPU = (client: ProcessFigures.cpuSeconds(getpid()) - cpu.client, server: ProcessFigures.cpuSeconds(server.processIdentifier) - cpu.server)
        print(String(format: "push of %d events: %.1f s, %.0f events/s, %d accepted, %d refused, %d requests, %d KiB sent",
                     push, pushed.seconds, Double(pushed.accepted) / pushed.seconds, pushed.accepted, pushed.rejected,
                     pushed.roundTrips, pushed.bytesSent / 1024))
        print(String(format: "  CPU: client %.2f s, server %.2f s", pushCPU.client, pushCPU.server))
        print("")
    }

    /// The decoding of one page on its own, from the events the pull stored, framed as the server
    /// frames them: the best of fifteen in the thread's CPU time, steadier on a shared machine than
    /// the pull's end-to-end figure, for comparing two builds of the decoder.
    static func printDecoding(_ clientPath: String, pageSize: Int) throws {
        let rows = try RawSQLite(path: clientPath).blobsAndNumbers("SELECT payload, server_seq FROM events ORDER BY seq LIMIT \(pageSize)")
        guard !rows.isEmpty else { return }
        var page = Array(#"{"events":["#.utf8)
        for (index, row) in rows.enumerated() {
            if index > 0 { page.append(UInt8(ascii: ",")) }
            page += Array(#"{"envelope":"#.utf8) + row.bytes + Array(#","sequence":\#(row.number),"unit":"HUMAS"}"#.utf8)
        }
        page += Array(#"],"hasMore":true,"nextCursor":\#(rows.last?.number ?? 0),"latest":\#(rows.last?.number ?? 0)}"#.utf8)
        let data = Data(page)
        var best = Double.infinity
        for _ in 0..<15 {
            let started = threadCPUSeconds()
            let decoded = try WireDecoding.changesPage(from: data)
            best = min(best, threadCPUSeconds() - started)
            guard decoded.0.events.count == rows.count else {
                throw CommandError(message: "decoded \(decoded.0.events.count) of \(rows.count) events")
            }
        }
        print(String(format: "  decoding a page of %d on its own: %.1f ms of CPU (best of 15), %.2f µs per event",
                     rows.count, best * 1000, best / Double(rows.count) * 1_000_000))
    }

    /// The calling thread's CPU time.
    static func threadCPUSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1_000_000_000
    }

    static func sync(_ store: LocalStore, _ settings: SyncSettings) throws -> SyncReport {
        try runBlocking { try await sync(store, settings) }
    }

    /// One sync of a real terminal database through the real engine.
    static func sync(_ store: LocalStore, _ settings: SyncSettings) async throws -> SyncReport {
        do throws(SyncError) {
            return try await SyncEngine(store: store, settings: settings).runOnce()
        } catch {
            throw CommandError(message: error.text(.english))
        }
    }

    /// Offline work on a terminal: requests registered and taken through their steps, five events each.
    static func makeLocalWork(_ store: LocalStore, events: Int) throws {
        var made = 0
        while made < events {
            let registration = RequestRegistration(
                id: store.newCaseID(), registrationNumber: "", unit: store.profile.code, receivedAt: Date(), channel: .inPerson,
                requester: Requester(name: "Pemohon \(made)", nik: "3171234567890002", address: "Jakarta"),
                information: "Data anggaran", purpose: "Riset")
            let id = try withStore(.english) { () throws(StoreError) in try store.registerRequest(registration).registration.id }
            made += 1
            let steps: [RequestEvent] = [.processingStarted, .extended(reason: "Koordinasi"),
                                         .decided(Decision(outcome: .grantedInFull, form: .softCopy)), .delivered(method: .email, note: "")]
            for step in steps where made < events {
                try withStore(.english) { () throws(StoreError) in _ = try store.record(.request(id, step)) }
                made += 1
            }
        }
    }

    /// Waits for the server this benchmark started to answer. A server that has exited (its port
    /// taken, say by one a killed run left) fails the run, so nothing is measured on another process.
    func waitForHealth(_ url: String, tokenFile: String, server: Process) throws {
        let settings = try SyncSettings.load(server: url, tokenFile: tokenFile)
        let up = try runBlocking {
            let client = CentralClient(settings: settings)
            defer { Task { await client.shutdown() } }
            for _ in 0..<100 {
                guard server.isRunning else { return false }
                if (try? await client.health()) != nil {
                    // Another process may have answered while ours was failing to bind: ask again once ours settled.
                    try? await Task.sleep(for: .milliseconds(200))
                    return server.isRunning
                }
                try? await Task.sleep(for: .milliseconds(100))
            }
            return false
        }
        guard up else {
            throw CommandError(message: "ppid-central did not start on \(url): is another process on that port? Choose another with --port")
        }
    }

    /// Copies a closed SQLite database with its write-ahead log, replacing whatever `target` held.
    static func copyDatabase(_ source: String, to target: String) throws {
        let files = FileManager.default
        for suffix in ["", "-wal", "-shm"] {
            try? files.removeItem(atPath: target + suffix)
            if suffix != "-shm" && files.fileExists(atPath: source + suffix) {
                try files.copyItem(atPath: source + suffix, toPath: target + suffix)
            }
        }
    }

    static func sibling(_ name: String) throws -> URL {
        let me = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        let candidate = me.deletingLastPathComponent().appendingPathComponent(name)
        guard FileManager.default.isExecutableFile(atPath: candidate.path) else {
            throw CommandError(message: "\(name) not found next to ppid (\(candidate.path)); build it: swift build -c release")
        }
        return candidate
    }

    static func runTool(_ tool: URL, _ arguments: [String], quiet: Bool = false) throws {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        if quiet {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandError(message: "\(tool.lastPathComponent) \(arguments.joined(separator: " ")) failed")
        }
    }
}

/// Resident memory from /proc, in KiB: the current size, and the peak since the last reset.
enum Memory {
    static func field(_ name: String, pid: Int32) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
        }
        return 0
    }

    static func current(pid: Int32) -> Int { field("VmRSS", pid: pid) }
    static func peak(pid: Int32) -> Int { field("VmHWM", pid: pid) }

    /// Resets the peak to the current size (Linux: "5" into clear_refs).
    static func resetPeak(pid: Int32) {
        try? "5".write(toFile: "/proc/\(pid)/clear_refs", atomically: false, encoding: .utf8)
    }
}
