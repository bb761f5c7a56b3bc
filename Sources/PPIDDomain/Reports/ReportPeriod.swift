/// The period a report covers: a year, or one of its quarters.
public struct ReportPeriod: Hashable, Sendable {
    public let year: Int
    /// 1-4, or nil for the whole year.
    public let quarter: Int?

    public init?(year: Int, quarter: Int? = nil) {
        guard (1900...9999).contains(year), quarter.map({ (1...4).contains($0) }) ?? true else { return nil }
        self.year = year
        self.quarter = quarter
    }

    public var first: CivilDate {
        CivilDate(year: year, month: quarter.map { ($0 - 1) * 3 + 1 } ?? 1, day: 1)!
    }

    public var last: CivilDate {
        let month = quarter.map { $0 * 3 } ?? 12
        return CivilDate(year: year, month: month, day: CivilDate.daysInMonth(year: year, month: month))!
    }

    public func contains(_ date: CivilDate) -> Bool { date >= first && date <= last }

    /// "2026" or "2026 Q2" / "Triwulan II 2026".
    public func text(_ language: Language) -> String {
        guard let quarter else { return String(year) }
        let roman = ["I", "II", "III", "IV"][quarter - 1]
        return language.pick("Triwulan \(roman) \(year)", "\(year) Q\(quarter)")
    }
}
