/// What can be wrong with a calendar, a zone or a date given to the calendar code.
public enum CalendarError: OfficerFacingError, Equatable {
    /// A line of a calendar file that cannot be read.
    case malformedLine(source: String, line: Int, problem: String)
    /// A calendar file that could not be opened.
    case unreadableFile(path: String, reason: String)
    /// A zone name that is neither WIB/WITA/WIT nor a known IANA name.
    case unknownZone(String)
    /// A date that is not `YYYY-MM-DD` or does not exist.
    case invalidDate(String)
    /// A date or instant outside ``DomainLimits/dates``.
    case dateOutOfRange(String)
    /// An instant that is not ISO 8601.
    case invalidInstant(String)
    /// A time of day that is not `HH:MM`.
    case invalidTime(String)
    /// An instant whose local date in the zone is not the date given with it.
    case instantDisagreesWithDate(instant: String, zone: String, localDate: CivilDate, given: CivilDate)

    public func text(_ language: Language) -> String {
        switch self {
        case let .dateOutOfRange(text):
            return language.pick("Tanggal '\(text)' di luar rentang yang dihitung (\(DomainLimits.datesText)).",
                                 "The date '\(text)' is outside the range counted (\(DomainLimits.datesText)).")
        case let .malformedLine(source, line, problem):
            return language.pick(
                "\(source):\(line): \(problem). Perbaiki baris ini (format: tanggal<TAB>jenis<TAB>nama<TAB>dasar hukum).",
                "\(source):\(line): \(problem). Fix this line (format: date<TAB>kind<TAB>name<TAB>legal basis).")
        case let .unreadableFile(path, reason):
            return language.pick(
                "Berkas kalender '\(path)' tidak dapat dibaca: \(reason). Periksa nama dan izin berkas.",
                "Calendar file '\(path)' cannot be read: \(reason). Check the file name and its permissions.")
        case let .unknownZone(name):
            return language.pick(
                "Zona waktu '\(name)' tidak dikenal. Gunakan WIB, WITA, WIT, atau nama IANA seperti Asia/Pontianak.",
                "Unknown time zone '\(name)'. Use WIB, WITA, WIT, or an IANA name such as Asia/Pontianak.")
        case let .invalidDate(text):
            return language.pick(
                "'\(text)' bukan tanggal yang sah. Tulis sebagai TTTT-BB-HH, misalnya 2026-03-02.",
                "'\(text)' is not a valid date. Write it as YYYY-MM-DD, for example 2026-03-02.")
        case let .invalidInstant(text):
            return language.pick(
                "'\(text)' bukan waktu ISO 8601. Tulis misalnya 2026-03-02T16:30:00+07:00.",
                "'\(text)' is not an ISO 8601 instant. Write for example 2026-03-02T16:30:00+07:00.")
        case let .invalidTime(text):
            return language.pick(
                "'\(text)' bukan jam yang sah. Tulis sebagai JJ:MM, misalnya 16:00.",
                "'\(text)' is not a valid time. Write it as HH:MM, for example 16:00.")
        case let .instantDisagreesWithDate(instant, zone, localDate, given):
            return language.pick(
                "Waktu \(instant) jatuh pada \(localDate.iso) di \(zone), bukan \(given.iso). Samakan tanggal dengan waktu diterima.",
                "The instant \(instant) falls on \(localDate.iso) in \(zone), not \(given.iso). Make the date match the instant of receipt.")
        }
    }
}
