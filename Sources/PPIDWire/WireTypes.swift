import Foundation
import PPIDDomain

/// Version 1 of the sync API's JSON: the types both sides encode and decode.
public enum WireVersion {
    public static let current = 1
}

/// One event on the wire, with the server's sequence number once accepted.
public struct WireEvent: Codable, Hashable, Sendable {
    public let envelope: EventEnvelope
    /// The unit whose case this is.
    public let unit: String
    /// The server's global sequence number (nil in a push).
    public let sequence: Int64?

    public init(envelope: EventEnvelope, unit: String, sequence: Int64?) {
        self.envelope = envelope
        self.unit = unit
        self.sequence = sequence
    }
}

/// `POST /v1/events`: a batch of a unit's local events.
public struct PushRequest: Codable, Hashable, Sendable {
    public let events: [WireEvent]
    public init(events: [WireEvent]) { self.events = events }
}

/// What the server said about one pushed event.
public struct PushOutcome: Codable, Hashable, Sendable {
    public enum Status: String, Codable, Sendable { case accepted, rejected }
    public let eventID: UUID
    public let status: Status
    /// The global sequence number of an accepted event (the same one on a replay).
    public let sequence: Int64?
    /// Why a rejected event was refused, in Indonesian and English.
    public let reason: String?
    public let reasonEnglish: String?

    public init(eventID: UUID, status: Status, sequence: Int64?, reason: String?, reasonEnglish: String?) {
        self.eventID = eventID
        self.status = status
        self.sequence = sequence
        self.reason = reason
        self.reasonEnglish = reasonEnglish
    }
}

/// The answer to a push, one outcome per event, in order.
public struct PushResponse: Codable, Hashable, Sendable {
    public let outcomes: [PushOutcome]
    public init(outcomes: [PushOutcome]) { self.outcomes = outcomes }
}

/// `GET /v1/changes?after=&limit=`: the events after the cursor that a unit may see.
public struct ChangesPage: Codable, Hashable, Sendable {
    public let events: [WireEvent]
    /// Give this as `after` next time.
    public let nextCursor: Int64
    /// Whether more events wait after this page.
    public let hasMore: Bool

    public init(events: [WireEvent], nextCursor: Int64, hasMore: Bool) {
        self.events = events
        self.nextCursor = nextCursor
        self.hasMore = hasMore
    }
}

/// The JSON coders both sides use: dates as seconds since 1970, keys sorted.
public enum WireCoding {
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return decoder
    }
}
