import Foundation
import GRDB
import PPIDDomain

/// The insert of one event into the log, its values bound through SQLite's C API
/// (``BoundStatement``): a pull appends thousands of events per page.
struct EventInsert {
    let db: Database
    let statement: Statement

    /// The log's columns an insert gives, in the order ``bind(_:payload:origin:serverSeq:terminal:at:in:)`` binds them.
    static let columns = "uuid, case_kind, case_uuid, name, officer, instant, local_date, terminal, origin, server_seq, payload"
    /// One row's placeholders.
    static let row = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    static let valuesPerRow: Int32 = 11

    /// With `unlessHeld`, an event whose id the log already holds is skipped instead of refused.
    init(db: Database, unlessHeld: Bool) throws {
        self.db = db
        statement = try db.cachedStatement(sql: "INSERT \(unlessHeld ? "OR IGNORE " : "")INTO events(\(Self.columns)) VALUES \(Self.row)")
    }

    /// Inserts the event, stored as `given` (the bytes it came as) or else encoded; the answer
    /// says whether it was added.
    func callAsFunction(_ envelope: EventEnvelope, payload given: Data?, origin: String, serverSeq: Int64?, terminal: String) throws -> Bool {
        var run = BoundStatement(db: db, statement: statement)
        try Self.bind(envelope, payload: given, origin: origin, serverSeq: serverSeq, terminal: terminal, at: 0, in: &run)
        try run.step()
        return run.changes > 0
    }

    /// Binds one row's values after the statement's first `base` values: the event, stored as
    /// `given` (the bytes it came as) or else encoded.
    static func bind(_ envelope: EventEnvelope, payload given: Data?, origin: String, serverSeq: Int64?, terminal: String,
                     at base: Int32, in run: inout BoundStatement) throws {
        let payload = try given ?? EventCoding.encoder().encode(envelope)
        run.bind(base + 1, envelope.meta.id.text)
        run.bind(base + 2, envelope.event.caseKind.rawValue)
        run.bind(base + 3, envelope.event.caseID.text)
        run.bind(base + 4, envelope.event.name)
        run.bind(base + 5, envelope.meta.officer)
        run.bind(base + 6, envelope.meta.instant.timeIntervalSince1970)
        run.bind(base + 7, envelope.meta.localDate.iso)
        run.bind(base + 8, terminal)
        run.bind(base + 9, origin)
        run.bind(base + 10, serverSeq)
        run.bind(base + 11, blob: payload)
    }
}
