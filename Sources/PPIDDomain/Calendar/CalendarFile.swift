import Foundation

/// A parsed calendar file: tab-separated `date kind name basis` lines.
///
/// The format is that of the verified national table: `#` starts a comment, an optional
/// header line `date\tkind\tname\tbasis`, then one line per date. Kinds are `libur`, `cuti`,
/// `daerah`, `tutup` and `kerja` (see ``DayOffKind``). A comment `# covers: 2027` (or
/// `# cakupan: 2027-2028`) states the years the file fully covers; without it, the years of its
/// `libur` and `cuti` lines are taken as covered.
public struct CalendarFile: Sendable, Equatable {
    /// The name used in messages (usually the path).
    public let source: String
    public let days: [DayOff]
    /// The years this file covers completely.
    public let coveredYears: Set<Int>

    /// Parses the text of a calendar file; `source` names it in error messages.
    public init(source: String, text: String) throws(CalendarError) {
        var days: [DayOff] = []
        var declared: Set<Int>? = nil
        var seen: [CivilDate: Int] = [:]
        // "\r\n" is one Character in Swift, so split on both forms of line end.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (index, rawLine) in lines.enumerated() {
            let number = index + 1
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if number == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            if trimmed.hasPrefix("#") {
                if let years = try Self.coverageDirective(trimmed, source: source, line: number) {
                    declared = (declared ?? []).union(years)
                }
                continue
            }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if fields.first?.lowercased() == "date" || fields.first?.lowercased() == "tanggal" { continue }
            func fail(_ problem: String) -> CalendarError {
                .malformedLine(source: source, line: number, problem: problem)
            }
            guard fields.count >= 3 else {
                throw fail("expected 4 tab-separated fields (date, kind, name, basis), found \(fields.count)")
            }
            guard let date = CivilDate(iso: fields[0]) else {
                throw fail("'\(fields[0])' is not a valid date YYYY-MM-DD")
            }
            guard let kind = DayOffKind(rawValue: fields[1].lowercased()) else {
                let kinds = DayOffKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw fail("unknown kind '\(fields[1])' (expected one of: \(kinds))")
            }
            guard !fields[2].isEmpty else { throw fail("the name is empty") }
            if let previous = seen[date] {
                throw fail("\(date.iso) is listed twice (first on line \(previous))")
            }
            seen[date] = number
            let basis = fields.count > 3 ? fields[3...].joined(separator: " ") : ""
            days.append(DayOff(date: date, kind: kind, name: fields[2], basis: basis,
                               origin: "\(source):\(number)"))
        }
        self.source = source
        self.days = days
        self.coveredYears = declared
            ?? Set(days.filter { $0.kind.marksCoverage }.map(\.date.year))
    }

    /// Reads `# covers: 2027` or `# cakupan: 2024-2026`; `nil` for an ordinary comment.
    private static func coverageDirective(_ comment: String, source: String, line: Int)
        throws(CalendarError) -> Set<Int>? {
        let body = comment.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces)
        let lowered = body.lowercased()
        guard let prefix = ["covers:", "cakupan:"].first(where: { lowered.hasPrefix($0) }) else { return nil }
        let value = body.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
        var years: Set<Int> = []
        for part in value.split(separator: ",") {
            let bounds = part.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
            guard (1...2).contains(bounds.count),
                  let low = Int(bounds[0]), let high = Int(bounds[bounds.count - 1]),
                  (1900...9999).contains(low), low <= high, high - low < 100 else {
                throw .malformedLine(source: source, line: line,
                                     problem: "cannot read the years in '\(comment)' (write e.g. '# covers: 2027' or '# covers: 2027-2028')")
            }
            years.formUnion(low...high)
        }
        return years
    }
}
