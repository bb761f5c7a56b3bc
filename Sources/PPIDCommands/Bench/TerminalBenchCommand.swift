import ArgumentParser
import CNCursesW
import Foundation

/// `ppid bench terminal --db FILE`: runs the terminal app on a pseudo-terminal and prints the time to
/// the first full screen, and the time and bytes of each kind of keystroke, at 80x24 and 200x50.
struct TerminalBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terminal",
        abstract: "Waktu dan bita per tombol pada terminal semu / Time and bytes per keystroke on a pseudo-terminal."
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "Ulangan per tombol / Repetitions per keystroke.")
    var runs: Int = 20

    @Option(help: "Ukuran, mis. 80x24,200x50 / Sizes.")
    var sizes: String = "80x24,200x50"

    @Option(help: "Berapa kali layar pertama diukur per ukuran / First-screen samples per size.")
    var starts: Int = 5

    @Flag(help: "Kosongkan cache halaman sebelum tiap awal (root) / Drop the page cache before each start (root only).")
    var cold = false

    func run() throws {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        if cold && !PageCache.drop() {
            throw CommandError(message: "--cold: cannot write /proc/sys/vm/drop_caches (run as root, outside a container that forbids it)")
        }
        print("ppid bench terminal: \(store.resolvedPath); TERM=xterm-256color, LANG=C.UTF-8; \(cold ? "COLD (page cache dropped before each start)" : "warm")")
        print("first screen = the last byte before the output is quiet for 250 ms (median of \(starts) starts; first byte in brackets)")
        print("keys = from the key written to the frame's last byte (the frame is done when 40 ms pass without output); medians of \(runs)")
        print("")
        print("size      first screen              move one row      page down        switch pane      search keystroke")
        for size in sizes.split(separator: ",") {
            let parts = size.split(separator: "x").compactMap { Int($0) }
            guard parts.count == 2 else { throw CommandError(message: "--sizes: write e.g. 80x24,200x50") }
            // The first screen, several times: each start a new process, cold when asked.
            var firsts: [(last: Double, first: Double, bytes: Int)] = []
            for _ in 0..<max(1, starts) {
                if cold { _ = PageCache.drop() }
                let probe = try PTYSession(executable: executable, arguments: ["tui", "--db", store.resolvedPath],
                                           columns: parts[0], rows: parts[1])
                let screen = probe.firstScreen(quiet: 0.25, timeout: 30)
                probe.stop()
                firsts.append(screen)
            }
            firsts.sort { $0.last < $1.last }
            let first = firsts[firsts.count / 2]
            let session = try PTYSession(executable: executable, arguments: ["tui", "--db", store.resolvedPath],
                                         columns: parts[0], rows: parts[1])
            defer { session.stop() }
            _ = session.firstScreen(quiet: 0.25, timeout: 30)
            let move = session.measure(key: "j", runs: runs)
            let page = session.measure(key: "\u{04}", runs: max(3, runs / 4))  // Ctrl-D
            let pane = session.measure(keys: ["2", "3", "1"], runs: runs)
            _ = session.press("2")
            _ = session.press("/")
            let search = session.measure(keys: ["l", "a", "p", "o", "r", "a", "n", " ", "k", "e", "u"], runs: 11, once: true)
            print(String(format: "%-9@ %7.1f ms (%5.1f) %6d B   %6.2f ms %5d B   %6.2f ms %5d B   %6.2f ms %5d B   %6.2f ms %5d B",
                         String(size) as NSString, first.last * 1000, first.first * 1000, first.bytes, move.ms, move.bytes,
                         page.ms, page.bytes, pane.ms, pane.bytes, search.ms, search.bytes))
        }
    }
}

/// The terminal app on a pseudo-terminal, with its output counted.
final class PTYSession {
    let pid: Int32
    let master: Int32
    let start = DispatchTime.now().uptimeNanoseconds

    init(executable: String, arguments: [String], columns: Int, rows: Int) throws {
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm-256color"
        environment["LANG"] = "C.UTF-8"
        environment.removeValue(forKey: "NO_COLOR")
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var fd: Int32 = -1
        pid = argv.withUnsafeBufferPointer { a in
            envp.withUnsafeBufferPointer { e in
                ppid_spawn_in_pty(executable, a.baseAddress, e.baseAddress, Int32(rows), Int32(columns), &fd)
            }
        }
        guard pid > 0 else { throw CommandError(message: "cannot start ppid on a pseudo-terminal") }
        master = fd
    }

    func stop() {
        kill(pid, SIGTERM)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(master)
    }

    /// Reads what is available within `timeout` seconds.
    func read(timeout: Double) -> [UInt8] {
        var fds = [pollfd(fd: master, events: Int16(POLLIN), revents: 0)]
        guard poll(&fds, 1, Int32(timeout * 1000)) > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = Glibc.read(master, &buffer, buffer.count)
        return count > 0 ? Array(buffer.prefix(count)) : []
    }

    /// Waits for `marker` in the output; returns the seconds since start and the bytes read.
    func waitFor(_ marker: String, timeout: Double) -> (seconds: Double, bytes: Int) {
        var seen: [UInt8] = []
        let needle = Array(marker.utf8)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            seen += read(timeout: 0.05)
            if seen.count >= needle.count, (0...(seen.count - needle.count)).contains(where: { Array(seen[$0..<$0 + needle.count]) == needle }) {
                return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, seen.count)
            }
        }
        return (timeout, seen.count)
    }

    /// The first screen: seconds from the start to the first byte and to the last byte before the
    /// output is quiet for `quiet` seconds, and the bytes written.
    func firstScreen(quiet: Double, timeout: Double) -> (last: Double, first: Double, bytes: Int) {
        var total = 0
        var firstAt: UInt64?
        var lastAt = start
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(timeout * 1e9)
        while DispatchTime.now().uptimeNanoseconds < deadline {
            let chunk = read(timeout: firstAt == nil ? 0.5 : quiet)
            if chunk.isEmpty {
                if firstAt != nil { break }
                continue
            }
            let now = DispatchTime.now().uptimeNanoseconds
            if firstAt == nil { firstAt = now }
            lastAt = now
            total += chunk.count
        }
        return (Double(lastAt - start) / 1e9, Double((firstAt ?? lastAt) - start) / 1e9, total)
    }

    /// Reads until `quiet` seconds pass without output; returns the bytes and when the last one came.
    func drain(quiet: Double) -> (bytes: Int, last: UInt64) {
        var total = 0
        var last = DispatchTime.now().uptimeNanoseconds
        while true {
            let chunk = read(timeout: quiet)
            if chunk.isEmpty { return (total, last) }
            total += chunk.count
            last = DispatchTime.now().uptimeNanoseconds
        }
    }

    /// Writes a key and waits for its frame: (milliseconds to the frame's last byte, bytes).
    func press(_ key: String) -> (ms: Double, bytes: Int) {
        let written = DispatchTime.now().uptimeNanoseconds
        _ = key.utf8CString.withUnsafeBufferPointer { Glibc.write(master, $0.baseAddress, key.utf8.count) }
        let result = drain(quiet: 0.04)
        return (result.bytes == 0 ? 0 : Double(result.last - written) / 1e6, result.bytes)
    }

    /// The median time and bytes of pressing `key` `runs` times.
    func measure(key: String, runs: Int) -> (ms: Double, bytes: Int) { measure(keys: [key], runs: runs) }

    func measure(keys: [String], runs: Int, once: Bool = false) -> (ms: Double, bytes: Int) {
        var samples: [(ms: Double, bytes: Int)] = []
        var index = 0
        for _ in 0..<runs {
            samples.append(press(keys[index % keys.count]))
            index += 1
            if once && index >= keys.count { break }
        }
        let times = samples.map(\.ms).sorted()
        let bytes = samples.map(\.bytes).sorted()
        return (times[times.count / 2], bytes[bytes.count / 2])
    }
}

/// The kernel's page cache, dropped for a cold measurement (root only).
enum PageCache {
    /// Writes back dirty pages and drops the clean ones; false when not allowed.
    static func drop() -> Bool {
        Glibc.sync()
        guard let handle = FileHandle(forWritingAtPath: "/proc/sys/vm/drop_caches") else { return false }
        defer { try? handle.close() }
        do { try handle.write(contentsOf: Data("3\n".utf8)) } catch { return false }
        return true
    }
}
