import Foundation
import GRDB
import PPIDDomain

/// The insert of one event into the log, its values bound through SQLite's C API
/// (``BoundStatement``): a pull appends thousands of events per page.
struct EventInsert {
    let db: Database
    let statement: Statement

    /// With `unlessHeld`, an event whose id the log already holds is skipped instead of refused.
    init(db: Database, unlessHeld: Bool) throws {
        self.db = db
        statement = try db.cachedStatement(sql: """
            INSERT \(unlessHeld ? "OR IGNORE " : "")INTO events(uuid, case_kind, case_uuid, name, officer, instant, local_date,
                terminal, origin, server_seq, payload)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }

    /// Inserts the event, stored as `given` (the bytes it came as) or else encoded; the answer
    /// says whether it was added.
    func callAsFunction(_ envelope: EventEnvelope, payload given: Data?, origin: String, serverSeq: Int64?, terminal: String) throws -> Bool {
        let payload = try given ?? EventCoding.encoder().encode(envelope)
        var run = BoundStatement(db: db, statement: statement)
        run.bind(1, envelope.meta.id.text)
        run.bind(2, envelope.event.caseKind.rawValue)
        run.bind(3, envelope.event.caseID.text)
        run.bind(4, envelope.event.name)
        run.bind(5, envelope.meta.officer)
        run.bind(6, envelope.meta.instant.timeIntervalSince1970)
        run.bind(7, envelope.meta.localDate.iso)
        run.bind(8, terminal)
        run.bind(9, origin)
        run.bind(10, serverSeq)
        run.bind(11, blob: payload)
        try run.step()
        return run.changes > 0
    }
}
