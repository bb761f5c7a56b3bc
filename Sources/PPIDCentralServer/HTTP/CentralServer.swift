import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import PPIDCentral

/// The `ppid-central` HTTP server: the API v1 over a ``CentralStore``.
public struct CentralServer: Sendable {
    public let store: CentralStore
    public let host: String
    public let port: Int
    /// Faults to inject, for tests and for trying a client against a bad link; nil in service.
    public let faults: FaultPlan?
    /// Timeouts, the connection limit and the per-token rate.
    public let limits: ServerLimits
    /// Where API calls, refused events and authentication failures are logged (nowhere by default:
    /// `serve` sets standard error).
    public let logger: Logger
    /// HTTPS with this certificate and key; plain HTTP (for loopback or behind a proxy) when nil.
    public let tls: ServerTLS?
    /// The public portal's templates (the built-in ones unless a body gave its own).
    public let portal: PortalConfiguration

    public init(store: CentralStore, host: String = "127.0.0.1", port: Int = 8080, faults: FaultPlan? = nil,
                limits: ServerLimits = ServerLimits(), logger: Logger = Logger(label: "ppid-central", factory: { _ in SwiftLogNoOpLogHandler() }),
                tls: ServerTLS? = nil, portal: PortalConfiguration = .builtIn) {
        self.store = store
        self.host = host
        self.port = port
        self.faults = faults
        self.limits = limits
        self.logger = logger
        self.tls = tls
        self.portal = portal
    }

    /// The router with every endpoint of ``Endpoint``, and the public portal.
    public func router() -> Router<CentralRequestContext> {
        let router = Router(context: CentralRequestContext.self)
        if let faults { router.add(middleware: FaultInjectionMiddleware(plan: faults)) }
        CentralAPI(store: store, rateLimiter: RateLimiter(capacity: limits.rateBurst, perSecond: limits.ratePerSecond), logger: logger)
            .register(on: router)
        Portal(store: store, templates: portal.templates, limiter: RateLimiter(capacity: limits.portalBurst, perMinute: limits.portalPerMinute))
            .register(on: router)
        return router
    }

    /// The application; `onRunning` gets the port actually bound (useful with port 0).
    public func application(logLevel: Logger.Level = .notice,
                            onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) throws -> some ApplicationProtocol {
        // Hummingbird's own messages go where ours do, in the same format (text or JSON). Its default
        // handler (swift-log's stream handler on standard output) also rebuilt its metadata's text at
        // each request, when the request's id is set: 2% of the server's CPU in a rush.
        var logger = self.logger
        logger.logLevel = logLevel
        let bodyTimeout = ServerLimits.timeAmount(limits.bodyTimeout)
        let http1 = HTTP1Channel.Configuration(
            additionalChannelHandlers: [RequestBodyDeadline(limit: bodyTimeout)],
            idleTimeout: ServerLimits.timeAmount(limits.idleTimeout),
            httpDecoderConfiguration: .init(maxHeaderFieldSize: 16 << 10, maxHeaderListSize: 64 << 10, maxHeaderFieldCount: 100))
        let server: HTTPServerBuilder = if let tls {
            try .tls(.http1(configuration: http1), tlsConfiguration: tls.configuration)
        } else {
            .http1(configuration: http1)
        }
        return Application(
            router: router(),
            server: server,
            configuration: .init(address: .hostname(host, port: port), serverName: "ppid-central",
                                 availableConnectionsDelegate: MaximumAvailableConnections(limits.effectiveMaximumConnections)),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }
}
