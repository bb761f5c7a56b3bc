import Foundation

/// What every event carries besides its content: who made it, when, and the unit's date at that moment.
///
/// The id is made by the client, so a replayed event is recognised. The instant is UTC; the local
/// date is the unit's civil date in its zone at that instant, used for every legal comparison.
public struct EventMeta: Hashable, Sendable, Codable {
    public let id: UUID
    public let officer: String
    public let instant: Date
    public let localDate: CivilDate

    public init(id: UUID = UUID(), officer: String, instant: Date, localDate: CivilDate) {
        self.id = id
        self.officer = officer
        self.instant = instant
        self.localDate = localDate
    }

    /// Meta for an event made now at a unit in `zone`.
    public init(id: UUID = UUID(), officer: String, instant: Date, zone: UnitZone) {
        self.init(id: id, officer: officer, instant: instant, localDate: zone.civilDate(of: instant))
    }
}
