import Foundation
import PPIDCentral
import PPIDCentralServer
import PPIDDomain
import PPIDWire
import Synchronization
import Testing

/// Two `ppid-central` processes' worth of servers on one register (one PostgreSQL database, or one
/// SQLite file), behind no sticky sessions: pushes land on either, pulls read from either.
@Suite("Several instances, one register")
struct InstancesTests {
    @Test("Concurrent pushers on two instances; pullers alternating between them never skip an event")
    func noGapsAcrossInstances() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ppid-instances-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let first = try await Fixture.start(path: try TestRegister.fresh(sqlite: folder + "/central.sqlite"))
        defer { Task { await first.stop() } }
        // The second instance opens the same register anew, as another process would.
        let secondStore = try CentralStore(path: first.store.source)
        let second = try await RunningServer.start(CentralServer(store: secondStore, port: 0))
        defer { Task { await second.stop() } }
        let secondFixture = Fixture(store: secondStore, server: second, humas: first.humas, keu: first.keu, main: first.main)
        let instances = [first, secondFixture]

        let pushers = 4, batches = 6, perBatch = 5
        let total = pushers * batches * perBatch
        let finished = Flag()
        // Pullers follow the whole body (the Utama's token) with a cursor, alternating instances.
        async let pulled: [[Int64]] = withThrowingTaskGroup(of: [Int64].self) { group in
            for puller in 0..<2 {
                group.addTask {
                    var cursor: Int64 = 0
                    var seen: [Int64] = []
                    var round = puller
                    while true {
                        let done = finished.isSet
                        let page = try await instances[round % 2].call(.GET, "/v1/changes?after=\(cursor)&limit=7", token: first.main)
                            .decode(ChangesPage.self)
                        round += 1
                        seen += page.events.compactMap(\.sequence)
                        cursor = page.nextCursor
                        if done && !page.hasMore && cursor >= (page.latest ?? 0) { return seen }
                        if page.events.isEmpty { try await Task.sleep(for: .milliseconds(5)) }
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for pusher in 0..<pushers {
                group.addTask {
                    let unit = pusher % 2 == 0 ? "HUMAS" : "KEU"
                    let token = pusher % 2 == 0 ? first.humas : first.keu
                    for batch in 0..<batches {
                        let events = (0..<perBatch).map { _ in
                            let registration = Events.registration(unit: unit)
                            return Events.wire(.request(registration.id, .registered(registration)), unit: unit)
                        }
                        let answer = try await instances[(pusher + batch) % 2].call(.POST, "/v1/events", token: token, body: try Events.push(events))
                        let outcomes = try answer.decode(PushResponse.self).outcomes
                        #expect(outcomes.count == perBatch && outcomes.allSatisfy { $0.status == .accepted }, "\(outcomes)")
                    }
                }
            }
            try await group.waitForAll()
        }
        finished.set()
        let seenByPullers = try await pulled
        for seen in seenByPullers {
            #expect(seen == Array(1...Int64(total)), "every event, once, in order: \(seen.count) of \(total)")
        }
        #expect(try first.store.latestSequence() == Int64(total))
        #expect(try secondStore.integrityCheck())
    }
}

extension InstancesTests {
    @Test("Admin work and central intake through one instance are what the other serves: units, officers, calendars, dispatch, tokens")
    func adminAcrossInstances() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ppid-instances-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let first = try await Fixture.start(path: try TestRegister.fresh(sqlite: folder + "/central.sqlite"))
        defer { Task { await first.stop() } }
        let other = try CentralStore(path: first.store.source)
        let second = try await RunningServer.start(CentralServer(store: other, port: 0))
        defer { Task { await second.stop() } }
        let viaSecond = Fixture(store: other, server: second, humas: first.humas, keu: first.keu, main: first.main)
        // Through the second instance's register: a unit, an officer and a token, a calendar, a dispatched request.
        try other.addUnit(code: "ITJEN", name: "Inspektorat")
        try other.addOfficer(login: "joko", name: "Joko", unit: "ITJEN")
        let joko = try other.issueToken(officer: "joko")
        try other.addCalendar(name: "skb-2027.txt", body: "# covers: 2027\n2027-06-01\tdaerah\tHari jadi\n")
        let dispatched = try other.dispatch(IntakeRequest(unit: "ITJEN", receivedAt: nil, channel: .webPortal,
                                                          requester: Requester(name: "Siti", nik: "3171234567890002", address: "Jakarta"),
                                                          information: "Laporan audit", purpose: "Riset"),
                                            by: try #require(try other.authenticate(token: first.main)))
        // The first instance serves all of it: the new token works there, and its unit's page holds the request.
        let page = try await first.call(.GET, "/v1/changes?after=0", token: joko).decode(ChangesPage.self)
        #expect(page.identity?.unit == "ITJEN" && page.events.map(\.envelope.event.caseID) == [dispatched.caseID])
        #expect(page.reference?.units.contains { $0.code == "ITJEN" } == true)
        #expect(page.reference?.calendars.map(\.name) == ["skb-2027.txt"])
        // Revoked through the first, refused by the second.
        try first.store.revokeTokens(officer: "joko")
        #expect(try await viaSecond.call(.GET, "/v1/changes", token: joko).status == 401)
    }
}

/// A flag set once, read from any task.
final class Flag: Sendable {
    private let value = Mutex(false)
    var isSet: Bool { value.withLock { $0 } }
    func set() { value.withLock { $0 = true } }
}
