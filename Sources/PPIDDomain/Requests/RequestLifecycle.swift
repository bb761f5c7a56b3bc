/// The one function that decides whether a change to a request is allowed, and what follows from it.
public enum RequestLifecycle {
    /// Applies `event` to `record` (nil before registration) and returns the new state, or throws
    /// the reason it is refused. Pure: the same inputs always give the same answer, so the terminal
    /// and the central server agree.
    public static func apply(_ event: RequestEvent, meta: EventMeta, to record: RequestRecord?,
                             context: LifecycleContext) throws(RequestRejection) -> RequestRecord {
        if case let .registered(registration) = event {
            guard record == nil else { throw .alreadyRegistered }
            // Recorded no earlier than the day it was received: the same rule on every terminal, the
            // server and intake (which also hold the instant to the clock, within the allowed skew).
            guard context.zone.civilDate(of: registration.receivedAt) <= meta.localDate else { throw .receivedInFuture }
            return try register(registration, context: context)
        }
        guard var record else { throw .unknownRequest }
        if let act = event.act { try admit(act, to: record, on: meta.localDate) }

        switch event {
        case .registered:
            throw .alreadyRegistered

        case .processingStarted:
            if record.state == .registered { record.state = .inProcess }

        case let .forwarded(target, _):
            switch target {
            case let .unit(code):
                guard !code.trimmed.isEmpty else { throw .missingField(.forwardTarget) }
                guard code != record.registration.unit else { throw .forwardedToSameUnit }
                record.registration.unit = code
            case let .otherBody(body):
                guard !body.trimmed.isEmpty else { throw .missingField(.forwardTarget) }
            }
            record.forwardedTo = target
            record.state = .forwarded

        case let .extended(reason):
            guard !reason.trimmed.isEmpty else { throw .missingField(.reason) }
            let extended = context.calendar.deadline(.extensionOfNotice, after: record.noticeDue)
            record.extendedDue = extended.due
            record.extensionReason = reason
            record.dueIsProvisional = record.dueIsProvisional || extended.isProvisional
            record.state = .extended

        case let .decided(decision):
            try check(decision)
            // Forwarded to the body that holds it: the notice names that holder (Pasal 22(7)).
            if case .otherBody = record.forwardedTo, case let .notHeld(holder) = decision.outcome, (holder ?? "").trimmed.isEmpty {
                throw .missingField(.holder)
            }
            record.decision = decision
            record.decidedOn = meta.localDate
            record.state = .decided

        case .delivered:
            record.deliveredOn = meta.localDate
            record.state = .delivered

        case .closed:
            record.closedOn = meta.localDate
            record.state = .closed

        case .withdrawn:
            record.withdrawnOn = meta.localDate
            record.state = .withdrawn

        case .complied:
            record.compliedOn = meta.localDate

        case let .paid(payment):
            guard payment.amountRupiah > 0 else { throw .nothingOwed }
            guard payment.amountRupiah <= record.owedRupiah else {
                throw record.owedRupiah == 0 ? .nothingOwed : .paymentExceedsCost(owed: record.owedRupiah)
            }
            guard payment.paidOn <= meta.localDate, payment.paidOn >= (record.decidedOn ?? record.receivedOn) else {
                throw .paymentDate(payment.paidOn)
            }
            guard !payment.reference.trimmed.isEmpty else { throw .missingField(.reason) }
            record.payments = (record.payments ?? []) + [payment]

        case let .incompleteNoted(missing):
            guard !missing.trimmed.isEmpty else { throw .missingField(.reason) }
            record.missingItems = missing.trimmed

        case let .completed(restartsClock):
            record.missingItems = nil
            // The unit's policy, carried in the event: its 10 working days count from completion.
            if restartsClock && record.extendedDue == nil && meta.localDate > record.countsFrom {
                record.countsFrom = meta.localDate
                let notice = context.calendar.deadline(.writtenNotice, after: meta.localDate)
                record.noticeDue = notice.due
                record.dueIsProvisional = notice.isProvisional
            }

        case let .documentsLinked(ids):
            guard !ids.isEmpty else { throw .missingField(.summary) }
            for id in ids where !record.linkedDocuments.contains(id) { record.linkedDocuments.append(id) }

        case let .deadlineMoved(noticeDue, extendedDue, _):
            record.noticeDue = noticeDue
            record.extendedDue = extendedDue
            // A decree that moved the date may also have made it certain: ask the calendar again.
            record.dueIsProvisional = context.calendar.deadline(.writtenNotice, after: record.countsFrom).isProvisional
                || (extendedDue != nil && context.calendar.deadline(.extensionOfNotice, after: noticeDue).isProvisional)
        }
        return record
    }

    /// Why `act` cannot be done to `record` on `date` whatever the officer would fill in, or nil
    /// when it can: the terminal asks before it opens a form ("already extended once"), and
    /// ``apply(_:meta:to:context:)`` asks the same question, so the rule exists once.
    public static func refusal(of act: RequestAct, for record: RequestRecord, on date: CivilDate) -> RequestRejection? {
        do throws(RequestRejection) {
            try admit(act, to: record, on: date)
            return nil
        } catch {
            return error
        }
    }

    /// The state rules of every act on an existing request: what the state and the date allow,
    /// before the act's content is looked at.
    static func admit(_ act: RequestAct, to record: RequestRecord, on date: CivilDate) throws(RequestRejection) {
        switch record.state {
        case .withdrawn: throw .requestWithdrawn
        // An order after the answer (objection, Commission, court) reopens a closed request for it.
        case .closed where act != .comply: throw .requestClosed
        default: break
        }
        if date < record.receivedOn { throw .dateBeforeReceipt(received: record.receivedOn) }
        switch act {
        case .startProcessing, .forward, .decide:
            guard record.state.awaitsNotice else { throw .alreadyDecided }
        case .extend:
            guard record.state.awaitsNotice else { throw .alreadyDecided }
            guard record.extendedDue == nil else { throw .secondExtension }
            guard date <= record.noticeDue else { throw .extensionAfterDueDate(due: record.noticeDue) }
        case .deliver:
            guard record.state == .decided else {
                throw record.state == .delivered ? .alreadyDecided : .notYetDecided
            }
        case .close:
            // Never without the written notice (Pasal 22(7)): forwarded to another body too, the
            // requester is told the body does not hold it and who does.
            guard record.state == .delivered || record.state == .decided else { throw .notForwardedOrDecided }
        case .withdraw:
            guard record.state != .delivered else { throw .alreadyDecided }
        case .linkDocuments:
            break
        case .moveDeadline:
            guard record.state.awaitsNotice else { throw .noDeadlineToMove }
        case .comply:
            // Only after the request's own answer: before it, the notice itself gives the information.
            guard !record.state.awaitsNotice else { throw .notYetDecided }
        case .noteIncomplete:
            guard record.state.awaitsNotice else { throw .alreadyDecided }
        case .recordPayment:
            guard !record.state.awaitsNotice else { throw .notYetDecided }
            guard record.owedRupiah > 0 else { throw .nothingOwed }
        case .complete:
            guard record.state.awaitsNotice else { throw .alreadyDecided }
            guard record.missingItems != nil else { throw .notIncomplete }
        }
    }

    /// Checks the registration and computes its deadlines.
    private static func register(_ registration: RequestRegistration,
                                 context: LifecycleContext) throws(RequestRejection) -> RequestRecord {
        guard !registration.registrationNumber.trimmed.isEmpty else { throw .missingField(.registrationNumber) }
        if let problem = RequesterCheck.problem(with: registration.requester) { throw problem }
        guard !registration.information.trimmed.isEmpty else { throw .missingField(.information) }
        guard !registration.purpose.trimmed.isEmpty else { throw .missingField(.purpose) }
        let moment = context.zone.localMoment(of: registration.receivedAt)
        let receipt = context.receiptPolicy.receipt(on: moment.date, at: moment.time, calendar: context.calendar)
        let notice = context.calendar.deadline(.writtenNotice, after: receipt.countsFrom)
        return RequestRecord(
            registration: registration, state: .registered, receivedOn: receipt.civilDate,
            countsFrom: receipt.countsFrom, noticeDue: notice.due, extendedDue: nil, extensionReason: nil,
            forwardedTo: nil, decision: nil, decidedOn: nil, deliveredOn: nil, closedOn: nil,
            withdrawnOn: nil, dueIsProvisional: notice.isProvisional)
    }

    /// A refusal or partial grant must carry its basis and a complete consequence test.
    private static func check(_ decision: Decision) throws(RequestRejection) {
        if let charges = decision.charges {
            let sum = charges.reduce(0) { $0 + $1.amountRupiah }
            guard sum == decision.costRupiah else { throw .chargesDisagree(sum: sum) }
        }
        switch decision.outcome {
        case let .refused(exemption):
            guard let exemption else { throw .refusalWithoutBasis }
            try check(exemption)
        case let .grantedInPart(exemptions):
            guard !exemptions.isEmpty else { throw .partialGrantWithoutExemption }
            for exemption in exemptions { try check(exemption) }
        case .grantedInFull, .notHeld, .notYetDocumented:
            break
        }
    }

    private static func check(_ exemption: Exemption) throws(RequestRejection) {
        guard exemption.namesItsBasis else { throw .refusalWithoutBasis }
        guard exemption.test.isComplete else { throw .refusalWithoutConsequenceTest }
    }

    /// The deadlines a request's due dates should have under `calendar`: used to recompute open
    /// deadlines when the calendar changes. `nil` when the request's clock no longer runs.
    public static func recomputedDeadlines(for record: RequestRecord,
                                           calendar: WorkCalendar) -> (noticeDue: CivilDate, extendedDue: CivilDate?)? {
        guard record.state.awaitsNotice else { return nil }
        let notice = calendar.deadline(.writtenNotice, after: record.countsFrom)
        let extended = record.extendedDue == nil ? nil : calendar.deadline(.extensionOfNotice, after: notice.due).due
        return (notice.due, extended)
    }
}
