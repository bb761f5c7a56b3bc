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
        let history = try envelopes(of: caseID, in: db)
        let folded = DomainRules.fold(history, context: try unitContexts.context(forCase: history, in: db))
        if let record = folded.record {
            try ProjectionWriter(db: db).write(record)
        }
        try setAsideUnapplied(folded.rejected, in: db)
    }

    /// Refolds every case of a unit other than this database's own (in its unit's zone), but those in `skipped`.
    func reprojectOtherUnits(in db: Database, except skipped: Set<UUID>) throws {
        let own = profile.code
        let ids = try String.fetchAll(db, sql: """
            SELECT uuid FROM requests WHERE unit <> ?1 UNION SELECT uuid FROM objections WHERE unit <> ?1
            UNION SELECT uuid FROM dip_entries WHERE unit <> ?1
            UNION SELECT d.uuid FROM disputes d JOIN objections o ON o.uuid = d.objection_uuid WHERE o.unit <> ?1
            """, arguments: [own])
        for id in ids.compactMap(UUID.init(uuidString:)) where !skipped.contains(id) { try reproject(id, in: db) }
    }

    /// Throws away every projection and rebuilds them from the event log, in one transaction.
    /// The result equals what incremental updates gave; a test holds it to that.
    public func rebuildProjections() throws(StoreError) {
        let contexts = unitContexts
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
                if let record = DomainRules.fold(batch, context: try contexts.context(forCase: batch, in: db)).record {
                    try writer.write(record)
                }
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
