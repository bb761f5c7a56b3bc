/// What an event did, in the officer's words: how the conflicts list and history name an act.
extension DomainEvent {
    public func actText(_ language: Language) -> String {
        switch self {
        case let .request(_, event): return event.text(language)
        case let .objection(_, event): return EventKindText.text(kind: .objection, name: event.name, language)
        case let .dispute(_, event): return EventKindText.text(kind: .dispute, name: event.name, language)
        case let .dip(_, event): return EventKindText.text(kind: .dip, name: event.name, language)
        }
    }
}
