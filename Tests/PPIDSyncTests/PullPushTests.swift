import Foundation
import Testing
import PPIDCentral
import PPIDDomain
import PPIDStore
import PPIDSync
import PPIDWire

@Suite("Sync: pull and push against a real server")
struct PullPushTests {
    @Test("Two terminals of a unit and one of another: each sees its unit's work, exactly as the server holds it")
    func roundTrip() async throws {
        let world = try await SyncWorld()
        defer { Task { await world.stop() } }
        let a = try world.terminal("a"), b = try world.terminal("b"), k = try world.terminal("k")
        // A new terminal takes its unit (and zone) from its token.
        #expect(try await world.sync(a, officer: "rina").adoptedUnit == "HUMAS")
        #expect(try await world.sync(k, officer: "dewi").adoptedUnit == "KEU")
        #expect(k.profile.zoneName == "WITA")
        let request = try Work.register(a, unit: "HUMAS")
        try a.record(.request(request, .processingStarted))
        _ = try Work.register(k, unit: "KEU")
        #expect(try a.pendingCount() == 2)
        let pushed = try await world.sync(a, officer: "rina")
        #expect(pushed.accepted == 2 && pushed.rejected == 0)
        #expect(try a.pendingCount() == 0)
        try await world.sync(k, officer: "dewi")
        try await world.sync(b, officer: "budi")
        #expect(try b.allCaseRecords() == world.store.caseRecords(unit: "HUMAS"))
        #expect(try a.allCaseRecords() == world.store.caseRecords(unit: "HUMAS"))
        #expect(try k.allCaseRecords() == world.store.caseRecords(unit: "KEU"))
        #expect(try b.requestStates() == [request.uuidString: RequestState.inProcess.rawValue])
        // B works on A's case; A gets it on its next sync.
        try b.record(.request(request, .decided(Decision(outcome: .grantedInFull, form: .softCopy))))
        try await world.sync(b, officer: "budi")
        let back = try await world.sync(a, officer: "rina")
        #expect(back.pulled == 1)
        #expect(try a.requestStates()[request.uuidString] == RequestState.decided.rawValue)
        // Its own events came back as already held, not twice.
        #expect(try a.eventCount() == 3)
        #expect(try a.integrityCheck())
    }

    @Test("A push in batches of one, each step of a case relying on the batch before: all accepted, numbered in log order")
    func pipelinedBatches() async throws {
        let world = try await SyncWorld()
        defer { Task { await world.stop() } }
        let a = try world.terminal("a")
        try await world.sync(a, officer: "rina")
        var cases: [UUID] = []
        for _ in 0..<4 {
            let request = try Work.register(a, unit: "HUMAS")
            try a.record(.request(request, .processingStarted))
            try a.record(.request(request, .decided(Decision(outcome: .grantedInFull, form: .softCopy))))
            cases.append(request)
        }
        let late = try Work.register(a, unit: "HUMAS")
        let report = try await world.sync(a, officer: "rina", pageSize: 1)
        #expect(report.accepted == 13 && report.rejected == 0)
        #expect(try a.pendingCount() == 0)
        #expect(try world.store.caseRecords(unit: "HUMAS").count == 5)
        for id in cases { #expect(try a.requestStates()[id.uuidString] == RequestState.decided.rawValue) }
        #expect(try a.requestStates()[late.uuidString] == RequestState.registered.rawValue)
        // The server numbered them in the order the terminal made them.
        let principal = try #require(try world.store.authenticate(token: world.tokens["rina"]!))
        let order = try world.store.changes(after: 0, limit: 100, for: principal).events
        #expect(order.compactMap(\.sequence) == order.compactMap(\.sequence).sorted() && order.allSatisfy { $0.sequence != nil })
        #expect(order.filter { cases.contains($0.envelope.event.caseID) }.count == 12)
    }

    @Test("A terminal never gives a register number that a case pulled from another terminal of its unit carries")
    func numbersNotReissued() async throws {
        let world = try await SyncWorld()
        defer { Task { await world.stop() } }
        let a = try world.terminal("a"), b = try world.terminal("b")
        try await world.sync(a, officer: "rina")
        try await world.sync(b, officer: "budi")
        let first = try (0..<3).map { _ in try Work.register(a, unit: "HUMAS") }
        try await world.sync(a, officer: "rina")
        try await world.sync(b, officer: "budi")
        let second = try (0..<2).map { _ in try Work.register(b, unit: "HUMAS") }
        try await world.sync(b, officer: "budi")
        try await world.sync(a, officer: "rina")
        var numbers: [String] = []
        for (id, record) in try a.allCaseRecords() {
            guard case let .request(r) = record else { continue }
            #expect((first + second).contains(id))
            numbers.append(r.registration.registrationNumber)
        }
        #expect(numbers.count == 5)
        #expect(Set(numbers).count == 5, "\(numbers.sorted())")
    }

    @Test("A refused change is never dropped silently: rebuilt without it, listed with the reason, and the state equals the server's")
    func refusedChange() async throws {
        let world = try await SyncWorld()
        defer { Task { await world.stop() } }
        // Offline, both decide the same request.
        let offline = try await OfflineDecisions(in: world)
        let (a, b, request) = (offline.a, offline.b, offline.request)
        try await world.sync(a, officer: "rina")
        let report = try await world.sync(b, officer: "budi")
        #expect(report.rejected == 1)
        let conflicts = try b.conflicts()
        #expect(conflicts.count == 1 && conflicts[0].envelope.event.name == "decided")
        #expect(conflicts[0].reason.isEmpty == false)
        #expect(try b.allCaseRecords() == world.store.caseRecords(unit: "HUMAS"), "B shows A's decision, not its refused one")
        #expect(try b.history(of: request).contains { $0.syncState == "rejected" }, "the refused event stays in the log")
        #expect(try b.pendingCount() == 0)
    }

    @Test("A conflict names the case, the act, the reason in the officer's language, what holds now and what to do; its letter is void")
    func actionableConflict() async throws {
        let world = try await SyncWorld()
        defer { Task { await world.stop() } }
        // Offline, both decide the same request.
        let offline = try await OfflineDecisions(in: world)
        let (a, b, request) = (offline.a, offline.b, offline.request)
        // B wrote its notice before syncing: a numbered letter in the register and on disk.
        let number = try b.letterNumber(case: request, kind: "pemberitahuan", template: "{seq:4}{terminal}/SRT/PPID-{unit}/{roman}/{year}",
                                        date: b.today)
        let path = world.folder + "/pemberitahuan.txt"
        try "PEMBERITAHUAN TERTULIS\nNomor: \(number)\n".write(toFile: path, atomically: true, encoding: .utf8)
        try "<html><body><h1>Pemberitahuan</h1></body></html>".write(toFile: world.folder + "/pemberitahuan.html", atomically: true, encoding: .utf8)
        try b.noteLetterFile(number: number, path: path)
        try await world.sync(a, officer: "rina")
        #expect(try await world.sync(b, officer: "budi").rejected == 1)

        let conflict = try #require(try b.conflicts().first)
        guard case let .request(held)? = try b.caseRecord(request) else { Issue.record("no request"); return }
        #expect(conflict.caseNumber == held.registration.registrationNumber)
        #expect(conflict.requester == PersonalDataMask.name("Siti Nasution"), "the requester, masked")
        #expect(conflict.reasonEnglish?.isEmpty == false && conflict.reason(.english) != conflict.reason(.indonesian))
        #expect(conflict.held?.hasPrefix(RequestState.decided.rawValue) == true, "what the server holds: A's decision")
        #expect(conflict.voidedLetters == [number])
        #expect(conflict.advice(.english).contains("VOID"))
        // The letter: void in the register, marked in both files, and a new decision gets a new number.
        #expect(try b.letters().first?.voidReason?.isEmpty == false)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("*** BATAL / VOID: \(number)"))
        #expect(try String(contentsOfFile: world.folder + "/pemberitahuan.html", encoding: .utf8).contains("ppid-void"))
        let next = try b.letterNumber(case: request, kind: "pemberitahuan", template: "{seq:4}{terminal}/SRT/PPID-{unit}/{roman}/{year}",
                                      date: b.today)
        #expect(next != number)
    }

    @Test("A calendar loaded centrally reaches the terminals and moves their open deadlines")
    func calendarsFlow() async throws {
        let world = try await SyncWorld()
        defer { Task { await world.stop() } }
        let a = try world.terminal("a")
        try await world.sync(a, officer: "rina")
        let request = try Work.register(a, unit: "HUMAS")
        guard case let .request(before)? = try a.caseRecord(request) else { Issue.record("no request"); return }
        // A closure of the office on the first working day of the clock.
        let first = a.context.calendar.deadline(.writtenNotice, after: before.countsFrom).counted[0]
        try world.store.addCalendar(name: "tutup.txt", body: "# covers: \(first.year)\n\(first.iso)\ttutup\tPenutupan kantor\n")
        let report = try await world.sync(a, officer: "rina")
        #expect(report.calendarsAdded == 1 && report.deadlinesMoved == 1)
        #expect(a.calendarFileNames == ["tutup.txt"])
        guard case let .request(after)? = try a.caseRecord(request) else { Issue.record("no request"); return }
        #expect(after.noticeDue > before.noticeDue)
        // Already held: not sent again.
        #expect(try await world.sync(a, officer: "rina").calendarsAdded == 0)
    }

    @Test("A database of one unit refuses a token of another")
    func wrongUnit() async throws {
        let world = try await SyncWorld()
        defer { Task { await world.stop() } }
        let a = try world.terminal("a")
        try await world.sync(a, officer: "rina")
        _ = try Work.register(a, unit: "HUMAS")
        await #expect(throws: SyncError.wrongUnit(token: "KEU", database: "HUMAS")) {
            try await world.sync(a, officer: "dewi")
        }
        #expect(try a.pendingCount() == 1, "nothing was sent")
    }

    @Test("The PPID Utama's terminal receives every unit's cases")
    func mainSeesAll() async throws {
        let world = try await SyncWorld()
        defer { Task { await world.stop() } }
        let h = try world.terminal("h"), k = try world.terminal("k"), u = try world.terminal("u")
        try await world.sync(h, officer: "rina")
        try await world.sync(k, officer: "dewi")
        _ = try Work.register(h, unit: "HUMAS")
        _ = try Work.register(k, unit: "KEU")
        try await world.sync(h, officer: "rina")
        try await world.sync(k, officer: "dewi")
        try await world.sync(u, officer: "ratna")
        let local = try u.allCaseRecords(), central = try world.store.caseRecords(unit: nil)
        #expect(local == central, "\(local.filter { central[$0.key] != $0.value })\n---\n\(central.filter { local[$0.key] != $0.value })")
        #expect(try u.allCaseRecords().count == 2)
    }

    @Test("The Utama's terminal computes each case in its own unit's zone: WIB, WITA and WIT, as the unit and the server do")
    func mainUsesEachUnitsZone() async throws {
        let world = try await SyncWorld()
        defer { Task { await world.stop() } }
        try world.store.addUnit(code: "PAPUA", name: "Kantor Wilayah Papua", zone: "WIT")
        try world.store.addOfficer(login: "yosef", name: "Yosef", unit: "PAPUA")
        world.tokens["yosef"] = try world.store.issueToken(officer: "yosef")
        // 16:30 UTC: still the 25th in WIB, already the 26th in WITA and WIT.
        let received = try #require(ISO8601DateFormatter().date(from: "2026-11-25T16:30:00Z"))
        let desks = [("HUMAS", "rina"), ("KEU", "dewi"), ("PAPUA", "yosef")]
        var ids: [String: UUID] = [:]
        for (unit, officer) in desks {
            let desk = try world.terminal("desk-\(unit)")
            try await world.sync(desk, officer: officer)
            let registration = RequestRegistration(
                id: desk.newCaseID(), registrationNumber: "", unit: unit, receivedAt: received, channel: .inPerson,
                requester: Requester(name: "Siti Nasution", nik: "3171234567890002", address: "Jakarta"),
                information: "Laporan keuangan", purpose: "Riset")
            ids[unit] = try desk.registerRequest(registration).id
            try await world.sync(desk, officer: officer)
        }
        let utama = try world.terminal("utama")
        try await world.sync(utama, officer: "ratna")
        let central = try world.store.caseRecords(unit: nil)
        let expected = ["HUMAS": "2026-11-25", "KEU": "2026-11-26", "PAPUA": "2026-11-26"]
        for (unit, _) in desks {
            let id = try #require(ids[unit])
            guard case let .request(local)? = try utama.caseRecord(id), case let .request(server)? = central[id] else {
                Issue.record("\(unit): the case is missing"); continue
            }
            #expect(local.receivedOn.iso == expected[unit], "\(unit): received in the unit's own zone")
            #expect(local.receivedOn == server.receivedOn && local.noticeDue == server.noticeDue, "\(unit): as the server computes it")
        }
        #expect(try utama.allCaseRecords() == central)
        // Rebuilt from the log, the Utama's projections keep each unit's zone.
        try utama.rebuildProjections()
        #expect(try utama.allCaseRecords() == central)
        let rows = try utama.searchRequests("Nasution").rows
        #expect(Set(rows.map(\.receivedOn.iso)) == ["2026-11-25", "2026-11-26"], "the list shows what the units show")
    }
}
