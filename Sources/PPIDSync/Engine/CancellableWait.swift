/// The sync's steps run as tasks of their own (a page fetched while the one before is written, a
/// batch sent while the answer to the one before is recorded), which do not inherit the sync's
/// cancellation. Waiting for one through this passes it on: a sync that is cancelled (the app
/// closing, the officer stopping it) stops its request at once instead of at the answer's deadline.
extension Task where Failure == Never {
    /// The task's value; cancelling the task that waits for it cancels this one.
    var valueCancelledWithWaiter: Success {
        get async {
            await withTaskCancellationHandler { await self.value } onCancel: { self.cancel() }
        }
    }
}

extension Task where Failure == any Error {
    /// The task's value or error; cancelling the task that waits for it cancels this one.
    var valueCancelledWithWaiter: Success {
        get async throws {
            try await withTaskCancellationHandler { try await self.value } onCancel: { self.cancel() }
        }
    }
}
