import Foundation
import Testing

/// The README's walk-through, for real: `ppid-central --demo` as its own process and two `ppid`
/// terminals of one unit in tmux. Work done in one reaches the other through the server.
@Suite("Sync in real terminals", .serialized, .enabled(if: TmuxDriver.available))
struct SyncEndToEndTests {
    let ppid = ppidExecutable()?.path ?? "ppid"

    /// A TCP port free right now on loopback.
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    @Test("A server and two terminals of one unit: work done in one shows in the other after R", .timeLimit(.minutes(3)))
    func twoTerminals() throws {
        let central = URL(fileURLWithPath: ppid).deletingLastPathComponent().appendingPathComponent("ppid-central")
        try #require(FileManager.default.isExecutableFile(atPath: central.path), "build ppid-central first (swift build)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ppid-sync-e2e-\(UUID().uuidString)").path
        let port = Self.freePort()
        let server = Process()
        server.executableURL = central
        server.arguments = ["--demo", "--db", folder + "/central.sqlite", "--token-folder", folder + "/tokens", "--port", String(port)]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { server.terminate(); server.waitUntilExit() }
        for _ in 0..<100 where !FileManager.default.fileExists(atPath: folder + "/tokens/humas2.token") { usleep(100_000) }
        let url = "http://127.0.0.1:\(port)"
        func command(_ officer: String) -> String {
            "'\(ppid)' --db '\(folder)/\(officer).sqlite' --empty --server \(url) --token-file '\(folder)/tokens/\(officer).token'"
        }

        let one = TmuxDriver()
        defer { one.finish() }

        one.start(command("humas1"))
        #expect(one.wait(for: "Sinkron selesai"), "the first sync runs at start")
        #expect(one.wait(for: "/PORTAL/HUMAS/"), "requests dispatched centrally arrived")
        #expect(!one.screen.contains("/PORTAL/KEU/"), "and none of another unit")
        one.keys("s")
        #expect(one.wait(for: "Mulai proses"))
        one.keys("y")
        #expect(one.wait(for: "Diproses."))
        #expect(one.wait(for: "1 tertunda"), "the change waits in the queue")
        one.keys("R")
        #expect(one.wait(for: "1 terkirim"))
        #expect(one.wait(for: "0 tertunda"))

        let two = TmuxDriver()
        defer { two.finish() }

        two.start(command("humas2"))
        #expect(two.wait(for: "Sinkron selesai"))
        #expect(two.wait(for: "Diproses"), "the other terminal shows the first one's work")

        for driver in [one, two] {
            driver.keys("q")
            #expect(driver.wait(for: "Keluar dari ppid?"))
            driver.keys("y")
            #expect(driver.exitStatus() == 0)
            #expect(driver.terminalRestored)
        }
    }
}
