/// Which days a unit works: weekdays that are not holidays, joint leave or closures.
///
/// Built from layers of ``CalendarFile``s: the shipped national table first, then any extra files
/// (a new year's decree, a revision, regional days, the unit's closures). A later layer's line for
/// a date replaces an earlier one; a `kerja` line restores a date to work.
public struct WorkCalendar: Sendable {
    /// How a unit treats joint-leave days.
    public let jointLeaveIsWorking: Bool
    /// The effective day off for each date that has one (after layering).
    public let daysOff: [CivilDate: DayOff]
    /// The years whose decrees are known; deadlines reaching beyond them are provisional.
    public let coveredYears: Set<Int>

    /// Layers `files` in order. `jointLeaveIsWorking` is the unit's policy (default: cuti bersama is off).
    public init(files: [CalendarFile], jointLeaveIsWorking: Bool = false) {
        var effective: [CivilDate: DayOff] = [:]
        var covered: Set<Int> = []
        for file in files {
            for day in file.days {
                if day.kind == .workingDay {
                    effective[day.date] = nil
                } else {
                    effective[day.date] = day
                }
            }
            covered.formUnion(file.coveredYears)
        }
        self.daysOff = effective
        self.coveredYears = covered
        self.jointLeaveIsWorking = jointLeaveIsWorking
    }

    /// The shipped national table (2024-2026), optionally with extra files layered on top.
    public static func national(adding extra: [CalendarFile] = [], jointLeaveIsWorking: Bool = false) -> WorkCalendar {
        WorkCalendar(files: [NationalHolidays.file] + extra, jointLeaveIsWorking: jointLeaveIsWorking)
    }

    /// Why `date` is not a working day, or `nil` when it is one.
    public func nonWorkingReason(_ date: CivilDate) -> NonWorkingReason? {
        nonWorkingReason(date, weekday: date.weekday)
    }

    /// The same, the caller knowing the date's weekday already.
    func nonWorkingReason(_ date: CivilDate, weekday: Weekday) -> NonWorkingReason? {
        if let day = daysOff[date], !(day.kind == .jointLeave && jointLeaveIsWorking) {
            return .dayOff(day)
        }
        if weekday.isWeekend { return .weekend(weekday) }
        return nil
    }

    /// Whether offices of the unit are open on `date`.
    public func isWorkingDay(_ date: CivilDate) -> Bool { nonWorkingReason(date) == nil }

    /// Whether the decrees for `year` are known to this calendar.
    public func covers(year: Int) -> Bool { coveredYears.contains(year) }

    /// The first working day strictly after `date`.
    public func nextWorkingDay(after date: CivilDate) -> CivilDate {
        var day = date.next
        while !isWorkingDay(day) { day = day.next }
        return day
    }

    /// A copy with another joint-leave policy.
    public func withJointLeaveWorking(_ working: Bool) -> WorkCalendar {
        WorkCalendar(daysOff: daysOff, coveredYears: coveredYears, jointLeaveIsWorking: working)
    }

    private init(daysOff: [CivilDate: DayOff], coveredYears: Set<Int>, jointLeaveIsWorking: Bool) {
        self.daysOff = daysOff
        self.coveredYears = coveredYears
        self.jointLeaveIsWorking = jointLeaveIsWorking
    }
}

/// Why a day was not counted as a working day.
public enum NonWorkingReason: Hashable, Sendable {
    case weekend(Weekday)
    case dayOff(DayOff)

    /// A stable machine-readable kind: `weekend`, `libur`, `cuti`, `daerah`, `tutup`.
    public var kind: String {
        switch self {
        case .weekend: "weekend"
        case let .dayOff(day): day.kind.rawValue
        }
    }

    /// The decree behind the day off, if any.
    public var basis: String? {
        if case let .dayOff(day) = self, !day.basis.isEmpty { return day.basis }
        return nil
    }
}

extension NonWorkingReason: Localized {
    public func text(_ language: Language) -> String {
        switch self {
        case let .weekend(weekday):
            return language.pick("Akhir pekan", "Weekend") + " (\(weekday.text(language)))"
        case let .dayOff(day):
            let basis = day.basis.isEmpty ? "" : " (\(day.basis))"
            return "\(day.kind.text(language)): \(day.name)\(basis)"
        }
    }
}
