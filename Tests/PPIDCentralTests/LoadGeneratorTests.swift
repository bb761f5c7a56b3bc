import Foundation
import Testing
@testable import PPIDCentral
@testable import PPIDDomain

/// The benchmarks' load (``CentralStore/generateLoad(unit:events:year:progress:)``): a history that
/// lies in the past, as a register's does.
@Suite("Benchmark load")
struct LoadGeneratorTests {
    let day = 86_400.0

    @Test("A load that fits before today starts on January 5; a longer one starts whole weeks earlier, on a Monday")
    func start() {
        let january5 = CentralStore.epoch(year: 2026)
        let farAhead = Date(timeIntervalSince1970: january5 + 3_000 * day)
        #expect(CentralStore.loadStart(events: 100_000, year: 2026, now: farAhead) == january5)

        let now = Date(timeIntervalSince1970: january5 + 337 * day)  // 2026-12-08
        let start = CentralStore.loadStart(events: 100_000, year: 2026, now: now)
        #expect(start < january5)
        #expect((january5 - start).truncatingRemainder(dividingBy: 7 * day) == 0)
        // The last case's receipt, and its last event (four hours after it), are before now.
        let last = CentralStore.loadReceipt(index: 100_000 / 5 - 1, from: start)
        #expect(last.addingTimeInterval(5 * 3_600) < now)
        // Not more than a few weeks earlier than it needs.
        #expect(last > now.addingTimeInterval(-21 * day))
        #expect(UnitZone.wib.civilDate(of: Date(timeIntervalSince1970: start + 3_600)).weekday == .monday)
    }

    @Test("Every generated event is before the store's clock, even when the year has barely begun")
    func historyInThePast() throws {
        let now = try #require(ISO8601DateFormatter().date(from: "2026-01-10T10:00:00Z"))
        let store = try CentralStore(path: try TestRegister.fresh(), clock: { now })
        try store.addUnit(code: "UTAMA", name: "PPID Utama", isMain: true)
        try store.addUnit(code: "HUMAS", name: "Humas")
        try store.generateLoad(unit: "HUMAS", events: 2_000)
        let payloads = try store.read { db in try db.rows("SELECT payload FROM ledger ORDER BY sequence", []).map { try $0.get(0, as: Data.self) } }
        #expect(payloads.count == 2_000)
        let envelopes = try payloads.map(CentralStore.decodeEnvelope)
        #expect(envelopes.allSatisfy { $0.meta.instant < now })
        // Moved back into the year before, not replayed: the first receipt is in December 2025.
        #expect(envelopes.first.map { UnitZone.wib.civilDate(of: $0.meta.instant).year } == 2025)
    }
}
