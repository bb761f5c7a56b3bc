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

    /// The most events the server takes in one push.
    public static let maximumEvents = 2000
    /// The largest push body the server takes.
    public static let maximumBytes = 8 << 20
}

extension PushRequest {
    /// The body of a push of envelopes already encoded (a terminal's stored events), written
    /// around their bytes rather than decoding and encoding them again: the same JSON members as
    /// an encoded ``PushRequest`` with no sequence numbers.
    public static func body(envelopes: [Data], unit: String) -> Data {
        let quotedUnit = (try? JSONEncoder().encode(unit)) ?? Data("\"\"".utf8)
        var body = Data()
        body.reserveCapacity(envelopes.reduce(32) { $0 + $1.count + quotedUnit.count + 24 })
        body.append(contentsOf: #"{"events":["#.utf8)
        for (index, envelope) in envelopes.enumerated() {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            body.append(contentsOf: #"{"envelope":"#.utf8)
            body.append(envelope)
            body.append(contentsOf: #","unit":"#.utf8)
            body.append(quotedUnit)
            body.append(UInt8(ascii: "}"))
        }
        body.append(contentsOf: "]}".utf8)
        return body
    }
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
    /// Who the token belongs to: the client checks that it syncs the right unit.
    public let identity: Identity?
    /// Units, officers and calendars, sent only when newer than the `reference` revision the client gave.
    public let reference: ReferenceData?
    /// The highest sequence number in the server's log when the page was read: no cursor passes it.
    public let latest: Int64?
    /// Whether the event the client named at its cursor (`at`) is the server's event at that number:
    /// false after the server was restored from an older backup (the client then recovers); nil
    /// when the client named none.
    public let cursorKnown: Bool?
    /// Events of the page this client could not read (a kind from a newer server, a damaged
    /// payload): set aside by the client, never on the wire.
    public var setAside: [SetAsideEvent] = []

    private enum CodingKeys: String, CodingKey { case events, nextCursor, hasMore, identity, reference, latest, cursorKnown }

    public init(events: [WireEvent], nextCursor: Int64, hasMore: Bool, identity: Identity? = nil, reference: ReferenceData? = nil,
                latest: Int64? = nil, cursorKnown: Bool? = nil, setAside: [SetAsideEvent] = []) {
        self.cursorKnown = cursorKnown
        self.events = events
        self.nextCursor = nextCursor
        self.hasMore = hasMore
        self.identity = identity
        self.reference = reference
        self.latest = latest
        self.setAside = setAside
    }
}

/// An event of a changes page that this client cannot read: kept as the server sent it, with
/// what could be read of it, so the rest of the page applies and the event can be tried again
/// after an update.
public struct SetAsideEvent: Hashable, Sendable {
    public let sequence: Int64
    public let unit: String
    /// The case it belongs to, where the envelope still names one.
    public let caseID: UUID?
    /// The envelope's JSON as the server sent it.
    public let payload: Data
    /// Why it could not be read, for the log and the developers.
    public let reason: String

    public init(sequence: Int64, unit: String, caseID: UUID?, payload: Data, reason: String) {
        self.sequence = sequence
        self.unit = unit
        self.caseID = caseID
        self.payload = payload
        self.reason = reason
    }
}

/// The officer a token belongs to, and what it may see.
public struct Identity: Codable, Hashable, Sendable {
    public let officer: String
    public let unit: String
    /// True for the PPID Utama: sees every unit and dispatches requests.
    public let isMain: Bool
    /// The officer's full name, as the server's directory holds it.
    public let name: String?
    /// The number series of the terminal the token enrolled (`A`, `B`, …); see `TerminalSeries`.
    public let series: String?

    public init(officer: String, unit: String, isMain: Bool, name: String? = nil, series: String? = nil) {
        self.officer = officer
        self.unit = unit
        self.isMain = isMain
        self.name = name
        self.series = series
    }
}

/// A work unit as the central server knows it.
public struct WireUnit: Codable, Hashable, Sendable {
    public let code: String
    public let name: String
    /// WIB, WITA, WIT or an IANA zone.
    public let zone: String
    public let isMain: Bool

    public init(code: String, name: String, zone: String, isMain: Bool) {
        self.code = code
        self.name = name
        self.zone = zone
        self.isMain = isMain
    }
}

/// An officer as other units see them (never a token).
public struct WireOfficer: Codable, Hashable, Sendable {
    public let login: String
    public let name: String
    public let unit: String

    public init(login: String, name: String, unit: String) {
        self.login = login
        self.name = name
        self.unit = unit
    }
}

/// A holiday calendar file loaded centrally (a decree, a revision, regional days).
public struct WireCalendar: Codable, Hashable, Sendable {
    public let name: String
    /// The file's text, in the calendar file format.
    public let body: String

    public init(name: String, body: String) {
        self.name = name
        self.body = body
    }
}

/// The reference data every terminal keeps a copy of, with its revision.
public struct ReferenceData: Codable, Hashable, Sendable {
    public let revision: Int64
    public let units: [WireUnit]
    public let officers: [WireOfficer]
    public let calendars: [WireCalendar]

    public init(revision: Int64, units: [WireUnit], officers: [WireOfficer], calendars: [WireCalendar]) {
        self.revision = revision
        self.units = units
        self.officers = officers
        self.calendars = calendars
    }
}

/// `POST /v1/requests`: a request that arrived centrally (web portal, app, email desk), to register
/// and dispatch to a unit.
public struct IntakeRequest: Codable, Hashable, Sendable {
    /// The unit it is dispatched to.
    public let unit: String
    /// When it was received; now when absent.
    public let receivedAt: Date?
    public let channel: Channel
    public let requester: Requester
    public let information: String
    public let purpose: String
    public let obtainMethod: ObtainMethod?
    public let deliveryMethod: DeliveryMethod?

    public init(unit: String, receivedAt: Date?, channel: Channel, requester: Requester, information: String, purpose: String,
                obtainMethod: ObtainMethod? = nil, deliveryMethod: DeliveryMethod? = nil) {
        self.unit = unit
        self.receivedAt = receivedAt
        self.channel = channel
        self.requester = requester
        self.information = information
        self.purpose = purpose
        self.obtainMethod = obtainMethod
        self.deliveryMethod = deliveryMethod
    }
}

/// The answer to an intake: the request as registered, and where it went.
public struct IntakeResponse: Codable, Hashable, Sendable {
    public let caseID: UUID
    public let registrationNumber: String
    public let unit: String
    public let sequence: Int64
    /// When the written notice is due (ISO date), in the unit's calendar.
    public let noticeDue: String

    public init(caseID: UUID, registrationNumber: String, unit: String, sequence: Int64, noticeDue: String) {
        self.caseID = caseID
        self.registrationNumber = registrationNumber
        self.unit = unit
        self.sequence = sequence
        self.noticeDue = noticeDue
    }
}

/// `GET /v1/health`.
public struct HealthResponse: Codable, Hashable, Sendable {
    public let status: String
    public let apiVersion: Int
    /// The highest sequence number in the log.
    public let sequence: Int64

    public init(status: String, apiVersion: Int, sequence: Int64) {
        self.status = status
        self.apiVersion = apiVersion
        self.sequence = sequence
    }
}

/// The body of every error answer: a code for programs, a message for people, in both languages.
public struct WireError: Codable, Hashable, Sendable, Error {
    public let error: String
    public let message: String
    public let messageEnglish: String

    public init(error: String, message: String, messageEnglish: String) {
        self.error = error
        self.message = message
        self.messageEnglish = messageEnglish
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

/// A file attached to a case (`GET /v1/files`, `POST /v1/files`): its content hash, type, size,
/// name and what it is for. The content itself comes only from `GET /v1/file`, when opened.
public struct WireFile: Codable, Hashable, Sendable {
    public let sha256: String
    public let mediaType: String
    public let size: Int
    public let name: String
    /// `id-scan`, `released`, `supporting` or `dip`.
    public let role: String

    public init(sha256: String, mediaType: String, size: Int, name: String, role: String) {
        self.sha256 = sha256
        self.mediaType = mediaType
        self.size = size
        self.name = name
        self.role = role
    }
}

/// The files of a case.
public struct FileList: Codable, Hashable, Sendable {
    public let files: [WireFile]
    public init(files: [WireFile]) { self.files = files }
}

/// A letter mailed to a case's requester and what became of it (`GET /v1/mail`).
public struct WireMail: Codable, Hashable, Sendable {
    /// The letter kind (`pemberitahuan`, `tanda-bukti-permohonan`, ...).
    public let kind: String
    public let recipient: String
    /// `pending`, `sent` or `failed`.
    public let state: String
    public let attempts: Int
    /// The relay's last words when it did not take the letter.
    public let lastError: String?
    public let createdAt: Date
    public let sentAt: Date?

    public init(kind: String, recipient: String, state: String, attempts: Int, lastError: String?, createdAt: Date, sentAt: Date?) {
        self.kind = kind
        self.recipient = recipient
        self.state = state
        self.attempts = attempts
        self.lastError = lastError
        self.createdAt = createdAt
        self.sentAt = sentAt
    }
}

/// The letters mailed for a case, oldest first.
public struct MailList: Codable, Hashable, Sendable {
    public let mails: [WireMail]
    public init(mails: [WireMail]) { self.mails = mails }
}
