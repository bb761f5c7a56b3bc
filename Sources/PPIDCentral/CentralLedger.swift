import Foundation
import GRDB
import PPIDDomain
import PPIDWire

/// The central server's authoritative event log: each accepted event gets a global sequence number;
/// every event is validated with the same domain rules the terminal uses; a replay changes nothing.
public final class CentralLedger: Sendable {
    let queue: DatabaseQueue
    let context: LifecycleContext

    /// Opens (creating) the ledger at `path` (":memory:" for tests).
    public init(path: String, context: LifecycleContext) throws {
        queue = path == ":memory:" ? try DatabaseQueue() : try DatabaseQueue(path: path)
        self.context = context
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-ledger") { db in
            try db.execute(sql: """
                CREATE TABLE ledger (
                    sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                    uuid TEXT NOT NULL UNIQUE,
                    unit TEXT NOT NULL,
                    case_uuid TEXT NOT NULL,
                    payload BLOB NOT NULL
                );
                CREATE INDEX ledger_by_case ON ledger(case_uuid, sequence);
                CREATE INDEX ledger_by_unit ON ledger(unit, sequence);
                CREATE TABLE case_units (case_uuid TEXT PRIMARY KEY NOT NULL, unit TEXT NOT NULL);
                CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger BEGIN SELECT RAISE(ABORT, 'append-only'); END;
                CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger BEGIN SELECT RAISE(ABORT, 'append-only'); END;
                """)
        }
        try migrator.migrate(queue)
    }

    /// Validates and appends a unit's pushed events, in order, in one transaction. An event already in
    /// the ledger (same id) is answered with its first sequence number: a replay changes nothing.
    /// A unit may only write cases of its own unit.
    public func push(_ request: PushRequest, asUnit unit: String) throws -> PushResponse {
        try queue.write { db in
            var outcomes: [PushOutcome] = []
            let encoder = WireCoding.encoder()
            for wire in request.events {
                let envelope = wire.envelope
                let id = envelope.meta.id
                if let existing = try Int64.fetchOne(db, sql: "SELECT sequence FROM ledger WHERE uuid = ?", arguments: [id.uuidString]) {
                    outcomes.append(PushOutcome(eventID: id, status: .accepted, sequence: existing, reason: nil, reasonEnglish: nil))
                    continue
                }
                let caseID = envelope.event.caseID.uuidString
                let owner = try String.fetchOne(db, sql: "SELECT unit FROM case_units WHERE case_uuid = ?", arguments: [caseID])
                guard wire.unit == unit, owner == nil || owner == unit else {
                    outcomes.append(PushOutcome(eventID: id, status: .rejected, sequence: nil,
                                                reason: "Perkara ini milik unit lain.", reasonEnglish: "This case belongs to another unit."))
                    continue
                }
                let current = try Self.fold(caseID: caseID, in: db, context: context)
                do throws(EventRejection) {
                    _ = try DomainRules.apply(envelope, to: current, context: context)
                } catch {
                    outcomes.append(PushOutcome(eventID: id, status: .rejected, sequence: nil,
                                                reason: error.text(.indonesian), reasonEnglish: error.text(.english)))
                    continue
                }
                try db.execute(sql: "INSERT INTO ledger(uuid, unit, case_uuid, payload) VALUES (?, ?, ?, ?)",
                               arguments: [id.uuidString, unit, caseID, try encoder.encode(envelope)])
                let sequence = db.lastInsertedRowID
                try db.execute(sql: "INSERT OR IGNORE INTO case_units(case_uuid, unit) VALUES (?, ?)", arguments: [caseID, unit])
                outcomes.append(PushOutcome(eventID: id, status: .accepted, sequence: sequence, reason: nil, reasonEnglish: nil))
            }
            return PushResponse(outcomes: outcomes)
        }
    }

    /// The events after `cursor` that `unit` may see (all units when nil: the PPID Utama), `limit` at most.
    public func changes(after cursor: Int64, limit: Int, forUnit unit: String?) throws -> ChangesPage {
        try queue.read { db in
            let decoder = WireCoding.decoder()
            let rows: [Row] = if let unit {
                try Row.fetchAll(db, sql: "SELECT sequence, unit, payload FROM ledger WHERE unit = ? AND sequence > ? ORDER BY sequence LIMIT ?",
                                 arguments: [unit, cursor, limit + 1])
            } else {
                try Row.fetchAll(db, sql: "SELECT sequence, unit, payload FROM ledger WHERE sequence > ? ORDER BY sequence LIMIT ?",
                                 arguments: [cursor, limit + 1])
            }
            let page = rows.prefix(limit)
            let events = try page.map { row in
                WireEvent(envelope: try decoder.decode(EventEnvelope.self, from: row["payload"]), unit: row["unit"], sequence: row["sequence"])
            }
            return ChangesPage(events: events, nextCursor: events.last?.sequence ?? cursor, hasMore: rows.count > limit)
        }
    }

    static func fold(caseID: String, in db: Database, context: LifecycleContext) throws -> CaseRecord? {
        let decoder = WireCoding.decoder()
        let envelopes = try Data.fetchAll(db, sql: "SELECT payload FROM ledger WHERE case_uuid = ? ORDER BY sequence", arguments: [caseID])
            .map { try decoder.decode(EventEnvelope.self, from: $0) }
        return DomainRules.fold(envelopes, context: context).record
    }
}
