import Foundation

/// Events on the wire and in the logs, explicitly: `{"kind": "request.decided", "caseId": "…",
/// "payload": {…named fields…}}`. The kind names are the protocol, not the Swift cases: renaming
/// a case changes nothing here, and a client in any language reads the fields by name. Events
/// stored by earlier versions in Swift's own enum coding are still read.
extension DomainEvent {
    /// Every kind, as the wire names it.
    public static let wireKinds: [String] = RequestEvent.wireKinds.map { "request." + $0 } + ObjectionEvent.wireKinds.map { "objection." + $0 }
        + DisputeEvent.wireKinds.map { "dispute." + $0 } + DIPEvent.wireKinds.map { "dip." + $0 }

    /// This event's kind on the wire, such as `request.registered`.
    public var wireKind: String {
        switch self {
        case let .request(_, event): "request." + event.wireKind
        case let .objection(_, event): "objection." + event.wireKind
        case let .dispute(_, event): "dispute." + event.wireKind
        case let .dip(_, event): "dip." + event.wireKind
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: NamedKey.self)
        guard container.isExplicit else { self = try LegacyDomainEvent(from: decoder).value; return }
        let kind: String = try container.value("kind")
        let caseID: UUID = try container.value("caseId")
        guard let dot = kind.firstIndex(of: ".") else { throw unknownKind(kind, in: decoder, of: "event") }
        let name = String(kind[kind.index(after: dot)...])
        let payload = try container.nestedContainer(keyedBy: NamedKey.self, forKey: NamedKey("payload"))
        let event = EventPayload(outer: container, fields: payload, decoder: decoder)
        switch kind[..<dot] {
        case "request": self = .request(caseID, try RequestEvent(wireKind: name, event))
        case "objection": self = .objection(caseID, try ObjectionEvent(wireKind: name, event))
        case "dispute": self = .dispute(caseID, try DisputeEvent(wireKind: name, event))
        case "dip": self = .dip(caseID, try DIPEvent(wireKind: name, event))
        default: throw unknownKind(kind, in: decoder, of: "event")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: NamedKey.self)
        try container.put(wireKind, "kind")
        try container.put(caseID, "caseId")
        let payload = container.superEncoder(forKey: NamedKey("payload"))
        switch self {
        case let .request(_, event): try event.encodePayload(to: payload)
        case let .objection(_, event): try event.encodePayload(to: payload)
        case let .dispute(_, event): try event.encodePayload(to: payload)
        case let .dip(_, event): try event.encodePayload(to: payload)
        }
    }
}

/// A payload being read: its fields by name, or the whole of it as one of the domain's structs.
struct EventPayload {
    let outer: KeyedDecodingContainer<NamedKey>
    let fields: KeyedDecodingContainer<NamedKey>
    let decoder: any Decoder

    func whole<T: Decodable>(_ type: T.Type) throws -> T { try outer.value("payload") }
    func value<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T { try fields.value(name) }
    func optional<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T? { try fields.optional(name) }
}

extension RequestEvent {
    static let wireKinds = ["registered", "processing-started", "forwarded", "extended", "decided", "delivered", "closed",
                            "withdrawn", "documents-linked", "deadline-moved", "complied", "incomplete-noted", "completed", "paid"]

    var wireKind: String {
        switch self {
        case .registered: "registered"
        case .processingStarted: "processing-started"
        case .forwarded: "forwarded"
        case .extended: "extended"
        case .decided: "decided"
        case .delivered: "delivered"
        case .closed: "closed"
        case .withdrawn: "withdrawn"
        case .documentsLinked: "documents-linked"
        case .deadlineMoved: "deadline-moved"
        case .complied: "complied"
        case .paid: "paid"
        case .incompleteNoted: "incomplete-noted"
        case .completed: "completed"
        }
    }

    init(wireKind: String, _ payload: EventPayload) throws {
        switch wireKind {
        case "registered": self = .registered(try payload.whole(RequestRegistration.self))
        case "processing-started": self = .processingStarted
        case "forwarded": self = .forwarded(to: try payload.value("to"), note: try payload.value("note"))
        case "extended": self = .extended(reason: try payload.value("reason"))
        case "decided": self = .decided(try payload.whole(Decision.self))
        case "delivered": self = .delivered(method: try payload.optional("method"), note: try payload.value("note"))
        case "closed": self = .closed
        case "withdrawn": self = .withdrawn(reason: try payload.value("reason"))
        case "documents-linked": self = .documentsLinked(try payload.value("documents"))
        case "deadline-moved":
            self = .deadlineMoved(noticeDue: try payload.value("noticeDue"), extendedDue: try payload.optional("extendedDue"),
                                  reason: try payload.value("reason"))
        case "complied": self = .complied(order: try payload.value("order"), note: try payload.value("note"))
        case "paid": self = .paid(try payload.whole(FeePayment.self))
        case "incomplete-noted": self = .incompleteNoted(missing: try payload.value("missing"))
        case "completed": self = .completed(restartsClock: try payload.value("restartsClock"))
        default: throw unknownKind("request." + wireKind, in: payload.decoder, of: "event")
        }
    }

    func encodePayload(to encoder: any Encoder) throws {
        switch self {
        case let .registered(registration): try registration.encode(to: encoder)
        case let .decided(decision): try decision.encode(to: encoder)
        default:
            var payload = encoder.container(keyedBy: NamedKey.self)
            switch self {
            case let .forwarded(target, note):
                try payload.put(target, "to")
                try payload.put(note, "note")
            case let .extended(reason), let .withdrawn(reason): try payload.put(reason, "reason")
            case let .delivered(method, note):
                try payload.put(method, "method")
                try payload.put(note, "note")
            case let .documentsLinked(documents): try payload.put(documents, "documents")
            case let .deadlineMoved(noticeDue, extendedDue, reason):
                try payload.put(noticeDue, "noticeDue")
                try payload.put(extendedDue, "extendedDue")
                try payload.put(reason, "reason")
            case let .complied(order, note):
                try payload.put(order, "order")
                try payload.put(note, "note")
            case let .incompleteNoted(missing): try payload.put(missing, "missing")
            case let .completed(restartsClock): try payload.put(restartsClock, "restartsClock")
            case let .paid(payment):
                try payload.put(payment.amountRupiah, "amountRupiah")
                try payload.put(payment.paidOn, "paidOn")
                try payload.put(payment.reference, "reference")
            case .registered, .decided, .processingStarted, .closed: break
            }
        }
    }
}

extension ObjectionEvent {
    static let wireKinds = ["filed", "answered", "requester-responded", "withdrawn", "deadline-moved"]

    var wireKind: String {
        switch self {
        case .filed: "filed"
        case .answered: "answered"
        case .requesterResponded: "requester-responded"
        case .withdrawn: "withdrawn"
        case .deadlineMoved: "deadline-moved"
        }
    }

    init(wireKind: String, _ payload: EventPayload) throws {
        switch wireKind {
        case "filed": self = .filed(try payload.whole(ObjectionFiling.self))
        case "answered": self = .answered(try payload.whole(ObjectionAnswer.self))
        case "requester-responded": self = .requesterResponded(try payload.value("response"))
        case "withdrawn": self = .withdrawn(reason: try payload.value("reason"))
        case "deadline-moved": self = .deadlineMoved(answerDue: try payload.value("answerDue"), reason: try payload.value("reason"))
        default: throw unknownKind("objection." + wireKind, in: payload.decoder, of: "event")
        }
    }

    func encodePayload(to encoder: any Encoder) throws {
        switch self {
        case let .filed(filing): try filing.encode(to: encoder)
        case let .answered(answer): try answer.encode(to: encoder)
        case let .requesterResponded(response):
            var payload = encoder.container(keyedBy: NamedKey.self)
            try payload.put(response, "response")
        case let .withdrawn(reason):
            var payload = encoder.container(keyedBy: NamedKey.self)
            try payload.put(reason, "reason")
        case let .deadlineMoved(answerDue, reason):
            var payload = encoder.container(keyedBy: NamedKey.self)
            try payload.put(answerDue, "answerDue")
            try payload.put(reason, "reason")
        }
    }
}

extension DisputeEvent {
    static let wireKinds = ["filed", "mediation-started", "adjudication-started", "hearing-held", "decided", "appealed-to-court",
                            "court-decided", "cassation-filed", "cassation-decided", "withdrawn"]

    var wireKind: String {
        switch self {
        case .filed: "filed"
        case .mediationStarted: "mediation-started"
        case .adjudicationStarted: "adjudication-started"
        case .decided: "decided"
        case .hearingHeld: "hearing-held"
        case .appealedToCourt: "appealed-to-court"
        case .courtDecided: "court-decided"
        case .cassationFiled: "cassation-filed"
        case .cassationDecided: "cassation-decided"
        case .withdrawn: "withdrawn"
        }
    }

    init(wireKind: String, _ payload: EventPayload) throws {
        switch wireKind {
        case "filed": self = .filed(try payload.whole(DisputeFiling.self))
        case "mediation-started": self = .mediationStarted
        case "adjudication-started": self = .adjudicationStarted
        case "decided": self = .decided(try payload.value("outcome"), summary: try payload.value("summary"))
        case "hearing-held": self = .hearingHeld(try payload.whole(DisputeHearing.self))
        case "appealed-to-court": self = .appealedToCourt(court: try payload.value("court"), late: try payload.optional("late"))
        case "court-decided": self = .courtDecided(try payload.value("outcome"), summary: try payload.value("summary"))
        case "cassation-filed": self = .cassationFiled(late: try payload.optional("late"))
        case "cassation-decided": self = .cassationDecided(try payload.value("outcome"), summary: try payload.value("summary"))
        case "withdrawn": self = .withdrawn(reason: try payload.value("reason"))
        default: throw unknownKind("dispute." + wireKind, in: payload.decoder, of: "event")
        }
    }

    func encodePayload(to encoder: any Encoder) throws {
        if case let .filed(filing) = self { try filing.encode(to: encoder); return }
        if case let .hearingHeld(hearing) = self { try hearing.encode(to: encoder); return }
        var payload = encoder.container(keyedBy: NamedKey.self)
        switch self {
        case let .decided(outcome, summary), let .courtDecided(outcome, summary), let .cassationDecided(outcome, summary):
            try payload.put(outcome, "outcome")
            try payload.put(summary, "summary")
        case let .appealedToCourt(court, late):
            try payload.put(court, "court")
            try payload.put(late, "late")
        case let .cassationFiled(late): try payload.put(late, "late")
        case let .withdrawn(reason): try payload.put(reason, "reason")
        case .filed, .hearingHeld, .mediationStarted, .adjudicationStarted: break
        }
    }
}

extension DIPEvent {
    static let wireKinds = ["added", "revised", "retired"]

    var wireKind: String {
        switch self {
        case .added: "added"
        case .revised: "revised"
        case .retired: "retired"
        }
    }

    init(wireKind: String, _ payload: EventPayload) throws {
        switch wireKind {
        case "added": self = .added(try payload.whole(DIPEntry.self))
        case "revised": self = .revised(try payload.whole(DIPEntry.self))
        case "retired": self = .retired(reason: try payload.value("reason"))
        default: throw unknownKind("dip." + wireKind, in: payload.decoder, of: "event")
        }
    }

    func encodePayload(to encoder: any Encoder) throws {
        switch self {
        case let .added(entry), let .revised(entry): try entry.encode(to: encoder)
        case let .retired(reason):
            var payload = encoder.container(keyedBy: NamedKey.self)
            try payload.put(reason, "reason")
        }
    }
}
