import Foundation

/// The time zone a unit keeps its legal dates in: WIB, WITA, WIT or any IANA zone name.
///
/// 23:30 WIB on a Friday is already Saturday in Jayapura (WIT); the unit's zone, not UTC,
/// decides which date a request was received on.
public struct UnitZone: Hashable, Sendable, CustomStringConvertible {
    /// The IANA identifier, such as `Asia/Jakarta`.
    public let identifier: String
    /// The Foundation time zone, for formatting times of day.
    public let timeZone: TimeZone

    /// Western Indonesia Time (Asia/Jakarta).
    public static let wib = UnitZone(known: "Asia/Jakarta")
    /// Central Indonesia Time (Asia/Makassar).
    public static let wita = UnitZone(known: "Asia/Makassar")
    /// Eastern Indonesia Time (Asia/Jayapura).
    public static let wit = UnitZone(known: "Asia/Jayapura")

    private init(known identifier: String) {
        self.identifier = identifier
        self.timeZone = TimeZone(identifier: identifier) ?? TimeZone(secondsFromGMT: 7 * 3600) ?? .gmt
    }

    /// Resolves `WIB`, `WITA`, `WIT` (any case) or an IANA zone name such as `Asia/Pontianak`.
    public init(parsing name: String) throws(CalendarError) {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        switch trimmed.uppercased() {
        case "WIB": self = .wib
        case "WITA": self = .wita
        case "WIT": self = .wit
        default:
            // TimeZone accepts abbreviations such as "EST" too; an IANA name has a slash or is UTC.
            guard trimmed.contains("/") || trimmed == "UTC",
                  let zone = TimeZone(identifier: trimmed) else {
                throw CalendarError.unknownZone(trimmed)
            }
            self.identifier = trimmed
            self.timeZone = zone
        }
    }

    /// The short Indonesian name (WIB, WITA, WIT) when the zone is one of the three, else the IANA name.
    public var description: String {
        switch identifier {
        case "Asia/Jakarta", "Asia/Pontianak": "WIB"
        case "Asia/Makassar": "WITA"
        case "Asia/Jayapura": "WIT"
        default: identifier
        }
    }

    /// The unit's civil date at `instant`.
    public func civilDate(of instant: Date) -> CivilDate {
        localMoment(of: instant).date
    }

    /// The unit's civil date and wall-clock time at `instant`.
    ///
    /// Total: an instant outside ``DomainLimits/instants`` (checked where values enter) is taken at
    /// the nearest end of that range, so that no input can make this trap.
    public func localMoment(of instant: Date) -> LocalMoment {
        let limits = DomainLimits.instants
        let bounded = instant.timeIntervalSince1970.isNaN ? limits.lowerBound : min(max(instant, limits.lowerBound), limits.upperBound)
        // The zone's offset at that instant, then plain arithmetic on the proleptic Gregorian
        // calendar (all of ``DomainLimits/dates`` is Gregorian): what Foundation's calendar answers,
        // without building a calendar and its components for each of the thousands of events a
        // sync folds (``localMomentByCalendar(of:)``, which the tests compare it with).
        let local = Int(bounded.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: bounded)
        let (days, second) = Self.floorDivision(local, 86_400)
        guard let time = LocalTime(hour: second / 3600, minute: second % 3600 / 60) else {
            return LocalMoment(date: DomainLimits.dates.lowerBound, time: LocalTime.midnight)
        }
        return LocalMoment(date: CivilDate(daysSinceEpoch: days), time: time)
    }

    /// ``localMoment(of:)`` through Foundation's Gregorian calendar: the reference it must agree with.
    func localMomentByCalendar(of instant: Date) -> LocalMoment {
        let limits = DomainLimits.instants
        let bounded = instant.timeIntervalSince1970.isNaN ? limits.lowerBound : min(max(instant, limits.lowerBound), limits.upperBound)
        var calendar = Foundation.Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: bounded)
        guard let year = c.year, let month = c.month, let day = c.day,
              let date = CivilDate(year: year, month: month, day: day),
              let time = LocalTime(hour: c.hour ?? 0, minute: c.minute ?? 0) else {
            return LocalMoment(date: DomainLimits.dates.lowerBound, time: LocalTime.midnight)
        }
        return LocalMoment(date: date, time: time)
    }

    /// Quotient rounded down and a remainder in 0..<divisor, for negative values too.
    static func floorDivision(_ value: Int, _ divisor: Int) -> (quotient: Int, remainder: Int) {
        let remainder = ((value % divisor) + divisor) % divisor
        return ((value - remainder) / divisor, remainder)
    }

    public static func == (lhs: UnitZone, rhs: UnitZone) -> Bool { lhs.identifier == rhs.identifier }
    public func hash(into hasher: inout Hasher) { hasher.combine(identifier) }
}

/// A wall-clock time of day, to the minute.
public struct LocalTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int

    /// 00:00.
    public static let midnight = LocalTime(checkedHour: 0, minute: 0)

    private init(checkedHour hour: Int, minute: Int) {
        self.hour = hour
        self.minute = minute
    }

    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Parses `HH:MM`.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts.allSatisfy({ (1...2).contains($0.count) }),
              let h = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        self.init(hour: h, minute: m)
    }

    public var description: String {
        (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool {
        (lhs.hour, lhs.minute) < (rhs.hour, rhs.minute)
    }
}

/// A civil date and a wall-clock time in a unit's zone.
public struct LocalMoment: Hashable, Sendable {
    public let date: CivilDate
    public let time: LocalTime
}
