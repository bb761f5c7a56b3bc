import Foundation

/// The `--received` of `ppid request register` and `ppid-central dispatch`: an ISO 8601 instant
/// with its zone, or the unit's local wall-clock time (`2026-12-01T09:30`), or a date (its midnight).
public enum ReceivedTime {
    public static func parse(_ text: String, zone: UnitZone) -> Date? {
        let withZone = ISO8601DateFormatter()
        withZone.formatOptions = [.withInternetDateTime]
        if let instant = withZone.date(from: text) { return instant }
        let local = DateFormatter()
        local.locale = Locale(identifier: "en_US_POSIX")
        local.timeZone = zone.timeZone
        local.dateFormat = "yyyy-MM-dd'T'HH:mm"
        if let instant = local.date(from: text) { return instant }
        local.dateFormat = "yyyy-MM-dd"
        return local.date(from: text)
    }
}
