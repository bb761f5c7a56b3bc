import Foundation
import NIOSSL
import PostgresNIO

/// Where the central register lives on PostgreSQL: `postgres://USER[:PASSWORD]@HOST[:PORT]/DB`,
/// with `?sslmode=require` for TLS, or `?host=/var/run/postgresql` for the local socket.
public struct PostgresLocation: Sendable, CustomStringConvertible {
    public let username: String
    let password: String?
    public let host: String
    public let port: Int
    public let database: String
    public let socketPath: String?
    public let requireTLS: Bool

    /// Whether `text` names a PostgreSQL database rather than a file.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    public init(url text: String) throws(CentralError) {
        guard Self.isURL(text), let url = URLComponents(string: text), let user = url.user, !user.isEmpty else {
            throw .invalid(field: "--db", reason: "postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE")
        }
        let name = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
        guard !name.isEmpty else { throw .invalid(field: "--db", reason: "nama basis data / the database name: postgres://USER@HOST/DATABASE") }
        username = user.removingPercentEncoding ?? user
        password = url.password.map { $0.removingPercentEncoding ?? $0 }
        host = url.host.flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
        port = url.port ?? 5432
        database = name
        let query = Dictionary((url.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        socketPath = query["host"].flatMap { $0.hasPrefix("/") ? $0 + (($0.hasSuffix(".s.PGSQL.\(url.port ?? 5432)")) ? "" : "/.s.PGSQL.\(url.port ?? 5432)") : nil }
        switch query["sslmode"] ?? "disable" {
        case "disable", "allow", "prefer": requireTLS = false
        case "require", "verify-ca", "verify-full": requireTLS = true
        case let other: throw .invalid(field: "sslmode", reason: "\(other): disable atau require / disable or require")
        }
    }

    /// The URL without its password, for messages and logs.
    public var description: String {
        "postgres://\(username)@\(socketPath ?? "\(host):\(port)")/\(database)"
    }

    func configuration() throws -> PostgresConnection.Configuration {
        if let socketPath {
            return PostgresConnection.Configuration(unixSocketPath: socketPath, username: username, password: password, database: database)
        }
        let tls: PostgresConnection.Configuration.TLS = requireTLS ? .require(try NIOSSLContext(configuration: .makeClientConfiguration())) : .disable
        return PostgresConnection.Configuration(host: host, port: port, username: username, password: password, database: database, tls: tls)
    }
}
