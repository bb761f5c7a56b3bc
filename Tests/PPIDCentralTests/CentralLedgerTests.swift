import Foundation
import Testing
@testable import PPIDCentral
@testable import PPIDDomain
@testable import PPIDWire

@Suite("Central ledger")
struct CentralLedgerTests {
    let context = LifecycleContext(calendar: .national(), zone: .wib)
    let formatter = ISO8601DateFormatter()

    func meta(_ date: String) -> EventMeta {
        EventMeta(officer: "rina", instant: formatter.date(from: "\(date)T03:00:00Z")!, localDate: CivilDate(iso: date)!)
    }

    func registration(unit: String) -> RequestRegistration {
        RequestRegistration(registrationNumber: "0001/PPID-\(unit)/III/2026", unit: unit, receivedAt: formatter.date(from: "2026-03-02T02:00:00Z")!,
                            channel: .webPortal, requester: Requester(name: "Siti", nik: "3171234567890002", address: "Jakarta"),
                            information: "Data", purpose: "Riset")
    }

    func wire(_ event: DomainEvent, _ date: String, unit: String) -> WireEvent {
        WireEvent(envelope: EventEnvelope(meta: meta(date), event: event), unit: unit, sequence: nil)
    }

    @Test("Accepted events get global sequence numbers; a replay changes nothing; a refused one says why")
    func pushAndReplay() throws {
        let ledger = try CentralLedger(path: ":memory:", context: context)
        let reg = registration(unit: "HUMAS")
        let first = wire(.request(reg.id, .registered(reg)), "2026-03-02", unit: "HUMAS")
        let extend = wire(.request(reg.id, .extended(reason: "Koordinasi")), "2026-03-05", unit: "HUMAS")
        let again = wire(.request(reg.id, .extended(reason: "Lagi")), "2026-03-06", unit: "HUMAS")
        let response = try ledger.push(PushRequest(events: [first, extend, again]), asUnit: "HUMAS")
        #expect(response.outcomes.map(\.status) == [.accepted, .accepted, .rejected])
        #expect(response.outcomes.map(\.sequence) == [1, 2, nil])
        #expect(response.outcomes[2].reason == RequestRejection.secondExtension.text(.indonesian))
        let replay = try ledger.push(PushRequest(events: [first, extend]), asUnit: "HUMAS")
        #expect(replay.outcomes.map(\.sequence) == [1, 2])
        #expect(try ledger.changes(after: 0, limit: 100, forUnit: nil).events.count == 2)
    }

    @Test("A unit sees and writes only its own cases; the PPID Utama sees all")
    func unitScope() throws {
        let ledger = try CentralLedger(path: ":memory:", context: context)
        let humas = registration(unit: "HUMAS")
        let itjen = registration(unit: "ITJEN")
        _ = try ledger.push(PushRequest(events: [wire(.request(humas.id, .registered(humas)), "2026-03-02", unit: "HUMAS")]), asUnit: "HUMAS")
        _ = try ledger.push(PushRequest(events: [wire(.request(itjen.id, .registered(itjen)), "2026-03-02", unit: "ITJEN")]), asUnit: "ITJEN")
        let intrusion = try ledger.push(PushRequest(events: [wire(.request(itjen.id, .processingStarted), "2026-03-03", unit: "HUMAS")]), asUnit: "HUMAS")
        #expect(intrusion.outcomes.first?.status == .rejected)
        let forged = try ledger.push(PushRequest(events: [wire(.request(itjen.id, .processingStarted), "2026-03-03", unit: "ITJEN")]), asUnit: "HUMAS")
        #expect(forged.outcomes.first?.status == .rejected, "a unit cannot claim another unit's name")
        #expect(try ledger.changes(after: 0, limit: 10, forUnit: "HUMAS").events.map(\.unit) == ["HUMAS"])
        #expect(try ledger.changes(after: 0, limit: 10, forUnit: nil).events.count == 2)
    }

    @Test("Changes page by cursor and say when more wait; the wire format round-trips")
    func paging() throws {
        let ledger = try CentralLedger(path: ":memory:", context: context)
        var events: [WireEvent] = []
        for _ in 0..<5 {
            let reg = registration(unit: "HUMAS")
            events.append(wire(.request(reg.id, .registered(reg)), "2026-03-02", unit: "HUMAS"))
        }
        _ = try ledger.push(PushRequest(events: events), asUnit: "HUMAS")
        let page1 = try ledger.changes(after: 0, limit: 2, forUnit: "HUMAS")
        #expect(page1.events.map(\.sequence) == [1, 2] && page1.hasMore && page1.nextCursor == 2)
        let page3 = try ledger.changes(after: 4, limit: 2, forUnit: "HUMAS")
        #expect(page3.events.map(\.sequence) == [5] && !page3.hasMore)
        let data = try WireCoding.encoder().encode(page1)
        #expect(try WireCoding.decoder().decode(ChangesPage.self, from: data) == page1)
    }
}
