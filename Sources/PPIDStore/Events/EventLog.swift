import Foundation
import GRDB
import PPIDDomain

/// One event as the log holds it, with where and how it was recorded.
public struct LoggedEvent: Hashable, Sendable {
    public let seq: Int64
    public let envelope: EventEnvelope
    public let terminal: String
    /// `local` for events made here, `central` for events pulled from the server.
    public let origin: String
    /// `pending`, `accepted` or `rejected` for local events; nil for central ones.
    public let syncState: String?
    public let rejectionReason: String?
}

extension LocalStore {
    /// Validates `event` against its case's current state and, when the domain accepts it, appends it
    /// to the log, updates the projection and queues it for sync, all in one transaction.
    /// A refused event changes nothing and throws ``StoreError/rejected(_:)``.
    @discardableResult
    public func record(_ event: DomainEvent) throws(StoreError) -> CaseRecord {
        try write { db in try self.record(event, in: db) }
    }

    /// Records several events in one transaction: all are accepted, or none is written. Used when an
    /// officer acts on marked rows, so a refusal of one leaves every case as it was.
    @discardableResult
    public func recordAll(_ events: [DomainEvent]) throws(StoreError) -> [CaseRecord] {
        try write { db in try events.map { try self.record($0, in: db) } }
    }

    /// Registers a request, taking the next register number in the same transaction.
    @discardableResult
    public func registerRequest(_ draft: RequestRegistration) throws(StoreError) -> RequestRecord {
        try write { db in
            var registration = draft
            let context = self.context
            let profile = self.profile
            let date = context.zone.civilDate(of: draft.receivedAt)
            if registration.registrationNumber.isEmpty {
                try self.checkNumbering()
                let format = (try? RegistrationNumberFormat(template: profile.requestNumberFormat)) ?? .standard
                registration.registrationNumber = try self.issueUnusedNumber(db, register: "request", unit: registration.unit,
                                                                             year: date.year, table: "requests") { sequence in
                    format.render(sequence: sequence, unit: registration.unit, date: date, series: self.terminalSeries)
                }
            }
            guard case let .request(record) = try self.record(.request(registration.id, .registered(registration)), in: db) else {
                throw StoreError.rejected(.wrongCaseKind)
            }
            return record
        }
    }

    /// Files an objection, taking the next objection register number in the same transaction.
    @discardableResult
    public func fileObjection(_ draft: ObjectionFiling) throws(StoreError) -> ObjectionRecord {
        try write { db in
            var filing = draft
            let today = self.today
            if filing.number.isEmpty {
                try self.checkNumbering()
                let format = (try? RegistrationNumberFormat(template: self.profile.objectionNumberFormat)) ?? .standard
                filing.number = try self.issueUnusedNumber(db, register: "objection", unit: filing.unit, year: today.year,
                                                           table: "objections") { sequence in
                    format.render(sequence: sequence, unit: filing.unit, date: today, series: self.terminalSeries)
                }
            }
            guard case let .objection(record) = try self.record(.objection(filing.id, .filed(filing)), in: db) else {
                throw StoreError.rejected(.wrongCaseKind)
            }
            return record
        }
    }

    /// Takes the next number of a register (letters, say) and renders it with `template`.
    public func issueNumber(register: String, template: String, date: CivilDate) throws(StoreError) -> String {
        let unit = profile.code
        let format = (try? RegistrationNumberFormat(template: template)) ?? .standard
        try checkNumbering()
        let sequence = try write { db in try self.issueNumber(db, register: register, unit: unit, year: date.year) }
        return format.render(sequence: sequence, unit: unit, date: date, series: terminalSeries)
    }

    /// Takes the next number of a register; numbers are never reused, even if the case is withdrawn.
    func issueNumber(_ db: Database, register: String, unit: String, year: Int) throws -> Int {
        try db.execute(sql: """
            INSERT INTO register_counters(register, unit, year, last_issued) VALUES (?, ?, ?, 1)
            ON CONFLICT(register, unit, year) DO UPDATE SET last_issued = last_issued + 1
            """, arguments: [counterName(register), unit, year])
        return try Int.fetchOne(db, sql: "SELECT last_issued FROM register_counters WHERE register = ? AND unit = ? AND year = ?",
                                arguments: [counterName(register), unit, year]) ?? 1
    }

    /// Takes the next number of a register that no case in `table` carries yet. A terminal's counter
    /// knows only the numbers it gave; the cases pulled from the unit's other terminals carry theirs,
    /// and a number is never given twice.
    func issueUnusedNumber(_ db: Database, register: String, unit: String, year: Int, table: String,
                           render: (Int) -> String) throws -> String {
        while true {
            let number = render(try issueNumber(db, register: register, unit: unit, year: year))
            let taken = try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM \(table) WHERE number = ?)", arguments: [number]) ?? false
            if !taken { return number }
        }
    }

    func record(_ event: DomainEvent, in db: Database) throws -> CaseRecord {
        let envelope = EventEnvelope(meta: makeMeta(), event: event)
        let history = try envelopes(of: event.caseID, in: db)
        let caseContext = try unitContexts.context(forCase: history.isEmpty ? [envelope] : history, in: db)
        let current = DomainRules.fold(history, context: caseContext).record
        let next: CaseRecord
        do throws(EventRejection) {
            next = try DomainRules.apply(envelope, to: current, context: caseContext)
        } catch {
            throw StoreError.rejected(error)
        }
        try append(envelope, origin: "local", serverSeq: nil, terminal: workstation.terminal, in: db)
        try db.execute(sql: """
            INSERT INTO outbox(event_uuid, state, event_seq) VALUES (?1, 'pending', (SELECT seq FROM events WHERE uuid = ?1))
            """, arguments: [envelope.meta.id.text])
        try ProjectionWriter(db: db).write(next)
        try audit(db, action: "event.\(event.caseKind.rawValue).\(event.name)", subject: Self.subject(of: next))
        return next
    }

    /// Appends one envelope to the log. With `unlessHeld`, an event the log already holds (same id)
    /// is left as it is; the answer says whether it was added.
    @discardableResult
    func append(_ envelope: EventEnvelope, payload given: Data? = nil, origin: String, serverSeq: Int64?, terminal: String,
                unlessHeld: Bool = false, in db: Database) throws -> Bool {
        try EventInsert(db: db, unlessHeld: unlessHeld)(envelope, payload: given, origin: origin, serverSeq: serverSeq, terminal: terminal)
    }

    /// The order a case's events fold in: those the server has sequenced, in its order; then this
    /// terminal's pending ones, in local order. After a full sync every terminal of a unit folds
    /// exactly the server's sequence, so all hold the same state.
    static let serverOrder = "COALESCE(e.server_seq, o.server_seq) IS NULL, COALESCE(e.server_seq, o.server_seq), e.seq"

    /// The events of one case that count (not rejected by the server), in log order.
    func envelopes(of caseID: UUID, in db: Database) throws -> [EventEnvelope] {
        try Row.fetchAll(db, sql: """
            SELECT e.seq, e.payload FROM events e LEFT JOIN outbox o ON o.event_uuid = e.uuid
            WHERE e.case_uuid = ? AND (o.state IS NULL OR o.state <> 'rejected')
            ORDER BY \(Self.serverOrder)
            """, arguments: [caseID.text]).map { row in
            try EventCoding.decode(row["payload"], seq: row["seq"])
        }
    }

    /// The current state of a case, folded from its events.
    func currentRecord(of caseID: UUID, in db: Database) throws -> CaseRecord? {
        let history = try envelopes(of: caseID, in: db)
        return DomainRules.fold(history, context: try unitContexts.context(forCase: history, in: db)).record
    }

    /// The current state of a case, or nil when there is none.
    public func caseRecord(_ id: UUID) throws(StoreError) -> CaseRecord? {
        try read { db in try self.currentRecord(of: id, in: db) }
    }

    /// The whole history of a case, oldest first, with sync state: what the detail view shows.
    public func history(of caseID: UUID) throws(StoreError) -> [LoggedEvent] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.seq, e.payload, e.terminal, e.origin, o.state, o.reason, o.recorded_officer FROM events e
                LEFT JOIN outbox o ON o.event_uuid = e.uuid WHERE e.case_uuid = ? ORDER BY e.seq
                """, arguments: [caseID.text]).map { row in
                var envelope = try EventCoding.decode(row["payload"], seq: row["seq"])
                // Who the server recorded (the token's officer), over what the terminal claimed.
                if let officer: String = row["recorded_officer"], officer != envelope.meta.officer {
                    let meta = envelope.meta
                    envelope = EventEnvelope(meta: EventMeta(id: meta.id, officer: officer, instant: meta.instant, localDate: meta.localDate),
                                             event: envelope.event)
                }
                return LoggedEvent(seq: row["seq"], envelope: envelope, terminal: row["terminal"], origin: row["origin"],
                                   syncState: row["state"], rejectionReason: row["reason"])
            }
        }
    }

    /// The number of events in the log.
    public func eventCount() throws(StoreError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM events") ?? 0 }
    }

    /// The highest local sequence number: changes when any process appends, so a screen can poll it cheaply.
    public func latestEventSeq() throws(StoreError) -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT max(seq) FROM events") ?? 0 }
    }

    static func subject(of record: CaseRecord) -> String {
        switch record {
        case let .request(r): r.registration.registrationNumber
        case let .objection(o): o.filing.number
        case let .dispute(d): d.filing.registerNumber
        case let .dip(e): e.entry.number
        }
    }
}
