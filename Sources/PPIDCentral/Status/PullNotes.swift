import Foundation
import Synchronization

/// The pulls noted since the last write, per token: kept in memory and written in one transaction
/// at most once a second, so a pull (the morning rush's four hundred at once, most with nothing
/// new) reads the register and writes nothing. The administrator's status lags by a second.
final class PullNotes: Sendable {
    struct Note {
        var at: Double
        var cursor: Int64
        var version: String?
    }

    private let pending = Mutex<[Int64: Note]>([:])
    /// Whether a write is due within the second. It runs on a Dispatch thread, not as a task: the
    /// server's tasks may run on its event loops, where a write (or PostgreSQL's wait) may not block.
    private let scheduled = Mutex(false)

    /// Notes a pull; the first note after a quiet spell starts the once-a-second writer.
    func note(token: Int64, at: Double, cursor: Int64, version: String?, flush: @escaping @Sendable () -> Void) {
        pending.withLock { pending in
            var note = pending[token] ?? Note(at: at, cursor: cursor, version: version)
            note.at = max(note.at, at)
            note.cursor = max(note.cursor, cursor)
            note.version = version ?? note.version
            pending[token] = note
        }
        let start = scheduled.withLock { scheduled in
            defer { scheduled = true }
            return !scheduled
        }
        if start { DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + 1) { flush() } }
    }

    /// Takes every pending note (the writer calls this, then writes them).
    func take() -> [Int64: Note] {
        scheduled.withLock { $0 = false }
        return pending.withLock { pending in
            defer { pending.removeAll() }
            return pending
        }
    }
}
