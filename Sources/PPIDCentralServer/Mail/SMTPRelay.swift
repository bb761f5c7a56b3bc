import Foundation

/// The relay letters are handed to: `smtp://[USER:PASSWORD@]HOST[:PORT]` (port 25 by default).
/// Plain SMTP, as to a relay on the body's own network or on this machine; AUTH PLAIN when a user
/// is given.
public struct SMTPRelay: Sendable, Hashable, CustomStringConvertible {
    public let host: String
    public let port: Int
    public let user: String?
    public let password: String?
    /// The sender address (`MAIL FROM` and the `From:` header).
    public let from: String

    public init(url: String, from: String) throws {
        guard let components = URLComponents(string: url), components.scheme?.lowercased() == "smtp",
              let host = components.host, !host.isEmpty else {
            throw MailFailure(permanent: true, reason: "--smtp harus smtp://HOST[:PORT] / --smtp must be smtp://HOST[:PORT] (given \(url))")
        }
        guard from.contains("@"), !from.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" }) else {
            throw MailFailure(permanent: true, reason: "--mail-from harus alamat email / --mail-from must be an email address (given \(from))")
        }
        self.host = host
        port = components.port ?? 25
        user = components.user?.removingPercentEncoding
        password = components.password?.removingPercentEncoding
        self.from = from
    }

    /// Without the password.
    public var description: String { "smtp://\(user.map { "\($0)@" } ?? "")\(host):\(port)" }
}

/// Why a letter was not handed over: `permanent` when the relay refused it for good (5xx).
public struct MailFailure: Error, CustomStringConvertible, Sendable {
    public let permanent: Bool
    public let reason: String
    public var description: String { reason }
}
