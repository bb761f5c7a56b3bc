import Foundation
import GRDB
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
    /// Where a pulled event comes from, as the log records it.
    static let origin = "central", terminal = "pusat"

    let db: Database
    let many: Statement
    let one: EventInsert

    init(db: Database) throws {
        self.db = db
        many = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO events(\(EventInsert.columns))
            VALUES \(Array(repeating: EventInsert.row, count: Self.rowsPerStatement).joined(separator: ", "))
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
            for index in chunk.indices {
                try EventInsert.bind(events[index].envelope, payload: events[index].payload, origin: Self.origin,
                                     serverSeq: events[index].sequence, terminal: Self.terminal,
                                     at: Int32(index - start) * EventInsert.valuesPerRow, in: &run)
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
            added.append(try one(event.envelope, payload: event.payload, origin: Self.origin, serverSeq: event.sequence, terminal: Self.terminal))
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
}
