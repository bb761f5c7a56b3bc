import Foundation

/// Where a dispute at the Komisi Informasi stands.
public enum DisputeState: String, Hashable, Sendable, Codable, CaseIterable {
    case filed = "didaftarkan"
    case mediation = "mediasi"
    case adjudication = "ajudikasi"
    case decided = "diputus"
    case inCourt = "pengadilan"
    case withdrawn = "dicabut"
}

extension DisputeState: Localized {
    public func text(_ language: Language) -> String {
        switch self {
        case .filed: language.pick("Didaftarkan di KI", "Filed with the Commission")
        case .mediation: language.pick("Mediasi", "Mediation")
        case .adjudication: language.pick("Ajudikasi", "Adjudication")
        case .decided: language.pick("Diputus", "Decided")
        case .inCourt: language.pick("Di pengadilan", "In court")
        case .withdrawn: language.pick("Dicabut", "Withdrawn")
        }
    }
}

/// How the Commission ended a dispute.
public enum DisputeOutcome: String, Hashable, Sendable, Codable, CaseIterable {
    /// Settled by mediation.
    case mediatedAgreement = "mediasi-berhasil"
    /// The requester's claim was granted.
    case requesterPrevailed = "dikabulkan"
    /// Granted in part.
    case partlyGranted = "dikabulkan-sebagian"
    /// The public body's position was upheld.
    case bodyPrevailed = "ditolak"
    /// The Commission did not admit the dispute (out of time, not its competence, no standing).
    case inadmissible = "tidak-dapat-diterima"
}

/// The filing of a dispute with the Komisi Informasi.
public struct DisputeFiling: Hashable, Sendable, Codable {
    public var id: UUID
    public var objectionID: UUID
    public var registerNumber: String
    /// The date the atasan's answer was received, or its deadline passed.
    public var groundsAroseOn: CivilDate
    /// An officer's written reason to record a filing made after the 14-day window.
    public var lateFilingOverride: String?
    /// The objection's Pasal 35(1) grounds, carried so the dispute's own rules can be checked:
    /// mediation only for grounds b-g (Pasal 40(2)). Nil in filings of earlier versions.
    public var grounds: [ObjectionGround]?
    /// Which Commission: the central one, or a province's (Komisi Informasi Provinsi Bali).
    public var commission: String?

    public init(id: UUID = UUID(), objectionID: UUID, registerNumber: String, groundsAroseOn: CivilDate,
                lateFilingOverride: String? = nil, grounds: [ObjectionGround]? = nil, commission: String? = nil) {
        self.commission = commission
        self.id = id
        self.objectionID = objectionID
        self.registerNumber = registerNumber
        self.groundsAroseOn = groundsAroseOn
        self.lateFilingOverride = lateFilingOverride
        self.grounds = grounds
    }

    /// Whether the Commission may mediate (Pasal 40(2)): not when ground a, a Pasal 17 refusal, is objected to.
    public var mayMediate: Bool { !(grounds ?? []).contains(.a) }
}

/// A change to a dispute.
public enum DisputeEvent: Hashable, Sendable {
    case filed(DisputeFiling)
    case mediationStarted
    case adjudicationStarted
    case decided(DisputeOutcome, summary: String)
    case appealedToCourt(court: String)
    case withdrawn(reason: String)

    public var name: String {
        switch self {
        case .filed: "filed"
        case .mediationStarted: "mediationStarted"
        case .adjudicationStarted: "adjudicationStarted"
        case .decided: "decided"
        case .appealedToCourt: "appealedToCourt"
        case .withdrawn: "withdrawn"
        }
    }
}

/// The current state of a dispute.
public struct DisputeRecord: Hashable, Sendable, Codable {
    public var filing: DisputeFiling
    public var state: DisputeState
    public var filedOn: CivilDate
    /// The Commission should start mediation or adjudication by this date (14 working days).
    public var startDue: CivilDate
    /// The Commission should settle by this date (100 working days).
    public var settlementDue: CivilDate
    public var outcome: DisputeOutcome?
    public var decidedOn: CivilDate?
    public var court: String?

    public var id: UUID { filing.id }
}

/// Why a change to a dispute was refused.
public enum DisputeRejection: OfficerFacingError, Hashable {
    case unknownDispute
    case alreadyFiled
    case filedAfterWindow(windowClosed: CivilDate)
    case notInProgress(DisputeState)
    case notDecided
    case missingField(RequiredField)
    case mediationNotForGroundA
    case agreementOnlyByMediation
    case agreementIsFinal

    public func text(_ language: Language) -> String {
        switch self {
        case .unknownDispute: language.pick("Sengketa tidak ditemukan.", "No such dispute.")
        case .alreadyFiled: language.pick("Sengketa ini sudah terdaftar.", "This dispute is already registered.")
        case let .filedAfterWindow(closed):
            language.pick("Batas pengajuan sengketa (14 hari kerja) berakhir \(closed.iso). Catat hanya dengan alasan tertulis.",
                          "The 14-working-day window to file a dispute closed on \(closed.iso). Record it only with a written reason.")
        case let .notInProgress(state):
            language.pick("Sengketa berstatus \(state.text(language)); langkah ini tidak berlaku.",
                          "The dispute is \(state.text(language)); this step does not apply.")
        case .notDecided: language.pick("Sengketa belum diputus.", "The dispute has not been decided.")
        case let .missingField(field):
            language.pick("Wajib diisi: \(field.text(language)).", "Required: \(field.text(language)).")
        case .mediationNotForGroundA:
            language.pick("Sengketa atas penolakan berdasarkan Pasal 17 (alasan a) tidak dapat dimediasi (Pasal 40 ayat 2): hanya ajudikasi.",
                          "A dispute over a Pasal 17 refusal (ground a) cannot be mediated (Pasal 40(2)): adjudication only.")
        case .agreementOnlyByMediation:
            language.pick("Kesepakatan mediasi hanya dapat dicatat setelah mediasi dimulai.",
                          "A mediated agreement can be recorded only after mediation has started.")
        case .agreementIsFinal:
            language.pick("Kesepakatan mediasi bersifat final dan mengikat (Pasal 39): tidak ada gugatan ke pengadilan.",
                          "A mediated agreement is final and binding (Pasal 39): it cannot be taken to court.")
        }
    }
}

/// The one function that decides whether a change to a dispute is allowed.
public enum DisputeLifecycle {
    public static func apply(_ event: DisputeEvent, meta: EventMeta, to record: DisputeRecord?,
                             context: LifecycleContext) throws(DisputeRejection) -> DisputeRecord {
        if case let .filed(filing) = event {
            guard record == nil else { throw .alreadyFiled }
            guard !filing.registerNumber.trimmed.isEmpty else { throw .missingField(.registrationNumber) }
            let window = context.calendar.deadline(.disputeWindow, after: filing.groundsAroseOn)
            if meta.localDate > window.due && (filing.lateFilingOverride ?? "").trimmed.isEmpty {
                throw .filedAfterWindow(windowClosed: window.due)
            }
            let start = context.calendar.deadline(.commissionStart, after: meta.localDate)
            let settle = context.calendar.deadline(.commissionSettlement, after: meta.localDate)
            return DisputeRecord(filing: filing, state: .filed, filedOn: meta.localDate, startDue: start.due,
                                 settlementDue: settle.due, outcome: nil, decidedOn: nil, court: nil)
        }
        guard var record else { throw .unknownDispute }
        switch event {
        case .filed:
            throw .alreadyFiled
        case .mediationStarted:
            guard record.state == .filed else { throw .notInProgress(record.state) }
            guard record.filing.mayMediate else { throw .mediationNotForGroundA }
            record.state = .mediation
        case .adjudicationStarted:
            guard record.state == .filed || record.state == .mediation else { throw .notInProgress(record.state) }
            record.state = .adjudication
        case let .decided(outcome, _):
            guard [.filed, .mediation, .adjudication].contains(record.state) else { throw .notInProgress(record.state) }
            if outcome == .mediatedAgreement && record.state != .mediation { throw .agreementOnlyByMediation }
            record.outcome = outcome
            record.decidedOn = meta.localDate
            record.state = .decided
        case let .appealedToCourt(court):
            guard record.state == .decided else { throw .notDecided }
            guard record.outcome != .mediatedAgreement else { throw .agreementIsFinal }
            guard !court.trimmed.isEmpty else { throw .missingField(.forwardTarget) }
            record.court = court
            record.state = .inCourt
        case .withdrawn:
            guard [.filed, .mediation, .adjudication].contains(record.state) else { throw .notInProgress(record.state) }
            record.state = .withdrawn
        }
        return record
    }
}

extension DisputeOutcome: Localized {
    public func text(_ language: Language) -> String {
        switch self {
        case .mediatedAgreement: language.pick("Mediasi berhasil (kesepakatan)", "Settled by mediation")
        case .requesterPrevailed: language.pick("Permohonan dikabulkan seluruhnya", "Granted in full")
        case .partlyGranted: language.pick("Permohonan dikabulkan sebagian", "Granted in part")
        case .bodyPrevailed: language.pick("Permohonan ditolak", "Rejected")
        case .inadmissible: language.pick("Permohonan tidak dapat diterima", "Inadmissible")
        }
    }
}
