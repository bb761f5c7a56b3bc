import Foundation
import GRDB
import GRDBSQLite
import PPIDDomain

/// The insert of a pulled page's events into the log, many rows per statement, an event whose id
/// the log already holds skipped (`INSERT OR IGNORE`).
///
/// A pull's writer spends most of its time in these inserts. One statement of 50 rows costs SQLite
/// about 5 µs a row against 7 µs for one row per statement (the statement's own run, its
/// `AUTOINCREMENT` bookkeeping): measured with SQLite's C API alone on this log's schema.
struct EventBatchInsert {
    /// Rows per statement: 11 values each, well under SQLite's limit of bound values.
    static let rowsPerStatement = 50
    static let columns = "uuid, case_kind, case_uuid, name, officer, instant, local_date, terminal, origin, server_seq, payload"

    let db: Database
    let many: Statement
    let one: EventInsert

    init(db: Database) throws {
        self.db = db
        let row = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        many = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO events(\(Self.columns))
            VALUES \(Array(repeating: row, count: Self.rowsPerStatement).joined(separator: ", "))
            """)
        one = try EventInsert(db: db, unlessHeld: true)
    }

    /// Inserts the events, in order, as pulled from the server; the answer says of each whether it
    /// was added (false: the log held its id already, or it came earlier in `events`).
    func callAsFunction(_ events: [PulledEvent]) throws -> [Bool] {
        var added: [Bool] = []
        added.reserveCapacity(events.count)
        var start = 0
        while events.count - start >= Self.rowsPerStatement {
            let chunk = events[start..<(start + Self.rowsPerStatement)]
            var run = BoundStatement(db: db, statement: many)
            for (offset, event) in chunk.enumerated() {
                try Self.bind(event, at: Int32(offset * 11), in: &run)
            }
            try run.step()
            let inserted = Int(run.changes)
            if inserted == chunk.count {
                added += repeatElement(true, count: chunk.count)
            } else {
                added += try whichAdded(chunk, inserted: inserted)
            }
            start += Self.rowsPerStatement
        }
        for event in events[start...] {
            added.append(try one(event.envelope, payload: event.payload, origin: "central", serverSeq: event.sequence, terminal: "pusat"))
        }
        return added
    }

    /// Which of a chunk's events its statement added, when it skipped some: the rows it added are
    /// the log's last `inserted` (the log only grows, numbered in order, and this transaction is
    /// its only writer); an id given twice in the chunk counts once, at its first place.
    private func whichAdded(_ chunk: ArraySlice<PulledEvent>, inserted: Int) throws -> [Bool] {
        var new = Set(try String.fetchAll(db, sql: "SELECT uuid FROM events ORDER BY seq DESC LIMIT ?", arguments: [inserted]))
        return chunk.map { new.remove($0.envelope.meta.id.text) != nil }
    }

    static func bind(_ event: PulledEvent, at base: Int32, in run: inout BoundStatement) throws {
        let envelope = event.envelope
        run.bind(base + 1, envelope.meta.id.text)
        run.bind(base + 2, envelope.event.caseKind.rawValue)
        run.bind(base + 3, envelope.event.caseID.text)
        run.bind(base + 4, envelope.event.name)
        run.bind(base + 5, envelope.meta.officer)
        run.bind(base + 6, envelope.meta.instant.timeIntervalSince1970)
        run.bind(base + 7, envelope.meta.localDate.iso)
        run.bind(base + 8, "pusat")
        run.bind(base + 9, "central")
        run.bind(base + 10, event.sequence)
        run.bind(base + 11, blob: try event.payload ?? EventCoding.encoder().encode(envelope))
    }
}
