import Foundation
import PPIDDomain
import PPIDWire

/// The checks of a pushed event against its principal and the ledger: the unit the case belongs to,
/// every case and unit it names, its numbers, and the claims of its meta. The lifecycle rules
/// (``DomainRules``) run after these; both must pass for the event to be appended.
enum LedgerChecks {
    /// The unit whose case `envelope` changes: the owner of an existing case, or the unit named in
    /// the payload of a new one. Refuses a payload whose unit is not the owner, a unit the principal
    /// may not write, and a unit the server does not know (`isKnown`, asked once per unit and push).
    static func caseUnit(of envelope: EventEnvelope, owner: String?, fallback: String, principal: Principal,
                         isKnown: (String) throws -> Bool, in db: any SQLSession) throws -> String {
        let named = try payloadUnit(of: envelope.event, in: db)
        let unit = owner ?? named ?? fallback
        if let named, named != unit {
            throw LedgerRefusal(FieldProblem(field: "unit", kind: .mismatch(expected: unit)))
        }
        guard principal.mayAccess(unit: unit) else { throw LedgerRefusal.otherUnit(principal) }
        guard try isKnown(unit) else { throw LedgerRefusal.unknownUnit(unit) }
        return unit
    }

    /// The unit an event's payload names, where it names one: a registration, an objection filing,
    /// a DIP entry; a dispute belongs to the unit of the objection it follows.
    static func payloadUnit(of event: DomainEvent, in db: any SQLSession) throws -> String? {
        switch event {
        case let .request(_, .registered(registration)): return registration.unit
        case let .objection(_, .filed(filing)): return filing.unit
        case let .dip(_, .added(entry)), let .dip(_, .revised(entry)): return entry.unit
        case let .dispute(_, .filed(filing)):
            guard let unit = try owner(of: filing.objectionID, in: db) else {
                throw LedgerRefusal.unknownCase("keberatan / objection", filing.objectionID)
            }
            return unit
        default: return nil
        }
    }

    /// Checks every other case and unit the event names: they exist, are of the right kind, and
    /// belong to the event's unit; an objection's request number is that request's.
    static func references(of envelope: EventEnvelope, unit: String, in db: any SQLSession) throws {
        switch envelope.event {
        case let .objection(_, .filed(filing)):
            guard let row = try db.row("""
                SELECT c.unit, l.payload FROM case_units c JOIN ledger l ON l.case_uuid = c.case_uuid
                WHERE c.case_uuid = ? ORDER BY l.sequence LIMIT 1
                """, [filing.requestID.uuidString]) else {
                throw LedgerRefusal.unknownCase("permohonan / request", filing.requestID)
            }
            let requestUnit: String = try row[0]
            guard requestUnit == unit else { throw LedgerRefusal(FieldProblem(field: "filing.requestID", kind: .mismatch(expected: "a request of unit \(unit)"))) }
            let first = try CentralStore.decodeEnvelope(try row[1])
            guard case let .request(_, .registered(registration)) = first.event else {
                throw LedgerRefusal.unknownCase("permohonan / request", filing.requestID)
            }
            try FieldCheck.same(filing.requestNumber, registration.registrationNumber, "filing.requestNumber")
        case let .dispute(_, .filed(filing)):
            guard try kind(of: filing.objectionID, in: db) == .objection else {
                throw LedgerRefusal.unknownCase("keberatan / objection", filing.objectionID)
            }
        case let .request(_, .forwarded(.unit(code), _)):
            guard try CentralStore.unit(code, in: db) != nil else { throw LedgerRefusal.unknownUnit(code) }
        case let .request(_, .documentsLinked(ids)):
            for id in ids {
                guard try kind(of: id, in: db) == .dip, try owner(of: id, in: db) == unit else {
                    throw LedgerRefusal.unknownCase("entri DIP unit \(unit) / DIP entry of unit \(unit)", id)
                }
            }
        default:
            break
        }
    }

    /// The numbers an event issues (registration, objection), each unique within its unit, kind and year.
    static func numbers(of envelope: EventEnvelope, zone: UnitZone) -> [(kind: String, year: Int, number: String)] {
        switch envelope.event {
        case let .request(_, .registered(registration)):
            [("request", zone.civilDate(of: registration.receivedAt).year, registration.registrationNumber)]
        case let .objection(_, .filed(filing)):
            [("objection", envelope.meta.localDate.year, filing.number)]
        default:
            []
        }
    }

    /// Records the numbers an accepted event issued.
    static func recordNumbers(of envelope: EventEnvelope, unit: String, zone: UnitZone, in db: any SQLSession) throws {
        for (kind, year, number) in numbers(of: envelope, zone: zone) {
            try db.execute("INSERT INTO case_numbers(unit, kind, year, number, case_uuid) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                           [unit, kind, year, number, envelope.event.caseID.uuidString])
        }
    }

    /// The claims of the meta: the time is not ahead of the server's clock (beyond the skew) nor
    /// before the case's latest event, and the local date is the time's date in the unit's zone.
    /// An old event is not refused for its age: an offline terminal pushes days of work at once.
    static func claims(of envelope: EventEnvelope, now: Date, latest: Date?, zone: UnitZone) throws {
        let meta = envelope.meta
        let ceiling = now.addingTimeInterval(DomainLimits.clockSkew)
        guard meta.instant <= ceiling else { throw LedgerRefusal.inFuture("meta.instant", meta.instant) }
        if let latest, meta.instant < latest.addingTimeInterval(-DomainLimits.clockSkew) {
            throw LedgerRefusal.beforeCase(meta.instant, latest: latest)
        }
        let actual = zone.civilDate(of: meta.instant)
        guard actual == meta.localDate else { throw LedgerRefusal.localDate(meta.localDate, actual: actual, zone: zone) }
        if case let .request(_, .registered(registration)) = envelope.event, registration.receivedAt > ceiling {
            throw LedgerRefusal.inFuture("registration.receivedAt", registration.receivedAt)
        }
    }

    static func owner(of caseID: UUID, in db: any SQLSession) throws -> String? {
        try db.value("SELECT unit FROM case_units WHERE case_uuid = ?", [caseID.uuidString], as: String.self)
    }

    /// The kind of an existing case, from its first event.
    static func kind(of caseID: UUID, in db: any SQLSession) throws -> CaseKind? {
        guard let payload = try db.value("SELECT payload FROM ledger WHERE case_uuid = ? ORDER BY sequence LIMIT 1",
                                         [caseID.uuidString], as: Data.self) else { return nil }
        return try CentralStore.decodeEnvelope(payload).event.caseKind
    }
}
