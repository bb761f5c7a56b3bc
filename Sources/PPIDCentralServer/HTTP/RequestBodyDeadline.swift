import NIOCore
import NIOHTTPTypes

/// Closes a connection whose request body has not arrived in full within `limit` of its head: a
/// client that sends a body one byte at a time cannot hold a connection (and a handler) forever.
/// The time before a request's head is the idle timeout's (Hummingbird's connection state handler).
final class RequestBodyDeadline: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    private let limit: TimeAmount
    private var timer: Scheduled<Void>?

    init(limit: TimeAmount) {
        self.limit = limit
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            timer?.cancel()
            let loop = context.eventLoop.assumeIsolated()
            let channel = context.channel
            timer = loop.scheduleTask(in: limit) { channel.close(promise: nil) }
        case .end:
            timer?.cancel()
            timer = nil
        case .body:
            break
        }
        context.fireChannelRead(data)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        context.fireChannelInactive()
    }
}
