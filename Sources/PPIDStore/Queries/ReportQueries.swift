import Foundation
import GRDB
import PPIDDomain

extension LocalStore {
    /// The unit codes that have requests in this database.
    public func units() throws(StoreError) -> [String] {
        try readOne { db in try String.fetchAll(db, sql: "SELECT DISTINCT unit FROM requests ORDER BY unit") }
    }

    /// The records a report of `period` needs: requests received or decided in it, objections and
    /// disputes filed in it. Folded from the log in one ordered pass, so a year of a large unit stays cheap.
    public func reportRecords(for period: ReportPeriod)
        throws(StoreError) -> (requests: [RequestRecord], objections: [ObjectionRecord], disputes: [DisputeRecord]) {
        let contexts = unitContexts
        return try read { db in
            let (first, last) = (period.first.iso, period.last.iso)
            var requests: [RequestRecord] = []
            var objections: [ObjectionRecord] = []
            var disputes: [DisputeRecord] = []
            let cursor = try Row.fetchCursor(db, sql: """
                WITH report_cases(uuid) AS (
                    SELECT uuid FROM requests WHERE received_on BETWEEN ?1 AND ?2 OR decided_on BETWEEN ?1 AND ?2
                    UNION SELECT uuid FROM objections WHERE filed_on BETWEEN ?1 AND ?2
                    UNION SELECT uuid FROM disputes WHERE filed_on BETWEEN ?1 AND ?2)
                SELECT e.seq, e.case_uuid, e.payload FROM report_cases c
                JOIN events e ON e.case_uuid = c.uuid
                LEFT JOIN outbox o ON o.event_uuid = e.uuid
                WHERE o.state IS NULL OR o.state <> 'rejected'
                ORDER BY e.case_uuid, e.seq
                """, arguments: [first, last])
            var current: String? = nil
            var batch: [EventEnvelope] = []
            func flush() throws {
                switch DomainRules.fold(batch, context: try contexts.context(forCase: batch, in: db)).record {
                case let .request(r)?: requests.append(r)
                case let .objection(o)?: objections.append(o)
                case let .dispute(d)?: disputes.append(d)
                default: break
                }
                batch.removeAll(keepingCapacity: true)
            }
            while let row = try cursor.next() {
                let caseUUID: String = row[1]
                if caseUUID != current {
                    try flush()
                    current = caseUUID
                }
                batch.append(try EventCoding.decode(row[2], seq: row[0]))
            }
            try flush()
            return (requests, objections, disputes)
        }
    }
}
