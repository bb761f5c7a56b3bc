import Foundation
import Synchronization
import Testing

/// Drives a program in a detached tmux session, as a person at a terminal would.
final class TmuxDriver {
    /// A new tmux server for each start: a server being killed cannot be reused at once.
    private(set) var socket = "ppid-test-\(UUID().uuidString.prefix(8))"
    let folder: URL

    init() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// The tmux server and the pane's shell of the running session, to stop them by their own ids.
    private var started: (server: pid_t, pane: pid_t)?

    deinit { stop() }

    /// Stops what this driver started: the pane's process group (the shell, the program, its
    /// `sleep`), then the tmux server, each by its own id. `kill-server` alone is not enough: a
    /// shell started where SIGHUP is ignored (under nohup, as CI may be) outlives it, and so does
    /// the server waiting for it.
    func stop() {
        guard let started else { return }
        self.started = nil
        if started.pane > 1 { kill(-started.pane, SIGKILL) }
        _ = tmux(["kill-server"])
        if started.server > 1 {
            for _ in 0..<20 where kill(started.server, 0) == 0 { usleep(50_000) }
            if kill(started.server, 0) == 0 { kill(started.server, SIGKILL) }
        }
        Self.registry.withLock { $0.remove(started.server); $0.remove(started.pane) }
    }

    /// Stops what this driver started and records an issue if any of it is still alive.
    func finish(sourceLocation: SourceLocation = #_sourceLocation) {
        let ids = started.map { [$0.server, $0.pane] } ?? []
        stop()
        usleep(100_000)
        let left = Self.alive(ids)
        if !left.isEmpty { Issue.record("processes left behind: \(left)", sourceLocation: sourceLocation) }
    }

    /// The ids of every tmux server and pane shell the drivers of this process started and have not stopped.
    static let registry = Mutex<Set<pid_t>>([])

    /// Whether a process of these ids is still alive (a zombie reaped by init counts as gone).
    static func alive(_ pids: some Sequence<pid_t>) -> [pid_t] {
        pids.filter { pid in
            guard kill(pid, 0) == 0 else { return false }
            // "pid (name) state …": the name may hold spaces (`tmux: server`), the state follows its last ')'.
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return false }
            return stat[stat.index(after: close)...].split(separator: " ").first != "Z"
        }
    }

    static var available: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") && ppidExecutable() != nil
    }

    /// Runs tmux and returns what it printed (when `capture`). Spawned and reaped directly with
    /// posix_spawn and waitpid: `new-session` forks the tmux server, which must not inherit a pipe
    /// we wait on.
    @discardableResult
    func tmux(_ arguments: [String], capture: Bool = false) -> String {
        let output = folder.appendingPathComponent("out-\(UUID().uuidString)").path
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, capture ? output : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ["/usr/bin/tmux", "-L", socket, "-f", "/dev/null"] + arguments
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { for pointer in cArguments { free(pointer) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/usr/bin/tmux", &actions, nil, &cArguments, environ) == 0 else { return "" }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        guard capture else { return "" }
        defer { unlink(output) }
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }

    /// Starts `command` (a shell line) in a terminal of the given size. The terminal settings before
    /// and after the program are saved, to prove it restored them.
    func start(_ command: String, columns: Int = 100, rows: Int = 30, term: String = "xterm-256color",
               environment: String = "LANG=C.UTF-8") {
        let script = folder.appendingPathComponent("run.sh")
        let body = """
            stty -g > '\(folder.path)/stty-before'
            \(command)
            echo $? > '\(folder.path)/rc'
            stty -g > '\(folder.path)/stty-after'
            sleep 3600
            """
        try? body.write(to: script, atomically: true, encoding: .utf8)
        stop()
        socket = "ppid-test-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.removeItem(at: folder.appendingPathComponent("rc"))
        tmux(["new-session", "-d", "-s", "main", "-x", "\(columns)", "-y", "\(rows)",
              "env TERM=\(term) \(environment) USER=rina sh '\(script.path)'"])
        tmux(["set-option", "-g", "status", "off"])
        let ids = tmux(["display-message", "-p", "-t", "main", "#{pid} #{pane_pid}"], capture: true)
            .split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { pid_t($0) }
        if ids.count == 2 {
            started = (ids[0], ids[1])
            Self.registry.withLock { $0.formUnion(ids) }
        }
    }

    func keys(_ keys: String...) { tmux(["send-keys", "-t", "main"] + keys) }
    func text(_ text: String) { tmux(["send-keys", "-t", "main", "-l", text]) }
    var screen: String { tmux(["capture-pane", "-p", "-t", "main"], capture: true) }
    /// The screen with its colour and attribute escape sequences.
    var screenWithAttributes: String { tmux(["capture-pane", "-e", "-p", "-t", "main"], capture: true) }
    func resize(columns: Int, rows: Int) { tmux(["resize-window", "-t", "main", "-x", "\(columns)", "-y", "\(rows)"]) }

    /// Waits until `text` shows; records an issue with the screen when it does not.
    @discardableResult
    func wait(for text: String, seconds: Double = 15, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if screen.contains(text) { return true }
            usleep(100_000)
        }
        Issue.record("'\(text)' did not appear; the screen:\n\(screen)", sourceLocation: sourceLocation)
        return false
    }

    /// The exit status once the program has ended, waiting up to `seconds`.
    func exitStatus(seconds: Double = 10) -> Int? {
        let file = folder.appendingPathComponent("rc")
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let text = try? String(contentsOf: file, encoding: .utf8), let rc = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return rc
            }
            usleep(100_000)
        }
        return nil
    }

    /// Whether the terminal settings after the program equal those before it.
    var terminalRestored: Bool {
        usleep(200_000)
        let before = try? String(contentsOf: folder.appendingPathComponent("stty-before"), encoding: .utf8)
        let after = try? String(contentsOf: folder.appendingPathComponent("stty-after"), encoding: .utf8)
        return before != nil && before == after
    }

    /// The process id of the program (a child of the pane's shell).
    func programPID(named name: String = "ppid") -> Int32? {
        let shell = tmux(["display-message", "-p", "-t", "main", "#{pane_pid}"], capture: true).trimmingCharacters(in: .whitespacesAndNewlines)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pgrep")
        process.arguments = ["-P", shell, name]
        let pipe = Pipe()
        process.standardOutput = pipe
        try? process.run()
        process.waitUntilExit()
        return Int32(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: "\n").first ?? "")
    }
}
