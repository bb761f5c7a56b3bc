import Foundation
import Testing
import PPIDCentral
import PPIDDomain
@testable import PPIDStore
import PPIDSync
import PPIDWire

/// Cases folded ahead of a page's write give the same projections as folding at the write, and a
/// fold made under other settings, or over other events, is never taken.
@Suite("Sync: cases folded ahead")
struct PrefoldTests {
    static func page(_ world: SyncWorld) throws -> PulledPage {
        let page = try world.store.changes(after: 0, limit: 100, for: Principal(officer: "rina", unit: "HUMAS", isMain: false),
                                           knownReference: -1)
        return PulledPage(events: page.events.map { PulledEvent(envelope: $0.envelope, sequence: $0.sequence!) },
                          nextCursor: page.nextCursor, reference: nil)
    }

    @Test("A page written with its cases folded ahead holds what the server holds, as one written without")
    func sameProjections() async throws {
        let world = try await SyncWorld()
        defer { Task { await world.stop() } }
        try await world.seed(count: 8) { "Pemohon \($0)" }
        let plain = try world.terminal("plain")
        let ahead = try world.terminal("ahead")
        let page = try Self.page(world)
        try plain.applyPull(page)
        var folded = page
        folded.prefolded = ahead.prefold(page.events)
        #expect(folded.prefolded?.cases.count == 8)
        try ahead.applyPull(folded)
        let expected = try world.store.caseRecords(unit: "HUMAS")
        #expect(try plain.allCaseRecords() == expected)
        #expect(try ahead.allCaseRecords() == expected)
        // The projections the screens read, written from the folds taken ahead.
        #expect(try Set(ahead.requests()) == Set(plain.requests()))
        #expect(try ahead.requests().count == 8)
        #expect(try ahead.requestCounts() == plain.requestCounts())
    }

    @Test("A fold made under older settings, or over fewer events than the page adds, is not taken")
    func staleFoldIgnored() async throws {
        let world = try await SyncWorld()
        defer { Task { await world.stop() } }
        try await world.seed(count: 3) { "Pemohon \($0)" }
        let page = try Self.page(world)
        let expected = try world.store.caseRecords(unit: "HUMAS")
        let ids = Array(Set(page.events.map(\.envelope.event.caseID)))
        // Each case given another case's record: taken, it would show in the projections.
        let wrong = try #require(expected[ids[0]])
        for (generation, events) in [(-1, nil), (nil, 1)] as [(Int?, Int?)] {
            let store = try world.terminal("t\(generation ?? 0)\(events ?? 0)")
            let current = store.unitContextsWithGeneration.1
            var stale = page
            stale.prefolded = PrefoldedCases(generation: generation ?? current, cases: Dictionary(uniqueKeysWithValues: ids.map { id in
                (id, (events: page.events.filter { $0.envelope.event.caseID == id }.count + (events ?? 0), record: Optional(wrong),
                      rejected: [(EventEnvelope, EventRejection)]()))
            }))
            try store.applyPull(stale)
            // The projections (not the log, which is folded afresh) show which fold was written.
            #expect(try store.requestCounts().values.reduce(0, +) == 3)
            #expect(try store.searchRequests("Pemohon").hitCount == 3)
        }
    }
}
