import Foundation

/// Times as the officer reads them: in the unit's zone, 24-hour, the same in both languages.
extension LocalTime {
    /// `HH:mm`.
    public var text: String { (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute) }
}

extension UnitZone {
    /// The wall-clock time of `instant` here, `HH:mm`.
    public func clock(of instant: Date) -> String { localMoment(of: instant).time.text }

    /// The date and time of `instant` here, `YYYY-MM-DD HH:mm`.
    public func stamp(of instant: Date) -> String {
        let moment = localMoment(of: instant)
        return moment.date.iso + " " + moment.time.text
    }
}
