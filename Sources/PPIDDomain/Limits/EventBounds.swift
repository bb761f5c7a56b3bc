import Foundation

/// The range check of a whole event: every text, date, instant, count and number it carries, and
/// the ids inside its payload against the case it is addressed to. ``DomainRules/apply(_:to:context:)``
/// runs it first, so the terminal and the server refuse the same events with the same words.
public enum EventBounds {
    /// Throws the first field of `envelope` that is out of its range.
    public static func check(_ envelope: EventEnvelope) throws(FieldProblem) {
        let meta = envelope.meta
        try FieldCheck.line(meta.officer, "meta.officer", maximum: DomainLimits.officerLogin)
        try FieldCheck.instant(meta.instant, "meta.instant")
        try FieldCheck.date(meta.localDate, "meta.localDate")
        let caseID = envelope.event.caseID
        switch envelope.event {
        case let .request(_, event): try check(event, caseID: caseID)
        case let .objection(_, event): try check(event, caseID: caseID)
        case let .dispute(_, event): try check(event, caseID: caseID)
        case let .dip(_, event): try check(event, caseID: caseID)
        }
    }

    static func check(_ event: RequestEvent, caseID: UUID) throws(FieldProblem) {
        switch event {
        case let .registered(registration):
            try check(registration, caseID: caseID)
        case .processingStarted, .closed:
            break
        case let .forwarded(target, note):
            switch target {
            case let .unit(code): try FieldCheck.line(code, "forwarded.to.unit", maximum: DomainLimits.unitCode)
            case let .otherBody(body): try FieldCheck.line(body, "forwarded.to.otherBody")
            }
            try FieldCheck.text(note, "forwarded.note")
        case let .extended(reason):
            try FieldCheck.text(reason, "extended.reason")
        case let .decided(decision):
            try check(decision)
        case let .delivered(_, note):
            try FieldCheck.text(note, "delivered.note")
        case let .withdrawn(reason):
            try FieldCheck.text(reason, "withdrawn.reason")
        case let .documentsLinked(ids):
            try FieldCheck.count(ids.count, "documentsLinked", maximum: DomainLimits.linkedDocuments)
        case let .complied(_, note):
            try FieldCheck.text(note, "complied.note")
        case let .incompleteNoted(missing):
            try FieldCheck.text(missing, "incompleteNoted.missing")
        case .completed:
            break
        case let .paid(payment):
            try FieldCheck.number(payment.amountRupiah, "paid.amountRupiah", range: DomainLimits.costRupiah)
            try FieldCheck.date(payment.paidOn, "paid.paidOn")
            try FieldCheck.line(payment.reference, "paid.reference")
        case let .deadlineMoved(noticeDue, extendedDue, reason):
            try FieldCheck.date(noticeDue, "deadlineMoved.noticeDue")
            if let extendedDue { try FieldCheck.date(extendedDue, "deadlineMoved.extendedDue") }
            try FieldCheck.text(reason, "deadlineMoved.reason")
        }
    }

    static func check(_ registration: RequestRegistration, caseID: UUID) throws(FieldProblem) {
        try FieldCheck.same(registration.id, caseID, "registration.id", describe: { $0.uuidString })
        try FieldCheck.line(registration.registrationNumber, "registration.registrationNumber")
        try FieldCheck.line(registration.unit, "registration.unit", maximum: DomainLimits.unitCode)
        try FieldCheck.instant(registration.receivedAt, "registration.receivedAt")
        try check(registration.requester, "registration.requester")
        try FieldCheck.text(registration.information, "registration.information")
        try FieldCheck.text(registration.purpose, "registration.purpose")
    }

    /// A requester's fields, under `path` (`registration.requester`, `requester` in an intake).
    public static func check(_ requester: Requester, _ path: String) throws(FieldProblem) {
        try FieldCheck.line(requester.name, "\(path).name")
        if let nik = requester.nik { try FieldCheck.line(nik, "\(path).nik", maximum: 32) }
        if let document = requester.entityDocument { try FieldCheck.line(document, "\(path).entityDocument") }
        try FieldCheck.text(requester.address, "\(path).address", maximum: 1_024)
        try FieldCheck.line(requester.occupation, "\(path).occupation")
        try FieldCheck.line(requester.phone, "\(path).phone", maximum: 32)
        try FieldCheck.line(requester.email, "\(path).email")
        if let proxy = requester.proxyName { try FieldCheck.line(proxy, "\(path).proxyName") }
        if let power = requester.powerOfAttorney { try FieldCheck.line(power, "\(path).powerOfAttorney") }
    }

    static func check(_ decision: Decision) throws(FieldProblem) {
        switch decision.outcome {
        case .grantedInFull, .notYetDocumented:
            break
        case let .grantedInPart(exemptions):
            try FieldCheck.count(exemptions.count, "decided.outcome.exemptions", maximum: DomainLimits.exemptions)
            for (index, exemption) in exemptions.enumerated() {
                try check(exemption, "decided.outcome.exemptions[\(index)]")
            }
        case let .refused(exemption):
            if let exemption { try check(exemption, "decided.outcome.exemption") }
        case let .notHeld(holder):
            if let holder { try FieldCheck.line(holder, "decided.outcome.holder") }
        }
        try FieldCheck.number(decision.costRupiah, "decided.costRupiah", range: DomainLimits.costRupiah)
        if let deliveryBy = decision.deliveryBy { try FieldCheck.date(deliveryBy, "decided.deliveryBy") }
        try FieldCheck.text(decision.note, "decided.note")
        if let payment = decision.paymentMethod { try FieldCheck.text(payment, "decided.paymentMethod") }
        if let decree = decision.feeDecree { try FieldCheck.line(decree, "decided.feeDecree") }
        if let charges = decision.charges {
            try FieldCheck.count(charges.count, "decided.charges", maximum: DomainLimits.feeCharges)
            for (index, charge) in charges.enumerated() {
                try FieldCheck.line(charge.code, "decided.charges[\(index)].code")
                try FieldCheck.line(charge.description, "decided.charges[\(index)].description")
                try FieldCheck.line(charge.unit, "decided.charges[\(index)].unit")
                try FieldCheck.number(charge.quantity, "decided.charges[\(index)].quantity", range: DomainLimits.feeQuantity)
                try FieldCheck.number(charge.rateRupiah, "decided.charges[\(index)].rateRupiah", range: DomainLimits.costRupiah)
            }
        }
    }

    static func check(_ exemption: Exemption, _ path: String) throws(FieldProblem) {
        if case let .otherStatute(statute) = exemption.basis { try FieldCheck.line(statute, "\(path).basis.otherStatute") }
        try FieldCheck.text(exemption.test.harm, "\(path).test.harm")
        try FieldCheck.text(exemption.test.publicInterestWeighed, "\(path).test.publicInterestWeighed")
        try FieldCheck.text(exemption.test.withheldPart, "\(path).test.withheldPart")
        if let until = exemption.test.until { try FieldCheck.date(until, "\(path).test.until") }
    }

    static func check(_ event: ObjectionEvent, caseID: UUID) throws(FieldProblem) {
        switch event {
        case let .filed(filing):
            try FieldCheck.same(filing.id, caseID, "filing.id", describe: { $0.uuidString })
            try FieldCheck.line(filing.number, "filing.number")
            try FieldCheck.line(filing.requestNumber, "filing.requestNumber")
            try FieldCheck.line(filing.unit, "filing.unit", maximum: DomainLimits.unitCode)
            try FieldCheck.line(filing.filedBy, "filing.filedBy")
            try FieldCheck.count(filing.grounds.count, "filing.grounds", maximum: ObjectionGround.allCases.count)
            try FieldCheck.text(filing.statement, "filing.statement")
            try FieldCheck.date(filing.groundsAroseOn, "filing.groundsAroseOn")
            if let override = filing.lateFilingOverride { try FieldCheck.text(override, "filing.lateFilingOverride") }
            if let received = filing.receivedOn { try FieldCheck.date(received, "filing.receivedOn") }
            if let power = filing.powerOfAttorney { try FieldCheck.line(power, "filing.powerOfAttorney") }
        case let .answered(answer):
            switch answer.verdict {
            case .objectionGranted: break
            case let .refusalUpheld(reasons): try FieldCheck.text(reasons, "answered.verdict.reasons")
            case let .settledByAgreement(terms): try FieldCheck.text(terms, "answered.verdict.terms")
            }
            try FieldCheck.line(answer.atasanName, "answered.atasanName")
            try FieldCheck.line(answer.atasanPosition, "answered.atasanPosition")
        case let .requesterResponded(response):
            try FieldCheck.text(response, "requesterResponded")
        case let .withdrawn(reason):
            try FieldCheck.text(reason, "withdrawn.reason")
        case let .deadlineMoved(answerDue, reason):
            try FieldCheck.date(answerDue, "deadlineMoved.answerDue")
            try FieldCheck.text(reason, "deadlineMoved.reason")
        }
    }

    static func check(_ event: DisputeEvent, caseID: UUID) throws(FieldProblem) {
        switch event {
        case let .filed(filing):
            try FieldCheck.same(filing.id, caseID, "filing.id", describe: { $0.uuidString })
            try FieldCheck.line(filing.registerNumber, "filing.registerNumber")
            try FieldCheck.date(filing.groundsAroseOn, "filing.groundsAroseOn")
            if let override = filing.lateFilingOverride { try FieldCheck.text(override, "filing.lateFilingOverride") }
            if let commission = filing.commission { try FieldCheck.line(commission, "filing.commission") }
            if let grounds = filing.grounds {
                try FieldCheck.count(grounds.count, "filing.grounds", maximum: ObjectionGround.allCases.count)
            }
        case .mediationStarted, .adjudicationStarted:
            break
        case let .hearingHeld(hearing):
            try FieldCheck.date(hearing.heldOn, "hearingHeld.heldOn")
            if let next = hearing.nextOn { try FieldCheck.date(next, "hearingHeld.nextOn") }
            try FieldCheck.text(hearing.note, "hearingHeld.note")
        case let .decided(_, summary), let .courtDecided(_, summary), let .cassationDecided(_, summary):
            try FieldCheck.text(summary, "decided.summary")
        case let .appealedToCourt(court, late):
            try FieldCheck.line(court, "appealedToCourt.court")
            if let late { try FieldCheck.text(late, "appealedToCourt.late") }
        case let .cassationFiled(late):
            if let late { try FieldCheck.text(late, "cassationFiled.late") }
        case let .withdrawn(reason):
            try FieldCheck.text(reason, "withdrawn.reason")
        }
    }

    static func check(_ event: DIPEvent, caseID: UUID) throws(FieldProblem) {
        switch event {
        case let .added(entry), let .revised(entry):
            try FieldCheck.same(entry.id, caseID, "entry.id", describe: { $0.uuidString })
            try FieldCheck.line(entry.number, "entry.number")
            try FieldCheck.line(entry.unit, "entry.unit", maximum: DomainLimits.unitCode)
            try FieldCheck.text(entry.title, "entry.title", maximum: 1_024)
            try FieldCheck.text(entry.summary, "entry.summary")
            try FieldCheck.line(entry.holder, "entry.holder")
            try FieldCheck.line(entry.responsible, "entry.responsible")
            try FieldCheck.line(entry.madeWhenWhere, "entry.madeWhenWhere")
            try FieldCheck.line(entry.retention, "entry.retention")
            try FieldCheck.line(entry.decreeNumber, "entry.decreeNumber")
            try FieldCheck.text(entry.location, "entry.location", maximum: 1_024)
            if let exemption = entry.exemption { try check(exemption, "entry.exemption") }
        case let .retired(reason):
            try FieldCheck.text(reason, "retired.reason")
        }
    }
}
