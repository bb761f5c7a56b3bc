import Foundation
import Testing
@testable import PPIDCentral
@testable import PPIDDomain
@testable import PPIDWire

/// A large push writes its rows ahead on PostgreSQL (``PushBatch/flushIfLarge()``): the database
/// inserts them while the server checks the next events. On both engines the ledger must come out
/// the same: every event, in order, numbered without a gap; a failed write ahead fails its
/// transaction with its own reason and leaves nothing behind.
@Suite("Writes sent ahead")
struct WritesAheadTests {
    let formatter = ISO8601DateFormatter()
    let humas = Principal(officer: "rina", unit: "HUMAS", isMain: false)
    let main = Principal(officer: "ratna", unit: "UTAMA", isMain: true)

    func makeStore() throws -> CentralStore {
        let store = try CentralStore(path: try TestRegister.fresh())
        try store.addUnit(code: "UTAMA", name: "PPID Utama", isMain: true)
        try store.addUnit(code: "HUMAS", name: "Humas")
        return store
    }

    func wire(_ event: DomainEvent, day: String) -> WireEvent {
        let meta = EventMeta(officer: "rina", instant: formatter.date(from: "\(day)T03:00:00Z")!, localDate: CivilDate(iso: day)!)
        return WireEvent(envelope: EventEnvelope(meta: meta, event: event), unit: "HUMAS", sequence: nil)
    }

    func registration(_ number: Int) -> RequestRegistration {
        RequestRegistration(registrationNumber: "\(number)/PPID-HUMAS/III/2026", unit: "HUMAS",
                            receivedAt: formatter.date(from: "2026-03-02T02:00:00Z")!, channel: .webPortal,
                            requester: Requester(name: "Siti", nik: "3171234567890002", address: "Jakarta"),
                            information: "Data", purpose: "Riset")
    }

    @Test("A push of thousands, with a check of another case and a refusal among them, is stored whole, in order, without a gap")
    func largePushInOrder() throws {
        let store = try makeStore()
        let registrations = (1...1_300).map(registration)
        var events = registrations.map { wire(.request($0.id, .registered($0)), day: "2026-03-02") }
        // An objection against a request of the batch not yet written: its check reads the ledger,
        // so the rows gathered so far are written first, and the read must see them.
        let target = registrations[649]
        let objection = ObjectionFiling(number: "K-1", requestID: target.id, requestNumber: target.registrationNumber, unit: "HUMAS",
                                        filedBy: "Siti", grounds: [.c], groundsAroseOn: CivilDate(iso: "2026-03-03")!)
        events.insert(wire(.objection(objection.id, .filed(objection)), day: "2026-03-04"), at: 700)
        // A number already taken in the batch: refused, in memory, between two writes ahead.
        var twice = registration(3)
        twice.registrationNumber = registrations[2].registrationNumber
        events.insert(wire(.request(twice.id, .registered(twice)), day: "2026-03-02"), at: 1_100)

        let outcomes = try store.push(PushRequest(events: events), as: humas).outcomes
        #expect(outcomes.count == 1_302)
        #expect(outcomes[700].status == .accepted, "\(outcomes[700].reasonEnglish ?? "")")
        #expect(outcomes[1_100].status == .rejected)
        let accepted = outcomes.compactMap(\.sequence)
        #expect(accepted == Array(1...1_301), "numbered in the push's order, without a gap")
        #expect(try store.latestSequence() == 1_301)
        #expect(try store.integrityCheck())
        var pulled: [UUID] = []
        var cursor: Int64 = 0
        while true {
            let page = try store.changes(after: cursor, limit: 500, for: main)
            pulled += page.events.map(\.envelope.meta.id)
            cursor = page.nextCursor
            if !page.hasMore { break }
        }
        let expected = events.enumerated().filter { outcomes[$0.offset].status == .accepted }.map(\.element.envelope.meta.id)
        #expect(pulled == expected, "a pull brings every accepted event, in the push's order")
        // Pushed again (a terminal that lost the answer): the same numbers, nothing added.
        let again = try store.push(PushRequest(events: events), as: humas).outcomes
        #expect(again.compactMap(\.sequence) == accepted)
        #expect(try store.latestSequence() == 1_301)
    }

    @Test("A write sent ahead that fails fails its transaction with its own reason, and nothing of the transaction stays")
    func failedWriteAhead() throws {
        let store = try makeStore()
        do {
            try store.write { db in
                try db.executeAhead("INSERT INTO units(code, name) VALUES ('AHEAD', 'Ahead')", [])
                try db.executeAhead("INSERT INTO no_such_table(x) VALUES (1)", [])
                _ = try db.query("SELECT 1", [])
            }
            Issue.record("the transaction should have failed")
        } catch {
            #expect("\(error)".contains("no_such_table"), "the failed statement's own reason: \(error)")
        }
        #expect(try store.read { db in try db.value("SELECT count(*) FROM units WHERE code = 'AHEAD'", as: Int.self) } == 0)
        // The failure at the commit, with no statement after it, is the same.
        #expect(throws: (any Error).self) {
            try store.write { db in
                try db.executeAhead("INSERT INTO units(code, name) VALUES ('AHEAD', 'Ahead')", [])
                try db.executeAhead("INSERT INTO units(code, name) VALUES ('AHEAD', 'Again')", [])
            }
        }
        #expect(try store.read { db in try db.value("SELECT count(*) FROM units WHERE code = 'AHEAD'", as: Int.self) } == 0)
        // The connection is sound afterwards.
        try store.addUnit(code: "AFTER", name: "After")
        #expect(try store.read { db in try db.value("SELECT count(*) FROM units WHERE code = 'AFTER'", as: Int.self) } == 1)
    }
}
