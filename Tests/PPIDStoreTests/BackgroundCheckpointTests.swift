import Foundation
import GRDB
import Testing
@testable import PPIDStore

/// A large pull's write-ahead log is copied back into the database on a thread of its own.
@Suite("Checkpoints during a large pull")
struct BackgroundCheckpointTests {
    /// The requests the database file holds without its log: what a checkpoint has copied into it.
    func requestsInFileAlone(_ path: String, copy: String) throws -> Int? {
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        let queue = try DatabaseQueue(path: copy)
        return try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM requests") }
    }

    @Test("The log's committed pages reach the database file")
    func copiesTheLog() throws {
        let folder = temporaryFolder()
        let path = folder + "/store.sqlite"
        let (store, clock) = try makeStore(path: path)
        for _ in 0..<30 { try store.registerRequest(sampleRegistration(at: clock)) }
        // Before: the registrations are in the log only (the file alone has fewer, or no table yet).
        let before = try? requestsInFileAlone(path, copy: folder + "/before.sqlite")
        #expect(before != 30)
        store.checkpointDuringBulkPull()
        store.backgroundCheckpoint.finish()
        #expect(try requestsInFileAlone(path, copy: folder + "/after.sqlite") == 30)
        // The store goes on as before, and asking again is harmless.
        try store.registerRequest(sampleRegistration(at: clock))
        store.checkpointDuringBulkPull()
        store.backgroundCheckpoint.finish()
        #expect(try store.requests().count == 31)
    }

    @Test("The end of a large pull empties the log on the checkpoint's thread")
    func emptiesTheLogAtTheEnd() throws {
        let folder = temporaryFolder()
        let path = folder + "/store.sqlite"
        let (store, clock) = try makeStore(path: path)
        try store.beginBulkPull()
        for _ in 0..<30 { try store.registerRequest(sampleRegistration(at: clock)) }
        func logSize() -> Int { (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? -1 }
        #expect(logSize() > 0)
        try store.finishBulkPull()
        store.backgroundCheckpoint.finish()  // waits for what the end of the pull asked of the thread
        #expect(logSize() == 0)
        #expect(try requestsInFileAlone(path, copy: folder + "/after.sqlite") == 30)
        // The store goes on as before, and the next large pull checkpoints again.
        try store.beginBulkPull()
        try store.registerRequest(sampleRegistration(at: clock))
        try store.finishBulkPull()
        store.backgroundCheckpoint.finish()
        #expect(try store.requests().count == 31)
        #expect(logSize() == 0)
    }

    @Test("A database it cannot open is left alone: nothing created, nothing thrown")
    func cannotOpen() throws {
        let path = temporaryFolder() + "/missing/store.sqlite"
        let checkpoint = BackgroundCheckpoint(path: path)
        checkpoint.request()
        checkpoint.request()
        checkpoint.finishTruncating()
        checkpoint.finish()
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
