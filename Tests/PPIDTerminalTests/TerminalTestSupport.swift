import Foundation
import Testing
@testable import PPIDDomain
@testable import PPIDStore
@testable import PPIDTerminal

let fixedToday = CivilDate(year: 2026, month: 11, day: 26)!

/// A demo workspace on a fixed day with a fixed officer, so every render is the same on every machine.
func makeDemoApp(language: Language = .indonesian, requests: Int = 400, documents: Int = 300) throws -> App {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ppid-tui-\(UUID().uuidString)").path
    let clock = Date(timeIntervalSince1970: Double(fixedToday.daysSinceEpoch * 86_400 + 3 * 3600))
    let store = try LocalStore(path: folder + "/unit.sqlite", workstation: Workstation(officer: "rina", terminal: "test"),
                               clock: { clock })
    _ = try store.generateDemo(DemoOptions(requests: requests, documents: documents, seed: 2008, today: fixedToday))
    return try App(store: store, language: language, unicode: true, today: fixedToday)
}

/// Compares `text` with the snapshot file `name.txt` kept in the repository. A missing snapshot, or
/// PPID_UPDATE_SNAPSHOTS=1, writes the file (and a missing one fails, so it is looked at before it is trusted).
func expectSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let file = folder.appendingPathComponent(name + ".txt")
    let update = ProcessInfo.processInfo.environment["PPID_UPDATE_SNAPSHOTS"] == "1"
    guard !update, let expected = try? String(contentsOf: file, encoding: .utf8) else {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? (text + "\n").write(to: file, atomically: true, encoding: .utf8)
        if !update { Issue.record("snapshot \(name) did not exist; written to \(file.path)", sourceLocation: sourceLocation) }
        return
    }
    if expected != text + "\n" {
        let got = text.split(separator: "\n", omittingEmptySubsequences: false)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let firstDifference = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }
        Issue.record("snapshot \(name) differs at line \((firstDifference?.offset ?? min(got.count, want.count)) + 1):\n  got:  \(firstDifference.map { String($0.element.0) } ?? "")\n  want: \(firstDifference.map { String($0.element.1) } ?? "")\n(PPID_UPDATE_SNAPSHOTS=1 rewrites it)",
                     sourceLocation: sourceLocation)
    }
}

extension App {
    /// Types a string into whatever has focus.
    func type(_ text: String) { for c in text { handle(.character(c)) } }
}
