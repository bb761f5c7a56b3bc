import Foundation

/// Where a dispute at the Komisi Informasi stands.
public enum DisputeState: String, Hashable, Sendable, Codable, CaseIterable {
    case filed = "didaftarkan"
    case mediation = "mediasi"
    case adjudication = "ajudikasi"
    case decided = "diputus"
    case inCourt = "pengadilan"
    /// The PTUN or PN has ruled (Pasal 49); cassation may follow within 14 days (Pasal 50).
    case courtDecided = "diputus-pengadilan"
    /// Before the Mahkamah Agung (Pasal 50).
    case cassation = "kasasi"
    /// The Mahkamah Agung has ruled: final.
    case cassationDecided = "diputus-kasasi"
    case withdrawn = "dicabut"

    /// The states in which the dispute is pending before the Commission or a court.
    public static let pending: Set<DisputeState> = [.filed, .mediation, .adjudication, .inCourt, .cassation]
}

extension DisputeState: Localized {
    public func text(_ language: Language) -> String {
        switch self {
        case .filed: language.pick("Didaftarkan di KI", "Filed with the Commission")
        case .mediation: language.pick("Mediasi", "Mediation")
        case .adjudication: language.pick("Ajudikasi", "Adjudication")
        case .decided: language.pick("Diputus", "Decided")
        case .inCourt: language.pick("Di pengadilan", "In court")
        case .courtDecided: language.pick("Diputus pengadilan", "Decided by the court")
        case .cassation: language.pick("Kasasi di Mahkamah Agung", "Cassation at the Supreme Court")
        case .cassationDecided: language.pick("Diputus Mahkamah Agung", "Decided by the Supreme Court")
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

/// A hearing held in a dispute, before the Commission or a court, with what the officer noted.
public struct DisputeHearing: Hashable, Sendable, Codable {
    public var heldOn: CivilDate
    public var note: String
    /// The next hearing the panel set, if it set one.
    public var nextOn: CivilDate?

    public init(heldOn: CivilDate, note: String, nextOn: CivilDate? = nil) {
        self.heldOn = heldOn
        self.note = note
        self.nextOn = nextOn
    }
}

/// A change to a dispute.
public enum DisputeEvent: Hashable, Sendable {
    case filed(DisputeFiling)
    case mediationStarted
    case adjudicationStarted
    /// A hearing (mediation, adjudication, court or cassation), recorded after it was held.
    case hearingHeld(DisputeHearing)
    case decided(DisputeOutcome, summary: String)
    /// A party took the Commission's decision to the PTUN or PN (Pasal 47-48); `late` is the
    /// officer's written reason to record a filing after the 14 working days.
    case appealedToCourt(court: String, late: String?)
    /// The court's ruling, in terms of the requester's claim (Pasal 49).
    case courtDecided(DisputeOutcome, summary: String)
    /// A party filed for cassation at the Mahkamah Agung (Pasal 50), `late` as for the court.
    case cassationFiled(late: String?)
    /// The Mahkamah Agung's ruling: final.
    case cassationDecided(DisputeOutcome, summary: String)
    case withdrawn(reason: String)

    public var name: String {
        switch self {
        case .filed: "filed"
        case .mediationStarted: "mediationStarted"
        case .adjudicationStarted: "adjudicationStarted"
        case .hearingHeld: "hearingHeld"
        case .decided: "decided"
        case .appealedToCourt: "appealedToCourt"
        case .courtDecided: "courtDecided"
        case .cassationFiled: "cassationFiled"
        case .cassationDecided: "cassationDecided"
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
    /// The Commission's decision.
    public var outcome: DisputeOutcome?
    public var decidedOn: CivilDate?
    public var court: String?
    public var courtFiledOn: CivilDate?
    public var courtOutcome: DisputeOutcome?
    public var courtDecidedOn: CivilDate?
    public var cassationFiledOn: CivilDate?
    public var cassationOutcome: DisputeOutcome?
    public var cassationDecidedOn: CivilDate?
    /// The hearings recorded, oldest first; nil in records of earlier versions.
    public var hearings: [DisputeHearing]?
    /// The last day to take the Commission's decision to court (Pasal 48(1)), set when it is decided
    /// (not by agreement), and the last day to file for cassation (Pasal 50), set at the court's ruling.
    public var courtWindowCloses: CivilDate?
    public var cassationWindowCloses: CivilDate?

    public var id: UUID { filing.id }

    public init(filing: DisputeFiling, state: DisputeState, filedOn: CivilDate, startDue: CivilDate, settlementDue: CivilDate,
                outcome: DisputeOutcome? = nil, decidedOn: CivilDate? = nil, court: String? = nil) {
        self.filing = filing
        self.state = state
        self.filedOn = filedOn
        self.startDue = startDue
        self.settlementDue = settlementDue
        self.outcome = outcome
        self.decidedOn = decidedOn
        self.court = court
    }

    /// The ruling that stands now: the Mahkamah Agung's, else the court's, else the Commission's;
    /// nil while the case is pending before a court (the decision below it is suspended).
    public var ruling: (outcome: DisputeOutcome, on: CivilDate)? {
        switch state {
        case .decided: zip(outcome, decidedOn)
        case .courtDecided: zip(courtOutcome, courtDecidedOn)
        case .cassationDecided: zip(cassationOutcome, cassationDecidedOn)
        default: nil
        }
    }

    /// The next hearing the panel set, when it is still to come after the last one held.
    public var nextHearing: CivilDate? { hearings?.last?.nextOn }

    /// The last day to take the Commission's decision to court (Pasal 48(1)), while that is still
    /// open: decided, and not by a mediated agreement (Pasal 39).
    public func courtFilingDue(_ calendar: WorkCalendar) -> Deadline? {
        guard state == .decided, outcome != .mediatedAgreement, let decidedOn else { return nil }
        return calendar.deadline(.courtFiling, after: decidedOn)
    }

    /// The last day to file for cassation (Pasal 50), while that is still open.
    public func cassationFilingDue(_ calendar: WorkCalendar) -> Deadline? {
        guard state == .courtDecided, let courtDecidedOn else { return nil }
        return calendar.deadline(.cassationFiling, after: courtDecidedOn)
    }
}

private func zip<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
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
    case courtFiledAfterWindow(windowClosed: CivilDate)
    case cassationFiledAfterWindow(windowClosed: CivilDate)
    case hearingDate(CivilDate)

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
        case let .courtFiledAfterWindow(closed):
            language.pick("Batas gugatan ke PTUN/PN (14 hari kerja sejak putusan KI diterima, Pasal 48 ayat 1) berakhir \(closed.iso). Catat hanya dengan alasan tertulis.",
                          "The 14 working days to take the Commission's decision to court (Pasal 48(1)) ended on \(closed.iso). Record it only with a written reason.")
        case let .cassationFiledAfterWindow(closed):
            language.pick("Batas kasasi (14 hari sejak putusan pengadilan diterima, Pasal 50) berakhir \(closed.iso). Catat hanya dengan alasan tertulis.",
                          "The 14 days to file for cassation (Pasal 50) ended on \(closed.iso). Record it only with a written reason.")
        case let .hearingDate(day):
            language.pick("Tanggal sidang \(day.iso) tidak mungkin: harus antara pendaftaran sengketa dan hari ini.",
                          "A hearing on \(day.iso) is not possible: it must fall between the filing and today.")
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
                                 settlementDue: settle.due)
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
            if outcome != .mediatedAgreement {
                record.courtWindowCloses = context.calendar.deadline(.courtFiling, after: meta.localDate).due
            }
        case let .hearingHeld(hearing):
            guard [.mediation, .adjudication, .inCourt, .cassation].contains(record.state) else { throw .notInProgress(record.state) }
            guard hearing.heldOn >= record.filedOn && hearing.heldOn <= meta.localDate else { throw .hearingDate(hearing.heldOn) }
            if let next = hearing.nextOn, next <= hearing.heldOn { throw .hearingDate(next) }
            record.hearings = (record.hearings ?? []) + [hearing]
        case let .appealedToCourt(court, late):
            guard record.state == .decided else { throw .notDecided }
            guard record.outcome != .mediatedAgreement else { throw .agreementIsFinal }
            guard !court.trimmed.isEmpty else { throw .missingField(.forwardTarget) }
            if let window = record.courtFilingDue(context.calendar), meta.localDate > window.due, (late ?? "").trimmed.isEmpty {
                throw .courtFiledAfterWindow(windowClosed: window.due)
            }
            record.court = court
            record.courtFiledOn = meta.localDate
            record.state = .inCourt
        case let .courtDecided(outcome, _):
            guard record.state == .inCourt else { throw .notInProgress(record.state) }
            guard outcome != .mediatedAgreement else { throw .agreementOnlyByMediation }
            record.courtOutcome = outcome
            record.courtDecidedOn = meta.localDate
            record.state = .courtDecided
            record.cassationWindowCloses = context.calendar.deadline(.cassationFiling, after: meta.localDate).due
        case let .cassationFiled(late):
            guard record.state == .courtDecided else { throw .notInProgress(record.state) }
            if let window = record.cassationFilingDue(context.calendar), meta.localDate > window.due, (late ?? "").trimmed.isEmpty {
                throw .cassationFiledAfterWindow(windowClosed: window.due)
            }
            record.cassationFiledOn = meta.localDate
            record.state = .cassation
        case let .cassationDecided(outcome, _):
            guard record.state == .cassation else { throw .notInProgress(record.state) }
            guard outcome != .mediatedAgreement else { throw .agreementOnlyByMediation }
            record.cassationOutcome = outcome
            record.cassationDecidedOn = meta.localDate
            record.state = .cassationDecided
        case .withdrawn:
            guard DisputeState.pending.contains(record.state) else { throw .notInProgress(record.state) }
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

/// What a dispute waits for next, as the deadline board shows it.
public struct DisputeNextStep: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// The Commission's 14 working days to start (Pasal 38(1)).
        case commissionStart
        /// The Commission's 100 working days to settle (Pasal 38(2)).
        case commissionSettlement
        /// A hearing the panel set.
        case hearing
        /// Before a court with no hearing recorded: find out the date and record it.
        case awaitingCourt
        /// The window to take the Commission's decision to court is still open (Pasal 48(1)).
        case courtFiling
        /// The window to file for cassation is still open (Pasal 50).
        case cassationFiling

        /// A window a party may let pass: it leaves the board once its day is behind.
        public var isWindow: Bool { self == .courtFiling || self == .cassationFiling }

        /// The statutory clock that sets the date, if one does.
        public var clock: StatutoryClock? {
            switch self {
            case .commissionStart: .commissionStart
            case .commissionSettlement: .commissionSettlement
            case .courtFiling: .courtFiling
            case .cassationFiling: .cassationFiling
            case .hearing, .awaitingCourt: nil
            }
        }
    }

    public let kind: Kind
    public let due: CivilDate
    /// The day the clock counts from (day 0), or the day of the hearing or the court filing.
    public let countsFrom: CivilDate
}

extension DisputeNextStep.Kind: Localized {
    public func text(_ language: Language) -> String {
        switch self {
        case .commissionStart, .commissionSettlement: language.pick("Sengketa KI", "KI dispute")
        case .hearing: language.pick("Sidang", "Hearing")
        case .awaitingCourt: language.pick("Pengadilan", "In court")
        case .courtFiling: language.pick("Batas gugatan", "Court window")
        case .cassationFiling: language.pick("Batas kasasi", "Cassation window")
        }
    }
}

extension DisputeRecord {
    /// What the dispute waits for next, or nil when nothing is pending (withdrawn, final, or a
    /// decision whose windows have no meaning, as a mediated agreement).
    public var nextStep: DisputeNextStep? {
        switch state {
        case .filed:
            return DisputeNextStep(kind: .commissionStart, due: startDue, countsFrom: filedOn)
        case .mediation, .adjudication:
            if let hearing = nextHearing, hearing < settlementDue {
                return DisputeNextStep(kind: .hearing, due: hearing, countsFrom: hearings?.last?.heldOn ?? filedOn)
            }
            return DisputeNextStep(kind: .commissionSettlement, due: settlementDue, countsFrom: filedOn)
        case .decided:
            guard let closes = courtWindowCloses, let decidedOn else { return nil }
            return DisputeNextStep(kind: .courtFiling, due: closes, countsFrom: decidedOn)
        case .courtDecided:
            guard let closes = cassationWindowCloses, let courtDecidedOn else { return nil }
            return DisputeNextStep(kind: .cassationFiling, due: closes, countsFrom: courtDecidedOn)
        case .inCourt, .cassation:
            let since = (state == .inCourt ? courtFiledOn : cassationFiledOn) ?? filedOn
            if let hearing = nextHearing, hearings?.last.map({ $0.heldOn >= since }) ?? false {
                return DisputeNextStep(kind: .hearing, due: hearing, countsFrom: hearings?.last?.heldOn ?? since)
            }
            return DisputeNextStep(kind: .awaitingCourt, due: since, countsFrom: since)
        case .cassationDecided, .withdrawn:
            return nil
        }
    }
}
