/// An exemption as submitted: the basis (a Pasal 17 letter, `other`, or blank), the statute when
/// `other`, and the consequence test. The decision and the DIP entry both take it from here.
public struct ExemptionSubmission: Hashable, Sendable, Codable {
    /// `a` to `j`, or `other`; blank until the officer chooses (no letter is chosen for them).
    public var basis = ""
    public var statute = ""
    public var harm = ""
    public var interest = ""
    public var withheld = ""
    public var until = ""
    /// The letter's numbered point (a.1-5, c.1-7, e.1-7, f.1-4, h.1-5); blank when not named.
    public var subPoint = ""

    public init() {}

    public init(_ values: [String: String]) {
        basis = values["basis", default: ""].trimmed
        statute = values["statute", default: ""]
        harm = values["harm", default: ""]
        interest = values["interest", default: ""]
        withheld = values["withheld", default: ""]
        until = values["until", default: ""]
        subPoint = values["subPoint", default: ""].trimmed
    }

    /// The choices of `basis`: each letter, then `other`.
    public static var basisChoices: [String] { Pasal17Letter.allCases.map(\.rawValue) + ["other"] }

    /// The exemption, with every missing part of it reported into `problems`; nil when any is missing.
    /// An exemption on letters a-f needs its end date (Pasal 20(1)), in the DIP and in a refusal
    /// alike; g-j may be open-ended. Letter j, information withheld under another statute, names it.
    func exemption(into problems: inout ProblemList) -> Exemption? {
        let before = problems.problems.count
        var basisValue: ExemptionBasis?
        if basis == "other" || basis.lowercased() == "j" {
            problems.require(statute, "statute")
            problems.bounded(statute, "statute")
            basisValue = .otherStatute(statute.trimmed)
        } else if let letter = Pasal17Letter(rawValue: basis.lowercased()) {
            basisValue = .pasal17(letter)
        } else {
            problems.add("basis", basis.isEmpty ? .exemptionBasis : .choice(Self.basisChoices))
        }
        problems.require(harm, "harm")
        problems.require(interest, "interest")
        problems.require(withheld, "withheld")
        for (value, field) in [(harm, "harm"), (interest, "interest"), (withheld, "withheld")] {
            problems.bounded(value, field, long: true)
        }
        let end = problems.date(until, "until")
        if case let .pasal17(letter)? = basisValue, letter.isTimeLimited, until.trimmed.isEmpty { problems.add("until", .exemptionEnd) }
        // A sub-point names one of the letter's numbered points, where Pasal 17 has them.
        var point: Int?
        if !subPoint.isEmpty {
            if case let .pasal17(letter)? = basisValue, let points = letter.subPoints, let number = Int(subPoint), points.contains(number) {
                point = number
            } else if case let .pasal17(letter)? = basisValue, let points = letter.subPoints {
                problems.add("subPoint", .choice(points.map(String.init)))
            } else {
                problems.add("subPoint", .choice([]))
            }
        }
        guard problems.problems.count == before, let basisValue else { return nil }
        return Exemption(basis: basisValue, test: ConsequenceTest(harm: harm.trimmed, publicInterestWeighed: interest.trimmed,
                                                                  withheldPart: withheld.trimmed, until: end), subPoint: point)
    }
}
