import Foundation
import PPIDDomain
import PPIDWire

extension CentralStore {
    /// The register-number format of requests that arrive centrally: their own series per unit and year,
    /// so they never collide with the numbers a unit's terminal issues.
    public static let intakeNumberFormat = "{seq:5}/PORTAL/{unit}/{year}"

    /// Registers a request that arrived centrally (web portal, app, email desk) and dispatches it to a
    /// unit: a `registered` event in that unit's log, which its terminals receive on their next sync.
    /// Only the PPID Utama dispatches.
    public func dispatch(_ intake: IntakeRequest, by principal: Principal) throws(CentralError) -> IntakeResponse {
        guard principal.isMain else {
            throw .notPermitted("hanya PPID Utama yang mendistribusikan permohonan / only the PPID Utama dispatches requests")
        }
        let requester = intake.requester
        guard !requester.name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .invalid(field: "requester.name", reason: "wajib diisi / required")
        }
        guard !intake.information.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .invalid(field: "information", reason: "wajib diisi / required")
        }
        let now = clock()
        let receivedAt = intake.receivedAt ?? now
        do throws(FieldProblem) {
            try FieldCheck.line(intake.unit, "unit", maximum: DomainLimits.unitCode)
            try FieldCheck.instant(receivedAt, "receivedAt")
            try EventBounds.check(requester, "requester")
            try FieldCheck.text(intake.information, "information")
            try FieldCheck.text(intake.purpose, "purpose")
        } catch {
            throw .invalid(field: error.field, reason: error.text(.indonesian))
        }
        guard receivedAt <= now.addingTimeInterval(DomainLimits.clockSkew) else {
            throw .invalid(field: "receivedAt", reason: "di masa depan / in the future")
        }
        return try writeLedger { db in
            guard let unit = try Self.unit(intake.unit, in: db) else { throw CentralError.unknownUnit(intake.unit) }
            let registration = RequestRegistration(
                id: TimeOrderedID.make(at: now), registrationNumber: "", unit: unit.code, receivedAt: receivedAt, channel: intake.channel,
                requester: requester, information: intake.information, purpose: intake.purpose,
                obtainMethod: intake.obtainMethod ?? .softCopy, deliveryMethod: intake.deliveryMethod ?? .email)
            let (request, sequence) = try Self.registerCentrally(registration, unit: unit, now: now,
                                                                 principal: Principal(officer: principal.officer, unit: principal.unit,
                                                                                      isMain: principal.isMain), in: db)
            return IntakeResponse(caseID: request.id, registrationNumber: request.registration.registrationNumber,
                                  unit: unit.code, sequence: sequence, noticeDue: request.noticeDue.iso)
        }
    }
}

extension CentralStore {
    /// Numbers a registration in the central series of its unit (`intakeNumberFormat`), checks it
    /// with the domain's rules and appends it to the ledger as `principal`: the request as the unit's
    /// terminals will hold it, and its sequence number. Inside the caller's appending transaction.
    static func registerCentrally(_ submitted: RequestRegistration, unit: WireUnit, now: Date, principal: Principal,
                                  trackingCode: String? = nil, in db: any SQLSession) throws -> (RequestRecord, Int64) {
        let context = try Self.context(forUnit: unit.code, in: db)
        let date = context.zone.civilDate(of: submitted.receivedAt)
        let sequence = try db.value("""
            INSERT INTO intake_counters(unit, year, last_issued) VALUES (?, ?, 1)
            ON CONFLICT(unit, year) DO UPDATE SET last_issued = intake_counters.last_issued + 1 RETURNING last_issued
            """, [unit.code, date.year], as: Int.self) ?? 1
        let format = (try? RegistrationNumberFormat(template: Self.intakeNumberFormat)) ?? .standard
        var registration = submitted
        registration.registrationNumber = format.render(sequence: sequence, unit: unit.code, date: date)
        let envelope = EventEnvelope(
            meta: EventMeta(id: TimeOrderedID.make(at: now), officer: principal.officer, instant: now, zone: context.zone),
            event: .request(registration.id, .registered(registration)))
        let record: CaseRecord
        do throws(EventRejection) {
            record = try DomainRules.apply(envelope, to: nil, context: context)
        } catch {
            if case let .field(problem) = error { throw CentralError.invalid(field: problem.field, reason: problem.text(.indonesian)) }
            throw CentralError.invalid(field: "request", reason: error.text(.indonesian))
        }
        // Appended as a push is, recorded under the registering officer and role (no terminal's token).
        let seq = try PushBatch.appendMade(envelope, unit: unit.code, zone: context.zone, as: principal, in: db)
        guard case let .request(request) = record else { throw CentralError.invalid(field: "request", reason: "kind") }
        // The receipt by email, with the tracking code when the portal gave one.
        try Self.queueLetters(for: envelope, record: record, unit: unit.code, at: now, trackingCode: trackingCode, in: db)
        return (request, seq)
    }
}
