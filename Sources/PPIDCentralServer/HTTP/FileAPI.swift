import Foundation
import Hummingbird
import PPIDCentral
import PPIDDomain
import PPIDWire

/// Files on cases over the API: listed and attached by the case's unit (or the PPID Utama), and
/// fetched one at a time when an officer opens one, never in a pull.
extension CentralAPI {
    /// The largest file body accepted (the largest role's limit).
    static let maximumFileBytes = FileRole.allCases.map(\.maximumBytes).max() ?? (20 << 20)

    static func caseParameter(_ request: Request) throws -> UUID {
        guard let text = request.uri.queryParameters["case"], let id = UUID(uuidString: String(text)) else {
            throw APIFailure.badRequest("Parameter 'case' harus UUID perkara.", "Parameter 'case' must be the case's UUID.")
        }
        return id
    }

    static let caseNotFound = APIFailure(status: .notFound, body: WireError(error: "not-found", message: "Perkara tidak ada di register.",
                                                                              messageEnglish: "The register holds no such case."))

    static func wire(_ file: StoredFile) -> WireFile {
        WireFile(sha256: file.sha256, mediaType: file.mediaType.rawValue, size: file.size, name: file.name, role: file.role.rawValue)
    }

    func fileList(_ request: Request) async throws -> Response {
        let principal = try await principal(of: request)
        let caseID = try Self.caseParameter(request)
        let store = self.store
        guard let files = try await run({ try store.caseFiles(caseID, for: principal) }) else { throw Self.caseNotFound }
        return try JSONResponse.make(FileList(files: files.map(Self.wire)), for: request)
    }

    func fileUpload(_ request: Request) async throws -> Response {
        let principal = try await principal(of: request)
        let query = request.uri.queryParameters
        let caseID = try Self.caseParameter(request)
        guard let roleText = query["role"], let role = FileRole(rawValue: String(roleText)) else {
            throw APIFailure.badRequest("Parameter 'role' harus salah satu dari: \(FileRole.allCases.map(\.rawValue).joined(separator: ", ")).",
                                        "Parameter 'role' must be one of: \(FileRole.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        let name = String((query["name"].map(String.init) ?? "").prefix(200))
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: role.maximumBytes) } catch {
            throw APIFailure(status: .contentTooLarge,
                             body: WireError(error: "too-large", message: FileProblem.tooLarge(maximumBytes: role.maximumBytes).text(.indonesian),
                                             messageEnglish: FileProblem.tooLarge(maximumBytes: role.maximumBytes).text(.english)))
        }
        let bytes = Data(buffer: buffer)
        let store = self.store
        guard let file = try await run({ try store.attachFile(bytes, name: name, role: role, to: caseID, by: principal) }) else {
            throw Self.caseNotFound
        }
        logger.info("file attached", metadata: ["case": "\(caseID.uuidString)", "role": "\(role.rawValue)", "size": "\(file.size)",
                                                 "principal": "\(principal.officer)@\(principal.unit)"])
        return try JSONResponse.make(Self.wire(file), for: request, status: .created)
    }

    func fileContent(_ request: Request) async throws -> Response {
        let principal = try await principal(of: request)
        let caseID = try Self.caseParameter(request)
        guard let sha = request.uri.queryParameters["sha256"].map(String.init), sha.count == 64, sha.allSatisfy(\.isHexDigit) else {
            throw APIFailure.badRequest("Parameter 'sha256' harus 64 digit heksadesimal.", "Parameter 'sha256' must be 64 hexadecimal digits.")
        }
        let store = self.store
        guard let (file, bytes) = try await run({ try store.openFile(sha.lowercased(), of: caseID, for: principal) }) else {
            throw APIFailure(status: .notFound, body: WireError(error: "not-found", message: "Perkara ini tidak mempunyai berkas itu.",
                                                                messageEnglish: "This case has no such file."))
        }
        if file.role == .idScan {
            logger.notice("identity scan viewed", metadata: ["case": "\(caseID.uuidString)", "principal": "\(principal.officer)@\(principal.unit)"])
        }
        return FileDownload.response(file, bytes: bytes, cacheControl: "private, no-store", headers: [.xContentTypeOptions: "nosniff"])
    }

    /// The letters mailed for a case and what became of them: the officer sees a failure the relay gave.
    func caseMail(_ request: Request) async throws -> Response {
        let principal = try await principal(of: request)
        let caseID = try Self.caseParameter(request)
        let store = self.store
        guard let mails = try await run({ try store.caseMail(caseID, for: principal) }) else { throw Self.caseNotFound }
        return try JSONResponse.make(MailList(mails: mails.map {
            WireMail(kind: $0.kind, recipient: $0.recipient, state: $0.state.rawValue, attempts: $0.attempts, lastError: $0.lastError,
                     createdAt: $0.createdAt, sentAt: $0.sentAt)
        }), for: request)
    }
}
