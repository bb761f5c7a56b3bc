import Foundation
import PPIDDomain
import PPIDSync
import PPIDTerminal
import PPIDWire

/// The app's files on cases, through the central server's API: listed and attached there, fetched
/// into `files/` beside the database when opened (checked against their SHA-256).
struct ServerFileDesk: CaseFileDesk {
    let settings: SyncSettings
    let folder: String
    let language: Language

    func files(of caseID: UUID) throws(FileDeskFailure) -> [CaseFileInfo] {
        try call { (client: CentralClient) async throws(SyncError) in try await client.files(of: caseID) }.compactMap(Self.info)
    }

    func letters(of caseID: UUID) throws(FileDeskFailure) -> [CaseLetterInfo] {
        try call { (client: CentralClient) async throws(SyncError) in try await client.mail(of: caseID) }.map {
            CaseLetterInfo(kind: $0.kind, recipient: $0.recipient, state: $0.state, attempts: $0.attempts, lastError: $0.lastError, sentAt: $0.sentAt)
        }
    }

    func attach(path: String, name: String, role: FileRole, to caseID: UUID) throws(FileDeskFailure) -> CaseFileInfo {
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw FileDeskFailure(language.pick("Berkas \(path) tidak terbaca.", "Cannot read \(path)."))
        }
        let stored = try call { (client: CentralClient) async throws(SyncError) in try await client.attach(bytes, name: name, role: role.rawValue, to: caseID) }
        guard let info = Self.info(stored) else { throw FileDeskFailure(language.pick("Jawaban server tidak dikenal.", "The server's answer is not known.")) }
        return info
    }

    func open(_ file: CaseFileInfo, of caseID: UUID) throws(FileDeskFailure) -> String {
        let bytes = try call { (client: CentralClient) async throws(SyncError) in try await client.fileContent(file.sha256, of: caseID) }
        guard CentralClientHash.sha256(bytes) == file.sha256 else {
            throw FileDeskFailure(language.pick("Isi berkas dari server tidak cocok dengan sha256-nya; coba lagi.",
                                                "The file from the server does not match its sha256; try again."))
        }
        let safeName = file.name.replacingOccurrences(of: "/", with: "_")
        let path = (folder as NSString).appendingPathComponent("\(file.sha256.prefix(12))-\(safeName)")
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try bytes.write(to: URL(fileURLWithPath: path), options: .atomic)
            // An identity scan is personal data: readable by this user only.
            chmod(path, 0o600)
        } catch {
            throw FileDeskFailure(language.pick("Tidak dapat menyimpan \(path): \(error.localizedDescription)", "Cannot save \(path): \(error.localizedDescription)"))
        }
        return path
    }

    static func info(_ file: WireFile) -> CaseFileInfo? {
        FileRole(rawValue: file.role).map { CaseFileInfo(sha256: file.sha256, name: file.name, role: $0, mediaType: file.mediaType, size: file.size) }
    }

    /// One call on a fresh client, waited for; a failure in the officer's language.
    func call<T: Sendable>(_ body: @escaping @Sendable (CentralClient) async throws(SyncError) -> T) throws(FileDeskFailure) -> T {
        let client = CentralClient(settings: settings)
        defer { Task { await client.shutdown() } }
        do {
            return try runBlocking { try await body(client) }
        } catch let error as SyncError {
            throw FileDeskFailure(error.text(language))
        } catch {
            throw FileDeskFailure("\(error)")
        }
    }
}
