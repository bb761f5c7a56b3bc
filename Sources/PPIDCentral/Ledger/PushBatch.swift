import Foundation
import PPIDDomain
import PPIDWire

/// One push, checked and appended as a batch: what the checks need from the register is read once
/// for the whole batch (the events it may replay, its cases' owners and histories, the units, the
/// numbers it issues), the accepted events are numbered in memory from the ledger's head and written
/// with multi-row inserts. Round trips per batch, not per event: what PostgreSQL needs, and cheaper
/// on SQLite too. A check that must see another case (an objection's request, a dispute's objection,
/// linked DIP entries) first writes what the batch holds so far, so it sees the batch's own cases.
final class PushBatch {
    let db: any SQLSession
    let principal: Principal
    /// Events already in the ledger, by id: sequence, unit, pushed by, stored payload.
    var stored: [String: (sequence: Int64, unit: String, pushedBy: String, payload: Data)] = [:]
    /// Owners of the batch's cases that the ledger holds, and of those this batch creates.
    var owners: [String: String] = [:]
    /// Each existing case's stored events, in order, until folded.
    var histories: [String: [Data]] = [:]
    /// Units asked about in this batch, and whether the server knows each.
    var knownUnits: [String: Bool] = [:]
    /// Numbers taken, by unit, kind, year and number: the case holding each.
    var numbers: [String: String] = [:]
    var nextSequence: Int64
    /// The accepted events' ledger rows not yet written, by column (the principal's columns are
    /// the same for every row).
    var rows = LedgerRows()
    var newCases: [(String, String)] = []
    var newNumbers: [(unit: String, kind: String, year: Int64, number: String, caseID: String)] = []
    /// Events accepted in this batch, by id, for a replay within the same push: kept only for the
    /// ids the push names more than once (``repeatedIDs``), not a copy of every event.
    var accepted: [String: (sequence: Int64, envelope: EventEnvelope)] = [:]
    /// Ids the push carries more than once.
    var repeatedIDs: Set<String> = []

    init(_ request: PushRequest, in db: any SQLSession, principal: Principal) throws {
        self.db = db
        self.principal = principal
        let ids = request.events.map { $0.envelope.meta.id.text }
        var seen = Set<String>(minimumCapacity: ids.count)
        for id in ids where !seen.insert(id).inserted { repeatedIDs.insert(id) }
        for row in try Self.chunked(ids, on: db.engine, { try db.rows("SELECT uuid, sequence, unit, pushed_by, payload FROM ledger WHERE uuid IN (\($0))", $1) }) {
            stored[try row[0]] = (try row[1], try row[2], try row[3], try row.get(4, as: Data.self))
        }
        let cases = Array(Set(request.events.map { $0.envelope.event.caseID.text }))
        for row in try Self.chunked(cases, on: db.engine, { try db.rows("SELECT case_uuid, unit FROM case_units WHERE case_uuid IN (\($0))", $1) }) {
            owners[try row[0]] = try row[1]
        }
        let existing = Array(owners.keys)
        for row in try Self.chunked(existing, on: db.engine, {
            try db.rows("SELECT case_uuid, payload FROM ledger WHERE case_uuid IN (\($0)) ORDER BY sequence", $1)
        }) {
            histories[try row[0], default: []].append(try row.get(1, as: Data.self))
        }
        let issued = request.events.flatMap { event in
            LedgerChecks.numbers(of: event.envelope, zone: .wib).map(\.number)
        }
        for row in try Self.chunked(Array(Set(issued)), on: db.engine, {
            try db.rows("SELECT unit, kind, year, number, case_uuid FROM case_numbers WHERE number IN (\($0))", $1)
        }) {
            numbers[Self.numberKey(try row[0], try row[1], try row[2], try row[3])] = try row[4]
        }
        switch db.engine {
        case .postgres: nextSequence = (try db.value(HotStatements.ledgerHead, as: Int64.self) ?? 0) + 1
        case .sqlite: nextSequence = (try CentralStore.latestSequence(db)) + 1
        }
    }

    /// Appends one event the server itself made (a central intake, a portal act, a delivery by
    /// email) as `principal`, inside the caller's appending transaction; its sequence number.
    @discardableResult
    static func appendMade(_ envelope: EventEnvelope, unit: String, zone: UnitZone, as principal: Principal,
                           in db: any SQLSession) throws -> Int64 {
        let writer = try PushBatch(PushRequest(events: []), in: db, principal: principal)
        let sequence = writer.append(envelope, payload: try WireCoding.encoder().encode(envelope), unit: unit, zone: zone)
        try writer.flush()
        return sequence
    }

    /// Whether the server knows `code`: asked of the register once per unit and batch (a push
    /// names one or two units; the body has hundreds).
    func isKnownUnit(_ code: String) throws -> Bool {
        if let known = knownUnits[code] { return known }
        let known = try db.value(HotStatements.unitKnown, [code], as: Int64.self) != nil
        knownUnits[code] = known
        return known
    }

    static func numberKey(_ unit: String, _ kind: String, _ year: Int, _ number: String) -> String {
        "\(unit)\u{1F}\(kind)\u{1F}\(year)\u{1F}\(number)"
    }

    /// Runs `query` over `keys`: on PostgreSQL once, the keys as one array (the placeholder text
    /// `SELECT unnest(?::text[])`, for `IN (...)`); on SQLite in chunks (`?, ?, ...` for each
    /// chunk's placeholders). A push of two thousand events asks each question once, not four times.
    static func chunked(_ keys: [String], on engine: SQLEngineKind, _ query: (String, [any SQLBindable]) throws -> [SQLRow]) throws -> [SQLRow] {
        guard !keys.isEmpty else { return [] }
        if engine == .postgres { return try query("SELECT unnest(?::text[])", [SQLValue.textArray(keys)]) }
        return try Self.chunked(keys, query)
    }

    /// Runs `query` over `keys` in chunks (`?, ?, ...` for each chunk's placeholders).
    static func chunked(_ keys: [String], _ query: (String, [any SQLBindable]) throws -> [SQLRow]) throws -> [SQLRow] {
        var rows: [SQLRow] = []
        var start = 0
        while start < keys.count {
            let chunk = Array(keys[start..<min(keys.count, start + 500)])
            rows += try query(chunk.map { _ in "?" }.joined(separator: ", "), chunk)
            start += chunk.count
        }
        return rows
    }

    /// The sequence of an event already held when `envelope` is its replay by the same principal;
    /// nil when the id is new. Anything else carrying a known id is refused.
    func replayedSequence(of envelope: EventEnvelope) throws -> Int64? {
        let id = envelope.meta.id.text
        if let earlier = accepted[id] {
            guard earlier.envelope == envelope else { throw LedgerRefusal.idInUse(envelope.meta.id) }
            return earlier.sequence
        }
        guard let row = stored[id] else { return nil }
        let held = try CentralStore.decodeEnvelope(row.payload)
        // Rows from before the server stamped officers (no pushed_by) carry the terminal's claim: compare without it.
        let legacy = row.pushedBy.isEmpty
        let samePrincipal = principal.mayAccess(unit: row.unit) && (legacy || row.pushedBy == principal.officer)
        let comparable = legacy ? EventEnvelope(meta: EventMeta(id: envelope.meta.id, officer: held.meta.officer, instant: envelope.meta.instant,
                                                                localDate: envelope.meta.localDate), event: envelope.event) : envelope
        guard samePrincipal, held == comparable else { throw LedgerRefusal.idInUse(envelope.meta.id) }
        return row.sequence
    }

    /// The events of an existing case, decoded, once.
    func history(of caseID: String) throws -> [EventEnvelope] {
        let decoder = WireCoding.decoder()
        return try (histories.removeValue(forKey: caseID) ?? []).map { try decoder.decode(EventEnvelope.self, from: $0) }
    }

    /// Refuses a number another case of the unit holds (in the register or earlier in this batch).
    func checkNumbers(of envelope: EventEnvelope, unit: String, zone: UnitZone) throws {
        for (kind, year, number) in LedgerChecks.numbers(of: envelope, zone: zone) {
            if let other = numbers[Self.numberKey(unit, kind, year, number)], other != envelope.event.caseID.text {
                throw LedgerRefusal.numberInUse(number, other: other)
            }
        }
    }

    /// Numbers an accepted event issued, and its row, queued for the batch's inserts; its sequence.
    func append(_ envelope: EventEnvelope, payload: Data, unit: String, zone: UnitZone) -> Int64 {
        let sequence = nextSequence
        nextSequence += 1
        let caseID = envelope.event.caseID.text
        rows.append(sequence: sequence, id: envelope.meta.id.text, unit: unit, caseID: caseID, payload: payload)
        if owners[caseID] == nil {
            owners[caseID] = unit
            newCases.append((caseID, unit))
        }
        for (kind, year, number) in LedgerChecks.numbers(of: envelope, zone: zone) {
            let key = Self.numberKey(unit, kind, year, number)
            if numbers[key] == nil {
                numbers[key] = caseID
                newNumbers.append((unit, kind, Int64(year), number, caseID))
            }
        }
        let id = envelope.meta.id.text
        if repeatedIDs.contains(id) { accepted[id] = (sequence, envelope) }
        return sequence
    }

    /// On PostgreSQL, writes the rows gathered so far once there are ``aheadRows`` of them, sent
    /// ahead: the database inserts them while the server checks the batch's next events, where
    /// the whole batch's inserts used to wait until its last event was checked.
    func flushIfLarge() throws {
        if db.engine == .postgres && rows.count >= Self.aheadRows { try flush() }
    }

    /// Rows per write sent ahead: a 2,000-event batch goes in four, three of them while the
    /// server still checks.
    static let aheadRows = 500

    /// Writes what the batch holds so far: ledger rows, new cases' owners, numbers; and the head.
    /// On PostgreSQL each table's rows go as one statement of column arrays (`unnest`), whose text
    /// is the same every time: a statement of hundreds of row tuples cost more to build, send and
    /// parse than the rows cost to store. On SQLite, multi-row inserts of cached statements.
    func flush() throws {
        let principalColumns: [SQLValue] = [.text(principal.officer), .text(principal.role.rawValue),
                                             principal.tokenID.map { .int($0) } ?? .null]
        if db.engine == .postgres {
            // Sent ahead: PostgreSQL inserts while the caller checks on (see ``flushIfLarge()``).
            if !rows.isEmpty {
                try db.executeAhead("""
                    INSERT INTO ledger(sequence, uuid, unit, case_uuid, payload, pushed_by, acted_as, pushed_token)
                    SELECT s, u, n, c, p, ?6, ?7, ?8::bigint FROM unnest(?1::bigint[], ?2::text[], ?3::text[], ?4::text[], ?5::bytea[]) AS r(s, u, n, c, p)
                    """, [.intArray(rows.sequences), .textArray(rows.ids), .textArray(rows.units), .textArray(rows.caseIDs),
                          .blobArray(rows.payloads)] + principalColumns)
            }
            if !newCases.isEmpty {
                try db.executeAhead("INSERT INTO case_units(case_uuid, unit) SELECT * FROM unnest(?::text[], ?::text[]) ON CONFLICT DO NOTHING",
                                    [.textArray(newCases.map(\.0)), .textArray(newCases.map(\.1))])
            }
            if !newNumbers.isEmpty {
                try db.executeAhead("""
                    INSERT INTO case_numbers(unit, kind, year, number, case_uuid)
                    SELECT * FROM unnest(?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[]) ON CONFLICT DO NOTHING
                    """, [.textArray(newNumbers.map(\.unit)), .textArray(newNumbers.map(\.kind)), .intArray(newNumbers.map(\.year)),
                          .textArray(newNumbers.map(\.number)), .textArray(newNumbers.map(\.caseID))])
            }
            if !rows.isEmpty {
                try db.executeAhead("UPDATE ledger_head SET last = ? WHERE id = 1", [.int(nextSequence - 1)])
            }
        } else {
            var values: [SQLValue] = []
            values.reserveCapacity(rows.count * 8)
            for index in 0..<rows.count {
                values += [.int(rows.sequences[index]), .text(rows.ids[index]), .text(rows.units[index]), .text(rows.caseIDs[index]),
                           .blob(rows.payloads[index])] + principalColumns
            }
            try insert("INSERT INTO ledger(sequence, uuid, unit, case_uuid, payload, pushed_by, acted_as, pushed_token) VALUES",
                       columns: 8, values: values, count: rows.count, suffix: "")
            try insert("INSERT INTO case_units(case_uuid, unit) VALUES", columns: 2,
                       values: newCases.flatMap { [SQLValue.text($0.0), .text($0.1)] }, count: newCases.count, suffix: " ON CONFLICT DO NOTHING")
            try insert("INSERT INTO case_numbers(unit, kind, year, number, case_uuid) VALUES", columns: 5,
                       values: newNumbers.flatMap { [SQLValue.text($0.unit), .text($0.kind), .int($0.year), .text($0.number), .text($0.caseID)] },
                       count: newNumbers.count, suffix: " ON CONFLICT DO NOTHING")
        }
        rows = LedgerRows()
        newCases = []
        newNumbers = []
    }

    private func insert(_ head: String, columns: Int, values: [SQLValue], count: Int, suffix: String) throws {
        var start = 0
        let perStatement = 400
        while start < count {
            let end = min(count, start + perStatement)
            let tuple = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
            let sql = head + " " + Array(repeating: tuple, count: end - start).joined(separator: ", ") + suffix
            try db.execute(sql, Array(values[(start * columns)..<(end * columns)]))
            start = end
        }
    }
}

/// Ledger rows waiting in a batch, by column.
struct LedgerRows {
    var sequences: [Int64] = []
    var ids: [String] = []
    var units: [String] = []
    var caseIDs: [String] = []
    var payloads: [Data] = []

    var count: Int { sequences.count }
    var isEmpty: Bool { sequences.isEmpty }

    mutating func append(sequence: Int64, id: String, unit: String, caseID: String, payload: Data) {
        sequences.append(sequence)
        ids.append(id)
        units.append(unit)
        caseIDs.append(caseID)
        payloads.append(payload)
    }
}
