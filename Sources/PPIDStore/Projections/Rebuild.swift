import Foundation
import GRDB
import PPIDDomain

extension LocalStore {
    /// Recomputes one case's projection from its events (after a rejection, say).
    func reproject(_ caseID: UUID, in db: Database) throws {
        let id = caseID.text
        for table in ["requests", "objections", "disputes", "dip_entries"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE uuid = ?", arguments: [id])
        }
        try db.execute(sql: "DELETE FROM request_documents WHERE request_uuid = ?", arguments: [id])
        if let record = try currentRecord(of: caseID, in: db) {
            try ProjectionWriter(db: db).write(record)
        }
    }

    /// Throws away every projection and rebuilds them from the event log, in one transaction.
    /// The result equals what incremental updates gave; a test holds it to that.
    public func rebuildProjections() throws(StoreError) {
        let context = self.context
        try write { db in
            for table in ["requests", "objections", "disputes", "dip_entries", "request_documents"] {
                try db.execute(sql: "DELETE FROM \(table)")
            }
            let writer = ProjectionWriter(db: db)
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT e.seq, e.case_uuid, e.payload FROM events e LEFT JOIN outbox o ON o.event_uuid = e.uuid
                WHERE o.state IS NULL OR o.state <> 'rejected' ORDER BY e.case_uuid, \(Self.serverOrder)
                """)
            var currentCase: String? = nil
            var batch: [EventEnvelope] = []
            func flush() throws {
                if let record = DomainRules.fold(batch, context: context).record { try writer.write(record) }
                batch.removeAll(keepingCapacity: true)
            }
            while let row = try cursor.next() {
                let caseUUID: String = row[1]
                if caseUUID != currentCase {
                    try flush()
                    currentCase = caseUUID
                }
                batch.append(try EventCoding.decode(row[2], seq: row[0]))
            }
            try flush()
            try self.audit(db, action: "store.rebuild", subject: "projections")
        }
    }
}
