import Foundation
import GRDB
import Testing
@testable import PPIDDomain
@testable import PPIDStore

/// A pulled page's events go into the log many rows per statement; each must still be known as
/// added or already held, exactly as one insert per event would tell.
@Suite("Pulled events inserted in batches")
struct EventBatchInsertTests {
    /// `count` registrations, each its own case, numbered from `first`.
    static func pulled(_ count: Int, from first: Int64, clock: TestClock) -> [PulledEvent] {
        (0..<count).map { index in
            var registration = sampleRegistration(name: "Pemohon \(index)", at: clock)
            registration.registrationNumber = "\(first + Int64(index))/PPID-HUMAS/2026"
            let meta = EventMeta(officer: "rina", instant: clock.date, localDate: d("2026-03-02"))
            return PulledEvent(envelope: EventEnvelope(meta: meta, event: .request(registration.id, .registered(registration))),
                               sequence: first + Int64(index))
        }
    }

    @Test("Held ids in full chunks and in the tail, and an id given twice, are told apart; the rest go in in page order")
    func heldAndRepeated() throws {
        let (store, clock) = try makeStore()
        let earlier = Self.pulled(130, from: 1, clock: clock)
        // Held before: three in the first chunk, one in the second, one in the tail.
        let heldIndices: Set<Int> = [0, 7, 49, 73, 120]
        var added: [Bool] = []
        try store.write { db in
            _ = try EventBatchInsert(db: db)(heldIndices.sorted().map { earlier[$0] })
        }
        var page = earlier
        page.insert(earlier[10], at: 30)  // given twice in the first chunk: counts once, at its first place
        added = try store.write { db in try EventBatchInsert(db: db)(page) }
        #expect(added.count == page.count)
        var expected = page.enumerated().map { position, event in
            !heldIndices.contains(earlier.firstIndex { $0.envelope.meta.id == event.envelope.meta.id } ?? -1)
        }
        expected[30] = false
        #expect(added == expected)
        let logged = try store.read { db in try String.fetchAll(db, sql: "SELECT uuid FROM events ORDER BY seq") }
        #expect(logged.count == 130)
        #expect(Set(logged).count == 130, "each event once")
        let newOnes = page.enumerated().filter { expected[$0.offset] }.map(\.element.envelope.meta.id.text)
        #expect(Array(logged.suffix(newOnes.count)) == newOnes, "added in page order, after the ones held")
        let stored = try store.read { db in
            try Row.fetchOne(db, sql: "SELECT case_kind, name, officer, local_date, terminal, origin, server_seq, payload FROM events WHERE uuid = ?",
                             arguments: [page[60].envelope.meta.id.text])
        }
        let row = try #require(stored)
        #expect(row["case_kind"] == "request")
        #expect(row["name"] == page[60].envelope.event.name)
        #expect(row["officer"] == "rina")
        #expect(row["local_date"] == "2026-03-02")
        #expect(row["terminal"] == "pusat")
        #expect(row["origin"] == "central")
        #expect(row["server_seq"] == page[60].sequence)
        let payload: Data = row["payload"]
        #expect(try EventCoding.decoder().decode(EventEnvelope.self, from: payload) == page[60].envelope)
    }

    @Test("Every column of every row is the event's, in full chunks and in the tail, its payload stored as it came or encoded")
    func everyColumn() throws {
        let (store, clock) = try makeStore()
        var page = Self.pulled(123, from: 1, clock: clock).enumerated().map { index, event in
            // Every other one comes with its bytes, which are stored as they are (here with a space
            // the encoder would not write); an officer may be empty text, which is not NULL.
            let officer = index % 5 == 0 ? "" : index % 7 == 0 ? "Ñoño Ágúst" : "rina"
            let meta = EventMeta(id: event.envelope.meta.id, officer: officer, instant: clock.date.addingTimeInterval(Double(index) + 0.25),
                                 localDate: d("2026-03-02"))
            let envelope = EventEnvelope(meta: meta, event: event.envelope.event)
            let encoded = (try? EventCoding.encoder().encode(envelope)) ?? Data()
            return PulledEvent(envelope: envelope, sequence: event.sequence, payload: index.isMultiple(of: 2) ? Data(" ".utf8) + encoded : nil)
        }
        page[3] = PulledEvent(envelope: page[3].envelope, sequence: page[3].sequence, payload: Data())
        let added = try store.write { db in try EventBatchInsert(db: db)(page) }
        #expect(added == Array(repeating: true, count: page.count))
        let rows = try store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT uuid, case_kind, case_uuid, name, officer, instant, local_date, terminal, origin, server_seq, payload
                FROM events ORDER BY seq
                """)
        }
        #expect(rows.count == page.count)
        for (row, event) in zip(rows, page) {
            let envelope = event.envelope
            #expect(row["uuid"] == envelope.meta.id.uuidString)
            #expect(row["case_kind"] == envelope.event.caseKind.rawValue)
            #expect(row["case_uuid"] == envelope.event.caseID.uuidString)
            #expect(row["name"] == envelope.event.name)
            #expect(row["officer"] as String? == envelope.meta.officer)
            #expect(row["instant"] == envelope.meta.instant.timeIntervalSince1970)
            #expect(row["local_date"] == envelope.meta.localDate.iso)
            #expect(row["terminal"] == "pusat")
            #expect(row["origin"] == "central")
            #expect(row["server_seq"] == event.sequence)
            let payload: Data = row["payload"]
            if let given = event.payload {
                #expect(payload == given)
            } else {
                #expect(try EventCoding.decoder().decode(EventEnvelope.self, from: payload) == envelope)
            }
        }
    }

    @Test("A page applied with held and repeated events counts them, and its cases are projected once each")
    func throughThePull() throws {
        let (store, clock) = try makeStore()
        let events = Self.pulled(107, from: 1, clock: clock)
        try store.applyPull(PulledPage(events: Array(events.prefix(55)), nextCursor: 55, reference: nil))
        // The same events again under an older cursor (a server restored), then the rest, one repeated.
        try store.write { db in try db.execute(sql: "UPDATE sync_state SET value = '0' WHERE key = 'cursor'") }
        var page = events
        page.append(PulledEvent(envelope: events[80].envelope, sequence: 108))
        let applied = try store.applyPull(PulledPage(events: page, nextCursor: 108, reference: nil))
        #expect(applied.added == 52)
        #expect(applied.alreadyHeld == 56)
        #expect(try store.eventCount() == 107)
        #expect(try store.allCaseRecords().count == 107)
    }
}
