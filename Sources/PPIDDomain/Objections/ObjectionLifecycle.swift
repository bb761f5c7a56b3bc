/// Why a change to an objection was refused.
public enum ObjectionRejection: OfficerFacingError, Hashable {
    case unknownObjection
    case alreadyFiled
    case missingField(RequiredField)
    case filedAfterWindow(windowClosed: CivilDate)
    case filedBeforeGrounds(groundsArose: CivilDate)
    case receivedAfterEntry(received: CivilDate, entered: CivilDate)
    case alreadyAnswered
    case notAnswered
    case settlementNotAllowedForGroundA
    case objectionWithdrawn

    public func text(_ language: Language) -> String {
        switch self {
        case .unknownObjection:
            language.pick("Keberatan tidak ditemukan.", "No such objection.")
        case .alreadyFiled:
            language.pick("Keberatan ini sudah terdaftar.", "This objection is already registered.")
        case let .missingField(field):
            language.pick("Wajib diisi: \(field.text(language)).", "Required: \(field.text(language)).")
        case let .filedAfterWindow(closed):
            language.pick("Batas pengajuan keberatan (30 hari kerja) berakhir \(closed.iso). Terima hanya dengan alasan tertulis.",
                          "The 30-working-day window to object closed on \(closed.iso). Accept it only with a written reason.")
        case let .filedBeforeGrounds(arose):
            language.pick("Keberatan bertanggal sebelum alasannya timbul (\(arose.iso)).",
                          "The objection is dated before its grounds arose (\(arose.iso)).")
        case let .receivedAfterEntry(received, entered):
            language.pick("Tanggal diterima (\(received.iso)) tidak boleh setelah tanggal dicatat (\(entered.iso)).",
                          "The day received (\(received.iso)) cannot be after the day it is entered (\(entered.iso)).")
        case .alreadyAnswered:
            language.pick("Keberatan sudah ditanggapi atasan PPID.", "The atasan PPID has already answered this objection.")
        case .notAnswered:
            language.pick("Keberatan belum ditanggapi.", "The objection has not been answered yet.")
        case .settlementNotAllowedForGroundA:
            language.pick("Keberatan atas penolakan Pasal 17 (huruf a) tidak dapat diselesaikan secara musyawarah (Pasal 35 ayat 2).",
                          "An objection to a Pasal 17 refusal (ground a) cannot be settled by agreement (Pasal 35(2)).")
        case .objectionWithdrawn:
            language.pick("Keberatan sudah ditarik.", "The objection was withdrawn.")
        }
    }
}

/// The one function that decides whether a change to an objection is allowed.
public enum ObjectionLifecycle {
    /// Applies `event` to `record` (nil before filing), or throws why it is refused.
    public static func apply(_ event: ObjectionEvent, meta: EventMeta, to record: ObjectionRecord?,
                             context: LifecycleContext) throws(ObjectionRejection) -> ObjectionRecord {
        if case let .filed(filing) = event {
            guard record == nil else { throw .alreadyFiled }
            return try file(filing, on: meta.localDate, context: context)
        }
        guard var record else { throw .unknownObjection }
        if let act = event.act { try admit(act, to: record) }
        switch event {
        case .filed:
            throw .alreadyFiled
        case let .answered(answer):
            guard !answer.atasanName.trimmed.isEmpty else { throw .missingField(.atasanName) }
            switch answer.verdict {
            case let .refusalUpheld(reasons):
                guard !reasons.trimmed.isEmpty else { throw .missingField(.reason) }
            case let .settledByAgreement(terms):
                guard !record.filing.grounds.contains(where: { !$0.maySettleByAgreement }) else {
                    throw .settlementNotAllowedForGroundA
                }
                guard !terms.trimmed.isEmpty else { throw .missingField(.answer) }
            case .objectionGranted:
                break
            }
            record.answer = answer
            record.answeredOn = meta.localDate
            record.state = .answered
        case let .requesterResponded(response):
            guard !response.trimmed.isEmpty else { throw .missingField(.answer) }
            record.requesterResponse = response
        case .withdrawn:
            record.state = .withdrawn
        case let .deadlineMoved(answerDue, _):
            record.answerDue = answerDue
            record.answerDueIsProvisional = context.calendar.deadline(.objectionAnswer, after: record.filedOn).isProvisional
        }
        return record
    }

    /// Why `act` cannot be done to `record` whatever is filled in, or nil when it can: asked before
    /// a form opens and by ``apply(_:meta:to:context:)``, so the rule exists once.
    public static func refusal(of act: ObjectionAct, for record: ObjectionRecord) -> ObjectionRejection? {
        do throws(ObjectionRejection) {
            try admit(act, to: record)
            return nil
        } catch {
            return error
        }
    }

    static func admit(_ act: ObjectionAct, to record: ObjectionRecord) throws(ObjectionRejection) {
        guard record.state != .withdrawn else { throw .objectionWithdrawn }
        switch act {
        case .answer, .withdraw, .moveDeadline:
            guard record.state == .filed else { throw .alreadyAnswered }
        case .recordResponse:
            guard record.state == .answered else { throw .notAnswered }
        }
    }

    /// The last day the requester may object to a request whose grounds arose on `groundsArose`.
    public static func window(groundsArose: CivilDate, calendar: WorkCalendar) -> Deadline {
        calendar.deadline(.objectionWindow, after: groundsArose)
    }

    private static func file(_ filing: ObjectionFiling, on date: CivilDate,
                             context: LifecycleContext) throws(ObjectionRejection) -> ObjectionRecord {
        guard !filing.number.trimmed.isEmpty else { throw .missingField(.registrationNumber) }
        guard !filing.filedBy.trimmed.isEmpty else { throw .missingField(.requesterName) }
        guard !filing.grounds.isEmpty else { throw .missingField(.grounds) }
        // The day the written objection reached the unit (Pasal 36(2)): it may be before the day it
        // is entered (a posted objection), never after.
        let received = filing.receivedOn ?? date
        guard received <= date else { throw .receivedAfterEntry(received: received, entered: date) }
        guard received >= filing.groundsAroseOn else { throw .filedBeforeGrounds(groundsArose: filing.groundsAroseOn) }
        // Filed in time is received in time (Pasal 36(1)): the window is judged on the day received.
        let window = window(groundsArose: filing.groundsAroseOn, calendar: context.calendar)
        if received > window.due && (filing.lateFilingOverride ?? "").trimmed.isEmpty {
            throw .filedAfterWindow(windowClosed: window.due)
        }
        let answer = context.calendar.deadline(.objectionAnswer, after: received)
        return ObjectionRecord(filing: filing, state: .filed, filedOn: received, enteredOn: received == date ? nil : date,
                               answerDue: answer.due, answerDueIsProvisional: answer.isProvisional, answer: nil, answeredOn: nil,
                               requesterResponse: nil)
    }
}

/// An act on a filed objection, named without its content.
public enum ObjectionAct: String, Hashable, Sendable, CaseIterable, Codable {
    case answer, recordResponse, withdraw, moveDeadline
}

extension ObjectionEvent {
    /// The act this event records; nil for the filing, which makes the objection.
    public var act: ObjectionAct? {
        switch self {
        case .filed: nil
        case .answered: .answer
        case .requesterResponded: .recordResponse
        case .withdrawn: .withdraw
        case .deadlineMoved: .moveDeadline
        }
    }
}
