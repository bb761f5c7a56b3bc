/// The outcome stated by the written notice (pemberitahuan tertulis, Pasal 22(7)).
public enum NoticeOutcome: Hashable, Sendable, Codable {
    case grantedInFull
    /// Granted with the exempted parts blacked out, each with its basis and test.
    case grantedInPart([Exemption])
    /// Refused under a Pasal 17 letter or another statute, with the consequence test.
    case refused(Exemption?)
    /// The body does not hold the information; names the holder when known.
    case notHeld(holder: String?)
    case notYetDocumented

    /// A short machine-readable name.
    public var code: String {
        switch self {
        case .grantedInFull: "granted-in-full"
        case .grantedInPart: "granted-in-part"
        case .refused: "refused"
        case .notHeld: "not-held"
        case .notYetDocumented: "not-yet-documented"
        }
    }
}

extension NoticeOutcome: Localized {
    public func text(_ language: Language) -> String {
        switch self {
        case .grantedInFull: language.pick("Diberikan seluruhnya", "Granted in full")
        case .grantedInPart: language.pick("Diberikan sebagian", "Granted in part")
        case .refused: language.pick("Ditolak", "Refused")
        case let .notHeld(holder):
            if let holder, !holder.isEmpty {
                language.pick("Tidak dikuasai (dikuasai oleh \(holder))", "Not held (held by \(holder))")
            } else {
                language.pick("Tidak dikuasai", "Not held")
            }
        case .notYetDocumented: language.pick("Belum didokumentasikan", "Not yet documented")
        }
    }
}

/// The written notice: its outcome, and the form, cost and time of delivery.
public struct Decision: Hashable, Sendable, Codable {
    public var outcome: NoticeOutcome
    public var form: ObtainMethod?
    /// The cost in rupiah (copying and postage only; information itself is free).
    public var costRupiah: Int
    public var deliveryBy: CivilDate?
    public var note: String
    /// How to pay the cost (Pasal 22(7)), when there is one: the account, the cashier.
    public var paymentMethod: String?
    /// The cost itemised from the unit's fee schedule (nil when stated as a sum, as earlier versions did).
    public var charges: [FeeCharge]?
    /// The decree that set the schedule the charges came from.
    public var feeDecree: String?

    public init(outcome: NoticeOutcome, form: ObtainMethod? = nil, costRupiah: Int = 0,
                deliveryBy: CivilDate? = nil, note: String = "", paymentMethod: String? = nil,
                charges: [FeeCharge]? = nil, feeDecree: String? = nil) {
        self.charges = charges
        self.feeDecree = feeDecree
        self.outcome = outcome
        self.form = form
        self.costRupiah = costRupiah
        self.deliveryBy = deliveryBy
        self.note = note
        self.paymentMethod = paymentMethod
    }

    /// Whether the notice gives information (in full or in part), so it must say in what form and when.
    public var grants: Bool {
        switch outcome {
        case .grantedInFull, .grantedInPart: true
        case .refused, .notHeld, .notYetDocumented: false
        }
    }
}

/// Where a request was forwarded to.
public enum ForwardTarget: Hashable, Sendable, Codable {
    /// Another unit of the same body, by its code.
    case unit(String)
    /// Another public body that holds the information.
    case otherBody(String)
}
