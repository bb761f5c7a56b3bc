import Hummingbird
import NIOCore

/// The server's request context: Hummingbird's basic one and the peer's address, by which the
/// portal limits what one address may submit (the public has no token to count by).
public struct CentralRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The peer's IP address as text ("unknown" when the channel has none, as in-process tests may).
    var peer: String { remoteAddress?.ipAddress ?? "unknown" }
}
