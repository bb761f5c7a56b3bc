import Foundation
import Testing
@testable import PPIDDomain

/// `d("2026-03-02")`: a date literal for tests.
func d(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> CivilDate {
    guard let date = CivilDate(iso: text) else {
        Issue.record("bad test date \(text)", sourceLocation: sourceLocation)
        return CivilDate(year: 1970, month: 1, day: 1)!
    }
    return date
}

/// Dates from a compact list of ISO strings.
func dates(_ texts: String...) -> [CivilDate] { texts.map { d($0) } }

/// An instant from ISO 8601 text.
func instant(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.date(from: text)!
}

/// The verified reference table in shared/, when the checkout has it beside the project.
func referenceTableText() -> String? {
    let here = URL(fileURLWithPath: #filePath)
    let root = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let path = root.deletingLastPathComponent().appendingPathComponent("shared/reference/holidays-id-2024-2026.tsv")
    return try? String(contentsOf: path, encoding: .utf8)
}

let national = WorkCalendar.national()
