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

/// A step of a dispute before the Commission or a court, as submitted: the Commission starts
/// mediation or adjudication, a hearing is held, the Commission decides, the case goes to the
/// PTUN or PN and then perhaps to cassation, each with its ruling; or it is withdrawn.
public struct DisputeStepSubmission: Hashable, Sendable, Codable {
    /// One of ``steps``.
    public var step = ""
    /// A ``DisputeOutcome`` raw value, for `decide`, `court-decide` and `cassation-decide`.
    public var outcome = ""
    public var summary = ""
    /// The court (PTUN for a public body, PN otherwise), for `court`.
    public var court = ""
    public var reason = ""
    /// The written reason to record a court or cassation filing after its window.
    public var late = ""
    /// A hearing's day (`YYYY-MM-DD`, default today), the next one set, and what was noted.
    public var heldOn = ""
    public var nextOn = ""
    public var note = ""

    public static let steps = ["mediation", "adjudication", "hearing", "decide", "court", "court-decide", "cassation",
                               "cassation-decide", "withdraw"]
    /// The steps that record a ruling, each with the outcomes it may have.
    static let rulingSteps = ["decide", "court-decide", "cassation-decide"]

    public init(_ values: [String: String]) {
        step = values["step", default: ""].trimmed
        outcome = values["outcome", default: ""].trimmed
        summary = values["summary", default: ""]
        court = values["court", default: ""]
        reason = values["reason", default: ""]
        late = values["late", default: ""]
        heldOn = values["heldOn", default: ""]
        nextOn = values["nextOn", default: ""]
        note = values["note", default: ""]
    }

    /// The event, with `today` the default hearing day; every refused field at once.
    public func event(today: CivilDate) throws(ActRefusal) -> DisputeEvent {
        var problems = ProblemList()
        problems.bounded(summary, "summary", long: true)
        problems.bounded(court, "court")
        problems.bounded(reason, "reason", long: true)
        problems.bounded(late, "late", long: true)
        problems.bounded(note, "note", long: true)
        let lateReason = late.trimmed.isEmpty ? nil : late.trimmed
        var event: DisputeEvent?
        switch step {
        case "mediation": event = .mediationStarted
        case "adjudication": event = .adjudicationStarted
        case "hearing":
            let held = problems.date(heldOn, "heldOn") ?? today
            let next = problems.date(nextOn, "nextOn")
            if held > today { problems.add("heldOn", .notInFuture) }
            event = .hearingHeld(DisputeHearing(heldOn: held, note: note.trimmed, nextOn: next))
        case "decide", "court-decide", "cassation-decide":
            let allowed = step == "decide" ? DisputeOutcome.allCases : DisputeOutcome.allCases.filter { $0 != .mediatedAgreement }
            if let outcome = DisputeOutcome(rawValue: outcome), allowed.contains(outcome) {
                switch step {
                case "decide": event = .decided(outcome, summary: summary.trimmed)
                case "court-decide": event = .courtDecided(outcome, summary: summary.trimmed)
                default: event = .cassationDecided(outcome, summary: summary.trimmed)
                }
            } else {
                problems.add("outcome", outcome.isEmpty ? .required : .choice(allowed.map(\.rawValue)))
            }
        case "court":
            problems.require(court, "court")
            event = .appealedToCourt(court: court.trimmed, late: lateReason)
        case "cassation": event = .cassationFiled(late: lateReason)
        case "withdraw": event = .withdrawn(reason: reason.trimmed)
        default: problems.add("step", .choice(Self.steps))
        }
        try problems.check()
        guard let event else { throw ActRefusal("step", .choice(Self.steps)) }
        return event
    }
}
