import Foundation
import PPIDDomain

/// A file of a case as the central server lists it.
public struct CaseFileInfo: Hashable, Sendable {
    public let sha256: String
    public let name: String
    public let role: FileRole
    public let mediaType: String
    public let size: Int

    public init(sha256: String, name: String, role: FileRole, mediaType: String, size: Int) {
        self.sha256 = sha256
        self.name = name
        self.role = role
        self.mediaType = mediaType
        self.size = size
    }
}

/// A letter mailed to the case's requester, as the server's outbox holds it.
public struct CaseLetterInfo: Hashable, Sendable {
    public let kind: String
    public let recipient: String
    /// `pending`, `sent` or `failed`.
    public let state: String
    public let attempts: Int
    public let lastError: String?
    public let sentAt: Date?

    public init(kind: String, recipient: String, state: String, attempts: Int, lastError: String?, sentAt: Date?) {
        self.kind = kind
        self.recipient = recipient
        self.state = state
        self.attempts = attempts
        self.lastError = lastError
        self.sentAt = sentAt
    }
}

/// Why the server did not list, take or give a file, in the officer's language.
public struct FileDeskFailure: Error, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}

/// Files on cases, kept on the central server: the app lists them, attaches one from a path, and
/// fetches one only when the officer opens it. The sync layer provides it; without sync there is none.
public protocol CaseFileDesk: Sendable {
    func files(of caseID: UUID) throws(FileDeskFailure) -> [CaseFileInfo]
    func attach(path: String, name: String, role: FileRole, to caseID: UUID) throws(FileDeskFailure) -> CaseFileInfo
    /// The letters mailed for the case and what became of them (a relay's refusal included).
    func letters(of caseID: UUID) throws(FileDeskFailure) -> [CaseLetterInfo]
    /// Fetches a file into the local files folder; its path there.
    func open(_ file: CaseFileInfo, of caseID: UUID) throws(FileDeskFailure) -> String
}
