import Foundation
import Hummingbird
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

    public init(store: CentralStore, host: String = "127.0.0.1", port: Int = 8080, faults: FaultPlan? = nil) {
        self.store = store
        self.host = host
        self.port = port
        self.faults = faults
    }

    /// The router with every endpoint of ``Endpoint``.
    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        if let faults { router.add(middleware: FaultInjectionMiddleware(plan: faults)) }
        CentralAPI(store: store).register(on: router)
        return router
    }

    /// The application; `onRunning` gets the port actually bound (useful with port 0).
    public func application(logLevel: Logger.Level = .notice,
                            onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        var logger = Logger(label: "ppid-central")
        logger.logLevel = logLevel
        return Application(
            router: router(),
            configuration: .init(address: .hostname(host, port: port), serverName: "ppid-central"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }
}
