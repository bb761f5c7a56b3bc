import Dispatch
import GRDBSQLite
import Synchronization

/// Copies the write-ahead log back into the database on a thread of its own while a large pull
/// writes: otherwise SQLite does it inside the commit that crosses the log's size limit, and the
/// pull's writer waits for it (a tenth of an initial pull's writing).
///
/// It runs SQLite's passive checkpoint on a connection of its own, which waits for no reader or
/// writer: it copies what it can and leaves the rest. The writer's own checkpoint stays as the
/// fallback, at the size limit, should this one fall behind or fail to open.
final class BackgroundCheckpoint: Sendable {
    private let path: String
    private let queue = DispatchQueue(label: "ppid-store.checkpoint", qos: .utility)
    /// Whether a checkpoint waits on the queue: one at a time is enough, the next copies the rest.
    private let scheduled = Mutex(false)
    /// The checkpoint's connection, opened at the first one and closed by ``finish()``; used on the queue only.
    private let connection = Mutex<Connection?>(nil)

    /// A SQLite connection handle, only ever used on the checkpoint's queue.
    private struct Connection: @unchecked Sendable {
        let handle: OpaquePointer
    }

    init(path: String) {
        self.path = path
    }

    /// Asks for a checkpoint soon, unless one already waits.
    func request() {
        let alreadyScheduled = scheduled.withLock { waiting in
            defer { waiting = true }
            return waiting
        }
        guard !alreadyScheduled else { return }
        queue.async { [self] in
            scheduled.withLock { $0 = false }
            guard let handle = open() else { return }
            // PASSIVE: copies what no reader needs without waiting; a busy answer just means "later".
            _ = sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
        }
    }

    /// Waits for a checkpoint under way and closes the connection.
    func finish() {
        queue.sync { close() }
    }

    /// At the end of a large pull: copies the rest of the log into the database and empties it,
    /// so the next start does not read a large log first, then closes the connection. The pull
    /// does not wait for it. Skipped, harmlessly, while another connection reads or writes:
    /// SQLite empties the log later, at a checkpoint of its own or when the last connection closes.
    func finishTruncating() {
        queue.async { [self] in
            if let handle = open() {
                _ = sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_TRUNCATE, nil, nil)
            }
            close()
        }
    }

    // No work is queued at this point: each holds a reference to this object.
    deinit { close() }

    private func close() {
        if let open = connection.withLock({ current -> Connection? in
            defer { current = nil }
            return current
        }) {
            sqlite3_close_v2(open.handle)
        }
    }

    private func open() -> OpaquePointer? {
        if let open = connection.withLock({ $0 }) { return open.handle }
        var handle: OpaquePointer?
        // A new connection finds the log only once it reads the database: until then a checkpoint does nothing.
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK, let handle,
              sqlite3_exec(handle, "PRAGMA schema_version", nil, nil, nil) == SQLITE_OK else {
            if let handle { sqlite3_close_v2(handle) }
            return nil
        }
        connection.withLock { $0 = Connection(handle: handle) }
        return handle
    }
}
