import Foundation
import GRDB
import Testing
import PPIDCentral
import PPIDDomain
@testable import PPIDStore
import PPIDSync
import PPIDWire

/// A pull of more than one page indexes search once at the end instead of row by row; a pull cut
/// short never leaves the search behind for good.
@Suite("Sync: large pulls")
struct BulkPullTests {
    @Test("After a pull of many pages, every pulled request is found by search and counted, and local work is indexed again")
    func searchCaughtUp() async throws {
        let world = try await SyncWorld()
        defer { Task { await world.stop() } }
        try await world.seed(count: 24) { "Pemohon Nomor\($0)" }
        let a = try world.terminal("a")
        let report = try await world.sync(a, officer: "rina", pageSize: 5)
        #expect(report.pulled == 24)
        #expect(try a.syncValue("searchSuspended") == nil)
        #expect(try a.searchRequests("Pemohon").hitCount == 24)
        #expect(try a.searchRequests("Nomor17").rows.count == 1)
        #expect(try a.requestCounts().values.reduce(0, +) == 24)
        // The rebuild's larger index buffer is not kept for the terminal's own edits.
        let buffers = try a.read { db in
            try Int.fetchAll(db, sql: """
                SELECT v FROM dip_fts_config WHERE k = 'hashsize' UNION ALL SELECT v FROM request_fts_config WHERE k = 'hashsize'
                """)
        }
        #expect(buffers == [1 << 20, 1 << 20])
        // The triggers are back: a request registered here is found and counted at once.
        _ = try Work.register(a, unit: "HUMAS", name: "Kartini Setempat")
        #expect(try a.searchRequests("Kartini").rows.count == 1)
        #expect(try a.requestCounts().values.reduce(0, +) == 25)
    }

    @Test("A pull that fails half-way still leaves every applied page searchable")
    func failedHalfWay() async throws {
        let world = try await SyncWorld()
        defer { Task { await world.stop() } }
        try await world.seed(count: 20) { "Pemohon Nomor\($0)" }
        let a = try world.terminal("a")
        world.faults.inject(.delay(milliseconds: 0), on: .changes)  // the first page arrives
        for _ in 0..<10 { world.faults.inject(.malformed, on: .changes) }
        await #expect(throws: SyncError.self) { try await world.sync(a, officer: "rina", pageSize: 5, attempts: 2) }
        let held = try a.eventCount()
        #expect(held > 0 && held < 20)
        #expect(try a.syncValue("searchSuspended") == nil)
        #expect(try a.searchRequests("Pemohon").hitCount == held)
    }

    @Test("A pull killed mid-way (indexing suspended, never resumed) is caught up when the database is next opened")
    func repairedAtOpen() async throws {
        let world = try await SyncWorld()
        defer { Task { await world.stop() } }
        try await world.seed(count: 12) { "Pemohon Nomor\($0)" }
        let path = world.folder + "/killed.sqlite"
        do {
            let store = try LocalStore(path: path, workstation: Workstation(officer: "rina", terminal: "a"))
            try store.beginBulkPull()
            let page = try world.store.changes(after: 0, limit: 100, for: Principal(officer: "rina", unit: "HUMAS", isMain: false),
                                               knownReference: -1)
            try store.applyPull(PulledPage(events: page.events.map { PulledEvent(envelope: $0.envelope, sequence: $0.sequence!) },
                                           nextCursor: page.nextCursor, reference: nil))
            #expect(try store.searchRequests("Pemohon").hitCount == 0, "indexing is suspended: the rows are not searchable yet")
            // The process dies here: no finishBulkPull.
        }
        let reopened = try LocalStore(path: path, workstation: Workstation(officer: "rina", terminal: "a"))
        #expect(try reopened.syncValue("searchSuspended") == nil)
        #expect(try reopened.searchRequests("Pemohon").hitCount == 12)
        #expect(try reopened.requestCounts().values.reduce(0, +) == 12)
    }
}
