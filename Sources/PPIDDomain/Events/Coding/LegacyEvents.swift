import Foundation

/// Events as versions before the explicit format stored them (Swift's own enum coding), read so
/// that no database or ledger written by them needs converting. Never written.
enum LegacyDomainEvent: Decodable {
    case request(UUID, LegacyRequestEvent)
    case objection(UUID, LegacyObjectionEvent)
    case dispute(UUID, LegacyDisputeEvent)
    case dip(UUID, LegacyDIPEvent)

    var value: DomainEvent {
        switch self {
        case let .request(id, event): .request(id, event.value)
        case let .objection(id, event): .objection(id, event.value)
        case let .dispute(id, event): .dispute(id, event.value)
        case let .dip(id, event): .dip(id, event.value)
        }
    }
}

enum LegacyRequestEvent: Decodable {
    case registered(RequestRegistration)
    case processingStarted
    case forwarded(to: ForwardTarget, note: String)
    case extended(reason: String)
    case decided(Decision)
    case delivered(method: DeliveryMethod?, note: String)
    case closed
    case withdrawn(reason: String)
    case documentsLinked([UUID])
    case deadlineMoved(noticeDue: CivilDate, extendedDue: CivilDate?, reason: String)

    var value: RequestEvent {
        switch self {
        case let .registered(registration): .registered(registration)
        case .processingStarted: .processingStarted
        case let .forwarded(target, note): .forwarded(to: target, note: note)
        case let .extended(reason): .extended(reason: reason)
        case let .decided(decision): .decided(decision)
        case let .delivered(method, note): .delivered(method: method, note: note)
        case .closed: .closed
        case let .withdrawn(reason): .withdrawn(reason: reason)
        case let .documentsLinked(documents): .documentsLinked(documents)
        case let .deadlineMoved(noticeDue, extendedDue, reason): .deadlineMoved(noticeDue: noticeDue, extendedDue: extendedDue, reason: reason)
        }
    }
}

enum LegacyObjectionEvent: Decodable {
    case filed(ObjectionFiling)
    case answered(ObjectionAnswer)
    case requesterResponded(String)
    case withdrawn(reason: String)
    case deadlineMoved(answerDue: CivilDate, reason: String)

    var value: ObjectionEvent {
        switch self {
        case let .filed(filing): .filed(filing)
        case let .answered(answer): .answered(answer)
        case let .requesterResponded(response): .requesterResponded(response)
        case let .withdrawn(reason): .withdrawn(reason: reason)
        case let .deadlineMoved(answerDue, reason): .deadlineMoved(answerDue: answerDue, reason: reason)
        }
    }
}

enum LegacyDisputeEvent: Decodable {
    case filed(DisputeFiling)
    case mediationStarted
    case adjudicationStarted
    case decided(DisputeOutcome, summary: String)
    case appealedToCourt(court: String)
    case withdrawn(reason: String)

    var value: DisputeEvent {
        switch self {
        case let .filed(filing): .filed(filing)
        case .mediationStarted: .mediationStarted
        case .adjudicationStarted: .adjudicationStarted
        case let .decided(outcome, summary): .decided(outcome, summary: summary)
        case let .appealedToCourt(court): .appealedToCourt(court: court, late: nil)
        case let .withdrawn(reason): .withdrawn(reason: reason)
        }
    }
}

enum LegacyDIPEvent: Decodable {
    case added(DIPEntry)
    case revised(DIPEntry)
    case retired(reason: String)

    var value: DIPEvent {
        switch self {
        case let .added(entry): .added(entry)
        case let .revised(entry): .revised(entry)
        case let .retired(reason): .retired(reason: reason)
        }
    }
}
