import Foundation
import NIOPosix
import Synchronization

/// Pulls waiting at the same moment, answered by one statement on PostgreSQL
/// (``PageQuestion/askGathered(_:in:)``). In a morning rush every terminal of a body asks for its
/// page at once; each question alone is a trip to the database, through PostgresNIO and back, and
/// those trips were most of what a rush cost the server beyond SQLite's. Here a pull joins the
/// ones waiting; a runner takes all of them (up to ``largest``) as one statement. At most
/// ``runners`` statements are out at a time, so under a light load a pull waits for no other
/// and is asked alone, as soon as it comes.
final class GatheredPulls: Sendable {
    /// One pull waiting for its answer.
    struct Waiting: Sendable {
        var question: GatheredQuestion
        var knownReference: Int64
        /// The client's highest known event: its number and id.
        var check: (sequence: Int64, id: UUID)?
        var answer: CheckedContinuation<Result<CentralStore.TokenPage, CentralError>, Never>
    }

    /// Statements out at once: one per core of this machine's kind, each a connection of the pool.
    static let runners = 2
    /// The most pulls in one statement: a larger gathering would hold its first pull back for the rows of all.
    static let largest = 100

    private let state = Mutex<(waiting: [Waiting], running: Int)>(([], 0))
    /// The runners' threads, their own: a runner waits on the database, and a thread of Dispatch's
    /// or of Swift's pool (about one per core) held there would hold back everything else.
    private static let threads: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: runners)
        pool.start()
        return pool
    }()

    /// Waits with the others for `question`'s answer. A runner started for it answers every
    /// gathering it takes with `answer` (the store's, the same for every pull of this gatherer),
    /// on one of its threads, and resumes each pull with its own answer.
    func ask(_ question: GatheredQuestion, knownReference: Int64, check: (sequence: Int64, id: UUID)?,
             answer: @escaping @Sendable ([Waiting]) -> Void) async -> Result<CentralStore.TokenPage, CentralError> {
        await withCheckedContinuation { continuation in
            let start = state.withLock { state -> Bool in
                state.waiting.append(Waiting(question: question, knownReference: knownReference, check: check, answer: continuation))
                guard state.running < Self.runners else { return false }
                state.running += 1
                return true
            }
            guard start else { return }
            Self.threads.submit { _ in
                while let gathered = self.take() { answer(gathered) }
            }
        }
    }

    /// The pulls waiting now (up to ``largest``, the oldest first), or nil when none is, the runner then done.
    private func take() -> [Waiting]? {
        state.withLock { state -> [Waiting]? in
            guard !state.waiting.isEmpty else {
                state.running -= 1
                return nil
            }
            let count = min(state.waiting.count, Self.largest)
            let gathered = Array(state.waiting.prefix(count))
            state.waiting.removeFirst(count)
            return gathered
        }
    }
}
