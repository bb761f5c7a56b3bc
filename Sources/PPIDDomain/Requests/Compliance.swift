/// Whose order the information was given under after the request's own answer: the atasan PPID
/// granting an objection (Pasal 36), the Komisi Informasi (Pasal 38-39, 46), or a court. Ignoring
/// such an order is an offence (Pasal 52), so an unfulfilled one is on the deadline board.
public enum ComplianceOrder: String, Hashable, Sendable, Codable, CaseIterable {
    case objection = "keberatan"
    case commission = "komisi-informasi"
    case court = "pengadilan"
}

extension ComplianceOrder: Localized {
    public func text(_ language: Language) -> String {
        switch self {
        case .objection: language.pick("tanggapan atasan PPID atas keberatan", "the atasan PPID's answer to the objection")
        case .commission: language.pick("putusan/kesepakatan di Komisi Informasi", "the Information Commission's decision or agreement")
        case .court: language.pick("putusan pengadilan", "the court's decision")
        }
    }
}
