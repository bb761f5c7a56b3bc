import Foundation
import GRDB
import PPIDDomain
import PPIDWire

extension CentralStore {
    /// Validates and appends pushed events, in order, in one transaction. An event already in the
    /// ledger (same id) is answered with its first sequence number: a replay changes nothing. A unit's
    /// token writes only its own unit's cases; the PPID Utama may write any unit's.
    public func push(_ request: PushRequest, as principal: Principal) throws(CentralError) -> PushResponse {
        try write { db in
            var outcomes: [PushOutcome] = []
            outcomes.reserveCapacity(request.events.count)
            var contexts: [String: LifecycleContext] = [:]
            var folded: [String: CaseRecord?] = [:]
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
                let unit = owner ?? wire.unit
                let unitExists = try owner != nil || Self.unit(unit, in: db) != nil
                guard principal.mayAccess(unit: unit), unitExists else {
                    outcomes.append(PushOutcome(eventID: id, status: .rejected, sequence: nil,
                                                reason: "Perkara ini milik unit lain; token ini hanya untuk unit \(principal.unit).",
                                                reasonEnglish: "This case belongs to another unit; this token is for unit \(principal.unit) only."))
                    continue
                }
                let context = try contexts[unit] ?? Self.context(forUnit: unit, in: db)
                contexts[unit] = context
                // Each case is folded from the ledger once per batch, then carried forward in memory.
                let current = try folded[caseID] ?? Self.fold(caseID: caseID, in: db, context: context)
                do throws(EventRejection) {
                    folded[caseID] = try DomainRules.apply(envelope, to: current, context: context)
                } catch {
                    folded[caseID] = current
                    outcomes.append(PushOutcome(eventID: id, status: .rejected, sequence: nil,
                                                reason: error.text(.indonesian), reasonEnglish: error.text(.english)))
                    continue
                }
                let sequence = try Self.append(envelope, unit: unit, encoder: encoder, in: db)
                outcomes.append(PushOutcome(eventID: id, status: .accepted, sequence: sequence, reason: nil, reasonEnglish: nil))
            }
            return PushResponse(outcomes: outcomes)
        }
    }

    /// Appends one validated event and returns its global sequence number.
    static func append(_ envelope: EventEnvelope, unit: String, encoder: JSONEncoder, in db: Database) throws -> Int64 {
        let caseID = envelope.event.caseID.uuidString
        try db.execute(sql: "INSERT INTO ledger(uuid, unit, case_uuid, payload) VALUES (?, ?, ?, ?)",
                       arguments: [envelope.meta.id.uuidString, unit, caseID, try encoder.encode(envelope)])
        let sequence = db.lastInsertedRowID
        try db.execute(sql: "INSERT OR IGNORE INTO case_units(case_uuid, unit) VALUES (?, ?)", arguments: [caseID, unit])
        return sequence
    }

    /// The events after `cursor` that `principal` may see, `limit` at most, decoded: for tools and tests.
    /// The HTTP API sends ``changesJSON(after:limit:for:knownReference:)``, which gives the same JSON.
    public func changes(after cursor: Int64, limit: Int, for principal: Principal, knownReference: Int64 = -1) throws(CentralError) -> ChangesPage {
        let data = try changesJSON(after: cursor, limit: limit, for: principal, knownReference: knownReference)
        do {
            return try WireCoding.decoder().decode(ChangesPage.self, from: Data(data))
        } catch {
            throw .database(path: path, reason: "a stored event does not decode: \(error)")
        }
    }

    /// One page of changes as JSON bytes. Events are stored as the JSON they travel as, so the page is
    /// assembled from them without decoding: the server's work per event is a copy.
    public func changesJSON(after cursor: Int64, limit: Int, for principal: Principal, knownReference: Int64) throws(CentralError) -> [UInt8] {
        try read { db in
            let statement: Statement
            var arguments: StatementArguments
            if let unit = principal.scope {
                statement = try db.cachedStatement(sql: "SELECT sequence, unit, payload FROM ledger WHERE unit = ? AND sequence > ? ORDER BY sequence LIMIT ?")
                arguments = [unit, cursor, limit + 1]
            } else {
                statement = try db.cachedStatement(sql: "SELECT sequence, unit, payload FROM ledger WHERE sequence > ? ORDER BY sequence LIMIT ?")
                arguments = [cursor, limit + 1]
            }
            let encoder = WireCoding.encoder()
            var out: [UInt8] = []
            out.reserveCapacity(limit * 600 + 256)
            out.append(contentsOf: Array(#"{"events":["#.utf8))
            var count = 0
            var last = cursor
            var hasMore = false
            var unitJSON: [String: [UInt8]] = [:]
            let rows = try Row.fetchCursor(statement, arguments: arguments)
            while let row = try rows.next() {
                if count == limit { hasMore = true; break }
                let sequence: Int64 = row[0]
                let unit: String = row[1]
                if count > 0 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: Array(#"{"envelope":"#.utf8))
                try row.withUnsafeData(atIndex: 2) { data in out.append(contentsOf: data ?? Data("null".utf8)) }
                out.append(contentsOf: Array(#","sequence":"#.utf8))
                out.append(contentsOf: Array(String(sequence).utf8))
                out.append(contentsOf: Array(#","unit":"#.utf8))
                if let cached = unitJSON[unit] { out.append(contentsOf: cached) } else {
                    let encoded = Array(try encoder.encode(unit))
                    unitJSON[unit] = encoded
                    out.append(contentsOf: encoded)
                }
                out.append(UInt8(ascii: "}"))
                count += 1
                last = sequence
            }
            out.append(contentsOf: Array(#"],"hasMore":"#.utf8))
            out.append(contentsOf: Array((hasMore ? "true" : "false").utf8))
            out.append(contentsOf: Array(#","identity":"#.utf8))
            out.append(contentsOf: Array(try encoder.encode(principal.identity)))
            out.append(contentsOf: Array(#","nextCursor":"#.utf8))
            out.append(contentsOf: Array(String(last).utf8))
            if try Self.referenceRevision(db) > knownReference {
                out.append(contentsOf: Array(#","reference":"#.utf8))
                out.append(contentsOf: Array(try encoder.encode(try Self.referenceData(db))))
            }
            out.append(UInt8(ascii: "}"))
            return out
        }
    }

    /// The current state of a case on the server, folded from its events in sequence order.
    public func caseRecord(_ caseID: UUID) throws(CentralError) -> CaseRecord? {
        try read { db in
            guard let unit = try String.fetchOne(db, sql: "SELECT unit FROM case_units WHERE case_uuid = ?", arguments: [caseID.uuidString])
            else { return nil }
            return try Self.fold(caseID: caseID.uuidString, in: db, context: try Self.context(forUnit: unit, in: db))
        }
    }

    /// Every case of a unit (all units when nil), folded: what a client of that unit must hold after a full sync.
    public func caseRecords(unit: String?) throws(CentralError) -> [UUID: CaseRecord] {
        try read { db in
            var result: [UUID: CaseRecord] = [:]
            let rows = try Row.fetchAll(db, sql: unit == nil ? "SELECT case_uuid, unit FROM case_units" :
                                            "SELECT case_uuid, unit FROM case_units WHERE unit = ?",
                                        arguments: unit.map { [$0] } ?? [])
            for row in rows {
                let id: String = row[0]
                if let record = try Self.fold(caseID: id, in: db, context: try Self.context(forUnit: row[1], in: db)),
                   let uuid = UUID(uuidString: id) {
                    result[uuid] = record
                }
            }
            return result
        }
    }

    /// The ids of the events of a unit (all when nil), in sequence order.
    public func eventIDs(unit: String?) throws(CentralError) -> [UUID] {
        try read { db in
            try String.fetchAll(db, sql: unit == nil ? "SELECT uuid FROM ledger ORDER BY sequence" :
                                    "SELECT uuid FROM ledger WHERE unit = ? ORDER BY sequence",
                                arguments: unit.map { [$0] } ?? []).compactMap(UUID.init(uuidString:))
        }
    }

    static func fold(caseID: String, in db: Database, context: LifecycleContext) throws -> CaseRecord? {
        let decoder = WireCoding.decoder()
        let envelopes = try Data.fetchAll(db, sql: "SELECT payload FROM ledger WHERE case_uuid = ? ORDER BY sequence", arguments: [caseID])
            .map { try decoder.decode(EventEnvelope.self, from: $0) }
        return DomainRules.fold(envelopes, context: context).record
    }
}
