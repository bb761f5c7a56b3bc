/// The period a report covers: a year, or one of its semesters, quarters or months.
public struct ReportPeriod: Hashable, Sendable {
    public let year: Int
    /// 1-4, or nil.
    public let quarter: Int?
    /// 1-2, or nil.
    public let semester: Int?
    /// 1-12, or nil.
    public let month: Int?

    /// A year, or one part of it: at most one of `quarter`, `semester` and `month`.
    public init?(year: Int, quarter: Int? = nil, semester: Int? = nil, month: Int? = nil) {
        guard (1900...9999).contains(year), [quarter, semester, month].compactMap({ $0 }).count <= 1,
              quarter.map({ (1...4).contains($0) }) ?? true, semester.map({ (1...2).contains($0) }) ?? true,
              month.map({ (1...12).contains($0) }) ?? true else { return nil }
        self.year = year
        self.quarter = quarter
        self.semester = semester
        self.month = month
    }

    private var months: ClosedRange<Int> {
        if let quarter { return ((quarter - 1) * 3 + 1)...(quarter * 3) }
        if let semester { return ((semester - 1) * 6 + 1)...(semester * 6) }
        if let month { return month...month }
        return 1...12
    }

    public var first: CivilDate { CivilDate(year: year, month: months.lowerBound, day: 1)! }

    public var last: CivilDate {
        let month = months.upperBound
        return CivilDate(year: year, month: month, day: CivilDate.daysInMonth(year: year, month: month))!
    }

    public func contains(_ date: CivilDate) -> Bool { date >= first && date <= last }

    /// Whether it is a whole year: the annual report the law asks for.
    public var isYear: Bool { quarter == nil && semester == nil && month == nil }

    /// The annual report is due by 31 March of the next year (Perki 1/2021); nil for a part of a year.
    public var reportDue: CivilDate? { isYear ? CivilDate(year: year + 1, month: 3, day: 31) : nil }

    /// "2026", "Triwulan IV 2026" / "2026 Q4", "Semester I 2026" / "2026 H1", "Januari 2026" / "January 2026".
    public func text(_ language: Language) -> String {
        let roman = ["I", "II", "III", "IV"]
        if let quarter { return language.pick("Triwulan \(roman[quarter - 1]) \(year)", "\(year) Q\(quarter)") }
        if let semester { return language.pick("Semester \(roman[semester - 1]) \(year)", "\(year) H\(semester)") }
        if let month {
            let indonesian = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"]
            let english = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
            return language.pick("\(indonesian[month - 1]) \(year)", "\(english[month - 1]) \(year)")
        }
        return String(year)
    }
}
