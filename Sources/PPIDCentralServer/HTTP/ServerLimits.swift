import Foundation
import NIOCore

/// How much the server gives any one connection or token: the limits that keep it serving under
/// abuse (slow or half-open connections, a client in a loop). Documented in the README.
public struct ServerLimits: Sendable {
    /// A connection with no request in flight is closed after this long; it also bounds the time
    /// a client may take to send a request's headers.
    public var idleTimeout: Duration = .seconds(20)
    /// A request's body must arrive in full within this long of its headers.
    public var bodyTimeout: Duration = .seconds(120)
    /// Connections served at once; more wait to be accepted. Kept below the process's file limit.
    public var maximumConnections: Int = 4_096
    /// Requests per token: a burst of `rateBurst`, then `ratePerSecond` on average.
    public var rateBurst: Int = 200
    public var ratePerSecond: Int = 50
    /// Portal forms posted per address (request, status, objection, download): a burst of
    /// `portalBurst`, then `portalPerMinute` a minute.
    public var portalBurst: Int = 20
    public var portalPerMinute: Int = 10

    public init() {}

    /// The connection limit, lowered to leave room under the file limit of this process (for the
    /// database, logs and the listening socket).
    public var effectiveMaximumConnections: Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return min(maximumConnections, 900) }
        let files = Int(clamping: limit.rlim_cur)
        return max(16, min(maximumConnections, files - 128))
    }

    /// Raises this process's soft file limit to its hard limit, so the connection limit, not the
    /// file limit, is what a flood of connections meets first. For the server's own process only.
    public static func raiseFileLimit() {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        .nanoseconds(Int64(duration.components.seconds) * 1_000_000_000 + Int64(duration.components.attoseconds / 1_000_000_000))
    }
}
