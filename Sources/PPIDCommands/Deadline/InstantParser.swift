import Foundation
import PPIDDomain

/// Parses ISO 8601 instants such as `2026-03-02T16:30:00+07:00` or `2026-03-02T09:30:00Z`.
enum InstantParser {
    static func parse(_ text: String) throws(CalendarError) -> Date {
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = fractional.date(from: text) { return date }
        throw .invalidInstant(text)
    }
}
