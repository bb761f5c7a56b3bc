/// The enums inside event payloads, in the explicit wire format: an object with a stable `kind`
/// (kebab-case, never a Swift case name) and named fields. Values written by earlier versions in
/// Swift's own enum coding are still read.

extension NoticeOutcome {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: NamedKey.self)
        guard container.isExplicit else { self = try LegacyNoticeOutcome(from: decoder).value; return }
        let kind: String = try container.value("kind")
        switch kind {
        case "granted-in-full": self = .grantedInFull
        case "granted-in-part": self = .grantedInPart(try container.value("exemptions"))
        case "refused": self = .refused(try container.optional("exemption"))
        case "not-held": self = .notHeld(holder: try container.optional("holder"))
        case "not-yet-documented": self = .notYetDocumented
        default: throw unknownKind(kind, in: decoder, of: "notice outcome")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: NamedKey.self)
        try container.put(code, "kind")
        switch self {
        case .grantedInFull, .notYetDocumented: break
        case let .grantedInPart(exemptions): try container.put(exemptions, "exemptions")
        case let .refused(exemption): try container.put(exemption, "exemption")
        case let .notHeld(holder): try container.put(holder, "holder")
        }
    }
}

private enum LegacyNoticeOutcome: Decodable {
    case grantedInFull
    case grantedInPart([Exemption])
    case refused(Exemption?)
    case notHeld(holder: String?)
    case notYetDocumented

    var value: NoticeOutcome {
        switch self {
        case .grantedInFull: .grantedInFull
        case let .grantedInPart(exemptions): .grantedInPart(exemptions)
        case let .refused(exemption): .refused(exemption)
        case let .notHeld(holder): .notHeld(holder: holder)
        case .notYetDocumented: .notYetDocumented
        }
    }
}

extension ForwardTarget {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: NamedKey.self)
        guard container.isExplicit else { self = try LegacyForwardTarget(from: decoder).value; return }
        let kind: String = try container.value("kind")
        switch kind {
        case "unit": self = .unit(try container.value("unit"))
        case "other-body": self = .otherBody(try container.value("body"))
        default: throw unknownKind(kind, in: decoder, of: "forward target")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: NamedKey.self)
        switch self {
        case let .unit(code):
            try container.put("unit", "kind")
            try container.put(code, "unit")
        case let .otherBody(body):
            try container.put("other-body", "kind")
            try container.put(body, "body")
        }
    }
}

private enum LegacyForwardTarget: Decodable {
    case unit(String)
    case otherBody(String)
    var value: ForwardTarget {
        switch self {
        case let .unit(code): .unit(code)
        case let .otherBody(body): .otherBody(body)
        }
    }
}

extension ExemptionBasis {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: NamedKey.self)
        guard container.isExplicit else { self = try LegacyExemptionBasis(from: decoder).value; return }
        let kind: String = try container.value("kind")
        switch kind {
        case "pasal17": self = .pasal17(try container.value("letter"))
        case "other-statute": self = .otherStatute(try container.value("statute"))
        default: throw unknownKind(kind, in: decoder, of: "exemption basis")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: NamedKey.self)
        switch self {
        case let .pasal17(letter):
            try container.put("pasal17", "kind")
            try container.put(letter, "letter")
        case let .otherStatute(statute):
            try container.put("other-statute", "kind")
            try container.put(statute, "statute")
        }
    }
}

private enum LegacyExemptionBasis: Decodable {
    case pasal17(Pasal17Letter)
    case otherStatute(String)
    var value: ExemptionBasis {
        switch self {
        case let .pasal17(letter): .pasal17(letter)
        case let .otherStatute(statute): .otherStatute(statute)
        }
    }
}

extension ObjectionVerdict {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: NamedKey.self)
        guard container.isExplicit else { self = try LegacyObjectionVerdict(from: decoder).value; return }
        let kind: String = try container.value("kind")
        switch kind {
        case "granted": self = .objectionGranted
        case "refusal-upheld": self = .refusalUpheld(reasons: try container.value("reasons"))
        case "settled-by-agreement": self = .settledByAgreement(terms: try container.value("terms"))
        default: throw unknownKind(kind, in: decoder, of: "objection verdict")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: NamedKey.self)
        switch self {
        case .objectionGranted: try container.put("granted", "kind")
        case let .refusalUpheld(reasons):
            try container.put("refusal-upheld", "kind")
            try container.put(reasons, "reasons")
        case let .settledByAgreement(terms):
            try container.put("settled-by-agreement", "kind")
            try container.put(terms, "terms")
        }
    }
}

private enum LegacyObjectionVerdict: Decodable {
    case objectionGranted
    case refusalUpheld(reasons: String)
    case settledByAgreement(terms: String)
    var value: ObjectionVerdict {
        switch self {
        case .objectionGranted: .objectionGranted
        case let .refusalUpheld(reasons): .refusalUpheld(reasons: reasons)
        case let .settledByAgreement(terms): .settledByAgreement(terms: terms)
        }
    }
}
