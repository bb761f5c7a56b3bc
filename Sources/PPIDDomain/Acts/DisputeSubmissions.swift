import Foundation

/// A dispute filed at the Komisi Informasi (Pasal 37), as submitted: its register number at the
/// Commission, and the reason to record it after the requester's 14 working days.
public struct DisputeFilingSubmission: Hashable, Sendable, Codable {
    public var registerNumber = ""
    public var late = ""
    /// Which Commission (central or a province's); blank when not said.
    public var commission = ""

    public init(registerNumber: String = "", late: String = "", commission: String = "") {
        self.registerNumber = registerNumber
        self.late = late
        self.commission = commission
    }

    /// The filing against `objection`. The requester's 14 working days (Pasal 37(2)) run from the
    /// day the atasan's answer came, or, where none came, the day after its deadline passed.
    public func filing(id: UUID, against objection: ObjectionRecord) throws(ActRefusal) -> DisputeFiling {
        var problems = ProblemList()
        problems.require(registerNumber, "registerNumber")
        problems.bounded(registerNumber, "registerNumber")
        problems.bounded(late, "late", long: true)
        problems.bounded(commission, "commission")
        try problems.check()
        return DisputeFiling(id: id, objectionID: objection.id, registerNumber: registerNumber.trimmed,
                             groundsAroseOn: objection.answeredOn ?? objection.answerDue.next,
                             lateFilingOverride: late.trimmed.isEmpty ? nil : late.trimmed, grounds: objection.filing.grounds,
                             commission: commission.trimmed.isEmpty ? nil : commission.trimmed)
    }
}

/// A step of a dispute before the Commission or the court, as submitted: the Commission starts
/// mediation or adjudication, decides, the case goes to court, or the requester withdraws it.
public struct DisputeStepSubmission: Hashable, Sendable, Codable {
    /// `mediation`, `adjudication`, `decide`, `court` or `withdraw`.
    public var step = ""
    /// A ``DisputeOutcome`` raw value, for `decide`.
    public var outcome = ""
    public var summary = ""
    /// The court (PTUN for a public body, PN otherwise), for `court`.
    public var court = ""
    public var reason = ""

    public static let steps = ["mediation", "adjudication", "decide", "court", "withdraw"]

    public init(_ values: [String: String]) {
        step = values["step", default: ""].trimmed
        outcome = values["outcome", default: ""].trimmed
        summary = values["summary", default: ""]
        court = values["court", default: ""]
        reason = values["reason", default: ""]
    }

    public func event() throws(ActRefusal) -> DisputeEvent {
        var problems = ProblemList()
        problems.bounded(summary, "summary", long: true)
        problems.bounded(court, "court")
        problems.bounded(reason, "reason", long: true)
        var event: DisputeEvent?
        switch step {
        case "mediation": event = .mediationStarted
        case "adjudication": event = .adjudicationStarted
        case "decide":
            if let outcome = DisputeOutcome(rawValue: outcome) {
                event = .decided(outcome, summary: summary.trimmed)
            } else {
                problems.add("outcome", outcome.isEmpty ? .required : .choice(DisputeOutcome.allCases.map(\.rawValue)))
            }
        case "court":
            problems.require(court, "court")
            event = .appealedToCourt(court: court.trimmed)
        case "withdraw": event = .withdrawn(reason: reason.trimmed)
        default: problems.add("step", .choice(Self.steps))
        }
        try problems.check()
        guard let event else { throw ActRefusal("step", .choice(Self.steps)) }
        return event
    }
}
