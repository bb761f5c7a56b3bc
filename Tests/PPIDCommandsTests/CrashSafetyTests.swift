import Foundation
import Testing
@testable import PPIDStore

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

@Suite("Crash safety")
struct CrashSafetyTests {
    @Test("SIGKILL in the middle of writes loses nothing that was committed", .timeLimit(.minutes(2)))
    func sigkillLosesNothingCommitted() throws {
        let executable = try #require(ppidExecutable(), "build the ppid product first (swift build)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ppid-kill-\(UUID())").path
        let path = folder + "/unit.sqlite"
        var committed: [String] = []
        for round in 0..<8 {
            let process = Process()
            process.executableURL = executable
            process.arguments = ["selftest", "write-loop", "--db", path]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Let it write for a while, then kill it without warning.
            usleep(UInt32(150_000 + round * 40_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            committed += output.split(separator: "\n").map(String.init)
        }
        #expect(committed.count > 20, "the child wrote before being killed")
        let store = try LocalStore(path: path, workstation: Workstation(officer: "test", terminal: "test"))
        #expect(try store.integrityCheck())
        let stored = Set(try store.requests(limit: 1_000_000).map(\.number))
        let missing = committed.filter { !stored.contains($0) }
        #expect(missing.isEmpty, "committed but lost: \(missing.prefix(5))")
        // The log, the projection and the outbox agree: nothing half-written.
        #expect(try store.eventCount() == stored.count)
        #expect(try store.pendingCount() == stored.count)
        #expect(Set(stored).count == stored.count, "no number reused")
    }
}

/// What the built `ppid` printed and how it exited.
struct PPIDOutcome {
    let status: Int32
    let output: String
    let error: String
}

/// Runs the built `ppid` as a script would, in a sandbox home `folder`.
func runPPID(_ arguments: [String], home folder: String) throws -> PPIDOutcome {
    let executable = try #require(ppidExecutable(), "build the ppid product first (swift build)")
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.environment = ["HOME": folder, "XDG_CONFIG_HOME": folder + "/config", "XDG_DATA_HOME": folder + "/data",
                           "USER": "rina", "PATH": "/usr/bin:/bin"]
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let output = out.fileHandleForReading.readDataToEndOfFile()
    let error = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return PPIDOutcome(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
                       error: String(decoding: error, as: UTF8.self))
}
