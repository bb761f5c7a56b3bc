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
        let app = try server.application(logLevel: .critical, onRunning: { port in continuation.yield(port) })
        let task = Task {
            // Ends the wait below too when the server cannot start (a port still taken, say).
            defer { continuation.finish() }
            try await app.runService(gracefulShutdownSignals: [])
        }
        var iterator = stream.makeAsyncIterator()
        guard let port = await iterator.next() else {
            _ = try await task.value
            throw CentralError.invalid(field: "port", reason: "the server stopped before listening on \(server.port)")
        }
        return RunningServer(port: port, task: task)
    }

    /// Stops the server and waits until it no longer listens (graceful: requests in flight finish),
    /// for at most `patience`.
    public func stop(patience: Duration = .seconds(10)) async {
        task.cancel()
        let task = self.task
        await withTaskGroup(of: Void.self) { group in
            group.addTask { _ = try? await task.value }
            group.addTask { try? await Task.sleep(for: patience) }
            await group.next()
            group.cancelAll()
        }
    }
}
