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
    /// Fetches a file into the local files folder; its path there.
    func open(_ file: CaseFileInfo, of caseID: UUID) throws(FileDeskFailure) -> String
}
