/// The letters of Pasal 17 UU 14/2008: the kinds of information that may be withheld.
public enum Pasal17Letter: String, Hashable, Sendable, Codable, CaseIterable {
    case a, b, c, d, e, f, g, h, i, j

    /// Parses `a`..`j`, also written `17a` or `17(a)`.
    public init?(parsing text: String) {
        let letter = text.lowercased().filter { $0.isLetter }
        self.init(rawValue: letter)
    }

    /// The numbered points of this letter in Pasal 17 (a.1-5, c.1-7, e.1-7, f.1-4, h.1-5); nil where it has none.
    public var subPoints: ClosedRange<Int>? {
        switch self {
        case .a, .h: 1...5
        case .c, .e: 1...7
        case .f: 1...4
        case .b, .d, .g, .i, .j: nil
        }
    }

    /// Whether an exemption on this letter is for a period (Pasal 20(1)): letters a-f are not
    /// permanent and need an end date; g-j may be open-ended.
    public var isTimeLimited: Bool {
        switch self {
        case .a, .b, .c, .d, .e, .f: true
        case .g, .h, .i, .j: false
        }
    }
}

extension Pasal17Letter: Localized {
    public func text(_ language: Language) -> String {
        let what: String = switch self {
        case .a: language.pick("menghambat proses penegakan hukum", "hinder law enforcement")
        case .b: language.pick("mengganggu hak kekayaan intelektual dan persaingan usaha", "harm intellectual property or fair competition")
        case .c: language.pick("membahayakan pertahanan dan keamanan negara", "endanger national defence and security")
        case .d: language.pick("mengungkapkan kekayaan alam Indonesia", "reveal Indonesia's natural riches")
        case .e: language.pick("merugikan ketahanan ekonomi nasional", "harm the national economy")
        case .f: language.pick("merugikan hubungan luar negeri", "harm foreign relations")
        case .g: language.pick("mengungkapkan isi akta otentik pribadi atau wasiat", "reveal authentic personal documents or wills")
        case .h: language.pick("mengungkap rahasia pribadi", "reveal personal secrets")
        case .i: language.pick("memorandum antar/intra badan publik yang dirahasiakan", "confidential inter- or intra-agency memoranda")
        case .j: language.pick("tidak boleh diungkapkan berdasarkan undang-undang", "withheld under another statute")
        }
        return "Pasal 17 huruf \(rawValue): \(what)"
    }
}

/// The legal ground for withholding: a Pasal 17 letter, or another statute named in full.
public enum ExemptionBasis: Hashable, Sendable, Codable {
    case pasal17(Pasal17Letter)
    case otherStatute(String)
}

extension ExemptionBasis: Localized {
    public func text(_ language: Language) -> String {
        switch self {
        case let .pasal17(letter): letter.text(language)
        case let .otherStatute(statute): statute
        }
    }
}

/// The consequence test (uji konsekuensi, Pasal 19-20): what harm, why it outweighs the public
/// interest, which part is withheld, and until when.
public struct ConsequenceTest: Hashable, Sendable, Codable {
    public var harm: String
    public var publicInterestWeighed: String
    public var withheldPart: String
    /// The end of the exemption; exemptions are not permanent.
    public var until: CivilDate?

    public init(harm: String, publicInterestWeighed: String, withheldPart: String, until: CivilDate?) {
        self.harm = harm
        self.publicInterestWeighed = publicInterestWeighed
        self.withheldPart = withheldPart
        self.until = until
    }

    /// Whether the test states harm, the weighing and the withheld part.
    public var isComplete: Bool {
        !harm.trimmed.isEmpty && !publicInterestWeighed.trimmed.isEmpty && !withheldPart.trimmed.isEmpty
    }
}

/// A claim that information is exempt: its basis and its consequence test.
public struct Exemption: Hashable, Sendable, Codable {
    public var basis: ExemptionBasis
    public var test: ConsequenceTest
    /// The numbered point of the letter, where Pasal 17 has them (a.1-5, c.1-7, e.1-7, f.1-4, h.1-5).
    public var subPoint: Int?

    public init(basis: ExemptionBasis, test: ConsequenceTest, subPoint: Int? = nil) {
        self.basis = basis
        self.test = test
        self.subPoint = subPoint
    }

    /// "Pasal 17 huruf a angka 2: …" with its sub-point when named, or the basis alone.
    public func basisText(_ language: Language) -> String {
        let text = basis.text(language)
        guard case let .pasal17(letter) = basis, let subPoint else { return text }
        let prefix = "Pasal 17 huruf \(letter.rawValue)"
        guard text.hasPrefix(prefix) else { return text }
        return prefix + language.pick(" angka \(subPoint)", " point \(subPoint)") + text.dropFirst(prefix.count)
    }

    /// Whether it needs an end date (Pasal 20, PP 61/2010): on letters a-f.
    public var needsEndDate: Bool {
        if case let .pasal17(letter) = basis { return letter.isTimeLimited }
        return false
    }

    /// Whether the basis is stated: a Pasal 17 letter, or another statute named (not blank).
    public var namesItsBasis: Bool {
        if case let .otherStatute(statute) = basis { return !statute.trimmed.isEmpty }
        return true
    }
}
