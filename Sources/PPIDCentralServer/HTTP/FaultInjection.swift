import Foundation
import Hummingbird
import PPIDWire
import Synchronization

/// Faults to inject into the next answers, for the sync tests and for trying a client against a bad
/// link (`ppid-central serve --faults`). Each queued fault is used once, by the next matching request.
public final class FaultPlan: Sendable {
    public enum Fault: Sendable, Hashable {
        /// Answer with this HTTP status and a JSON error.
        case status(Int)
        /// Send the first half of the real body only.
        case truncated
        /// Send a 200 whose body is not JSON.
        case malformed
        /// Wait this long before answering (longer than the client's timeout: a timeout).
        case delay(milliseconds: Int)
        /// Send the caller's previous changes page again instead of the one asked for.
        case duplicatePreviousPage
    }

    private struct State {
        var queue: [(Endpoint?, Fault)] = []
        /// The last changes page sent to each token.
        var lastChangesPage: [String: (HTTPFields, [UInt8])] = [:]
        var injected: [Fault] = []
        var random: (rate: Double, seed: UInt64)?
    }

    private let state = Mutex(State())

    public init() {}

    /// Queues a fault for the next request to `endpoint` (any endpoint when nil).
    public func inject(_ fault: Fault, on endpoint: Endpoint? = nil) {
        state.withLock { $0.queue.append((endpoint, fault)) }
    }

    /// Injects a random fault into a share of the requests, from a seeded generator.
    public func injectRandomly(rate: Double, seed: UInt64) {
        state.withLock { $0.random = (rate, seed) }
    }

    /// The faults used so far, in order.
    public var injected: [Fault] { state.withLock { $0.injected } }

    func take(for endpoint: Endpoint) -> Fault? {
        state.withLock { state in
            if let index = state.queue.firstIndex(where: { $0.0 == nil || $0.0 == endpoint }) {
                let fault = state.queue.remove(at: index).1
                state.injected.append(fault)
                return fault
            }
            guard var random = state.random, endpoint != .health else { return nil }
            // xorshift: reproducible from the seed.
            random.seed ^= random.seed << 13; random.seed ^= random.seed >> 7; random.seed ^= random.seed << 17
            state.random = random
            let roll = Double(random.seed % 10_000) / 10_000
            guard roll < random.rate else { return nil }
            let choices: [Fault] = [.status(503), .status(500), .truncated, .malformed, .duplicatePreviousPage]
            let fault = choices[Int(random.seed / 10_000 % UInt64(choices.count))]
            state.injected.append(fault)
            return fault
        }
    }

    func remember(page: [UInt8], headers: HTTPFields, for caller: String) {
        state.withLock { $0.lastChangesPage[caller] = (headers, page) }
    }

    func previousPage(for caller: String) -> (HTTPFields, [UInt8])? { state.withLock { $0.lastChangesPage[caller] } }
}

/// Applies a ``FaultPlan`` in front of the API.
struct FaultInjectionMiddleware: RouterMiddleware {
    typealias Context = CentralRequestContext
    let plan: FaultPlan

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let endpoint = Endpoint.allCases.first(where: { $0.path == request.uri.path && $0.method == request.method }) else {
            return try await next(request, context)
        }
        let caller = request.headers[.authorization] ?? ""
        var fault = plan.take(for: endpoint)
        if fault == .duplicatePreviousPage {
            if endpoint == .changes, let (headers, page) = plan.previousPage(for: caller) {
                return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: page)))
            }
            fault = nil  // Nothing to repeat yet: answer normally (and remember it).
        }
        switch fault {
        case let .status(code):
            let status = HTTPResponse.Status(code: code)
            let body = WireError(error: "injected", message: "Gangguan buatan (uji): \(code)", messageEnglish: "Injected fault (test): \(code)")
            return Response(status: status, headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(bytes: (try? WireCoding.encoder().encode(body)) ?? Data())))
        case .malformed:
            return Response(status: .ok, headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(string: "{\"events\":[{\"envelope\":<html>Bad Gateway")))
        case let .delay(milliseconds):
            try await Task.sleep(for: .milliseconds(milliseconds))
            return try await next(request, context)
        case .truncated, .duplicatePreviousPage, nil:
            let response = try await next(request, context)
            guard fault == .truncated || (endpoint == .changes && response.status == .ok) else { return response }
            let collector = CollectingWriter()
            let body = response.body
            try await body.write(collector.writer)
            let bytes = collector.bytes()
            var headers = response.headers
            headers[.contentLength] = nil
            if fault == .truncated {
                return Response(status: response.status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes.prefix(bytes.count / 2))))
            }
            plan.remember(page: bytes, headers: headers, for: caller)
            return Response(status: response.status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }
}

/// Collects a response body in memory (only where faults are injected).
struct CollectingWriter {
    final class Box: @unchecked Sendable { var bytes: [UInt8] = [] }
    let box = Box()

    var writer: any ResponseBodyWriter { Writer(box: box) }
    func bytes() -> [UInt8] { box.bytes }

    struct Writer: ResponseBodyWriter {
        let box: Box
        mutating func write(_ buffer: ByteBuffer) async throws { box.bytes.append(contentsOf: buffer.readableBytesView) }
        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }
}
