import Foundation
import GRDB

/// A running observation; stops when cancelled or released.
public final class ChangeObservation: Sendable {
    private let cancellable: AnyDatabaseCancellable

    init(_ cancellable: AnyDatabaseCancellable) { self.cancellable = cancellable }

    public func cancel() { cancellable.cancel() }
}

extension LocalStore {
    /// Calls `onChange` on the writer's own queue after each committed transaction that touched what
    /// the screens show. It never needs the main queue, so a curses loop blocked in `poll` still hears
    /// of it: the callback should only wake that loop (write a byte to a pipe).
    /// Changes made by another process are not seen here: poll ``latestEventSeq()`` for those.
    public func observeChanges(_ onChange: @escaping @Sendable () -> Void) throws(StoreError) -> ChangeObservation {
        let observation = DatabaseRegionObservation(tracking: [
            Table("requests"), Table("objections"), Table("disputes"), Table("dip_entries"), Table("outbox"), Table("sync_state"),
        ])
        return ChangeObservation(observation.start(in: pool, onError: { _ in }, onChange: { _ in onChange() }))
    }
}
