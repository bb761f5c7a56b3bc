import Crypto
import Foundation
import PPIDWire
import PPIDDomain

/// A file the server holds, by the SHA-256 of its content.
public struct StoredFile: Hashable, Sendable {
    public let sha256: String
    public let mediaType: FileMediaType
    public let size: Int
    /// The name it was attached under.
    public let name: String
    public let role: FileRole
}

extension CentralStore {
    /// The SHA-256 of `bytes`, in lowercase hex.
    public static func sha256(_ bytes: some DataProtocol) -> String {
        HexText.of(SHA256.hash(data: bytes))
    }

    /// Stores `bytes` once (by content hash) and attaches them to a case as `role`, after the
    /// upload rules (size, type by content). Returns the stored file.
    public func attach(_ bytes: Data, name: String, role: FileRole, to caseID: UUID, by actor: String) throws(CentralError) -> StoredFile {
        let type: FileMediaType
        do throws(FileProblem) { type = try FileRules.check(bytes, as: role) } catch {
            throw .invalid(field: "file", reason: error.text(.indonesian))
        }
        let hash = Self.sha256(bytes)
        let display = FileRules.displayName(name, type: type)
        let now = clock().timeIntervalSince1970
        try write { db in
            try Self.attach(bytes, hash: hash, type: type, name: display, role: role, to: caseID, by: actor, at: now, in: db)
        }
        return StoredFile(sha256: hash, mediaType: type, size: bytes.count, name: display, role: role)
    }

    static func attach(_ bytes: Data, hash: String, type: FileMediaType, name: String, role: FileRole, to caseID: UUID,
                       by actor: String, at now: Double, in db: any SQLSession) throws {
        _ = try db.execute("INSERT INTO files(sha256, media_type, size, content, stored_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                           [SQLValue.text(hash), .text(type.rawValue), .int(Int64(bytes.count)), .blob(bytes), .double(now)])
        _ = try db.execute("""
            INSERT INTO case_files(case_uuid, sha256, role, name, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
            """, [SQLValue.text(caseID.uuidString), .text(hash), .text(role.rawValue), .text(name), .double(now), .text(actor)])
    }

    /// The files attached to a case, oldest first.
    public func files(of caseID: UUID) throws(CentralError) -> [StoredFile] {
        try read { db in try Self.files(of: caseID.uuidString, in: db) }
    }

    /// The files attached to a case (as `role` only, when given), oldest first.
    static func files(of caseID: String, role: FileRole? = nil, in db: any SQLSession) throws -> [StoredFile] {
        // The role's condition only when given: PostgreSQL cannot type a NULL parameter.
        try db.rows("""
            SELECT c.sha256, f.media_type, f.size, c.name, c.role FROM case_files c JOIN files f ON f.sha256 = c.sha256
            WHERE c.case_uuid = ?\(role == nil ? "" : " AND c.role = ?") ORDER BY c.added_at, c.name
            """, [SQLValue.text(caseID)] + (role.map { [SQLValue.text($0.rawValue)] } ?? [])).compactMap { row in
            guard let type = FileMediaType(rawValue: try row[1]), let role = FileRole(rawValue: try row[4]) else { return nil }
            return StoredFile(sha256: try row[0], mediaType: type, size: Int(try row.get(2, as: Int64.self)), name: try row[3], role: role)
        }
    }

    /// The content of a file attached to `caseID` as `role`; nil when that case has no such file.
    public func fileContent(_ sha256: String, of caseID: UUID, role: FileRole) throws(CentralError) -> (StoredFile, Data)? {
        try read { db in try Self.fileContent(sha256, of: caseID, role: role, in: db) }
    }

    /// A file of a case with its content: as `role` when given, else as whatever it was attached first.
    static func fileContent(_ sha256: String, of caseID: UUID, role: FileRole?, in db: any SQLSession) throws -> (StoredFile, Data)? {
        guard let row = try db.row("""
            SELECT c.role, f.media_type, f.size, c.name, f.content FROM case_files c JOIN files f ON f.sha256 = c.sha256
            WHERE c.case_uuid = ? AND c.sha256 = ?\(role == nil ? "" : " AND c.role = ?") ORDER BY c.added_at LIMIT 1
            """, [SQLValue.text(caseID.uuidString), .text(sha256)] + (role.map { [SQLValue.text($0.rawValue)] } ?? [])),
            let role = FileRole(rawValue: try row[0]), let type = FileMediaType(rawValue: try row[1]) else { return nil }
        let file = StoredFile(sha256: sha256, mediaType: type, size: Int(try row.get(2, as: Int64.self)), name: try row[3], role: role)
        return (file, try row.get(4, as: Data.self))
    }
}
