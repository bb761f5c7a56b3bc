import ArgumentParser
import AsyncHTTPClient
import Foundation
import PPIDDomain
import PPIDStore
import PPIDSync
import PPIDWire

/// `ppid bench body`: a whole body's load on real `ppid-central` processes, on SQLite and on
/// PostgreSQL, with one instance and with two. Units with terminals each doing a unit's working day
/// (registrations, notices, deliveries, objections) and syncing every interval with a random phase;
/// then the morning rush (every terminal at once); a push of a backlog; a new terminal pulling a
/// large unit's history; the PPID Utama pulling the whole body. Figures, not a timed test.
struct BodyBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "body",
        abstract: "Beban satu badan publik: ratusan terminal, dua mesin basis data, satu/dua instans / A whole body's load.")

    @Option(help: "Unit kerja / Units.") var units = 200
    @Option(help: "Terminal per unit / Terminals per unit.") var terminals = 2
    @Option(help: "Lama hari kerja yang disimulasikan, detik / The simulated working day, seconds.") var day = 240
    @Option(help: "Selang sinkron tiap terminal, detik / Each terminal's sync interval, seconds.") var interval = 120
    @Option(help: "Riwayat unit besar (peristiwa) / The large unit's history (events).") var history = 100_000
    @Option(help: "Kiriman tertunda satu terminal (peristiwa) / One terminal's backlog (events).") var backlog = 10_000
    @Option(help: "Berapa kali lonjakan pagi diulang / How many times the morning rush is run.") var rushes = 1
    @Option(parsing: .upToNextOption, help: "sqlite, postgres") var engines: [String] = ["sqlite", "postgres"]
    @Option(parsing: .upToNextOption, help: "1, 2") var instances: [Int] = [1, 2]
    @Option(help: "Server PostgreSQL untuk basis data sementara / A PostgreSQL server for scratch databases (postgres://USER@HOST/postgres).")
    var postgres: String?
    @Option(help: "Folder kerja / Work folder.") var folder = "/tmp/ppid-bench-body"
    @Option(help: "Port pertama / First port.") var port = 18800

    func validate() throws {
        for (value, option) in [(units, "--units"), (terminals, "--terminals"), (day, "--day"), (interval, "--interval"),
                                (rushes, "--rushes")] where value < 1 {
            throw CommandError(message: "\(option): at least 1")
        }
        if history < 0 || backlog < 0 { throw CommandError(message: "--history and --backlog: 0 or more") }
        guard instances.allSatisfy({ (1...8).contains($0) }) else { throw CommandError(message: "--instances: each 1 to 8") }
        guard engines.allSatisfy({ $0 == "sqlite" || $0 == "postgres" }) else { throw CommandError(message: "--engines: sqlite, postgres") }
        guard units <= 999 else { throw CommandError(message: "--units: at most 999 (codes U001-U999)") }
    }

    func run() throws {
        let central = try SyncBenchCommand.sibling("ppid-central")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        print("ppid bench body: \(units) units x \(terminals) terminals, a \(day) s day syncing every \(interval) s, "
              + "history \(history) events, backlog \(backlog); ppid-central as its own processes on loopback")
        print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(StoreBenchCommand.cpuModel()); "
              + "the simulated terminals run in this process, on the same cores as the servers")
        for engine in engines {
            for count in instances {
                if engine == "postgres" && postgres == nil {
                    print("\n[postgres] skipped: give --postgres postgres://USER@HOST/postgres (a role that may create databases)")
                    break
                }
                fflush(nil)
                try runConfiguration(engine: engine, instances: count, central: central)
            }
        }
    }

    /// The register's location for one configuration: a fresh file, or a fresh PostgreSQL database.
    func register(engine: String, instances: Int) throws -> String {
        let name = "ppid_body_\(engine)_\(instances)_\(Int(Date().timeIntervalSince1970))"
        if engine == "sqlite" {
            let path = "\(folder)/\(name).sqlite"
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            return path
        }
        guard let server = postgres, var url = URLComponents(string: server) else { throw BodyBenchError("--postgres URL") }
        try SyncBenchCommand.runTool(URL(fileURLWithPath: "/usr/bin/psql"), [server, "-qc", "CREATE DATABASE \(name)"], quiet: true)
        url.path = "/" + name
        return url.string ?? server
    }

    func runConfiguration(engine: String, instances count: Int, central: URL) throws {
        print("\n[\(engine), \(count) instance\(count == 1 ? "" : "s")]")
        let database = try register(engine: engine, instances: count)
        let tokens = "\(folder)/tokens-\(engine)-\(count)"
        try? FileManager.default.removeItem(atPath: tokens)
        let started = ContinuousClock.now
        try SyncBenchCommand.runTool(central, ["generate", "--db", database, "--create", "--body-units", String(units),
                                               "--terminals-per-unit", String(terminals), "--token-folder", tokens,
                                               "--unit", "U001", "--events", String(history)], quiet: true)
        print(String(format: "  set up: %d units, %d tokens, %d history events in %.1f s", units, units * terminals + 2, history,
                     seconds(since: started)))
        var servers: [Process] = []
        defer { for server in servers { server.terminate(); server.waitUntilExit() } }
        for index in 0..<count {
            let server = Process()
            server.executableURL = central
            server.arguments = ["serve", "--db", database, "--port", String(port + index)]
            server.standardOutput = FileHandle.nullDevice
            server.standardError = FileHandle.nullDevice
            try server.run()
            servers.append(server)
        }
        let urls = (0..<count).map { "http://127.0.0.1:\(port + $0)" }
        for (url, server) in zip(urls, servers) { try SyncBenchCommand().waitForHealth(url, tokenFile: "\(tokens)/utama.token", server: server) }
        let pids = servers.map(\.processIdentifier)
        for pid in pids { Memory.resetPeak(pid: pid) }
        try runBlocking { try await self.phases(urls: urls, tokens: tokens, pids: pids) }
        print("  server peak memory: \(ProcessFigures.peakMiB(pids)) MiB (largest instance)")
        print("  database size: \(size(of: database))")
    }

    func phases(urls: [String], tokens: String, pids: [Int32]) async throws {
        var configuration = CentralClient.baseConfiguration()
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 64
        configuration.timeout = .init(connect: .seconds(10), read: .seconds(120))
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            try await phases(urls: urls, tokens: tokens, pids: pids, http: http)
            try? await http.shutdown()
        } catch {
            try? await http.shutdown()
            throw error
        }
    }

    func phases(urls: [String], tokens: String, pids: [Int32], http: HTTPClient) async throws {
        var fleet: [VirtualTerminal] = []
        for index in 1...units {
            let unit = String(format: "U%03d", index)
            for terminal in 1...max(1, terminals) {
                let token = try String(contentsOfFile: "\(tokens)/\(unit)-\(terminal).token", encoding: .utf8)
                    .trimmingCharacters(in: .whitespacesAndNewlines)
                let clients = try urls.map { url in
                    var settings = SyncSettings(server: try URL(string: url).unwrap(), token: token)
                    settings.timeout = .seconds(120)
                    return CentralClient(settings: settings, shared: http)
                }
                fleet.append(VirtualTerminal(unit: unit, login: "\(unit.lowercased())-\(terminal)", clients: clients))
            }
        }
        // Every terminal's first sync: the large unit's terminals take its history here, the rest nothing.
        for terminal in fleet where terminal.unit != "U001" { _ = try await terminal.sync() }
        for terminal in fleet where terminal.unit == "U001" { terminal.cursor = Int64(history) }

        // The working day: each terminal syncs every interval from a random phase, with work most times.
        var cpu = ProcessFigures.cpuSeconds(pids)
        var clock = ContinuousClock.now
        let dayEnd = ContinuousClock.now + .seconds(day)
        let results = try await withThrowingTaskGroup(of: [(Duration, Bool, Int)].self) { group in
            for terminal in fleet {
                group.addTask {
                    var samples: [(Duration, Bool, Int)] = []
                    var next = ContinuousClock.now + .milliseconds(Int.random(in: 0..<(self.interval * 1000)))
                    while next < dayEnd {
                        try await Task.sleep(until: next, clock: .continuous)
                        if Double.random(in: 0..<1) < 0.7 { terminal.work(cases: 2) }
                        let start = ContinuousClock.now
                        let moved = try await terminal.sync()
                        samples.append((ContinuousClock.now - start, moved.pulled + moved.pushed == 0, moved.pushed))
                        next = next + .seconds(self.interval)
                    }
                    return samples
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        var empty = Latencies(), busy = Latencies()
        for (duration, isEmpty, _) in results { if isEmpty { empty.add(duration) } else { busy.add(duration) } }
        let pushedInDay = results.map(\.2).reduce(0, +)
        let dayCPU = ProcessFigures.cpuSeconds(pids) - cpu
        print(String(format: "  working day (%d s): empty syncs %@; non-empty %@; %d events pushed; server CPU %.1f s (%.0f%% of one core)",
                     day, empty.text, busy.text, pushedInDay, dayCPU, dayCPU / seconds(since: clock) * 100))

        // The morning rush: every terminal at once, with nothing new for most (run again with
        // --rushes to see how much one figure moves on a shared machine).
        for _ in 0..<rushes {
            cpu = ProcessFigures.cpuSeconds(pids)
            let terminalsCPU = ProcessFigures.cpuSeconds(getpid())
            clock = ContinuousClock.now
            let rush = try await withThrowingTaskGroup(of: (Duration, Bool).self) { group in
                for terminal in fleet {
                    group.addTask {
                        let start = ContinuousClock.now
                        let moved = try await terminal.sync()
                        return (ContinuousClock.now - start, moved.pulled + moved.pushed == 0)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            var rushEmpty = Latencies(), rushBusy = Latencies()
            for (duration, isEmpty) in rush { if isEmpty { rushEmpty.add(duration) } else { rushBusy.add(duration) } }
            print(String(format: "  morning rush (%d terminals at once, %.2f s in all): empty syncs %@ (target p99 <= 50 ms); non-empty %@; server CPU %.2f s, the simulated terminals' %.2f s",
                         fleet.count, seconds(since: clock), rushEmpty.text, rushBusy.text, ProcessFigures.cpuSeconds(pids) - cpu,
                         ProcessFigures.cpuSeconds(getpid()) - terminalsCPU))
        }

        // A backlog pushed by one terminal back from days offline: a real terminal database and the
        // real sync engine (its stored envelopes sent as they are, batches pipelined), as an officer's.
        let backlogPath = "\(folder)/backlog-\(UUID().uuidString.prefix(8)).sqlite"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: backlogPath + suffix) } }
        let offline = try LocalStore(path: backlogPath, workstation: Workstation(officer: "bench", terminal: "bench"))
        let offlineSettings = try SyncSettings.load(server: urls[0], tokenFile: "\(tokens)/U002-1.token")
        _ = try await SyncBenchCommand.sync(offline, offlineSettings)  // takes the unit from the token
        try SyncBenchCommand.makeLocalWork(offline, events: backlog)
        cpu = ProcessFigures.cpuSeconds(pids)
        let pushed = try await SyncBenchCommand.sync(offline, offlineSettings)
        print(String(format: "  backlog push: %d events in %.2f s, %.0f events/s end to end (target >= 20000); server CPU %.1f s",
                     pushed.accepted, pushed.seconds, Double(pushed.accepted) / pushed.seconds, ProcessFigures.cpuSeconds(pids) - cpu))
        guard pushed.rejected == 0 else { throw BodyBenchError("\(pushed.rejected) backlog events refused") }

        // A new terminal pulls the large unit's history into its database; the Utama pulls the body.
        for (label, token) in [("new terminal, unit U001", "\(tokens)/U001-new.token"), ("PPID Utama, whole body", "\(tokens)/utama.token")] {
            let path = "\(folder)/client-\(UUID().uuidString.prefix(8)).sqlite"
            defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
            let client = try LocalStore(path: path, workstation: Workstation(officer: "bench", terminal: "bench"))
            var settings = try SyncSettings.load(server: urls[0], tokenFile: token)
            settings.pageSize = 5000
            cpu = ProcessFigures.cpuSeconds(pids)
            let report = try await SyncBenchCommand.sync(client, settings)
            print(String(format: "  initial pull, %@: %d events in %.1f s, %.0f events/s into its database (target >= 100000); server CPU %.1f s",
                         label, report.pulled, report.seconds, Double(report.pulled) / report.seconds, ProcessFigures.cpuSeconds(pids) - cpu))
        }
    }

    func size(of database: String) -> String {
        if database.hasPrefix("postgres") {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
            process.arguments = [database, "-tAc", "SELECT pg_size_pretty(pg_database_size(current_database()))"]
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { return "?" }
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let bytes = ["", "-wal"].compactMap { try? FileManager.default.attributesOfItem(atPath: database + $0)[.size] as? Int }.reduce(0, +)
        return "\(bytes / (1 << 20)) MiB"
    }
}

extension Optional {
    func unwrap() throws -> Wrapped {
        guard let self else { throw BodyBenchError("a value was missing") }
        return self
    }
}
