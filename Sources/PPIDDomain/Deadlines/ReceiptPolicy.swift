/// A unit's rule for the date a request counts as received.
///
/// By default the civil date of receipt in the unit's zone is day 0, whatever the hour: the earlier,
/// safer date. A unit may instead deem a request received after office hours, or on a non-working
/// day, as received on the next working day (which then is day 0).
public struct ReceiptPolicy: Hashable, Sendable, Codable {
    /// Whether the deemed-received rule is in force.
    public var deemsLateReceiptNextWorkingDay: Bool
    /// When the office closes; receipt at or after this time is "after hours".
    public var officeCloses: LocalTime

    public init(deemsLateReceiptNextWorkingDay: Bool = false,
                officeCloses: LocalTime = LocalTime(hour: 16, minute: 0)!) {
        self.deemsLateReceiptNextWorkingDay = deemsLateReceiptNextWorkingDay
        self.officeCloses = officeCloses
    }

    /// The default: the civil date of receipt counts.
    public static let standard = ReceiptPolicy()
}

extension LocalTime: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let time = LocalTime(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not HH:MM")
        }
        self = time
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// The date a request counts as received, and why it differs from the civil date, if it does.
public struct Receipt: Hashable, Sendable {
    /// The civil date of receipt in the unit's zone.
    public let civilDate: CivilDate
    /// The wall-clock time of receipt, when known.
    public let time: LocalTime?
    /// Day 0 of the count.
    public let countsFrom: CivilDate
    /// Why `countsFrom` is later than `civilDate`, when it is.
    public let deemedBecause: DeemedReceiptReason?
}

/// Why a receipt was deemed to be on the next working day.
public enum DeemedReceiptReason: Hashable, Sendable {
    case afterOfficeHours(LocalTime)
    case nonWorkingDay(NonWorkingReason)
}

extension DeemedReceiptReason: Localized {
    public func text(_ language: Language) -> String {
        switch self {
        case let .afterOfficeHours(closes):
            language.pick("diterima setelah jam kantor (tutup \(closes))", "received after office hours (closes \(closes))")
        case let .nonWorkingDay(reason):
            language.pick("diterima pada hari libur (\(reason.text(language)))", "received on a non-working day (\(reason.text(language)))")
        }
    }
}

extension ReceiptPolicy {
    /// Decides day 0 for a request received on `date`, at `time` when known.
    public func receipt(on date: CivilDate, at time: LocalTime?, calendar: WorkCalendar) -> Receipt {
        guard deemsLateReceiptNextWorkingDay else {
            return Receipt(civilDate: date, time: time, countsFrom: date, deemedBecause: nil)
        }
        if let reason = calendar.nonWorkingReason(date) {
            return Receipt(civilDate: date, time: time, countsFrom: calendar.nextWorkingDay(after: date),
                           deemedBecause: .nonWorkingDay(reason))
        }
        if let time, time >= officeCloses {
            return Receipt(civilDate: date, time: time, countsFrom: calendar.nextWorkingDay(after: date),
                           deemedBecause: .afterOfficeHours(officeCloses))
        }
        return Receipt(civilDate: date, time: time, countsFrom: date, deemedBecause: nil)
    }
}
