import NIOPosix

/// Runs blocking database work off the server's event loops and its tasks' threads, on threads
/// of its own: as many as may usefully wait on the database at once (PostgreSQL's pool of eight
/// connections, with room for SQLite's writer queue). Dispatch's global queue kept about as many
/// threads as cores, each idle while its query crossed to PostgreSQL and back, so a rush of
/// pulls queued behind two or three of them.
func offload<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await BlockingWork.pool.runIfActive(body)
}

enum BlockingWork {
    static let threads = 10
    static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
        return pool
    }()
}
