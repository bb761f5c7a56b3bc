import Foundation
import PPIDDomain
import PPIDWire

/// A portal request as its requester follows it: the request as the register holds it, its
/// objections, whether an objection may be filed now and until when, and the documents released.
public struct PortalCase: Sendable {
    public let request: RequestRecord
    public let unitName: String
    public let objections: [ObjectionRecord]
    /// The last day to object (Pasal 36(1)) once the grounds have arisen; nil before.
    public let objectionWindow: Deadline?
    public let released: [StoredFile]
    /// The unit's date today.
    public let today: CivilDate

    /// Whether the requester may object today: the grounds have arisen, the window is open, the
    /// request is not withdrawn.
    public var mayObject: Bool {
        guard let window = objectionWindow, request.state != .withdrawn else { return false }
        return today >= request.objectionGroundsArose && today <= window.due
    }
}

/// An objection filed on the portal, for its receipt.
public struct PortalObjectionReceipt: Sendable, Hashable {
    public let number: String
    public let filedOn: CivilDate
    public let answerDue: CivilDate
    public let answerDueIsProvisional: Bool
}

extension CentralStore {
    /// The request behind a number and tracking code; the same answer for a wrong number and a
    /// wrong code, so neither can be guessed apart.
    public func portalCase(number: String, code: String) throws(PortalProblem) -> PortalCase {
        guard let normalized = TrackingCode.normalized(code) else { throw .notFound }
        let hash = TrackingCode.hash(normalized)
        let now = clock()
        do {
            return try read { db in try Self.portalCase(hash: hash, number: number, now: now, in: db) }
        } catch {
            if case .invalid(field: "code", _) = error { throw .notFound }
            throw PortalProblem(field: nil, "Status belum dapat ditampilkan (\(error.text(.indonesian))). Coba lagi sebentar lagi.",
                                "The status cannot be shown now (\(error.text(.english))). Try again in a moment.")
        }
    }

    static func portalCase(hash: String, number: String, now: Date, in db: any SQLSession) throws -> PortalCase {
        guard let caseID = try db.value("SELECT case_uuid FROM portal_requests WHERE tracking_hash = ?", [hash], as: String.self),
              let id = UUID(uuidString: caseID), let unit = try LedgerChecks.owner(of: id, in: db) else {
            throw CentralError.invalid(field: "code", reason: "not found")
        }
        let context = try Self.context(forUnit: unit, in: db)
        guard case let .request(request)? = try Self.fold(caseID: caseID, in: db, context: context),
              request.registration.registrationNumber.lowercased() == number.trimmingCharacters(in: .whitespaces).lowercased() else {
            throw CentralError.invalid(field: "code", reason: "not found")
        }
        // Its objections: the objection cases of the unit that name it.
        let filter = switch db.engine {
        case .sqlite: "CAST(payload AS TEXT) LIKE '%\"kind\":\"objection.filed\"%' AND CAST(payload AS TEXT) LIKE ?"
        case .postgres: "position('\"kind\":\"objection.filed\"'::bytea in payload) > 0 AND position(convert_to(?, 'UTF8') in payload) > 0"
        }
        let pattern = db.engine == .sqlite ? "%\(caseID)%" : caseID
        var objections: [ObjectionRecord] = []
        for row in try db.rows("SELECT DISTINCT case_uuid FROM ledger WHERE unit = ? AND \(filter)", [unit, pattern]) {
            if case let .objection(objection)? = try Self.fold(caseID: try row[0], in: db, context: context),
               objection.filing.requestID.uuidString == caseID {
                objections.append(objection)
            }
        }
        objections.sort { $0.filedOn < $1.filedOn }
        let today = context.zone.civilDate(of: now)
        let window: Deadline? = request.state == .withdrawn || (request.deliveredOn == nil && request.effectiveDue >= today)
            ? nil : ObjectionLifecycle.window(groundsArose: request.objectionGroundsArose, calendar: context.calendar)
        let released = try Self.files(of: caseID, role: .released, in: db)
        let unitName = try Self.unit(unit, in: db)?.name ?? unit
        return PortalCase(request: request, unitName: unitName, objections: objections, objectionWindow: window,
                          released: released, today: today)
    }

    /// The central series of objections filed on the portal.
    public static let portalObjectionNumberFormat = "{seq:5}/KEBERATAN-PORTAL/{unit}/{year}"

    /// Files an objection from the status page: the same submission rules as the terminal's
    /// (``ObjectionSubmission``), numbered in the portal's series of the request's unit, recorded
    /// under the portal. Refused when the window is closed (the form says until when it was open).
    public func fileObjectionOnPortal(number: String, code: String, submission: ObjectionSubmission,
                                      supporting: (bytes: Data, name: String)? = nil) throws(PortalProblem) -> PortalObjectionReceipt {
        let current = try portalCase(number: number, code: code)
        var supportingType: FileMediaType?
        if let supporting {
            do throws(FileProblem) { supportingType = try FileRules.check(supporting.bytes, as: .supporting) } catch {
                throw PortalProblem(field: "supporting", error)
            }
        }
        guard current.mayObject else {
            if let window = current.objectionWindow, current.today > window.due {
                throw PortalProblem(field: "grounds",
                                    "Batas pengajuan keberatan sudah lewat (\(window.due.longText(.indonesian))). Bila ada alasan keterlambatan, ajukan keberatan tertulis langsung kepada PPID.",
                                    "The window to object closed on \(window.due.longText(.english)). If you have a reason for the delay, object in writing to the PPID directly.")
            }
            throw PortalProblem(field: "grounds", "Keberatan belum dapat diajukan: permohonan masih dalam jangka waktu jawaban.",
                                "An objection cannot be filed yet: the request is still within its time to be answered.")
        }
        var submission = submission
        submission.proxy = "no"
        submission.received = ""
        submission.late = ""
        let now = clock()
        let filing: ObjectionFiling
        do {
            filing = try submission.filing(id: TimeOrderedID.make(at: now), against: current.request, today: current.today)
        } catch {
            throw PortalProblem(field: error.problems.first?.field, error)
        }
        let unitCode = current.request.registration.unit
        do {
            return try writeLedger { db in
                let context = try Self.context(forUnit: unitCode, in: db)
                let date = context.zone.civilDate(of: now)
                let sequence = try db.value("""
                    INSERT INTO portal_counters(kind, unit, year, last_issued) VALUES ('objection', ?, ?, 1)
                    ON CONFLICT(kind, unit, year) DO UPDATE SET last_issued = portal_counters.last_issued + 1 RETURNING last_issued
                    """, [unitCode, date.year], as: Int.self) ?? 1
                let format = (try? RegistrationNumberFormat(template: Self.portalObjectionNumberFormat)) ?? .standard
                var numbered = filing
                numbered.number = format.render(sequence: sequence, unit: unitCode, date: date)
                let envelope = EventEnvelope(meta: EventMeta(id: TimeOrderedID.make(at: now), officer: Self.portalActor, instant: now, zone: context.zone),
                                             event: .objection(numbered.id, .filed(numbered)))
                let record: CaseRecord
                do throws(EventRejection) {
                    record = try DomainRules.apply(envelope, to: nil, context: context)
                } catch {
                    throw CentralError.invalid(field: "objection", reason: error.text(.indonesian))
                }
                try PushBatch.appendMade(envelope, unit: unitCode, zone: context.zone,
                                         as: Principal(officer: Self.portalActor, unit: unitCode, isMain: false), in: db)
                guard case let .objection(objection) = record else { throw CentralError.invalid(field: "objection", reason: "kind") }
                try Self.queueLetters(for: envelope, record: record, unit: unitCode, at: now, in: db)
                if let supporting, let supportingType {
                    try Self.attach(supporting.bytes, hash: Self.sha256(supporting.bytes), type: supportingType,
                                    name: FileRules.displayName(supporting.name, type: supportingType), role: .supporting, to: objection.id,
                                    by: Self.portalActor, at: now.timeIntervalSince1970, in: db)
                }
                return PortalObjectionReceipt(number: numbered.number, filedOn: objection.filedOn, answerDue: objection.answerDue,
                                              answerDueIsProvisional: objection.answerDueIsProvisional)
            }
        } catch {
            throw PortalProblem(field: nil, "Keberatan belum tercatat (\(error.text(.indonesian))). Coba lagi sebentar lagi.",
                                "The objection was not recorded (\(error.text(.english))). Try again in a moment.")
        }
    }
}
