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

    /// A registration with a number of its own (the ledger refuses a number used twice in a unit).
    func registration(unit: String, number: Int = Int.random(in: 1...9_999)) -> RequestRegistration {
        RequestRegistration(registrationNumber: "\(number)/PPID-\(unit)/III/2026", unit: unit, receivedAt: formatter.date(from: "2026-03-02T02:00:00Z")!,
                            channel: .webPortal, requester: Requester(name: "Siti", nik: "3171234567890002", address: "Jakarta"),
                            information: "Data", purpose: "Riset")
    }

    let humasToken = Principal(officer: "rina", unit: "HUMAS", isMain: false)
    let itjenToken = Principal(officer: "eko", unit: "ITJEN", isMain: false)
    let mainToken = Principal(officer: "ratna", unit: "UTAMA", isMain: true)

    func makeStore() throws -> CentralStore {
        let store = try CentralStore(path: try TestRegister.fresh())
        try store.addUnit(code: "UTAMA", name: "PPID Utama", isMain: true)
        try store.addUnit(code: "HUMAS", name: "Humas")
        try store.addUnit(code: "ITJEN", name: "Inspektorat")
        return store
    }

    func wire(_ event: DomainEvent, _ date: String, unit: String) -> WireEvent {
        WireEvent(envelope: EventEnvelope(meta: meta(date), event: event), unit: unit, sequence: nil)
    }

    @Test("Accepted events get global sequence numbers; a replay changes nothing; a refused one says why")
    func pushAndReplay() throws {
        let ledger = try makeStore()
        let reg = registration(unit: "HUMAS")
        let first = wire(.request(reg.id, .registered(reg)), "2026-03-02", unit: "HUMAS")
        let extend = wire(.request(reg.id, .extended(reason: "Koordinasi")), "2026-03-05", unit: "HUMAS")
        let again = wire(.request(reg.id, .extended(reason: "Lagi")), "2026-03-06", unit: "HUMAS")
        let response = try ledger.push(PushRequest(events: [first, extend, again]), as: humasToken)
        #expect(response.outcomes.map(\.status) == [.accepted, .accepted, .rejected])
        #expect(response.outcomes.map(\.sequence) == [1, 2, nil])
        #expect(response.outcomes[2].reason == RequestRejection.secondExtension.text(.indonesian))
        let replay = try ledger.push(PushRequest(events: [first, extend]), as: humasToken)
        #expect(replay.outcomes.map(\.sequence) == [1, 2])
        #expect(try ledger.changes(after: 0, limit: 100, for: mainToken).events.count == 2)
    }

    @Test("A token seen before gets its page in one statement that confirms it: the same answer, refused once revoked, a changed officer read again")
    func confirmedPrincipal() throws {
        let ledger = try makeStore()
        try ledger.addOfficer(login: "rina", name: "Rina", unit: "HUMAS")
        let token = try ledger.issueToken(officer: "rina")
        let reg = registration(unit: "HUMAS")
        let pushed = try ledger.push(PushRequest(events: [wire(.request(reg.id, .registered(reg)), "2026-03-02", unit: "HUMAS")]),
                                     as: try #require(try ledger.authenticate(token: token)))
        let id = try #require(pushed.outcomes.first?.eventID)
        func pull(after cursor: Int64 = 0, check: (sequence: Int64, id: UUID)? = nil) throws -> (Principal, [UInt8])? {
            var admitted = 0
            let found = try ledger.changesPage(token: token, after: cursor, limit: 100, knownReference: -1, check: check) { _ in
                admitted += 1
                return true
            }
            #expect(admitted <= 1, "a request is counted against its token's rate once")
            guard case let .page(principal, bytes, _) = found else { return nil }
            return (principal, bytes)
        }
        let first = try #require(try pull(check: (1, id)))
        #expect(ledger.knownPrincipals.principal(forTokenHash: APIToken.hash(token)) == first.0)
        let again = try #require(try pull(check: (1, id)))
        #expect(again.1 == first.1, "the confirmed statement answers exactly as the separate ones")
        let page = try WireCoding.decoder().decode(ChangesPage.self, from: Data(again.1))
        #expect(page.events.count == 1 && page.latest == 1 && page.cursorKnown == true && page.identity?.name == "Rina")
        #expect(try WireCoding.decoder().decode(ChangesPage.self, from: Data(try #require(try pull(check: (1, UUID()))).1)).cursorKnown == false)
        #expect(try WireCoding.decoder().decode(ChangesPage.self, from: Data(try #require(try pull(after: 1)).1)).events.isEmpty)
        // The PPID Utama's pages (the whole body) are confirmed the same way.
        try ledger.addOfficer(login: "ratna", name: "Ratna", unit: "UTAMA")
        let utama = try ledger.issueToken(officer: "ratna")
        func utamaPage() throws -> [UInt8]? {
            guard case let .page(_, bytes, _) = try ledger.changesPage(token: utama, after: 0, limit: 100, knownReference: -1, admit: { _ in true })
            else { return nil }
            return bytes
        }
        let utamaFirst = try #require(try utamaPage())
        #expect(try utamaPage() == utamaFirst)
        #expect(try WireCoding.decoder().decode(ChangesPage.self, from: Data(utamaFirst)).events.count == 1)
        // The directory changed behind the guess: the page comes with the officer as now held.
        try ledger.write { db in _ = try db.execute("UPDATE officers SET name = 'Rina Wati' WHERE login = 'rina'", []) }
        let renamed = try #require(try pull())
        #expect(renamed.0.name == "Rina Wati")
        #expect(try WireCoding.decoder().decode(ChangesPage.self, from: Data(renamed.1)).identity?.name == "Rina Wati")
        // Revoked: refused at once, guess or not.
        try ledger.revokeTokens(officer: "rina")
        #expect(try pull() == nil)
        #expect(ledger.knownPrincipals.principal(forTokenHash: APIToken.hash(token)) == nil)
    }

    @Test("A unit sees and writes only its own cases; the PPID Utama sees all")
    func unitScope() throws {
        let ledger = try makeStore()
        let humas = registration(unit: "HUMAS")
        let itjen = registration(unit: "ITJEN")
        _ = try ledger.push(PushRequest(events: [wire(.request(humas.id, .registered(humas)), "2026-03-02", unit: "HUMAS")]), as: humasToken)
        _ = try ledger.push(PushRequest(events: [wire(.request(itjen.id, .registered(itjen)), "2026-03-02", unit: "ITJEN")]), as: itjenToken)
        let intrusion = try ledger.push(PushRequest(events: [wire(.request(itjen.id, .processingStarted), "2026-03-03", unit: "HUMAS")]), as: humasToken)
        #expect(intrusion.outcomes.first?.status == .rejected)
        let forged = try ledger.push(PushRequest(events: [wire(.request(itjen.id, .processingStarted), "2026-03-03", unit: "ITJEN")]), as: humasToken)
        #expect(forged.outcomes.first?.status == .rejected, "a unit cannot claim another unit's name")
        #expect(try ledger.changes(after: 0, limit: 10, for: humasToken).events.map(\.unit) == ["HUMAS"])
        #expect(try ledger.changes(after: 0, limit: 10, for: mainToken).events.count == 2)
    }

    @Test("Changes page by cursor and say when more wait; the wire format round-trips")
    func paging() throws {
        let ledger = try makeStore()
        var events: [WireEvent] = []
        for index in 0..<5 {
            let reg = registration(unit: "HUMAS", number: index + 1)
            events.append(wire(.request(reg.id, .registered(reg)), "2026-03-02", unit: "HUMAS"))
        }
        _ = try ledger.push(PushRequest(events: events), as: humasToken)
        let page1 = try ledger.changes(after: 0, limit: 2, for: humasToken)
        #expect(page1.events.map(\.sequence) == [1, 2] && page1.hasMore && page1.nextCursor == 2)
        let page3 = try ledger.changes(after: 4, limit: 2, for: humasToken)
        #expect(page3.events.map(\.sequence) == [5] && !page3.hasMore)
        #expect(page1.identity == humasToken.identity)
        #expect(page1.reference?.units.map(\.code) == ["HUMAS", "ITJEN", "UTAMA"], "reference data comes with a first pull")
        let known = try ledger.changes(after: 4, limit: 2, for: humasToken, knownReference: try ledger.referenceRevision())
        #expect(known.reference == nil, "and not again once the client has it")
        let data = try WireCoding.encoder().encode(page1)
        #expect(try WireCoding.decoder().decode(ChangesPage.self, from: data) == page1)
        // The hand-assembled JSON is what the Codable types give.
        let raw = try ledger.changesJSON(after: 0, limit: 2, for: humasToken, knownReference: -1)
        #expect(try WireCoding.decoder().decode(ChangesPage.self, from: Data(raw)) == page1)
    }
}

@Suite("Central directory and intake")
struct CentralDirectoryTests {
    @Test("Tokens are stored hashed, authenticate their officer's unit, and stop working when revoked")
    func tokens() throws {
        let store = try CentralStore(path: try TestRegister.fresh())
        try store.addUnit(code: "HUMAS", name: "Humas")
        try store.addOfficer(login: "rina", name: "Rina", unit: "HUMAS")
        let token = try store.issueToken(officer: "rina")
        #expect(token.hasPrefix("ppid.A.") && token.count > 45, "the unit's first terminal: series A")
        let principal = try #require(try store.authenticate(token: token))
        #expect(principal.officer == "rina" && principal.unit == "HUMAS" && !principal.isMain && principal.name == "Rina"
                && principal.series == TerminalSeries(code: "A") && principal.tokenID != nil)
        #expect(try store.authenticate(token: token + "x") == nil)
        let stored = try store.read { db in try db.rows("SELECT hash FROM tokens").map { try $0.get(0, as: String.self) } }
        #expect(stored == [APIToken.hash(token)] && !stored[0].contains(token))
        #expect(try store.revokeTokens(officer: "rina") == 1)
        #expect(try store.authenticate(token: token) == nil)
        #expect(throws: CentralError.unknownUnit("KEU")) { try store.addOfficer(login: "dewi", name: "Dewi", unit: "KEU") }
    }

    @Test("A dispatched request lands in its unit's log with a portal number; only the PPID Utama dispatches")
    func dispatch() throws {
        let store = try CentralStore(path: try TestRegister.fresh())
        try store.addUnit(code: "UTAMA", name: "PPID Utama", isMain: true)
        try store.addUnit(code: "HUMAS", name: "Humas")
        let intake = IntakeRequest(unit: "HUMAS", receivedAt: ISO8601DateFormatter().date(from: "2026-03-02T02:00:00Z"),
                                   channel: .webPortal, requester: Requester(name: "Siti", nik: "3171234567890002", address: "Jakarta"),
                                   information: "Laporan keuangan", purpose: "Riset")
        let answer = try store.dispatch(intake, by: Principal(officer: "ratna", unit: "UTAMA", isMain: true))
        #expect(answer.registrationNumber == "00001/PORTAL/HUMAS/2026" && answer.noticeDue == "2026-03-16")
        #expect(try store.changes(after: 0, limit: 10, for: Principal(officer: "x", unit: "HUMAS", isMain: false)).events.count == 1)
        #expect(throws: CentralError.self) {
            _ = try store.dispatch(intake, by: Principal(officer: "rina", unit: "HUMAS", isMain: false))
        }
        #expect(throws: CentralError.unknownUnit("KEU")) {
            _ = try store.dispatch(IntakeRequest(unit: "KEU", receivedAt: nil, channel: .app, requester: Requester(name: "A"),
                                                 information: "x", purpose: "y"), by: Principal(officer: "ratna", unit: "UTAMA", isMain: true))
        }
    }

    @Test("A calendar file is checked before it is loaded and bumps the reference revision")
    func calendars() throws {
        let store = try CentralStore(path: try TestRegister.fresh())
        let before = try store.referenceRevision()
        try store.addCalendar(name: "skb-2027.txt", body: "# covers: 2027\n2027-01-01\tlibur\tTahun Baru\n")
        #expect(try store.referenceRevision() == before + 1)
        #expect(try store.referenceData().calendars.map(\.name) == ["skb-2027.txt"])
        #expect(throws: CentralError.self) { try store.addCalendar(name: "bad.txt", body: "2027-13-45\tlibur\tX\n") }
    }
}

@Suite("Envelope bytes of a page")
struct EnvelopeBytesTests {
    @Test("Each event's envelope bytes are found, whatever the key order and spacing, and decode to the event")
    func slices() throws {
        let store = try CentralStore(path: try TestRegister.fresh())
        try store.addUnit(code: "HUMAS", name: "Humas")
        let principal = Principal(officer: "rina", unit: "HUMAS", isMain: false)
        var registration = RequestRegistration(registrationNumber: "1/{x}\"[y]", unit: "HUMAS",
                                               receivedAt: ISO8601DateFormatter().date(from: "2026-03-02T02:00:00Z")!,
                                               channel: .webPortal, requester: Requester(name: "Siti \"Ani\" {]", nik: "3171234567890002", address: "Jl. [A], \\ B"),
                                               information: "Data", purpose: "Riset")
        registration.id = UUID()
        let envelope = EventEnvelope(meta: EventMeta(officer: "rina", instant: registration.receivedAt, localDate: CivilDate(iso: "2026-03-02")!),
                                     event: .request(registration.id, .registered(registration)))
        _ = try store.push(PushRequest(events: [WireEvent(envelope: envelope, unit: "HUMAS", sequence: nil)]), as: principal)
        let raw = try store.changesJSON(after: 0, limit: 10, for: principal, knownReference: -1)
        let (page, envelopes) = try WireDecoding.changesPage(from: Data(raw))
        let found = try #require(envelopes)
        #expect(found.count == 1 && page.events.count == 1)
        let slice = found[0]
        #expect(try WireCoding.decoder().decode(EventEnvelope.self, from: slice) == envelope)
        // Another server's formatting: keys in another order, spaces and new lines.
        let text = String(decoding: slice, as: UTF8.self)
        let other = "{ \"nextCursor\" : 1 ,\n \"events\" : [ { \"unit\" : \"HUMAS\", \"sequence\": 1,\n \"envelope\" :\(text) } ], \"hasMore\": false }"
        let (otherPage, again) = try WireDecoding.changesPage(from: Data(other.utf8))
        #expect(again == [slice])
        // A page only Foundation's decoder reads (a whole number written 1.0): the same page, and no
        // envelopes, so the client encodes the events itself.
        let careful = other.replacingOccurrences(of: "\"nextCursor\" : 1 ,", with: "\"nextCursor\" : 1.0 ,")
        let (carefulPage, none) = try WireDecoding.changesPage(from: Data(careful.utf8))
        #expect(carefulPage == otherPage && none == nil)
        // Not a page: an error.
        for bad in ["", "[]", "{\"events\":[{\"envelope\":{\"a\":1}", "{\"events\":[{\"unit\":\"X\"}]}"] {
            #expect(throws: (any Error).self, "\(bad)") { try WireDecoding.changesPage(from: Data(bad.utf8)) }
        }
    }
}

@Suite("Pull notes")
struct PullNoteTests {
    @Test("A pull writes nothing at once; its note reaches the register within a second or at the status")
    func notedWithinASecond() async throws {
        let store = try CentralStore(path: try TestRegister.fresh())
        try store.addUnit(code: "HUMAS", name: "Humas")
        try store.addOfficer(login: "rina", name: "Rina", unit: "HUMAS")
        let principal = try #require(try store.authenticate(token: try store.issueToken(officer: "rina")))
        let rows = { try store.read { db in try db.value("SELECT count(*) FROM terminal_activity", as: Int.self) ?? 0 } }
        try store.notePull(by: principal, cursor: 7, version: "1.0")
        #expect(try rows() == 0, "nothing written by the pull itself")
        // Written by the once-a-second writer (waited for generously: a loaded machine runs it late).
        for _ in 0..<100 where try rows() == 0 { try await Task.sleep(for: .milliseconds(100)) }
        #expect(try rows() == 1, "written by the once-a-second writer")
        try store.notePull(by: principal, cursor: 9, version: nil)
        let status = try store.terminalStatus()
        #expect(status.first?.version == "1.0" && status.first?.lastPull != nil)
        #expect(try store.read { db in try db.value("SELECT last_cursor FROM terminal_activity", as: Int64.self) } == 9,
                "the status writes what is pending first")
    }
}
