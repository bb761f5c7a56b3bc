/// Why a date appears in a calendar file.
public enum DayOffKind: String, Sendable, CaseIterable, Codable {
    /// A national holiday (libur nasional).
    case nationalHoliday = "libur"
    /// A joint-leave day (cuti bersama): offices close; a unit's policy may treat it as working.
    case jointLeave = "cuti"
    /// A regional holiday (libur daerah) that applies to this unit.
    case regional = "daerah"
    /// A closure of this unit only (tutup), such as an office move.
    case unitClosure = "tutup"
    /// A working day (kerja): cancels a day off listed earlier, as when a revised decree moves a holiday.
    case workingDay = "kerja"

    /// Whether national decrees of this kind establish that a year is covered.
    var marksCoverage: Bool { self == .nationalHoliday || self == .jointLeave }
}

extension DayOffKind: Localized {
    public func text(_ language: Language) -> String {
        switch self {
        case .nationalHoliday: language.pick("Libur nasional", "National holiday")
        case .jointLeave: language.pick("Cuti bersama", "Joint leave")
        case .regional: language.pick("Libur daerah", "Regional holiday")
        case .unitClosure: language.pick("Kantor tutup", "Unit closed")
        case .workingDay: language.pick("Hari kerja", "Working day")
        }
    }
}

/// One dated line of a calendar file: a day off (or a day restored to work) with its legal basis.
public struct DayOff: Hashable, Sendable, Codable {
    public let date: CivilDate
    public let kind: DayOffKind
    /// The holiday's name, such as "Hari Raya Idul Fitri 1446 H".
    public let name: String
    /// The decree that sets it, such as "SKB 1017/2024, 2/2024, 2/2024".
    public let basis: String
    /// Where the line came from: a file name and line, for explanations and errors.
    public let origin: String

    public init(date: CivilDate, kind: DayOffKind, name: String, basis: String, origin: String) {
        self.date = date
        self.kind = kind
        self.name = name
        self.basis = basis
        self.origin = origin
    }
}
