extension ObtainMethod: Localized {
    /// How the requester obtains the information, in the reader's language (Pasal 4(2)).
    public func text(_ language: Language) -> String {
        switch self {
        case .see: language.pick("melihat", "to see it")
        case .read: language.pick("membaca", "to read it")
        case .hear: language.pick("mendengarkan", "to hear it")
        case .note: language.pick("mencatat", "to take notes")
        case .softCopy: language.pick("salinan elektronik", "an electronic copy")
        case .hardCopy: language.pick("salinan cetak", "a printed copy")
        }
    }
}

extension DeliveryMethod: Localized {
    /// How a copy reaches the requester, in the reader's language.
    public func text(_ language: Language) -> String {
        switch self {
        case .pickUp: language.pick("ambil langsung", "picked up")
        case .post: language.pick("pos", "post")
        case .courier: language.pick("kurir", "courier")
        case .fax: language.pick("faksimili", "fax")
        case .email: "email"
        }
    }
}

extension DocumentForm: Localized {
    /// The form a DIP entry is kept in, in the reader's language.
    public func text(_ language: Language) -> String {
        switch self {
        case .soft: language.pick("elektronik", "electronic")
        case .hard: language.pick("cetak", "printed")
        case .both: language.pick("elektronik dan cetak", "electronic and printed")
        }
    }
}
