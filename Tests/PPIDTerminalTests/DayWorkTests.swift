import Foundation
import Testing
@testable import PPIDDomain
@testable import PPIDStore
@testable import PPIDTerminal

/// The frictions an officer met in a day's work, each on the in-memory screen.
@Suite("A day's work without friction", .serialized)
struct DayWorkTests {
    @Test("The default list is what needs action, decided and delivered included, and the tab names the filter")
    func defaultListNeedsAction() throws {
        let app = try makeDemoApp()
        let screen = TextScreen(rows: 24, columns: 80)
        app.render(on: screen)
        let tabs = screen.text.split(separator: "\n")[0]
        #expect(tabs.contains("1 Permohonan: perlu tindakan"), "\(tabs)")
        #expect(tabs.contains("3 Tenggat"), "every tab fits 80 columns: \(tabs)")
        #expect(app.requests.filter == .needsAction)
        let listed = try app.store.requests(filter: .needsAction, limit: 1000)
        #expect(listed.contains { $0.state == .decided }, "a decided request waits for its delivery: it is listed")
        #expect(!listed.contains { $0.state == .delivered || $0.state == .closed }, "delivered ones have reached the requester")
        // Another filter is named on the tab too, in the officer's language.
        app.setRequestFilter(.state(.closed))
        app.render(on: screen)
        #expect(screen.text.split(separator: "\n")[0].contains("Permohonan: Selesai"))
        app.language = .english
        app.render(on: screen)
        #expect(screen.text.split(separator: "\n")[0].contains("Requests: Closed"))
    }

    @Test("A registration or objection number is never cut, at 80 columns or 200; the received date shows at 80")
    func numbersWhole() throws {
        let app = try makeDemoApp()
        for (rows, columns) in [(24, 80), (50, 200)] {
            let screen = TextScreen(rows: rows, columns: columns)
            app.render(on: screen)
            let lines = screen.text.split(separator: "\n").map(String.init)
            #expect(lines[1].contains("Diterima"), "the received column at \(columns)")
            for row in app.requests.window.visibleRows(app.listRows) {
                #expect(lines.contains { $0.contains(row.number) }, "\(row.number) whole at \(columns)")
                #expect(lines.contains { $0.contains(row.receivedOn.iso) })
            }
            app.handle(.character("3"))
            app.render(on: screen)
            let board = screen.text.split(separator: "\n").map(String.init)
            let items = app.board.window.visibleRows(app.listRows)
            #expect(items.contains { $0.kind == .objection }, "the board shows objections")
            for item in items {
                #expect(board.contains { $0.contains(item.number) }, "\(item.number) whole at \(columns)")
            }
            app.handle(.character("1"))
        }
    }

    @Test("A sync failure stays on the bottom line until read; ! leads to it, whole, with what to do")
    func syncFailureLeadsSomewhere() throws {
        let app = try makeDemoApp()
        let screen = TextScreen(rows: 24, columns: 80)
        let failure = "Server pusat https://ppid.example.go.id/api/v1 tidak dapat dihubungi: koneksi ditolak (ECONNREFUSED) setelah 3 percobaan"
        try app.store.setSyncValue("lastError", failure)
        var delivered = false
        app.syncMessages = {
            defer { delivered = true }
            return delivered ? nil : ("Sinkron gagal: " + failure, true)
        }
        app.refresh()
        app.handle(.character("j"))
        app.handle(.character("j"))
        app.render(on: screen)
        #expect(screen.text.contains("Sinkron gagal:"), "still there after two keys")
        #expect(screen.text.contains("sinkron gagal (!)"))
        app.handle(.character("!"))
        app.render(on: screen)
        #expect(screen.text.contains("Sinkronisasi terakhir gagal:"))
        #expect(screen.text.contains("ECONNREFUSED"), "the whole reason, wrapped, not cut at 80 columns")
        #expect(screen.text.contains("R mencoba lagi"))
        app.handle(.escape)
        app.handle(.character("j"))
        app.render(on: screen)
        #expect(!screen.text.split(separator: "\n")[23].contains("Sinkron gagal:"), "read: the bottom line lets it go")
    }

    @Test("The command line shows its completions while typing")
    func completionsVisible() throws {
        let app = try makeDemoApp()
        let screen = TextScreen(rows: 24, columns: 80)
        app.handle(.character(":"))
        app.type("re")
        app.render(on: screen)
        let status = screen.text.split(separator: "\n", omittingEmptySubsequences: false)[22]
        #expect(status.contains("Tab:") && status.contains("register") && status.contains("report"), "\(status)")
        app.type("po")
        app.render(on: screen)
        let single = screen.text.split(separator: "\n", omittingEmptySubsequences: false)[22]
        #expect(single.contains(":report") && single.contains("Laporan"), "one left: its help: \(single)")
    }

    @Test("Help lists the keys of what is open: a form's (F1) and a detail's, then the pane's")
    func helpForOverlays() throws {
        let app = try makeDemoApp()
        let screen = TextScreen(rows: 40, columns: 120)
        app.handle(.character("a"))
        #expect(app.openForm != nil)
        app.handle(.function(1))
        app.render(on: screen)
        #expect(screen.text.contains("Simpan (Enter di isian terakhir)"), "the form's own keys")
        #expect(screen.text.contains("Kosongkan isian"))
        app.handle(.escape)
        #expect(app.openForm != nil, "leaving the help goes back to the form")
        app.handle(.escape)
        app.handle(.enter)  // a request's detail
        app.handle(.character("?"))
        app.render(on: screen)
        #expect(screen.text.contains("Gulir turun"), "the detail's keys")
        #expect(screen.text.contains("Perpanjang 7 hari kerja"), "the acts that work on the detail")
    }

    @Test("Audit and history speak the UI's language: no raw event codes in either")
    func wordsInTheirLanguage() throws {
        let app = try makeDemoApp()
        let screen = TextScreen(rows: 40, columns: 160)
        let row = try #require(app.requests.window.rows.first { $0.state.awaitsNotice })
        _ = try app.store.record(.request(row.id, .processingStarted))
        try app.showAudit()
        app.render(on: screen)
        #expect(screen.text.contains("permohonan mulai diproses"))
        #expect(!screen.text.contains("event.request"))
        app.handle(.escape)
        app.language = .english
        try app.showAudit()
        app.render(on: screen)
        #expect(screen.text.contains("request processing started"))
        #expect(screen.text.contains("demo workspace built"))
        #expect(!screen.text.contains("processingStarted"))
        #expect(EventKindText.text(kind: .dispute, name: "decided", .indonesian) == "putusan Komisi Informasi")
    }

    @Test("A running app takes up a calendar another process added")
    func calendarReload() throws {
        let app = try makeDemoApp()
        let other = try LocalStore(path: app.store.path, workstation: Workstation(officer: "budi", terminal: "t2"))
        let closure = "2026-11-27\ttutup\tKantor tutup\tSK 1/2026\n"
        _ = try other.addCalendarFile(try CalendarFile(source: "tutup.tsv", text: closure), body: closure)
        #expect(app.store.context.calendar.isWorkingDay(fixedToday.next))
        app.refresh()
        #expect(!app.store.context.calendar.isWorkingDay(fixedToday.next), "the closure is in force in the running app")
        #expect(app.board.bounds.soonUntil == UrgencyBounds(today: fixedToday, calendar: other.context.calendar).soonUntil)
    }

    @Test("Intake takes the day the request reached the unit (a letter of days ago): the deadline counts from it, the detail shows both dates")
    func receivedAtIntake() throws {
        let app = try makeDemoApp()
        let screen = TextScreen(rows: 40, columns: 120)
        app.handle(.character("a"))
        var form = try #require(app.openForm)
        #expect(form["received"] == "2026-11-26T10:00", "now, in the unit's zone, by default")
        // Received by letter on Monday 23 November, entered on Thursday the 26th.
        form["received"] = "2026-11-23T09:15"
        form["channel"] = Channel.letter.rawValue
        form["name"] = "Ni Luh Putu Ayu"
        form["nik"] = "5171234567890001"
        form["address"] = "Jl. Gajah Mada 7, Denpasar"
        form["information"] = "Daftar penerima beasiswa 2026"
        form["purpose"] = "Liputan berita"
        app.overlays[app.overlays.count - 1] = .form(form)
        app.handle(.control("s"))
        #expect(app.openForm == nil, "saved: \(String(describing: app.openForm?.message))")
        let row = try #require(try app.store.requests(filter: .all, limit: 1000).first { $0.subject == "Daftar penerima beasiswa 2026" })
        #expect(row.receivedOn == CivilDate(iso: "2026-11-23"))
        #expect(row.dueDate == app.store.context.calendar.deadline(.writtenNotice, after: CivilDate(iso: "2026-11-23")!).due)
        app.overlays.append(.detail(try app.requestDetail(row.id, revealed: nil)))
        app.render(on: screen)
        #expect(screen.text.contains("2026-11-23"))
        #expect(screen.text.contains("Dicatat") && screen.text.contains("2026-11-26"), "the recording day beside the receipt")
        // Never in the future.
        app.handle(.escape)
        app.handle(.character("a"))
        var future = try #require(app.openForm)
        for key in ["name", "nik", "address", "information", "purpose"] { future[key] = form[key] }
        future["received"] = "2026-11-30T08:00"
        app.overlays[app.overlays.count - 1] = .form(future)
        app.handle(.control("s"))
        #expect(app.openForm?.fields.first { $0.key == "received" }?.error != nil)
    }

    @Test("An ended exemption on the board opens its DIP entry, and e there opens the edit form to reclassify it")
    func endedExemptionFromTheBoard() throws {
        let app = try makeDemoApp()
        let screen = TextScreen(rows: 24, columns: 100)
        let test = ConsequenceTest(harm: "x", publicInterestWeighed: "y", withheldPart: "z", until: CivilDate(iso: "2026-01-15"))
        let entry = DIPEntry(number: "DIP-EXP-1", unit: "HUMAS", title: "Berkas penyidikan 2024", summary: "s", holder: "Bagian Hukum",
                             category: .exempt, exemption: Exemption(basis: .pasal17(.a), test: test))
        try app.store.record(.dip(entry.id, .added(entry)))
        app.refresh()
        app.handle(.character("3"))
        app.handle(.home)
        app.render(on: screen)
        #expect(screen.text.contains("Reklasifikasi") && screen.text.contains("DIP-EXP-1"), "\(screen.text)")
        while app.board.selected?.id != entry.id, app.board.window.rows.contains(where: { $0.id == entry.id }) { app.handle(.down) }
        app.handle(.enter)
        app.render(on: screen)
        #expect(screen.text.contains("ENTRI DIP  DIP-EXP-1"))
        app.handle(.character("e"))
        #expect(app.openForm?.title.contains("DIP") == true, "the edit form, from the board: \(String(describing: app.message))")
    }

    @Test("K on the board records a dispute over an objection, then its next step; mediation is not offered on ground a (Pasal 40(2))")
    func disputeFromTheBoard() throws {
        let app = try makeDemoApp()
        let screen = TextScreen(rows: 30, columns: 120)
        app.handle(.character("3"))
        while let item = app.board.selected, item.kind != .objection { app.handle(.down) }
        let objectionItem = try #require(app.board.selected)
        guard case let .objection(objection)? = try app.store.caseRecord(objectionItem.id) else { Issue.record("no objection"); return }
        app.handle(.character("K"))
        var form = try #require(app.openForm)
        #expect(form.title.contains(objection.filing.number))
        form["registerNumber"] = "KI-0099/2026"
        form["late"] = "Berkas diterima terlambat dari KI"
        app.overlays[app.overlays.count - 1] = .form(form)
        app.handle(.control("s"))
        #expect(app.openForm == nil, "\(String(describing: app.message))")
        let disputeID = try #require(try app.store.disputeID(number: "KI-0099/2026"))
        app.handle(.home)
        while let item = app.board.selected, item.id != disputeID, app.board.window.rows.contains(where: { $0.id == disputeID }) { app.handle(.down) }
        app.render(on: screen)
        #expect(screen.text.contains("Sengketa KI") && screen.text.contains("KI-0099/2026"))
        app.handle(.character("K"))
        let step = try #require(app.openForm)
        guard case let .choice(options)? = step.fields.first(where: { $0.key == "step" })?.kind else { Issue.record("no step choice"); return }
        let offered = options.map(\.0)
        #expect(objection.filing.grounds.contains(.a) ? !offered.contains("mediation") : offered.contains("mediation"))
        #expect(offered.contains("adjudication"))
        var adjudicate = step
        adjudicate["step"] = "adjudication"
        app.overlays[app.overlays.count - 1] = .form(adjudicate)
        app.handle(.control("s"))
        guard case let .dispute(record)? = try app.store.caseRecord(disputeID) else { Issue.record("no dispute"); return }
        #expect(record.state == .adjudication)
        // A hearing, with the next one set: the board shows the hearing as the dispute's next step.
        app.handle(.home)
        while let item = app.board.selected, item.id != disputeID, app.board.window.rows.contains(where: { $0.id == disputeID }) { app.handle(.down) }
        app.handle(.character("K"))
        var hearing = try #require(app.openForm)
        hearing["step"] = "hearing"
        hearing["note"] = "Pemeriksaan awal"
        hearing["nextOn"] = "2026-12-10"
        app.overlays[app.overlays.count - 1] = .form(hearing)
        app.handle(.control("s"))
        #expect(app.openForm == nil, "\(String(describing: app.openForm?.message))")
        let row = try #require(try app.store.openClocks(limit: 500).first { $0.id == disputeID })
        #expect(row.disputeStep == .hearing && row.dueDate.iso == "2026-12-10")
        app.handle(.home)
        while let item = app.board.selected, item.id != disputeID, app.board.window.rows.contains(where: { $0.id == disputeID }) { app.handle(.down) }
        app.render(on: screen)
        #expect(screen.text.contains("Sidang") && screen.text.contains("2026-12-10"), "\(screen.text)")
    }

    @Test("After a restore of the server from an older backup, ! says so first, in the UI's language")
    func serverRestoredNote() throws {
        let app = try makeDemoApp()
        let screen = TextScreen(rows: 30, columns: 120)
        try app.store.prepareRecoveryFromServerRestore(serverLatest: 40, cursor: 55)
        try app.showConflicts()
        app.render(on: screen)
        #expect(screen.text.contains("SERVER DIPULIHKAN") && screen.text.contains("nomor terakhirnya 40"), "\(screen.text)")
        app.handle(.escape)
        app.runCommand("lang")
        try app.showConflicts()
        app.render(on: screen)
        #expect(screen.text.contains("SERVER RESTORED") && screen.text.contains("last number was 40"), "\(screen.text)")
    }

    @Test("The notice itemised from the unit's fee schedule; $ records a payment; the detail shows what is owed")
    func feesAndPayment() throws {
        let app = try makeDemoApp()
        app.feeSchedule = FeeSchedule(items: [FeeItem(code: "A4", description: "Fotokopi A4", unit: "lembar", rateRupiah: 500)], decree: "SK 12/2026")
        let screen = TextScreen(rows: 50, columns: 120)
        let row = try #require(try app.store.requests(filter: .open, limit: 50).first)
        while app.requests.selected?.id != row.id { app.handle(.down) }
        app.handle(.character("d"))
        var form = try #require(app.openForm)
        #expect(form.fields.contains { $0.key == "fees" && $0.hint.contains("A4 Rp 500/lembar") })
        form["outcome"] = "full"
        form["fees"] = "A4=30"
        form["payment"] = "Kas unit"
        app.overlays[app.overlays.count - 1] = .form(form)
        app.handle(.control("s"))
        #expect(app.openForm == nil, "\(String(describing: app.openForm?.message))")
        guard case let .request(decided)? = try app.store.caseRecord(row.id) else { Issue.record("no request"); return }
        #expect(decided.decision?.costRupiah == 15_000 && decided.owedRupiah == 15_000)
        app.handle(.character("$"))
        var pay = try #require(app.openForm)
        #expect(pay["amount"] == "15000")
        pay["amount"] = "5000"
        pay["reference"] = "KW-77"
        app.overlays[app.overlays.count - 1] = .form(pay)
        app.handle(.control("s"))
        #expect(app.openForm == nil, "\(String(describing: app.openForm?.message))")
        app.overlays.append(.detail(try app.requestDetail(row.id, revealed: nil)))
        app.render(on: screen)
        #expect(screen.text.contains("Rp 15000 (SK 12/2026)") && screen.text.contains("Fotokopi A4: 30 lembar") && screen.text.contains("sisa Rp 10000"),
                "\(screen.text)")
    }
}
