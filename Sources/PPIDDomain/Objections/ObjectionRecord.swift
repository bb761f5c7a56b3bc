import Foundation

/// What is registered when a requester files a written objection (keberatan).
public struct ObjectionFiling: Hashable, Sendable, Codable {
    public var id: UUID
    /// The objection register number.
    public var number: String
    public var requestID: UUID
    /// The registration number of the request objected to.
    public var requestNumber: String
    public var unit: String
    /// The requester, or the proxy who files for them.
    public var filedBy: String
    public var isProxy: Bool
    public var grounds: [ObjectionGround]
    public var statement: String
    /// The date the grounds arose: the notice received, or the deadline missed.
    public var groundsAroseOn: CivilDate
    /// The written reason an officer gives to accept a filing after its 30-day window.
    public var lateFilingOverride: String?
    /// The day the written objection reached the unit, when before the day it is entered (a posted
    /// objection): the atasan's 30 working days count from it (Pasal 36(2)). Nil: the day entered.
    public var receivedOn: CivilDate?
    /// A proxy's power of attorney (surat kuasa), when a proxy files.
    public var powerOfAttorney: String?

    public init(id: UUID = UUID(), number: String, requestID: UUID, requestNumber: String, unit: String,
                filedBy: String, isProxy: Bool = false, grounds: [ObjectionGround], statement: String = "",
                groundsAroseOn: CivilDate, lateFilingOverride: String? = nil, receivedOn: CivilDate? = nil,
                powerOfAttorney: String? = nil) {
        self.powerOfAttorney = powerOfAttorney
        self.id = id
        self.number = number
        self.requestID = requestID
        self.requestNumber = requestNumber
        self.unit = unit
        self.filedBy = filedBy
        self.isProxy = isProxy
        self.grounds = grounds
        self.statement = statement
        self.groundsAroseOn = groundsAroseOn
        self.lateFilingOverride = lateFilingOverride
        self.receivedOn = receivedOn
    }
}

/// The atasan PPID's decision on an objection.
public enum ObjectionVerdict: Hashable, Sendable, Codable {
    /// The objection is upheld: the information will be provided (or the fault corrected).
    case objectionGranted
    /// The refusal stands, with the written reasons Pasal 36(3) requires.
    case refusalUpheld(reasons: String)
    /// Grounds b-g settled by agreement between the parties (Pasal 35(2)).
    case settledByAgreement(terms: String)

    public var code: String {
        switch self {
        case .objectionGranted: "granted"
        case .refusalUpheld: "refusal-upheld"
        case .settledByAgreement: "settled"
        }
    }
}

extension ObjectionVerdict: Localized {
    public func text(_ language: Language) -> String {
        switch self {
        case .objectionGranted: language.pick("Keberatan diterima", "Objection granted")
        case .refusalUpheld: language.pick("Penolakan dikuatkan", "Refusal upheld")
        case .settledByAgreement: language.pick("Diselesaikan secara musyawarah", "Settled by agreement")
        }
    }
}

/// The atasan's written answer.
public struct ObjectionAnswer: Hashable, Sendable, Codable {
    public var verdict: ObjectionVerdict
    public var atasanName: String
    public var atasanPosition: String

    public init(verdict: ObjectionVerdict, atasanName: String, atasanPosition: String) {
        self.verdict = verdict
        self.atasanName = atasanName
        self.atasanPosition = atasanPosition
    }
}

/// Where an objection is in its lifecycle.
public enum ObjectionState: String, Hashable, Sendable, Codable, CaseIterable {
    case filed = "diajukan"
    case answered = "ditanggapi"
    case withdrawn = "ditarik"
}

extension ObjectionState: Localized {
    public func text(_ language: Language) -> String {
        switch self {
        case .filed: language.pick("Diajukan", "Filed")
        case .answered: language.pick("Ditanggapi", "Answered")
        case .withdrawn: language.pick("Ditarik", "Withdrawn")
        }
    }
}

/// The current state of an objection.
public struct ObjectionRecord: Hashable, Sendable, Codable {
    public var filing: ObjectionFiling
    public var state: ObjectionState
    /// The day the written objection was received: the day its clocks count from.
    public var filedOn: CivilDate
    /// The day it was entered, when later than received (a posted objection).
    public var enteredOn: CivilDate?
    /// The atasan's answer is due 30 working days after the objection is received.
    public var answerDue: CivilDate
    public var answerDueIsProvisional: Bool
    public var answer: ObjectionAnswer?
    public var answeredOn: CivilDate?
    /// What the requester said to the answer (accepts it, or will go to the Komisi Informasi).
    public var requesterResponse: String?

    public var id: UUID { filing.id }
}

/// A change to an objection.
public enum ObjectionEvent: Hashable, Sendable {
    case filed(ObjectionFiling)
    case answered(ObjectionAnswer)
    case requesterResponded(String)
    case withdrawn(reason: String)
    case deadlineMoved(answerDue: CivilDate, reason: String)

    public var name: String {
        switch self {
        case .filed: "filed"
        case .answered: "answered"
        case .requesterResponded: "requesterResponded"
        case .withdrawn: "withdrawn"
        case .deadlineMoved: "deadlineMoved"
        }
    }
}
