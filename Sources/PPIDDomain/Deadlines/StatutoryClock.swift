/// The statutory clocks of UU 14/2008, each a number of working days after a starting date.
public enum StatutoryClock: String, Sendable, CaseIterable, Codable {
    /// The written notice answering a request: 10 working days after receipt (Pasal 22(7)).
    case writtenNotice
    /// The extension: 7 more working days after the original due date, once, with a written reason (Pasal 22(8)).
    case extensionOfNotice
    /// The requester may object within 30 working days after the grounds arise (Pasal 36(1)).
    case objectionWindow
    /// The atasan PPID answers an objection within 30 working days after receiving it (Pasal 36(2)).
    case objectionAnswer
    /// The requester may take the matter to the Komisi Informasi within 14 working days (Pasal 37(2)).
    case disputeWindow
    /// The Komisi Informasi starts mediation or adjudication within 14 working days (Pasal 38(1)).
    case commissionStart
    /// The Komisi Informasi settles the dispute within 100 working days (Pasal 38(2)).
    case commissionSettlement
    /// A party takes the Commission's decision to court (PTUN for a public body, PN otherwise)
    /// within 14 working days of receiving it (Pasal 47-48(1)).
    case courtFiling
    /// A party files for cassation at the Mahkamah Agung within 14 days of receiving the court's
    /// ruling (Pasal 50). The article says days, not working days: counted as calendar days, the
    /// earlier and so the safer date.
    case cassationFiling

    /// Whether the clock counts working days (every clock but cassation's).
    public var countsWorkingDays: Bool { self != .cassationFiling }

    /// The clock's length in working days.
    public var workingDays: Int {
        switch self {
        case .writtenNotice: 10
        case .extensionOfNotice: 7
        case .objectionWindow: 30
        case .objectionAnswer: 30
        case .disputeWindow: 14
        case .commissionStart: 14
        case .commissionSettlement: 100
        case .courtFiling: 14
        case .cassationFiling: 14
        }
    }

    /// The article of UU 14/2008 that sets the clock.
    public var article: String {
        switch self {
        case .writtenNotice: "Pasal 22(7)"
        case .extensionOfNotice: "Pasal 22(8)"
        case .objectionWindow: "Pasal 36(1)"
        case .objectionAnswer: "Pasal 36(2)"
        case .disputeWindow: "Pasal 37(2)"
        case .commissionStart: "Pasal 38(1)"
        case .commissionSettlement: "Pasal 38(2)"
        case .courtFiling: "Pasal 48(1)"
        case .cassationFiling: "Pasal 50"
        }
    }
}

extension StatutoryClock: Localized {
    public func text(_ language: Language) -> String {
        switch self {
        case .writtenNotice: language.pick("Pemberitahuan tertulis", "Written notice")
        case .extensionOfNotice: language.pick("Perpanjangan", "Extension")
        case .objectionWindow: language.pick("Batas pengajuan keberatan", "Window to object")
        case .objectionAnswer: language.pick("Tanggapan atasan PPID atas keberatan", "Atasan PPID's answer to the objection")
        case .disputeWindow: language.pick("Batas pengajuan sengketa ke Komisi Informasi", "Window to file a dispute with the Information Commission")
        case .commissionStart: language.pick("Komisi Informasi memulai mediasi/ajudikasi", "Information Commission starts mediation/adjudication")
        case .commissionSettlement: language.pick("Komisi Informasi menyelesaikan sengketa", "Information Commission settles the dispute")
        case .courtFiling: language.pick("Batas gugatan ke pengadilan (PTUN/PN)", "Window to take the decision to court (PTUN/PN)")
        case .cassationFiling: language.pick("Batas kasasi ke Mahkamah Agung", "Window to file for cassation at the Supreme Court")
        }
    }
}
