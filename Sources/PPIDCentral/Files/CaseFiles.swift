import Foundation
import PPIDDomain

/// A viewing of an identity scan, for the audit.
public struct FileView: Sendable, Hashable {
    public let caseID: String
    public let sha256: String
    public let officer: String
    public let unit: String
    public let viewedAt: Date
}

extension CentralStore {
    /// The unit of a case, if the register holds it.
    func unit(ofCase caseID: UUID, in db: any SQLSession) throws -> String? {
        try db.value("SELECT unit FROM case_units WHERE case_uuid = ?", [caseID.uuidString], as: String.self)
    }

    /// Attaches a file to a case on behalf of an officer of its unit (or the PPID Utama); nil when
    /// the register holds no such case.
    public func attachFile(_ bytes: Data, name: String, role: FileRole, to caseID: UUID, by principal: Principal) throws(CentralError) -> StoredFile? {
        guard let unit = try read({ db in try unit(ofCase: caseID, in: db) }) else { return nil }
        guard principal.mayAccess(unit: unit) else {
            throw .notPermitted("perkara unit lain / another unit's case")
        }
        return try attach(bytes, name: name, role: role, to: caseID, by: principal.officer)
    }

    /// The files of a case an officer of its unit (or the PPID Utama) may see; nil for no such case.
    public func caseFiles(_ caseID: UUID, for principal: Principal) throws(CentralError) -> [StoredFile]? {
        guard let unit = try read({ db in try unit(ofCase: caseID, in: db) }) else { return nil }
        guard principal.mayAccess(unit: unit) else { throw .notPermitted("perkara unit lain / another unit's case") }
        return try files(of: caseID)
    }

    /// A file of a case, for an officer of its unit or the PPID Utama: an identity scan's viewing
    /// is recorded (who, when) in the same transaction that reads it. Nil when there is no such file.
    public func openFile(_ sha256: String, of caseID: UUID, for principal: Principal) throws(CentralError) -> (StoredFile, Data)? {
        let now = clock().timeIntervalSince1970
        return try write { db in
            guard let unit = try unit(ofCase: caseID, in: db) else { return nil }
            guard principal.mayAccess(unit: unit) else { throw CentralError.notPermitted("perkara unit lain / another unit's case") }
            guard let row = try db.row("""
                SELECT c.role, f.media_type, f.size, c.name, f.content FROM case_files c JOIN files f ON f.sha256 = c.sha256
                WHERE c.case_uuid = ? AND c.sha256 = ? ORDER BY c.added_at LIMIT 1
                """, [caseID.uuidString, sha256]),
                let role = FileRole(rawValue: try row[0]), let type = FileMediaType(rawValue: try row[1]) else { return nil }
            if role == .idScan {
                _ = try db.execute("INSERT INTO file_views(case_uuid, sha256, role, officer, unit, viewed_at) VALUES (?, ?, ?, ?, ?, ?)",
                                   [SQLValue.text(caseID.uuidString), .text(sha256), .text(role.rawValue), .text(principal.officer),
                                    .text(principal.unit), .double(now)])
            }
            let file = StoredFile(sha256: sha256, mediaType: type, size: Int(try row.get(2, as: Int64.self)), name: try row[3], role: role)
            return (file, try row.get(4, as: Data.self))
        }
    }

    /// The recorded viewings of a case's identity scans, oldest first.
    public func fileViews(of caseID: UUID) throws(CentralError) -> [FileView] {
        try read { db in
            try db.rows("SELECT case_uuid, sha256, officer, unit, viewed_at FROM file_views WHERE case_uuid = ? ORDER BY id", [caseID.uuidString]).map {
                FileView(caseID: try $0[0], sha256: try $0[1], officer: try $0[2], unit: try $0[3], viewedAt: Date(timeIntervalSince1970: try $0[4]))
            }
        }
    }
}

extension CentralStore {
    /// The recorded viewings of the identity scans of the request (or objection) with this register
    /// number, in any unit; nil when no case has that number.
    public func fileViews(number: String) throws(CentralError) -> [FileView]? {
        let caseID = try read { db in
            try db.value("SELECT case_uuid FROM case_numbers WHERE number = ? ORDER BY kind DESC LIMIT 1",
                         [number.trimmingCharacters(in: .whitespaces)], as: String.self)
        }
        guard let caseID, let id = UUID(uuidString: caseID) else { return nil }
        return try fileViews(of: id)
    }
}
