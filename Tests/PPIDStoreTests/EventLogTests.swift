import Foundation
import GRDB
import Testing
@testable import PPIDDomain
@testable import PPIDStore

@Suite("Event log and projections")
struct EventLogTests {
    @Test("Registering takes the next number, computes the deadline, logs, projects, queues and audits in one go")
    func register() throws {
        let (store, clock) = try makeStore()
        let record = try store.registerRequest(sampleRegistration(at: clock))
        #expect(record.registration.registrationNumber == "0001/PPID-HUMAS/III/2026")
        #expect(record.noticeDue == d("2026-03-16"))
        let rows = try store.requests()
        #expect(rows.map(\.number) == ["0001/PPID-HUMAS/III/2026"])
        #expect(rows.first?.dueDate == d("2026-03-16"))
        #expect(rows.first?.maskedRequester == "Sit* Nur******")
        #expect(try store.pendingCount() == 1)
        let history = try store.history(of: record.id)
        #expect(history.map(\.envelope.event.name) == ["registered"])
        #expect(history.first?.envelope.meta.officer == "rina")
        #expect(history.first?.terminal == "tty-test")
        #expect(try store.auditTrail().first?.action == "event.request.registered")
    }

    @Test("A projection row holds each value with its type, bound column by column, and a rebuild writes the same")
    func projectionRowValues() throws {
        let (store, clock) = try makeStore()
        let record = try store.registerRequest(sampleRegistration(at: clock))
        try store.record(.request(record.id, .extended(reason: "Perlu koordinasi")))
        let sql = """
            SELECT number, received_at, typeof(received_at), state, open, typeof(open), provisional, typeof(provisional),
                   extended_due, decided_on, typeof(decided_on), nik, email, counts_from
            FROM requests WHERE uuid = ?
            """
        let row = try store.read { db in try Row.fetchOne(db, sql: sql, arguments: [record.id.text]) }
        let values = try #require(row)
        #expect(values[0] as String == "0001/PPID-HUMAS/III/2026")
        #expect(values[1] as Double == record.registration.receivedAt.timeIntervalSince1970)
        #expect(values[2] as String == "real")
        #expect(values[3] as String == RequestState.extended.rawValue)
        #expect(values[4] as Int == 1)
        #expect(values[5] as String == "integer")
        #expect(values[6] as Int == 0)
        #expect(values[7] as String == "integer")
        #expect(values[8] as String? != nil)
        #expect(values[9] as String? == nil)
        #expect(values[10] as String == "null")
        #expect(values[11] as String? == record.registration.requester.nik)
        #expect(values[12] as String == record.registration.requester.email)
        #expect(values[13] as String == record.countsFrom.iso)
        try store.rebuildProjections()
        let rebuilt = try store.read { db in try Row.fetchOne(db, sql: sql, arguments: [record.id.text]) }
        #expect(rebuilt == row)
    }

    @Test("A refused change writes nothing at all")
    func rejectedChangeWritesNothing() throws {
        let (store, clock) = try makeStore()
        let record = try store.registerRequest(sampleRegistration(at: clock))
        try store.record(.request(record.id, .extended(reason: "Perlu koordinasi")))
        let before = (try store.eventCount(), try store.pendingCount(), try store.auditTrail().count)
        #expect {
            try store.record(.request(record.id, .extended(reason: "Lagi")))
        } throws: { error in
            guard case .rejected(.request(.secondExtension)) = error as? StoreError else { return false }
            return true
        }
        #expect((try store.eventCount(), try store.pendingCount(), try store.auditTrail().count) == before)
        #expect(try store.requests().first?.state == .extended)
    }

    @Test("Register numbers are never reused, even after a withdrawal")
    func numbersNeverReused() throws {
        let (store, clock) = try makeStore()
        let first = try store.registerRequest(sampleRegistration(at: clock))
        try store.record(.request(first.id, .withdrawn(reason: "Tidak jadi")))
        let second = try store.registerRequest(sampleRegistration(at: clock))
        #expect(second.registration.registrationNumber == "0002/PPID-HUMAS/III/2026")
        // A registration the domain refuses does not consume a number either way, and the next is still 0003.
        var bad = sampleRegistration(at: clock)
        bad.requester.nik = "123"
        #expect(throws: StoreError.self) { try store.registerRequest(bad) }
        #expect(try store.registerRequest(sampleRegistration(at: clock)).registration.registrationNumber == "0003/PPID-HUMAS/III/2026")
    }

    @Test("The event log and the audit trail cannot be changed or emptied")
    func appendOnly() throws {
        let (store, clock) = try makeStore()
        try store.registerRequest(sampleRegistration(at: clock))
        for sql in ["UPDATE events SET officer = 'x'", "DELETE FROM events", "UPDATE audit_log SET officer = 'x'", "DELETE FROM audit_log"] {
            #expect(throws: (any Error).self, "\(sql)") { try store.pool.write { db in try db.execute(sql: sql) } }
        }
        for column in ["seq", "uuid", "case_kind", "case_uuid", "name", "officer", "instant", "local_date", "terminal", "origin", "payload"] {
            #expect(throws: (any Error).self, "\(column)") {
                try store.pool.write { db in try db.execute(sql: "UPDATE events SET \(column) = \(column) || ''") }
            }
        }
        // The server's number is the one thing kept beside the content that may change (a restored register).
        try store.pool.write { db in try db.execute(sql: "UPDATE events SET server_seq = 5") }
        #expect(try store.eventCount() == 1)
        #expect(try store.auditTrail().allSatisfy { $0.officer == "rina" })
    }

    @Test("Reading a requester's full NIK is itself recorded")
    func personalDataReadIsAudited() throws {
        let (store, clock) = try makeStore()
        let record = try store.registerRequest(sampleRegistration(at: clock))
        let requester = try store.revealPersonalData(ofRequest: record.id, purpose: "Verifikasi identitas")
        #expect(requester.nik == "3171234567890002")
        let last = try #require(try store.auditTrail().first)
        #expect(last.action == "personal-data.read")
        #expect(last.subject == record.registration.registrationNumber)
        #expect(last.detail == "Verifikasi identitas")
        #expect(last.terminal == "tty-test")
    }

    @Test("Rebuilding all projections from the log gives exactly what incremental updates gave")
    func rebuildEqualsIncremental() throws {
        let (store, clock) = try makeStore()
        var random = SeededRandom(seed: 42)
        var requests: [UUID] = []
        var documents: [UUID] = []
        var applied = 0
        for step in 0..<3000 {
            clock.set(String(format: "2026-%02d-%02dT03:00:00Z", 3 + step / 600, 2 + (step / 25) % 26))
            let roll = Int.random(in: 0..<100, using: &random)
            do {
                if roll < 20 || requests.isEmpty {
                    requests.append(try store.registerRequest(sampleRegistration(name: "Pemohon \(step)", subject: "Dokumen \(step)", at: clock)).id)
                } else if roll < 30 || documents.isEmpty {
                    let entry = DIPEntry(number: "DIP-\(step)", unit: "HUMAS", title: "Dokumen \(step)", summary: "Ringkasan",
                                         holder: "Bagian Umum", category: random.pick([.periodic, .onRequest, .immediate]))
                    try store.record(.dip(entry.id, .added(entry)))
                    documents.append(entry.id)
                } else {
                    let id = random.pick(requests)
                    let event: RequestEvent = random.pick([
                        .processingStarted, .extended(reason: "Koordinasi"), .decided(Decision(outcome: .grantedInFull)),
                        .delivered(method: .email, note: ""), .closed, .withdrawn(reason: "x"),
                        .forwarded(to: .unit("ITJEN"), note: ""), .documentsLinked([random.pick(documents)]),
                    ])
                    try store.record(.request(id, event))
                }
                applied += 1
            } catch {
                guard case .rejected = error else { throw error }
            }
        }
        #expect(applied > 1000)
        func snapshot() throws -> [String] {
            try store.read { db in
                var lines: [String] = []
                for (table, key) in [("requests", "uuid"), ("objections", "uuid"), ("dip_entries", "uuid"), ("request_documents", "request_uuid, dip_uuid")] {
                    let columns = try db.columns(in: table).map(\.name).filter { $0 != "rowid" }
                    for row in try Row.fetchAll(db, sql: "SELECT \(columns.joined(separator: ", ")) FROM \(table) ORDER BY \(key)") {
                        lines.append(table + ": " + row.description)
                    }
                }
                for row in try Row.fetchAll(db, sql: "SELECT * FROM request_state_counts WHERE n > 0 ORDER BY state") {
                    lines.append("count: " + row.description)
                }
                for row in try Row.fetchAll(db, sql: "SELECT * FROM open_clock_counts WHERE n > 0 ORDER BY due_date") {
                    lines.append("clocks: " + row.description)
                }
                return lines
            }
        }
        let incremental = try snapshot()
        // The per-date counts the triggers kept equal a count over the open cases themselves.
        let kept = try store.read { db in try Row.fetchAll(db, sql: "SELECT due_date, n FROM open_clock_counts WHERE n > 0 ORDER BY due_date").map { "\($0[0] as String)=\($0[1] as Int)" } }
        let counted = try store.read { db in try Row.fetchAll(db, sql: """
            SELECT d, sum(n) FROM (SELECT due_date AS d, count(*) AS n FROM requests WHERE open = 1 GROUP BY due_date
            UNION ALL SELECT answer_due, count(*) FROM objections WHERE open = 1 GROUP BY answer_due) GROUP BY d ORDER BY d
            """).map { "\($0[0] as String)=\($0[1] as Int)" } }
        #expect(!kept.isEmpty)
        #expect(kept == counted)
        try store.rebuildProjections()
        let rebuilt = try snapshot()
        #expect(incremental.count > 500)
        #expect(incremental == rebuilt)
        #expect(try store.searchDIP("dokumen").hitCount > 0)
    }

    @Test("A decree that covers a provisional date makes it certain, moved or not; the history names the binding date")
    func decreeEndsProvisional() throws {
        let clock = TestClock("2026-12-21T02:00:00Z")  // Monday 21 December: ten working days reach into 2027
        let (store, _) = try makeStore(clock: clock)
        let plain = try store.registerRequest(sampleRegistration(at: clock))
        let extended = try store.registerRequest(sampleRegistration(at: clock))
        try store.record(.request(extended.id, .extended(reason: "Koordinasi antarunit")))
        #expect(try store.requests(filter: .open).allSatisfy(\.isProvisional), "2027 has no decree yet")
        // The 2027 decree, without a day in the first weeks of January: no date moves.
        let decree = "# covers: 2027\n2027-03-20\tlibur\tHari Raya Nyepi\tSKB 2027\n"
        let moved = try store.addCalendarFile(try CalendarFile(source: "skb-2027.tsv", text: decree), body: decree)
        #expect(moved.isEmpty)
        #expect(try store.requests(filter: .open).allSatisfy { !$0.isProvisional }, "covered now: no '?'")
        // A closure that moves the extended one: the history line names the extended date, the one that binds.
        let before = try #require(try store.requests(filter: .open).first { $0.uuidString == extended.id.uuidString })
        let closure = "\(before.dueDate.iso)\ttutup\tKantor tutup\tSK 9/2027\n"
        _ = try store.addCalendarFile(try CalendarFile(source: "tutup.tsv", text: closure), body: closure)
        let after = try #require(try store.requests(filter: .open).first { $0.uuidString == extended.id.uuidString })
        #expect(after.dueDate > before.dueDate)
        let line = try #require(try store.history(of: extended.id).last).envelope.event.actText(.indonesian)
        #expect(line.contains(after.dueDate.iso), "\(line)")
        #expect(!after.isProvisional)
        _ = plain
    }

    @Test("Pasal 52: an open order follows the objection and the request's compliance, through a rebuild and a bulk load alike")
    func openOrdersKept() throws {
        let (store, clock) = try makeStore()
        let request = try store.registerRequest(sampleRegistration(at: clock))
        let exemption = Exemption(basis: .pasal17(.h), test: ConsequenceTest(harm: "x", publicInterestWeighed: "y", withheldPart: "z", until: nil))
        try store.record(.request(request.id, .decided(Decision(outcome: .refused(exemption)))))
        try store.record(.request(request.id, .delivered(method: .email, note: "")))
        guard case let .request(delivered) = try #require(try store.caseRecord(request.id)) else { return }
        let filing = try ObjectionSubmission(["grounds": "a", "filedBy": "Siti"]).filing(id: UUID(), against: delivered, today: store.today)
        let objection = try store.fileObjection(filing)
        func open() throws -> Int { try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM objections WHERE order_open = 1") ?? -1 } }
        #expect(try open() == 0, "filed, not yet granted")
        try store.record(.objection(objection.id, .answered(ObjectionAnswer(verdict: .objectionGranted, atasanName: "A", atasanPosition: "B"))))
        #expect(try open() == 1)
        try store.rebuildProjections()
        #expect(try open() == 1, "a rebuild keeps it")
        try store.record(.request(request.id, .complied(order: .objection, note: "")))
        #expect(try open() == 0)
        try store.beginBulkPull()
        try store.finishBulkPull()
        try store.rebuildProjections()
        #expect(try open() == 0, "a bulk load's restore and a rebuild agree")
    }

    @Test("A demo build leaves its write-ahead log empty: the next start does not read it whole first")
    func demoCheckpoints() throws {
        let path = temporaryFolder() + "/demo.sqlite"
        let store = try LocalStore(path: path, workstation: officer)
        _ = try store.generateDemo(DemoOptions(requests: 3000, documents: 1000, seed: 3, today: d("2026-11-26")))
        let size = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        #expect(size < 100_000, "the log holds \(size) bytes")
    }

    @Test("A running terminal notices another process's calendar change and counts with it")
    func settingsReload() throws {
        let (store, clock) = try makeStore()
        _ = try store.registerRequest(sampleRegistration(at: clock))
        #expect(try store.reloadSettingsIfChanged() == false)
        let other = try LocalStore(path: store.path, workstation: officer)
        let text = "2026-03-10\ttutup\tKantor pindah gedung\tSK 3/2026\n"
        _ = try other.addCalendarFile(try CalendarFile(source: "tutup.tsv", text: text), body: text)
        #expect(store.context.calendar.isWorkingDay(d("2026-03-10")), "still the calendar it opened with")
        #expect(try store.reloadSettingsIfChanged() == true)
        #expect(!store.context.calendar.isWorkingDay(d("2026-03-10")))
        #expect(store.calendarFileNames == ["tutup.tsv"])
        #expect(try store.reloadSettingsIfChanged() == false)
    }

    @Test("A calendar change recomputes open deadlines in one transaction and records each move")
    func calendarChange() throws {
        let (store, clock) = try makeStore()
        let open = try store.registerRequest(sampleRegistration(at: clock))
        let decided = try store.registerRequest(sampleRegistration(at: clock))
        try store.record(.request(decided.id, .decided(Decision(outcome: .grantedInFull))))
        let text = "2026-03-10\ttutup\tKantor pindah gedung\tSK Kepala Biro 3/2026\n"
        let file = try CalendarFile(source: "tutup-maret.tsv", text: text)
        let moved = try store.addCalendarFile(file, body: text)
        #expect(moved == [MovedDeadline(caseID: open.id, number: open.registration.registrationNumber,
                                        oldDue: d("2026-03-16"), newDue: d("2026-03-17"))])
        #expect(try store.requests(filter: .open).first?.dueDate == d("2026-03-17"))
        let last = try #require(try store.history(of: open.id).last)
        guard case let .request(_, .deadlineMoved(due, _, reason)) = last.envelope.event else {
            Issue.record("expected a deadlineMoved event")
            return
        }
        #expect(due == d("2026-03-17"))
        #expect(reason.contains("tutup-maret.tsv"))
        #expect(try store.history(of: decided.id).count == 2)
        #expect(store.calendarFileNames == ["tutup-maret.tsv"])
        // The calendar survives reopening.
        let reopened = try LocalStore(path: store.path, workstation: officer)
        #expect(!reopened.context.calendar.isWorkingDay(d("2026-03-10")))
    }

    @Test("A rejected push is never dropped silently: the projection is rebuilt without it and it is listed")
    func rejectedPush() throws {
        let (store, clock) = try makeStore()
        let record = try store.registerRequest(sampleRegistration(at: clock))
        try store.record(.request(record.id, .extended(reason: "Perlu koordinasi")))
        let pending = try store.pendingOutboxPayloads(after: 0, limit: 500)
        #expect(pending.count == 2)
        try store.markAccepted([(pending[0].id, 101)])
        try store.markRejected(pending[1].id, reason: "Sudah diputuskan di pusat")
        #expect(try store.requests().first?.state == .registered)
        #expect(try store.requests().first?.isExtended == false)
        let conflicts = try store.conflicts()
        #expect(conflicts.map(\.reason) == ["Sudah diputuskan di pusat"])
        #expect(try store.pendingCount() == 0)
        #expect(try store.history(of: record.id).map(\.syncState) == ["accepted", "rejected"])
    }

    @Test("A push batch stops at its byte budget, and always holds at least one event")
    func pushBatchBytes() throws {
        let (store, clock) = try makeStore()
        for _ in 0..<5 { try store.registerRequest(sampleRegistration(at: clock)) }
        let all = try store.pendingOutboxPayloads(after: 0, limit: 500)
        #expect(all.count == 5)
        let size = all[0].payload.count
        let two = try store.pendingOutboxPayloads(after: 0, limit: 500, maximumBytes: all[0].payload.count + all[1].payload.count)
        #expect(two.map(\.id) == Array(all.prefix(2)).map(\.id))
        #expect(try store.pendingOutboxPayloads(after: 0, limit: 500, maximumBytes: 1).map(\.id) == [all[0].id])
        #expect(try store.pendingOutboxPayloads(after: all[3].seq, limit: 500, maximumBytes: size * 10).map(\.id) == [all[4].id])
        #expect(try store.pendingOutboxPayloads(after: 0, limit: 3, maximumBytes: .max).count == 3)
    }

    @Test("A push reads the pending events in log order, as a range of the outbox's index")
    func pendingInOrder() throws {
        let (store, clock) = try makeStore()
        for _ in 0..<6 { try store.registerRequest(sampleRegistration(at: clock)) }
        let all = try store.pendingOutboxPayloads(after: 0, limit: 500)
        #expect(all.map(\.seq) == all.map(\.seq).sorted())
        try store.markAccepted([(all[1].id, 11), (all[3].id, 12)])
        let pending = try store.pendingOutboxPayloads(after: 0, limit: 500)
        #expect(pending.map(\.id) == [all[0], all[2], all[4], all[5]].map(\.id))
        #expect(try store.pendingOutboxPayloads(after: all[2].seq, limit: 1).map(\.id) == [all[4].id])
        #expect(try store.pendingOutboxPayloads(after: all[5].seq, limit: 500).isEmpty)
        let plan = try store.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + LocalStore.pendingOutboxQuery, arguments: [0, 10]).map { $0["detail"] as String }.joined()
        }
        #expect(plan.contains("outbox_pending (state=? AND event_seq>?)"), "\(plan)")
        #expect(!plan.contains("TEMP B-TREE"), "\(plan)")
    }

    @Test("The outbox checks its state without a temporary table at every row, and still refuses an unknown state")
    func outboxStateCheck() throws {
        let (store, clock) = try makeStore()
        try store.registerRequest(sampleRegistration(at: clock))
        let opcodes = try store.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN UPDATE outbox SET state = 'accepted', server_seq = 1 WHERE event_uuid = ?", arguments: ["x"])
                .map { $0["opcode"] as String }
        }
        #expect(opcodes.contains("Halt"))
        #expect(!opcodes.contains("OpenEphemeral"), "\(opcodes)")
        #expect(throws: StoreError.self) {
            try store.write { db in try db.execute(sql: "UPDATE outbox SET state = 'sent'") }
        }
        #expect(try store.pendingCount() == 1)
    }

    @Test("Change notification arrives without the main queue")
    func changeNotification() async throws {
        let (store, clock) = try makeStore()
        let (stream, continuation) = AsyncStream<Void>.makeStream()
        let observation = try store.observeChanges { continuation.yield() }
        try store.registerRequest(sampleRegistration(at: clock))
        var iterator = stream.makeAsyncIterator()
        let got: Void? = await iterator.next()
        #expect(got != nil)
        observation.cancel()
        #expect(try store.latestEventSeq() == 1)
    }

    @Test("Drafts are kept until deleted")
    func drafts() throws {
        let (store, _) = try makeStore()
        try store.saveDraft(form: "request.register", body: "{\"name\":\"Siti\"}")
        try store.saveDraft(form: "request.register", body: "{\"name\":\"Siti Aminah\"}")
        #expect(try store.drafts().map(\.body) == ["{\"name\":\"Siti Aminah\"}"])
        try store.deleteDraft(form: "request.register")
        #expect(try store.drafts().isEmpty)
    }
}
