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
    /// The unit of a case `principal` may see (its own, or any for the PPID Utama); nil when the
    /// register holds no such case, refused when it is another unit's.
    static func accessibleUnit(ofCase caseID: UUID, for principal: Principal, in db: any SQLSession) throws -> String? {
        guard let unit = try LedgerChecks.owner(of: caseID, in: db) else { return nil }
        guard principal.mayAccess(unit: unit) else { throw CentralError.notPermitted("perkara unit lain / another unit's case") }
        return unit
    }

    /// Attaches a file to a case on behalf of an officer of its unit (or the PPID Utama); nil when
    /// the register holds no such case.
    public func attachFile(_ bytes: Data, name: String, role: FileRole, to caseID: UUID, by principal: Principal) throws(CentralError) -> StoredFile? {
        guard try read({ db in try Self.accessibleUnit(ofCase: caseID, for: principal, in: db) }) != nil else { return nil }
        return try attach(bytes, name: name, role: role, to: caseID, by: principal.officer)
    }

    /// The files of a case an officer of its unit (or the PPID Utama) may see; nil for no such case.
    public func caseFiles(_ caseID: UUID, for principal: Principal) throws(CentralError) -> [StoredFile]? {
        try read { db in
            guard try Self.accessibleUnit(ofCase: caseID, for: principal, in: db) != nil else { return nil }
            return try Self.files(of: caseID.uuidString, in: db)
        }
    }

    /// A file of a case, for an officer of its unit or the PPID Utama: an identity scan's viewing
    /// is recorded (who, when) in the same transaction that reads it. Nil when there is no such file.
    public func openFile(_ sha256: String, of caseID: UUID, for principal: Principal) throws(CentralError) -> (StoredFile, Data)? {
        let now = clock().timeIntervalSince1970
        return try write { db in
            guard try Self.accessibleUnit(ofCase: caseID, for: principal, in: db) != nil,
                  let (file, content) = try Self.fileContent(sha256, of: caseID, role: nil, in: db) else { return nil }
            if file.role == .idScan {
                _ = try db.execute("INSERT INTO file_views(case_uuid, sha256, role, officer, unit, viewed_at) VALUES (?, ?, ?, ?, ?, ?)",
                                   [SQLValue.text(caseID.uuidString), .text(sha256), .text(file.role.rawValue), .text(principal.officer),
                                    .text(principal.unit), .double(now)])
            }
            return (file, content)
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
