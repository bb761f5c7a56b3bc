import Foundation
import PPIDWire

/// Where and how to sync: the server, the officer's token, page and batch sizes, patience.
public struct SyncSettings: Sendable {
    public var server: URL
    public var token: String
    /// The file the token came from: read again before every request, so a token file replaced
    /// on disk (a new token after a revocation) is used from the next sync on, without a restart.
    public var tokenFile: String?
    /// Events per pulled page and per pushed batch.
    public var pageSize = 2000
    public var pushBatch = 500
    /// How long one request may take.
    public var timeout: Duration = .seconds(30)
    /// Attempts per request before the sync gives up (until the next one).
    public var attempts = 5
    public var backoff = Backoff()
    /// A PEM file of the certificate authorities to trust for an `https` server (a body's own CA),
    /// instead of the system's; config `server_ca`.
    public var trustedCertificates: String?

    public init(server: URL, token: String) {
        self.server = server
        self.token = token
    }

    /// Settings from a server address and a token file, checking both.
    public static func load(server address: String?, tokenFile: String?, trustedCertificates: String? = nil) throws(SyncError) -> SyncSettings {
        guard let address, !address.isEmpty, let tokenFile, !tokenFile.isEmpty else { throw .notConfigured }
        guard let url = URL(string: address), let scheme = url.scheme, ["http", "https"].contains(scheme.lowercased()),
              url.host != nil else { throw .badServerAddress(address) }
        var settings = SyncSettings(server: url, token: try TokenFile.read(tokenFile))
        settings.tokenFile = tokenFile
        if let trustedCertificates, !trustedCertificates.isEmpty {
            let path = HomePath.expand(trustedCertificates)
            guard FileManager.default.isReadableFile(atPath: path) else { throw .certificatesUnreadable(path: path) }
            settings.trustedCertificates = path
        }
        return settings
    }
}

/// Reads an officer's token file, refusing one that others can read (as ssh does with keys).
public enum TokenFile {
    public static func read(_ path: String) throws(SyncError) -> String {
        let path = HomePath.expand(path)
        var info = stat()
        guard stat(path, &info) == 0 else { throw .tokenFileMissing(path: path) }
        guard info.st_mode & 0o077 == 0 else { throw .tokenFileExposed(path: path) }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
              case let token = text.trimmingCharacters(in: .whitespacesAndNewlines), !token.isEmpty else {
            throw .tokenFileMissing(path: path)
        }
        // Never echoed: a wrong file (a key, a note) must not end up in an error message or the database.
        guard isWellFormed(token) else { throw .tokenFileInvalid(path: path) }
        return token
    }

    /// A token is one line of visible ASCII (what `ppid-central token issue` writes), at most 512 bytes.
    public static func isWellFormed(_ token: String) -> Bool {
        !token.isEmpty && token.utf8.count <= 512 && token.utf8.allSatisfy { (0x21...0x7E).contains($0) }
    }
}

/// Exponential backoff with full jitter: attempt n waits a random time in [0, min(cap, base·2ⁿ)].
public struct Backoff: Sendable {
    public var base: Duration = .milliseconds(250)
    public var cap: Duration = .seconds(15)

    public init(base: Duration = .milliseconds(250), cap: Duration = .seconds(15)) {
        self.base = base
        self.cap = cap
    }

    /// The longest wait before attempt `attempt` (1 is the first retry).
    public func ceiling(attempt: Int) -> Duration {
        let factor = 1 << min(max(attempt - 1, 0), 20)
        return min(cap, base * factor)
    }

    /// A wait for `attempt`, drawn with `random` in [0, 1).
    public func delay(attempt: Int, random: Double) -> Duration {
        ceiling(attempt: attempt) * max(0, min(random, 1))
    }
}
