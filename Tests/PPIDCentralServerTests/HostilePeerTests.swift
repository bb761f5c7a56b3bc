import AsyncHTTPClient
import Foundation
import Testing
import PPIDCentral
@testable import PPIDCentralServer
import PPIDDomain
import PPIDWire

/// A token holder, a broken network or a bad file attacks the server on loopback: every answer is
/// a 4xx with a reason, never a crash; units stay apart; the database stays sound.
@Suite("Hostile peers: the server")
struct HostilePeerTests {
    static let far = Date(timeIntervalSince1970: 253_402_300_800)  // 10000-01-01, past any four-digit year
    static let farBack = Date(timeIntervalSince1970: -62_135_596_800 - 86_400)  // before year 1
    static let huge = Date(timeIntervalSince1970: 1e15)

    func push(_ fixture: Fixture, _ events: [WireEvent], token: String) async throws -> [PushOutcome] {
        let answer = try await fixture.call(.POST, "/v1/events", token: token, body: try Events.push(events))
        #expect(answer.status == 200, "a push is answered per event, never with a server error")
        return try answer.decode(PushResponse.self).outcomes
    }

    func registered(_ fixture: Fixture, unit: String, token: String) async throws -> RequestRegistration {
        let registration = Events.registration(unit: unit)
        let outcome = try await push(fixture, [Events.wire(.request(registration.id, .registered(registration)), unit: unit)], token: token)
        #expect(outcome.first?.status == .accepted, "\(outcome.first?.reasonEnglish ?? "")")
        return registration
    }

    func expectAlive(_ fixture: Fixture) async throws {
        let health = try await fixture.call(.GET, "/v1/health", token: nil)
        #expect(health.status == 200)
        #expect(try fixture.store.integrityCheck())
    }

    @Test("Out-of-range dates, instants and numbers in every event kind and in intake are refused by field; the server lives")
    func outOfRange() async throws {
        let fixture = try await Fixture.start()
        defer { Task { await fixture.stop() } }
        let request = try await registered(fixture, unit: "HUMAS", token: fixture.humas)
        let far = CivilDate(year: 9999, month: 12, day: 31)!
        let ancient = CivilDate(year: 1, month: 1, day: 1)!
        var hostile: [(String, WireEvent)] = []
        for instant in [Self.far, Self.farBack, Self.huge] {
            var registration = Events.registration(unit: "HUMAS")
            registration.receivedAt = instant
            hostile.append(("registration.receivedAt", Events.wire(.request(registration.id, .registered(registration)), unit: "HUMAS")))
            let meta = EventMeta(id: UUID(), officer: "rina", instant: instant, localDate: CivilDate(iso: "2026-03-03")!)
            hostile.append(("meta.instant", WireEvent(envelope: EventEnvelope(meta: meta, event: .request(request.id, .processingStarted)),
                                                      unit: "HUMAS", sequence: nil)))
        }
        for date in [far, ancient] {
            let meta = EventMeta(id: UUID(), officer: "rina", instant: Events.formatter.date(from: "2026-03-03T03:00:00Z")!, localDate: date)
            hostile.append(("meta.localDate", WireEvent(envelope: EventEnvelope(meta: meta, event: .request(request.id, .processingStarted)),
                                                        unit: "HUMAS", sequence: nil)))
            hostile.append(("deadlineMoved.noticeDue", Events.wire(.request(request.id, .deadlineMoved(noticeDue: date, extendedDue: nil, reason: "x")), unit: "HUMAS")))
            hostile.append(("deadlineMoved.extendedDue", Events.wire(.request(request.id, .deadlineMoved(noticeDue: CivilDate(iso: "2026-03-16")!, extendedDue: date, reason: "x")), unit: "HUMAS")))
            hostile.append(("decided.deliveryBy", Events.wire(.request(request.id, .decided(Decision(outcome: .grantedInFull, deliveryBy: date))), unit: "HUMAS")))
            let exemption = Exemption(basis: .pasal17(.h), test: ConsequenceTest(harm: "h", publicInterestWeighed: "p", withheldPart: "w", until: date))
            hostile.append(("decided.outcome.exemption.test.until", Events.wire(.request(request.id, .decided(Decision(outcome: .refused(exemption)))), unit: "HUMAS")))
            let filing = ObjectionFiling(number: "K-\(date.year)", requestID: request.id, requestNumber: request.registrationNumber, unit: "HUMAS",
                                         filedBy: "Siti", grounds: [.c], groundsAroseOn: date)
            hostile.append(("filing.groundsAroseOn", Events.wire(.objection(filing.id, .filed(filing)), unit: "HUMAS")))
            let dispute = DisputeFiling(objectionID: UUID(), registerNumber: "KI-1", groundsAroseOn: date)
            hostile.append(("dispute", Events.wire(.dispute(dispute.id, .filed(dispute)), unit: "HUMAS")))
            let entry = DIPEntry(number: "D-1", unit: "HUMAS", title: "t", summary: "s", holder: "h", category: .exempt, exemption: exemption)
            hostile.append(("entry.exemption.test.until", Events.wire(.dip(entry.id, .added(entry)), unit: "HUMAS")))
            hostile.append(("answered", Events.wire(.objection(UUID(), .deadlineMoved(answerDue: date, reason: "x")), unit: "HUMAS")))
        }
        for cost in [Int.max, Int.min, -1] {
            hostile.append(("decided.costRupiah", Events.wire(.request(request.id, .decided(Decision(outcome: .grantedInFull, costRupiah: cost))), unit: "HUMAS")))
        }
        let outcomes = try await push(fixture, hostile.map(\.1), token: fixture.humas)
        for ((field, _), outcome) in zip(hostile, outcomes) {
            #expect(outcome.status == .rejected, "\(field) out of range must be refused")
            if field.contains(".") {
                #expect(outcome.reasonEnglish?.contains(field) == true || outcome.reasonEnglish?.contains("time") == true
                        || outcome.reasonEnglish?.contains("date") == true, "\(field): \(outcome.reasonEnglish ?? "")")
            }
        }
        // Central intake, as the Utama: the same values are refused with the field named.
        for instant in [Self.far, Self.farBack, Self.huge, Date().addingTimeInterval(86_400)] {
            let intake = IntakeRequest(unit: "HUMAS", receivedAt: instant, channel: .webPortal,
                                       requester: Requester(name: "Siti", nik: "3171234567890002", address: "Jakarta"),
                                       information: "Data", purpose: "Riset")
            let answer = try await fixture.call(.POST, "/v1/requests", token: fixture.main, body: try WireCoding.encoder().encode(intake))
            #expect(answer.status == 422, "receivedAt \(instant): \(String(decoding: answer.body, as: UTF8.self))")
            #expect(String(decoding: answer.body, as: UTF8.self).contains("receivedAt"))
        }
        try await expectAlive(fixture)
        #expect(try fixture.store.latestSequence() == 1, "nothing hostile reached the ledger")
    }

    @Test("A unit's token cannot write cases that count against another unit, in any event kind")
    func crossUnit() async throws {
        let fixture = try await Fixture.start()
        defer { Task { await fixture.stop() } }
        let humasRequest = try await registered(fixture, unit: "HUMAS", token: fixture.humas)
        let humasEntry = DIPEntry(number: "D-1", unit: "HUMAS", title: "Laporan", summary: "s", holder: "Humas", category: .periodic)
        let objection = ObjectionFiling(number: "K-1", requestID: humasRequest.id, requestNumber: humasRequest.registrationNumber, unit: "HUMAS",
                                        filedBy: "Siti", grounds: [.c], groundsAroseOn: CivilDate(iso: "2026-03-03")!)
        let setup = try await push(fixture, [Events.wire(.dip(humasEntry.id, .added(humasEntry)), unit: "HUMAS"),
                                             Events.wire(.objection(objection.id, .filed(objection)), unit: "HUMAS", day: "2026-03-04")],
                                   token: fixture.humas)
        #expect(setup.allSatisfy { $0.status == .accepted }, "\(setup.map { $0.reasonEnglish ?? "ok" })")
        let keuRequest = try await registered(fixture, unit: "KEU", token: fixture.keu)
        let before = try fixture.store.latestSequence()

        var forged = Events.registration(unit: "HUMAS")
        forged.registrationNumber = humasRequest.registrationNumber
        let intoHumas = ObjectionFiling(number: "K-9", requestID: humasRequest.id, requestNumber: humasRequest.registrationNumber, unit: "KEU",
                                        filedBy: "Siti", grounds: [.c], groundsAroseOn: CivilDate(iso: "2026-03-03")!)
        let wrongNumber = ObjectionFiling(number: "K-8", requestID: keuRequest.id, requestNumber: humasRequest.registrationNumber, unit: "KEU",
                                          filedBy: "Siti", grounds: [.c], groundsAroseOn: CivilDate(iso: "2026-03-03")!)
        let dispute = DisputeFiling(objectionID: objection.id, registerNumber: "KI-1", groundsAroseOn: CivilDate(iso: "2026-03-04")!)
        let keuEntry = DIPEntry(id: humasEntry.id, number: "D-1", unit: "KEU", title: "t", summary: "s", holder: "h", category: .periodic)
        let replay = try #require(try fixture.store.eventIDs(unit: "HUMAS").first)
        let replayed = WireEvent(envelope: EventEnvelope(meta: EventMeta(id: replay, officer: "dewi", instant: Events.formatter.date(from: "2026-03-03T03:00:00Z")!,
                                                                         localDate: CivilDate(iso: "2026-03-03")!),
                                                         event: .request(humasRequest.id, .registered(humasRequest))), unit: "HUMAS", sequence: nil)
        let attempts: [(String, WireEvent)] = [
            ("registration in another unit's name", Events.wire(.request(forged.id, .registered(forged)), unit: "KEU")),
            ("processing another unit's request", Events.wire(.request(humasRequest.id, .processingStarted), unit: "KEU")),
            ("deciding another unit's request", Events.wire(.request(humasRequest.id, .decided(Decision(outcome: .grantedInFull))), unit: "HUMAS")),
            ("an objection of KEU against a HUMAS request", Events.wire(.objection(intoHumas.id, .filed(intoHumas)), unit: "KEU")),
            ("an objection naming another request's number", Events.wire(.objection(wrongNumber.id, .filed(wrongNumber)), unit: "KEU")),
            ("a dispute on a HUMAS objection", Events.wire(.dispute(dispute.id, .filed(dispute)), unit: "KEU")),
            ("answering a HUMAS objection", Events.wire(.objection(objection.id, .answered(ObjectionAnswer(verdict: .objectionGranted, atasanName: "A", atasanPosition: "B"))), unit: "KEU")),
            ("revising a HUMAS DIP entry", Events.wire(.dip(humasEntry.id, .revised(keuEntry)), unit: "KEU")),
            ("linking a HUMAS DIP entry", Events.wire(.request(keuRequest.id, .documentsLinked([humasEntry.id])), unit: "KEU")),
            ("forwarding to a unit that does not exist", Events.wire(.request(keuRequest.id, .forwarded(to: .unit("NOWHERE"), note: "")), unit: "KEU")),
            ("replaying a HUMAS event id", replayed),
        ]
        let outcomes = try await push(fixture, attempts.map(\.1), token: fixture.keu)
        for ((what, _), outcome) in zip(attempts, outcomes) {
            #expect(outcome.status == .rejected, "\(what) must be refused")
        }
        #expect(try fixture.store.latestSequence() == before, "no forged event reached the ledger")
        // The same unit cannot issue one registration number twice; the refusal names the other case.
        var twin = Events.registration(unit: "HUMAS")
        twin.registrationNumber = humasRequest.registrationNumber
        let duplicate = try await push(fixture, [Events.wire(.request(twin.id, .registered(twin)), unit: "HUMAS")], token: fixture.humas)
        #expect(duplicate.first?.status == .rejected)
        #expect(duplicate.first?.reasonEnglish?.contains(humasRequest.id.uuidString) == true)
        let humasReport = try fixture.store.caseRecords(unit: "HUMAS")
        #expect(humasReport.count == 3, "HUMAS holds its request, DIP entry and objection, nothing KEU sent")
        try await expectAlive(fixture)
    }

    @Test("Claims are checked: the officer is the token's, times are not in the future or before the case, the local date is the zone's")
    func claims() async throws {
        let fixture = try await Fixture.start()
        defer { Task { await fixture.stop() } }
        // An old event is fine: an offline terminal pushes days of work at once. Its claimed officer is replaced.
        let registration = Events.registration(unit: "HUMAS")
        var old = Events.wire(.request(registration.id, .registered(registration)), unit: "HUMAS")
        old = WireEvent(envelope: EventEnvelope(meta: EventMeta(id: old.envelope.meta.id, officer: "utama", instant: old.envelope.meta.instant,
                                                                localDate: old.envelope.meta.localDate), event: old.envelope.event),
                        unit: "HUMAS", sequence: nil)
        #expect(try await push(fixture, [old], token: fixture.humas).first?.status == .accepted)
        let stored = try fixture.store.changes(after: 0, limit: 10, for: Principal(officer: "rina", unit: "HUMAS", isMain: false))
        #expect(stored.events.first?.envelope.meta.officer == "rina", "the token's officer, not the claimed 'utama'")
        // Stored as sent with the officer stamped in: the rest of the envelope reads back unchanged.
        #expect(stored.events.first?.envelope == EventEnvelope(meta: EventMeta(id: old.envelope.meta.id, officer: "rina",
                                                                               instant: old.envelope.meta.instant,
                                                                               localDate: old.envelope.meta.localDate),
                                                               event: old.envelope.event))
        // A replay by the same token is accepted again; its claimed officer does not matter.
        #expect(try await push(fixture, [old], token: fixture.humas).first?.status == .accepted)

        let tomorrow = Date().addingTimeInterval(86_400)
        let zone = UnitZone.wib
        func event(_ instant: Date, localDate: CivilDate? = nil) -> WireEvent {
            WireEvent(envelope: EventEnvelope(meta: EventMeta(id: UUID(), officer: "rina", instant: instant,
                                                              localDate: localDate ?? zone.civilDate(of: instant)),
                                              event: .request(registration.id, .processingStarted)), unit: "HUMAS", sequence: nil)
        }
        let march3 = Events.formatter.date(from: "2026-03-03T03:00:00Z")!
        let cases: [(String, WireEvent)] = [
            ("an instant tomorrow", event(tomorrow)),
            ("the year 1970, before the case's registration", event(Date(timeIntervalSince1970: 0))),
            ("a local date two days after the instant's", event(march3, localDate: CivilDate(iso: "2026-03-05")!)),
        ]
        let outcomes = try await push(fixture, cases.map(\.1), token: fixture.humas)
        for ((what, _), outcome) in zip(cases, outcomes) { #expect(outcome.status == .rejected, "\(what) must be refused") }
        #expect(try await push(fixture, [event(march3)], token: fixture.humas).first?.status == .accepted)
        try await expectAlive(fixture)
    }

    @Test("Oversized fields, bodies and unknown members are refused; a page ends at its byte budget; wrong methods get 405")
    func sizes() async throws {
        let fixture = try await Fixture.start()
        defer { Task { await fixture.stop() } }
        var long = Events.registration(unit: "HUMAS")
        long.information = String(repeating: "x", count: DomainLimits.longText + 1)
        var escape = Events.registration(unit: "HUMAS")
        escape.requester.name = "Siti\u{1B}[2J"
        let refused = try await push(fixture, [Events.wire(.request(long.id, .registered(long)), unit: "HUMAS"),
                                               Events.wire(.request(escape.id, .registered(escape)), unit: "HUMAS")], token: fixture.humas)
        #expect(refused.map(\.status) == [.rejected, .rejected])
        #expect(refused[0].reasonEnglish?.contains("registration.information") == true)
        #expect(refused[1].reasonEnglish?.contains("control characters") == true)
        let big = Data(repeating: UInt8(ascii: " "), count: 9 << 20)
        #expect(try await fixture.call(.POST, "/v1/events", token: fixture.humas, body: big).status == 413)
        let unknown = Data(#"{"events":[],"extra":1}"#.utf8)
        let unknownAnswer = try await fixture.call(.POST, "/v1/events", token: fixture.humas, body: unknown)
        #expect(unknownAnswer.status == 400 && String(decoding: unknownAnswer.body, as: UTF8.self).contains("extra"))
        #expect(try await fixture.call(.TRACE, "/v1/health", token: nil).status == 405)
        #expect(try await fixture.call(.DELETE, "/v1/events", token: fixture.humas).status == 405)

        // 300 events of about 16 KB: more than one page's byte budget.
        var events: [WireEvent] = []
        for _ in 0..<300 {
            var registration = Events.registration(unit: "HUMAS")
            registration.information = String(repeating: "informasi ", count: 800)
            registration.purpose = String(repeating: "tujuan ", count: 1_100)
            events.append(Events.wire(.request(registration.id, .registered(registration)), unit: "HUMAS"))
        }
        for batch in stride(from: 0, to: events.count, by: 100) {
            let outcomes = try await push(fixture, Array(events[batch..<batch + 100]), token: fixture.humas)
            #expect(outcomes.allSatisfy { $0.status == .accepted })
        }
        let page = try await fixture.call(.GET, "/v1/changes?limit=5000", token: fixture.humas)
        let decoded = try page.decode(ChangesPage.self)
        #expect(decoded.hasMore && decoded.events.count < 300, "the page ended early at its byte budget")
        #expect(page.body.count <= CentralStore.maximumPageBytes + CentralStore.maximumEventBytes + 64 << 10)
        #expect(decoded.latest == 300)
        try await expectAlive(fixture)
    }

    @Test("A pull's parameters are refused after its token: an unknown token learns 401 whatever it asks, a known one 400 for a bad parameter")
    func parametersAfterToken() async throws {
        let fixture = try await Fixture.start()
        defer { Task { await fixture.stop() } }
        for path in ["/v1/changes?after=-1", "/v1/changes?limit=0", "/v1/changes?at=nope", "/v1/changes"] {
            #expect(try await fixture.call(.GET, path, token: "not-a-token").status == 401, "\(path)")
        }
        for path in ["/v1/changes?after=-1", "/v1/changes?limit=0", "/v1/changes?at=nope"] {
            let answer = try await fixture.call(.GET, path, token: fixture.humas)
            #expect(answer.status == 400, "\(path)")
        }
        #expect(try await fixture.call(.GET, "/v1/changes?after=0&limit=10", token: fixture.humas).status == 200)
    }

    @Test("A bearer header is read in any case, with spaces and tabs around the token; another scheme is no token")
    func bearerHeader() {
        #expect(CentralAPI.bearerCredentials("Bearer abc") == "abc")
        #expect(CentralAPI.bearerCredentials("bEaReR \t abc \t") == "abc")
        #expect(CentralAPI.bearerCredentials("Bearer    ") == "")
        #expect(CentralAPI.bearerCredentials("Bearer") == nil)
        #expect(CentralAPI.bearerCredentials("Basic abc") == nil)
        #expect(CentralAPI.bearerCredentials("Bearer\tabc") == nil)
        #expect(CentralAPI.bearerCredentials("Bearér abc") == nil)
        #expect(CentralAPI.bearerCredentials("Bearer a b") == "a b")
    }

    @Test("A token that pushes in a loop is slowed with 429 and Retry-After, and others are not")
    func rateLimit() async throws {
        var limits = ServerLimits()
        limits.rateBurst = 5
        limits.ratePerSecond = 1
        let fixture = try await Fixture.start(limits: limits)
        defer { Task { await fixture.stop() } }
        // All at once, so the test does not hang on how fast a loaded machine answers each one.
        let answers = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
            for _ in 0..<12 {
                group.addTask {
                    let answer = try await fixture.call(.GET, "/v1/changes", token: fixture.humas)
                    return (answer.status, answer.headers.first(name: "Retry-After"))
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let statuses = answers.map(\.0)
        let retryAfter = answers.first { $0.0 == 429 }?.1
        #expect(statuses.filter { $0 == 200 }.count >= 5 && statuses.contains(429) && statuses.allSatisfy { $0 == 200 || $0 == 429 },
                "\(statuses)")
        #expect(retryAfter.flatMap(Int.init).map { $0 >= 1 } == true)
        #expect(try await fixture.call(.GET, "/v1/changes", token: fixture.keu).status == 200, "another token is not slowed")
        #expect(try await fixture.call(.GET, "/v1/health", token: nil).status == 200)
    }
}
