import Foundation
import GRDB
import PPIDDomain

/// One row of the audit trail.
public struct AuditEntry: Hashable, Sendable {
    public let id: Int64
    public let at: Date
    public let officer: String
    public let terminal: String
    public let action: String
    public let subject: String
    public let detail: String
}

extension LocalStore {
    /// Appends to the audit trail inside a write transaction.
    func audit(_ db: Database, action: String, subject: String, detail: String = "") throws {
        try db.execute(
            sql: "INSERT INTO audit_log(at, officer, terminal, action, subject, detail) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [clock().timeIntervalSince1970, officer, workstation.terminal, action, subject, detail])
    }

    /// Records an action that changes nothing but must be known, such as an export of personal data.
    public func recordAudit(action: String, subject: String, detail: String = "") throws(StoreError) {
        try write { db in try self.audit(db, action: action, subject: subject, detail: detail) }
    }

    /// The latest audit rows, newest first.
    public func auditTrail(limit: Int = 100, before id: Int64? = nil) throws(StoreError) -> [AuditEntry] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?
                """, arguments: [id ?? Int64.max, limit]).map { row in
                AuditEntry(id: row["id"], at: Date(timeIntervalSince1970: row["at"]), officer: row["officer"],
                           terminal: row["terminal"], action: row["action"], subject: row["subject"], detail: row["detail"])
            }
        }
    }

    /// The requester's full, unmasked details. Reading them is itself recorded in the audit trail.
    public func revealPersonalData(ofRequest id: UUID, purpose: String) throws(StoreError) -> Requester {
        guard case let .request(record)? = try caseRecord(id) else { throw .notFound(id.uuidString) }
        try recordAudit(action: "personal-data.read", subject: record.registration.registrationNumber, detail: purpose)
        return record.registration.requester
    }
}
