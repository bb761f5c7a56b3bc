import Foundation

/// An objection (Pasal 35) as submitted: its grounds as letters, who files it, and the reason to
/// accept it late.
public struct ObjectionSubmission: Hashable, Sendable, Codable {
    /// Pasal 35(1) letters, comma or space separated: `a` or `c,g`.
    public var grounds = ""
    public var filedBy = ""
    /// `yes` when a proxy files for the requester.
    public var proxy = "no"
    public var statement = ""
    /// The written reason to accept a filing after its 30-working-day window; blank otherwise.
    public var late = ""
    /// The day the written objection reached the unit (YYYY-MM-DD); blank: the day it is entered.
    public var received = ""
    /// The proxy's power of attorney, required when a proxy files.
    public var powerOfAttorney = ""

    public init() {}

    public init(_ values: [String: String]) {
        grounds = values["grounds", default: ""]
        filedBy = values["filedBy", default: ""]
        proxy = values["proxy", default: "no"].trimmed
        statement = values["statement", default: ""]
        late = values["late", default: ""]
        received = values["received", default: ""]
        powerOfAttorney = values["powerOfAttorney", default: ""]
    }

    /// The grounds the letters name; nil when any letter is not a to g.
    public var groundList: [ObjectionGround]? {
        let letters = grounds.lowercased().split(whereSeparator: { $0 == "," || $0 == " " })
        let parsed = letters.compactMap { ObjectionGround(rawValue: String($0)) }
        return parsed.count == letters.count && !parsed.isEmpty ? parsed : nil
    }

    /// The filing against `request`, numbered later by the register; `today` is the unit's date,
    /// which a received date may not pass.
    public func filing(id: UUID, against request: RequestRecord, today: CivilDate) throws(ActRefusal) -> ObjectionFiling {
        var problems = ProblemList()
        let parsed = groundList
        if parsed == nil { problems.add("grounds", grounds.trimmed.isEmpty ? .required : .groundLetters) }
        // Pasal 35(1)(a) objects to a refusal under Pasal 17: there must be one, in full or in part.
        if let parsed, parsed.contains(.a) {
            switch request.decision?.outcome {
            case .refused?, .grantedInPart?: break
            default: problems.add("grounds", .groundANeedsRefusal)
            }
        }
        // Ground f, unreasonable costs (Pasal 35(1)(f)), cites the cost the notice stated.
        if let parsed, parsed.contains(.f), (request.decision?.costRupiah ?? 0) == 0 { problems.add("grounds", .groundFNeedsCost) }
        let receivedOn = problems.date(received, "received")
        if let receivedOn, receivedOn > today { problems.add("received", .notInFuture) }
        problems.require(filedBy, "filedBy")
        problems.bounded(filedBy, "filedBy")
        problems.bounded(statement, "statement", long: true)
        problems.bounded(late, "late", long: true)
        if proxy != "yes" && proxy != "no" { problems.add("proxy", .choice(["no", "yes"])) }
        // A proxy files only with a power of attorney.
        if proxy == "yes" { problems.require(powerOfAttorney, "powerOfAttorney") }
        problems.bounded(powerOfAttorney, "powerOfAttorney")
        try problems.check()
        return ObjectionFiling(
            id: id, number: "", requestID: request.id, requestNumber: request.registration.registrationNumber,
            unit: request.registration.unit, filedBy: filedBy.trimmed, isProxy: proxy == "yes", grounds: parsed ?? [],
            statement: statement.trimmed, groundsAroseOn: request.objectionGroundsArose,
            lateFilingOverride: late.trimmed.isEmpty ? nil : late.trimmed,
            receivedOn: receivedOn == today ? nil : receivedOn,
            powerOfAttorney: proxy == "yes" ? powerOfAttorney.trimmed : nil)
    }
}

/// The atasan PPID's written answer to an objection (Pasal 36).
public struct AnswerSubmission: Hashable, Sendable, Codable {
    /// `granted`, `upheld` or `settled`.
    public var verdict = "granted"
    /// The written reasons (upheld) or the terms agreed (settled).
    public var reasons = ""
    public var atasan = ""
    public var position = ""

    public static let verdicts = ["granted", "upheld", "settled"]

    public init() {}

    public init(_ values: [String: String]) {
        verdict = values["verdict", default: "granted"].trimmed
        reasons = values["reasons", default: ""]
        atasan = values["atasan", default: ""]
        position = values["position", default: ""]
    }

    /// The answer event for `objection`: every missing part is named, and a settlement the grounds
    /// do not allow (Pasal 35(2)) is refused on the verdict.
    public func event(for objection: ObjectionRecord) throws(ActRefusal) -> ObjectionEvent {
        var problems = ProblemList()
        problems.require(atasan, "atasan")
        problems.bounded(atasan, "atasan")
        problems.bounded(position, "position")
        problems.bounded(reasons, "reasons", long: true)
        let answer: ObjectionVerdict?
        switch verdict {
        case "granted": answer = .objectionGranted
        case "upheld":
            problems.require(reasons, "reasons")
            answer = .refusalUpheld(reasons: reasons.trimmed)
        case "settled":
            problems.require(reasons, "reasons")
            if objection.filing.grounds.contains(where: { !$0.maySettleByAgreement }) {
                problems.add("verdict", .objection(.settlementNotAllowedForGroundA))
            }
            answer = .settledByAgreement(terms: reasons.trimmed)
        default:
            problems.add("verdict", .choice(Self.verdicts))
            answer = nil
        }
        try problems.check()
        guard let answer else { throw ActRefusal("verdict", .choice(Self.verdicts)) }
        return .answered(ObjectionAnswer(verdict: answer, atasanName: atasan.trimmed, atasanPosition: position.trimmed))
    }
}
