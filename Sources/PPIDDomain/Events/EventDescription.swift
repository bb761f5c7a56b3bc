/// What an event did, in the officer's words: how the conflicts list and history name an act.
extension DomainEvent {
    public func actText(_ language: Language) -> String {
        switch self {
        case let .request(_, event): return event.text(language)
        case let .objection(_, event):
            switch event {
            case .filed: return language.pick("keberatan didaftarkan", "objection registered")
            case .answered: return language.pick("tanggapan atasan PPID atas keberatan", "the atasan PPID's answer to the objection")
            case .requesterResponded: return language.pick("tanggapan pemohon atas jawaban keberatan", "the requester's response to the answer")
            case .withdrawn: return language.pick("keberatan ditarik", "objection withdrawn")
            case .deadlineMoved: return language.pick("tenggat keberatan bergeser", "objection deadline moved")
            }
        case let .dispute(_, event): return language.pick("sengketa: \(event.name)", "dispute: \(event.name)")
        case let .dip(_, event): return language.pick("DIP: \(event.name)", "DIP: \(event.name)")
        }
    }
}
