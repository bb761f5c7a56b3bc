import Foundation
import Hummingbird
import PPIDCentral
import Synchronization

/// A server running in this process, for tests and benchmarks: started on a port (0 picks a free
/// one), stopped on demand, restartable on the same port.
public final class RunningServer: Sendable {
    public let port: Int
    private let task: Task<Void, any Error>

    private init(port: Int, task: Task<Void, any Error>) {
        self.port = port
        self.task = task
    }

    /// The base URL, e.g. `http://127.0.0.1:41234`.
    public var url: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// Starts `server` and returns once it listens.
    public static func start(_ server: CentralServer) async throws -> RunningServer {
        let (stream, continuation) = AsyncStream<Int>.makeStream()
        let app = server.application(logLevel: .critical, onRunning: { port in continuation.yield(port) })
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = stream.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        return RunningServer(port: port, task: task)
    }

    /// Stops the server and waits until it no longer listens.
    public func stop() async {
        task.cancel()
        _ = try? await task.value
    }
}
