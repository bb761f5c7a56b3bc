import Foundation
import Testing

/// The public portal end to end in Chromium (Portal/portal_e2e.py, through selenium): a request with
/// its ID scan, its receipt, the unit's terminal deciding it with a released file, the notice and the
/// download on the status page, the mails in a real SMTP server (aiosmtpd), an objection that reaches
/// the terminal. Screenshots at phone and desktop width go to `.build/portal-screenshots` (or
/// `PPID_SCREENSHOTS`). Needs Debian's `chromium` and `chromium-driver`, and selenium and aiosmtpd
/// from PyPI: `.ci/setup` installs them.
@Suite("The portal in a real browser", .serialized, .enabled(if: BrowserTools.available))
struct PortalBrowserTests {
    @Test("Request, receipt, decision at the terminal, notice, download, mail, objection: in Chromium at phone and desktop width",
          .timeLimit(.minutes(5)))
    func wholeJourney() throws {
        let ppid = try #require(ppidExecutable(), "build ppid first (swift build)")
        let central = ppid.deletingLastPathComponent().appendingPathComponent("ppid-central")
        try #require(FileManager.default.isExecutableFile(atPath: central.path), "build ppid-central first (swift build)")
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let script = here.appendingPathComponent("Portal/portal_e2e.py")
        let output = ProcessInfo.processInfo.environment["PPID_SCREENSHOTS"]
            ?? here.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build/portal-screenshots").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, ppid.path, central.path, output]
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("ppid-portal-e2e-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(at: log)
        #expect(process.terminationStatus == 0, "\(text.suffix(6000))")
        #expect(text.contains("portal end to end: request"))
        for page in ["01-home", "03-request-form", "04-receipt", "05-status", "06-objection-receipt"] {
            for width in ["phone", "desktop"] {
                #expect(FileManager.default.fileExists(atPath: "\(output)/\(page)-\(width).png"), "screenshot \(page) at \(width) width")
            }
        }
    }
}

/// Whether Chromium, its driver, selenium and aiosmtpd are installed.
enum BrowserTools {
    static var available: Bool {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium"),
              FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver") else { return false }
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", "-c", "import selenium, aiosmtpd"]
        check.standardOutput = FileHandle.nullDevice
        check.standardError = FileHandle.nullDevice
        guard (try? check.run()) != nil else { return false }
        check.waitUntilExit()
        return check.terminationStatus == 0
    }
}
