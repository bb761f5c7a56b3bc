import Foundation
import Testing
@testable import PPIDDomain
@testable import PPIDStore
@testable import PPIDTerminal
@testable import PPIDLetters

@Suite("Keyboard triage on the in-memory screen", .serialized)
struct TriageTests {
    @Test("Marked rows: a refusal comes before the form, names the case, and leaves every case as it was")
    func bulkIsAllOrNothing() throws {
        let app = try makeDemoApp()
        let screen = TextScreen(rows: 24, columns: 80)
        app.setRequestFilter(.open)
        // The first open requests are already past their due date: extending them is refused at once.
        let numbers = app.requests.window.rows.prefix(3).map(\.number)
        app.handle(.character(" "))
        app.handle(.character(" "))
        app.handle(.character(" "))
        #expect(app.requests.marks.count == 3)
        let before = try app.store.eventCount()
        app.handle(.character("x"))
        app.render(on: screen)
        #expect(app.openForm == nil, "no form to fill in for an act that cannot be done")
        #expect(try app.store.eventCount() == before, "nothing half-applied")
        let message = try #require(app.message?.text)
        #expect(message.contains("Perpanjangan harus diberitahukan paling lambat"))
        #expect(numbers.contains { message.hasPrefix($0 + ": ") }, "the refused case is named: \(message)")
        #expect(app.requests.marks.count == 3)
    }

    @Test("The objection form fills in the requester's full name, and that reading is in the audit trail")
    func objectionPrefillAudited() throws {
        let app = try makeDemoApp()
        let row = try #require(try app.store.requests(filter: .all, limit: 400).first { !$0.isEntity })
        let before = try app.store.auditTrail(limit: 5).filter { $0.action == "personal-data.read" }.count
        let form = try app.objectionForm(row.id)
        let filled = try #require(form.fields.first { $0.key == "filedBy" })
        guard case let .request(record)? = try app.store.caseRecord(row.id) else { Issue.record("no request"); return }
        #expect(filled.value == record.registration.requester.name)
        let after = try app.store.auditTrail(limit: 5).filter { $0.action == "personal-data.read" }
        #expect(after.count == before + 1 && after.first?.subject == record.registration.registrationNumber)
    }

    @Test("On a deadline row the request's acts work as on the requests pane (x, d, …), not 'unknown key'")
    func actsOnDeadlineRows() throws {
        let app = try makeDemoApp()
        let screen = TextScreen(rows: 24, columns: 80)
        app.handle(.character("3"))
        app.handle(.character("d"))              // the first row is an objection: said so
        app.render(on: screen)
        #expect(!screen.text.contains("Tombol tidak dikenal"))
        #expect(screen.text.contains("Pilih permohonan terlebih dahulu."))
        while let item = app.board.selected, item.kind != .request { app.handle(.character("j")) }  // a request's notice deadline
        app.handle(.character("d"))
        app.render(on: screen)
        #expect(screen.text.contains("Pemberitahuan tertulis (Pasal 22 ayat 7)"), "the decision form opens for the row's request")
    }

    @Test("e in a DIP entry's detail opens its edit form, as the detail's hint says")
    func editFromDocumentDetail() throws {
        let app = try makeDemoApp()
        let screen = TextScreen(rows: 24, columns: 80)
        app.handle(.character("2"))
        app.handle(.enter)
        app.render(on: screen)
        #expect(screen.text.contains("e ubah"))
        #expect(!screen.text.contains("pembuatan2") && App.label("Waktu & tempat pembuatan", 24).hasSuffix(" "),
                "a label never runs into its value")
        app.handle(.character("e"))
        app.render(on: screen)
        #expect(screen.text.contains("Ubah entri DIP"), "the edit form opens")
    }

    @Test("A search with more hits than a page shows how many and lets the officer page through every one, read as they are reached")
    func searchShowsEveryHit() throws {
        let app = try makeDemoApp(requests: 1500)
        let screen = TextScreen(rows: 24, columns: 80)
        app.handle(.character("/"))
        app.type("laporan")
        let every = try app.store.searchRequests("laporan", limit: 10_000).rows
        let total = every.count
        #expect(total > App.searchPage, "the demo has more hits than a page (\(total))")
        #expect(app.requests.search?.total == total)
        #expect(app.requests.search?.rows.count == App.searchPage, "a keystroke reads one page")
        app.render(on: screen)
        #expect(screen.text.contains("1 Permohonan: /laporan [\(total)]"), "the count of hits, not of the first page")
        // Paging on reads the rest, in the same order as one read of every hit.
        app.handle(.enter)
        app.handle(.end)
        #expect(app.requests.search?.rows.map(\.uuidString) == every.map(\.uuidString))
        #expect(app.requests.selected?.uuidString == every.last?.uuidString)
    }

    @Test("Help scrolls at 80x24: the last actions (:audit, :lang, :report) are reachable, and the position is shown")
    func helpScrolls() throws {
        let app = try makeDemoApp()
        let screen = TextScreen(rows: 24, columns: 80)
        app.handle(.character("?"))
        app.render(on: screen)
        #expect(!screen.text.contains(":report"), "the help is longer than the screen")
        #expect(screen.text.contains("1-"), "the position is shown")
        app.handle(.end)
        app.render(on: screen)
        for command in [":audit", ":lang", ":report", ":registers"] { #expect(screen.text.contains(command), "\(command) reachable") }
        app.handle(.home)
        app.render(on: screen)
        #expect(!screen.text.contains(":registers"))
    }

    @Test("A refusal without a Pasal 17 basis or consequence test is refused in words, every field at once, then accepted when complete")
    func decideRefusal() throws {
        let app = try makeDemoApp()
        let screen = TextScreen(rows: 30, columns: 100)
        app.setRequestFilter(.open)  // a request whose notice is still to be written
        let id = try #require(app.requests.selected?.id)
        app.handle(.character("d"))
        app.handle(.right); app.handle(.right)   // outcome: refused
        app.handle(.control("s"))
        app.render(on: screen)
        #expect(screen.text.contains("pilih huruf Pasal 17"), "no Pasal 17 letter is chosen for the officer")
        let form = try #require(app.openForm)
        let marked = form.shownIndices.filter { form.fields[$0].error != nil }.map { form.fields[$0].key }
        #expect(marked == ["basis", "harm", "interest", "withheld"], "every missing part is marked on the first save: \(marked)")
        app.handle(.right)                       // the refusal put the cursor on the basis: Pasal 17 a, shown with what it protects
        app.render(on: screen)
        #expect(screen.text.contains("Pasal 17 huruf a: menghambat"))
        app.handle(.control("s"))
        app.render(on: screen)
        #expect(screen.text.contains("wajib diisi"))
        guard case let .request(still)? = try app.store.caseRecord(id) else { Issue.record("no request"); return }
        #expect(still.decision == nil)
        #expect(app.openForm?.focusedField?.key == "harm", "the save moved to the first marked field")
        app.type("Mengganggu penyidikan")
        app.handle(.tab)
        app.type("Penegakan hukum lebih penting")
        app.handle(.tab)
        app.type("Lampiran 2")
        app.handle(.control("s"))
        // Letter a is not permanent (Pasal 20(1)): its end date is asked for, on that field.
        #expect(app.openForm?.focusedField?.key == "until")
        #expect(app.openForm?.fields.first { $0.key == "until" }?.error?.contains("Pasal 20") == true)
        app.type("2028-12-31")
        app.handle(.control("s"))
        guard case let .request(decided)? = try app.store.caseRecord(id) else { Issue.record("no request"); return }
        #expect(decided.state == .decided)
        guard case let .refused(exemption?)? = decided.decision?.outcome else { Issue.record("not refused"); return }
        #expect(exemption.basis == .pasal17(.a))
    }

    @Test("The command line completes and runs actions; unknown keys and commands say so")
    func commandLine() throws {
        let app = try makeDemoApp()
        let screen = TextScreen(rows: 24, columns: 80)
        app.handle(.character(":"))
        app.type("dea")
        app.handle(.tab)
        app.render(on: screen)
        #expect(screen.text.contains(":deadlines"))
        app.handle(.enter)
        #expect(app.pane == .deadlines)
        app.handle(.character(":"))
        app.type("frobnicate")
        app.handle(.enter)
        app.render(on: screen)
        #expect(screen.text.contains("Perintah tidak dikenal: frobnicate"))
        app.handle(.character("Z"))
        app.render(on: screen)
        #expect(screen.text.contains("tekan ? untuk bantuan"))
    }

    @Test("Help is generated from the action table and filters as you type")
    func help() throws {
        let app = try makeDemoApp()
        let screen = TextScreen(rows: 40, columns: 120)
        app.handle(.character("?"))
        app.type("perpanj")
        app.render(on: screen)
        #expect(screen.text.contains(":extend"))
        #expect(!screen.text.contains(":decide"))
        for spec in ActionTable.available(in: .requests) where !spec.keys.isEmpty {
            #expect(ActionTable.action(for: spec.keys[0], in: .requests)?.id == spec.id, "\(spec.id) keeps its key")
        }
    }

    @Test("Moving past the loaded page loads the next by keyset, and back")
    func paging() throws {
        let app = try makeDemoApp(requests: 3000, documents: 50)
        app.setRequestFilter(.all)
        for _ in 0..<250 { app.handle(.character("j")) }
        let deep = try #require(app.requests.selected)
        for _ in 0..<250 { app.handle(.character("k")) }
        let all = try app.store.requests(filter: .all, limit: 300)
        #expect(deep.rowid == all[250].rowid)
        #expect(app.requests.selected?.rowid == all[0].rowid)
        app.handle(.character("G"))
        let last = try app.store.requests(filter: .all, direction: .backward, limit: 1)
        #expect(app.requests.selected?.rowid == last.first?.rowid)
    }
}

@Suite("Report and registers in the app")
struct ReportViewTests {
    @Test("The report view shows the same figures as the domain computes")
    func reportView() throws {
        let app = try makeDemoApp()
        let screen = TextScreen(rows: 90, columns: 100)
        app.runCommand("report")
        app.render(on: screen)
        #expect(screen.text.contains("LAPORAN LAYANAN INFORMASI PUBLIK 2026"))
        let records = try app.store.reportRecords(for: ReportPeriod(year: 2026)!)
        let humas = ServiceReport.compute(period: ReportPeriod(year: 2026)!, unit: "HUMAS", requests: records.requests,
                                          objections: records.objections, disputes: records.disputes, calendar: app.store.context.calendar)
        let lines = screen.text.split(separator: "\n")
        let section = try #require(lines.firstIndex { $0 == "HUMAS" })
        let line = try #require(lines[section...].first { $0.contains("Permohonan diterima") })
        #expect(line.hasSuffix(" \(humas.requestsReceived)"))
        app.handle(.escape)
        app.runCommand("registers")
        app.render(on: screen)
        #expect(screen.text.contains("REGISTER PERMOHONAN 2026"))
    }
}

@Suite("Letters from the app")
struct LetterDeskTests {
    @Test("Deciding writes the written notice (and the refusal decision) and says where the file went")
    func decidingWritesTheNotice() throws {
        let app = try makeDemoApp()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ppid-letters-\(UUID())").path
        app.letterDesk = LetterDesk(renderer: LetterRenderer(templatesFolder: nil, settings: LetterSettings(), unitCode: "HUMAS",
                                                             unitName: "Biro Humas", body: "Kementerian Contoh"), folder: folder)
        let screen = TextScreen(rows: 24, columns: 200)
        app.setRequestFilter(.open)  // a request whose notice is still to be written
        let number = try #require(app.requests.selected?.number)
        app.handle(.character("d"))
        app.handle(.control("s"))
        app.render(on: screen)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files.count == 2, "the notice as text and HTML")
        #expect(files.allSatisfy { $0.hasPrefix("pemberitahuan-") })
        let text = try String(contentsOfFile: folder + "/" + files.first { $0.hasSuffix(".txt") }!, encoding: .utf8)
        #expect(text.contains(number))
        #expect(text.contains("Diberikan seluruhnya"))
        #expect(screen.text.contains("Surat: " + folder))
        #expect(try app.store.auditTrail().first?.action == "letter.write")
    }
}

@Suite("One action record feeds keys, help, : and hints")
struct ActionRecordTests {
    @Test("Every key a hint line shows dispatches to something, on every pane; every action has a key or a : name")
    func shownKeysDispatch() throws {
        for pane in Pane.allCases {
            for spec in ActionTable.available(in: pane) where spec.hintText(.indonesian) != nil {
                let key = try #require(spec.keys.first)
                #expect(ActionTable.action(for: key, in: pane)?.id == spec.id, "\(spec.id) on \(pane)")
            }
        }
        for spec in ActionTable.all {
            #expect(!spec.keys.isEmpty || ActionTable.command(spec.command, in: .requests)?.id == spec.id, "\(spec.id) reachable")
        }
        #expect(ActionTable.command("quit", in: .requests)?.id == .quit, ":quit asks like q")
    }

    @Test("Every key an overlay's hint line shows dispatches: a form's, a detail's and the acts that work on a detail")
    func overlayKeysDispatch() throws {
        let app = try makeDemoApp()
        app.setRequestFilter(.open)
        app.handle(.character("l"))                        // the link form: every form key, Ctrl-F included
        let form = try #require(app.openForm)
        for binding in OverlayBindings.formBindings(for: form) where binding.hintText(.indonesian) != nil {
            let key = try #require(binding.keys.first)
            #expect(OverlayBindings.formCommand(for: key, in: form) != nil, "\(key) in the form")
        }
        app.handle(.function(1))                            // the help key the form's hint line shows
        guard case .help? = app.overlays.last else { Issue.record("F1 opens the help over the form"); return }
        app.handle(.escape)
        app.handle(.escape)
        app.handle(.enter)                                  // a request's detail
        for binding in OverlayBindings.detail where binding.hintText(.indonesian) != nil {
            let key = try #require(binding.keys.first)
            #expect(OverlayBindings.detailCommand(for: key) != nil, "\(key) on a detail")
        }
        #expect(!app.detailActions.isEmpty)
        for spec in app.detailActions where spec.hintText(.indonesian) != nil {
            let key = try #require(spec.keys.first)
            #expect(ActionTable.detailAction(for: key, in: .requests)?.id == spec.id, "\(spec.id) on a detail")
        }
    }

    @Test("A form's kind is its draft key, and drafts of earlier versions are still read")
    func formKinds() {
        let id = UUID()
        #expect(FormKind(draftKey: FormKind.extend([id]).draftKey) == .extend([id]))
        #expect(FormKind(draftKey: "decide:\(id.uuidString)") == .decide(id))
        #expect(FormKind(draftKey: "dip:new") == .newEntry)
        #expect(FormDraft(body: #"{"reason":"x","_focus":"0"}"#)?.values == ["reason": "x"])
    }
}
