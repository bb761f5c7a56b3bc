/// The grounds of an objection, Pasal 35(1) letters a-g.
public enum ObjectionGround: String, Hashable, Sendable, Codable, CaseIterable {
    /// a. refusal under a Pasal 17 exemption
    case a
    /// b. periodic information (Pasal 9) not published
    case b
    /// c. request not answered
    case c
    /// d. answered other than as requested
    case d
    /// e. request not fulfilled
    case e
    /// f. unreasonable fees
    case f
    /// g. answered later than the law allows
    case g

    /// Grounds b-g may be settled by agreement (Pasal 35(2)); a refusal under Pasal 17 may not.
    public var maySettleByAgreement: Bool { self != .a }
}

extension ObjectionGround: Localized {
    public func text(_ language: Language) -> String {
        let what: String = switch self {
        case .a: language.pick("penolakan berdasarkan alasan pengecualian Pasal 17", "refusal under a Pasal 17 exemption")
        case .b: language.pick("informasi berkala (Pasal 9) tidak disediakan", "periodic information (Pasal 9) not published")
        case .c: language.pick("permintaan informasi tidak ditanggapi", "request not answered")
        case .d: language.pick("permintaan ditanggapi tidak sebagaimana yang diminta", "answered other than as requested")
        case .e: language.pick("permintaan informasi tidak dipenuhi", "request not fulfilled")
        case .f: language.pick("pengenaan biaya yang tidak wajar", "unreasonable fees")
        case .g: language.pick("penyampaian informasi melebihi waktu yang diatur", "answered later than the law allows")
        }
        return language.pick("Pasal 35 ayat 1 huruf \(rawValue): ", "Pasal 35(1)(\(rawValue)): ") + what
    }
}
