import Foundation
import Testing
@testable import PPIDDomain
@testable import PPIDStore

/// `ppid dispute`, run as a script would: the built binary on a unit's database.
@Suite("ppid dispute")
struct DisputeCommandTests {
    let folder: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ppid-dispute-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func ppid(_ arguments: [String]) throws -> PPIDOutcome { try runPPID(arguments, home: folder) }

    /// A refused request, delivered, objected to on `grounds` and answered by the atasan: returns the objection's number.
    func answeredObjection(db: String, grounds: String) throws -> String {
        #expect(try ppid(["unit", "set", "--db", db, "--code", "HUMAS", "--name", "Biro Humas"]).status == 0)
        let registered = try ppid(["request", "register", "--db", db, "--name", "Siti", "--nik", "3171234567890002", "--email", "s@x.id",
                                   "--information", "Berkas penyidikan", "--purpose", "Riset", "--json", "--no-letters"])
        let number = try #require((try JSONSerialization.jsonObject(with: Data(registered.output.utf8)) as? [String: String])?["number"])
        let refused = try ppid(["request", "decide", "--db", db, number, "--outcome", "refused", "--basis", "a", "--harm", "Mengganggu penyidikan",
                                "--interest", "Penegakan hukum", "--withheld", "Seluruh berkas", "--until", "2030-12-31", "--no-letters"])
        #expect(refused.status == 0, "\(refused)")
        #expect(try ppid(["request", "deliver", "--db", db, number]).status == 0)
        let store = try LocalStore(path: db, workstation: Workstation(officer: "rina", terminal: "t"))
        guard let row = try store.request(number: number), case let .request(request)? = try store.caseRecord(row.id) else {
            throw StoreError.notFound(number)
        }
        let filing = try ObjectionSubmission(["grounds": grounds, "filedBy": "Siti"]).filing(id: store.newCaseID(), against: request, today: store.today)
        let objection = try store.fileObjection(filing)
        _ = try store.record(.objection(objection.id, .answered(ObjectionAnswer(verdict: .refusalUpheld(reasons: "Tetap"), atasanName: "Dr. A",
                                                                                 atasanPosition: "Sekjen"))))
        return objection.filing.number
    }

    @Test("A dispute from filing to court: the Commission's clocks, adjudication for ground a (Pasal 40(2)), the court window after the decision")
    func groundAToCourt() throws {
        let db = folder + "/humas.sqlite"
        let objection = try answeredObjection(db: db, grounds: "a")
        let noNumber = try ppid(["dispute", "file", "--db", db, objection])
        #expect(noNumber.status == 1 && noNumber.error.contains("--register: wajib diisi"), "\(noNumber.error)")
        let filed = try ppid(["dispute", "file", "--db", db, objection, "--register", "KI-0042/2026", "--commission", "Komisi Informasi Provinsi Bali", "--json"])
        #expect(filed.status == 0, "\(filed)")
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(filed.output.utf8)) as? [String: Any])
        #expect(answer["state"] as? String == "didaftarkan" && answer["startDue"] != nil && answer["settleBy"] != nil)
        #expect(answer["commission"] as? String == "Komisi Informasi Provinsi Bali")
        // On the deadline board: the Commission's 14 working days to start (Pasal 38(1)).
        let store = try LocalStore(path: db, workstation: Workstation(officer: "rina", terminal: "t"))
        var onBoard = try store.openClocks(limit: 100).first { $0.kind == .dispute }
        #expect(onBoard?.clock == .commissionStart && onBoard?.number == "KI-0042/2026" && onBoard?.dueDate.iso == answer["startDue"] as? String)
        let mediation = try ppid(["dispute", "step", "--db", db, "KI-0042/2026", "mediation"])
        #expect(mediation.status == 1 && mediation.error.contains("Pasal 40 ayat 2"), "\(mediation.error)")
        #expect(try ppid(["dispute", "step", "--db", db, "KI-0042/2026", "adjudication"]).status == 0)
        onBoard = try store.openClocks(limit: 100).first { $0.kind == .dispute }
        #expect(onBoard?.clock == .commissionSettlement && onBoard?.dueDate.iso == answer["settleBy"] as? String, "then the 100 to settle (Pasal 38(2))")
        let decided = try ppid(["dispute", "decide", "--db", db, "KI-0042/2026", "--outcome", "ditolak", "--summary", "Permohonan ditolak", "--json"])
        let decidedAnswer = try #require(try JSONSerialization.jsonObject(with: Data(decided.output.utf8)) as? [String: Any])
        #expect(decidedAnswer["courtBy"] is String, "14 working days to go to court (Pasal 48(1))")
        onBoard = try store.openClocks(limit: 100).first { $0.kind == .dispute }
        #expect(onBoard?.disputeStep == .courtFiling && onBoard?.clock == .courtFiling && onBoard?.dueDate.iso == decidedAnswer["courtBy"] as? String,
                "decided: the window to go to court is on the board while it is open")
        #expect(try store.openClocks(limit: 100, today: CivilDate(iso: "2999-01-01")).allSatisfy { $0.kind != .dispute },
                "a window whose day is behind leaves the board")
        let court = try ppid(["dispute", "court", "--db", db, "KI-0042/2026", "--court", "PTUN Jakarta"])
        #expect(court.status == 0 && court.output.contains("Di pengadilan"), "\(court)")
        let list = try ppid(["dispute", "list", "--db", db])
        #expect(list.output.contains("KI-0042/2026\t\(objection)\tDi pengadilan"))
        onBoard = try store.openClocks(limit: 100).first { $0.kind == .dispute }
        #expect(onBoard?.disputeStep == .awaitingCourt, "in court with no hearing known: on the board, to record one")
        // A hearing with the next one set, then the court's ruling, cassation and the Supreme Court's.
        let future = try ppid(["dispute", "hearing", "--db", db, "KI-0042/2026", "--on", "2999-01-01", "--next", "kemarin"])
        #expect(future.status == 1 && future.error.contains("--on: tidak boleh setelah hari ini") && future.error.contains("--next: tanggal"),
                "\(future.error)")
        let next = store.today.adding(days: 7).iso
        let hearing = try ppid(["dispute", "hearing", "--db", db, "KI-0042/2026", "--note", "Pembacaan gugatan", "--next", next, "--json"])
        #expect(hearing.status == 0, "\(hearing)")
        let heard = try #require(try JSONSerialization.jsonObject(with: Data(hearing.output.utf8)) as? [String: Any])
        #expect((heard["hearings"] as? [[String: Any]])?.first?["next"] as? String == next)
        onBoard = try store.openClocks(limit: 100).first { $0.kind == .dispute }
        #expect(onBoard?.disputeStep == .hearing && onBoard?.dueDate.iso == next)
        let cassationEarly = try ppid(["dispute", "cassation", "--db", db, "KI-0042/2026"])
        #expect(cassationEarly.status == 1 && cassationEarly.error.contains("Di pengadilan"), "\(cassationEarly.error)")
        let ruled = try ppid(["dispute", "court-decide", "--db", db, "KI-0042/2026", "--outcome", "dikabulkan", "--json"])
        let ruledAnswer = try #require(try JSONSerialization.jsonObject(with: Data(ruled.output.utf8)) as? [String: Any])
        #expect(ruledAnswer["state"] as? String == "diputus-pengadilan" && ruledAnswer["ruling"] as? String == "dikabulkan")
        #expect(ruledAnswer["cassationBy"] as? String == store.today.adding(days: 14).iso, "14 days (Pasal 50)")
        // The court ruled for the requester: an order on the board until the information is given (Pasal 52).
        #expect(try store.openClocks(limit: 100).contains { $0.kind == .orderUnfulfilled && $0.number == "KI-0042/2026" })
        #expect(try ppid(["dispute", "cassation", "--db", db, "KI-0042/2026"]).status == 0)
        #expect(try store.openClocks(limit: 100).allSatisfy { $0.kind != .orderUnfulfilled || $0.number != "KI-0042/2026" },
                "before the Supreme Court the ruling is suspended")
        let final = try ppid(["dispute", "cassation-decide", "--db", db, "KI-0042/2026", "--outcome", "ditolak", "--summary", "Kasasi dikabulkan"])
        #expect(final.status == 0 && final.output.contains("Diputus Mahkamah Agung") && final.output.contains("Permohonan ditolak"), "\(final)")
        #expect(try store.openClocks(limit: 100).allSatisfy { !($0.kind == .dispute && $0.number == "KI-0042/2026") }, "final: nothing left")
    }

    @Test("ppid objection file|answer: the form's rules from the command line (Pasal 35(1)(a), 36(1), 36(2)), the receipt and the answer letter")
    func objectionCommands() throws {
        let db = folder + "/humas.sqlite"
        #expect(try ppid(["unit", "set", "--db", db, "--code", "HUMAS", "--name", "Biro Humas"]).status == 0)
        let registered = try ppid(["request", "register", "--db", db, "--name", "Siti", "--nik", "3171234567890002", "--email", "s@x.id",
                                   "--information", "Data", "--purpose", "Riset", "--json", "--no-letters"])
        let number = try #require((try JSONSerialization.jsonObject(with: Data(registered.output.utf8)) as? [String: String])?["number"])
        #expect(try ppid(["request", "decide", "--db", db, number, "--outcome", "full", "--no-letters"]).status == 0)
        // Before the notice reached the requester the grounds have not arisen; ground a needs a refusal.
        let early = try ppid(["objection", "file", "--db", db, number, "--grounds", "d", "--filed-by", "Siti"])
        #expect(early.status == 1, "\(early)")
        #expect(try ppid(["request", "deliver", "--db", db, number]).status == 0)
        let groundA = try ppid(["objection", "file", "--db", db, number, "--grounds", "a", "--filed-by", "Siti", "--received", "2999-01-01"])
        #expect(groundA.status == 1 && groundA.error.contains("--grounds: alasan a") && groundA.error.contains("--received: tidak boleh setelah hari ini"),
                "every option at once: \(groundA.error)")
        let filed = try ppid(["objection", "file", "--db", db, number, "--grounds", "d,g", "--filed-by", "Siti", "--json"])
        #expect(filed.status == 0, "\(filed)")
        let objection = try #require(try JSONSerialization.jsonObject(with: Data(filed.output.utf8)) as? [String: Any])
        let objectionNumber = try #require(objection["number"] as? String)
        let receipt = try #require(objection["letter"] as? String)
        #expect(try String(contentsOfFile: receipt, encoding: .utf8).contains(objectionNumber))
        let unsettled = try ppid(["objection", "answer", "--db", db, objectionNumber, "--verdict", "upheld"])
        #expect(unsettled.status == 1 && unsettled.error.contains("--reasons") && unsettled.error.contains("--atasan"), "\(unsettled.error)")
        let answered = try ppid(["objection", "answer", "--db", db, objectionNumber, "--verdict", "settled", "--reasons", "Sepakat diberikan",
                                 "--atasan", "Dr. A", "--position", "Sekjen"])
        #expect(answered.status == 0 && answered.output.contains("Diselesaikan secara musyawarah") && answered.output.contains("Surat: "), "\(answered)")
        let twice = try ppid(["objection", "answer", "--db", db, objectionNumber, "--atasan", "Dr. A"])
        #expect(twice.status == 1 && twice.error.contains("sudah ditanggapi"))
        // A settlement is not an order on the board; only a granted objection is.
        let store = try LocalStore(path: db, workstation: Workstation(officer: "rina", terminal: "t"))
        #expect(try store.openClocks(limit: 100).allSatisfy { $0.kind != .orderUnfulfilled })
    }

    @Test("Pasal 52: a granted objection is an order on the board until ppid request comply records the information given")
    func grantedObjectionIsAnOrder() throws {
        let db = folder + "/humas.sqlite"
        #expect(try ppid(["unit", "set", "--db", db, "--code", "HUMAS", "--name", "Biro Humas"]).status == 0)
        let registered = try ppid(["request", "register", "--db", db, "--name", "Siti", "--nik", "3171234567890002", "--email", "s@x.id",
                                   "--information", "Data", "--purpose", "Riset", "--json", "--no-letters"])
        let number = try #require((try JSONSerialization.jsonObject(with: Data(registered.output.utf8)) as? [String: String])?["number"])
        #expect(try ppid(["request", "decide", "--db", db, number, "--outcome", "refused", "--basis", "h", "--harm", "x", "--interest", "y",
                          "--withheld", "z", "--no-letters"]).status == 0)
        #expect(try ppid(["request", "deliver", "--db", db, number]).status == 0)
        let filed = try ppid(["objection", "file", "--db", db, number, "--grounds", "a", "--filed-by", "Siti", "--json", "--no-letters"])
        let objection = try #require((try JSONSerialization.jsonObject(with: Data(filed.output.utf8)) as? [String: Any])?["number"] as? String)
        #expect(try ppid(["objection", "answer", "--db", db, objection, "--verdict", "granted", "--atasan", "Dr. A", "--no-letters"]).status == 0)
        let store = try LocalStore(path: db, workstation: Workstation(officer: "rina", terminal: "t"))
        let order = try #require(try store.openClocks(limit: 100).first { $0.kind == .orderUnfulfilled })
        #expect(order.number == objection && order.title == number)
        #expect(try store.boardCounts(bounds: UrgencyBounds(today: store.today.next, calendar: store.context.calendar))[.overdue] ?? 0 >= 1)
        let complied = try ppid(["request", "comply", "--db", db, number, "--order", "keberatan", "--note", "Salinan dikirim"])
        #expect(complied.status == 0 && complied.output.contains("Pemenuhan perintah dicatat."), "\(complied)")
        #expect(try store.openClocks(limit: 100).allSatisfy { $0.kind != .orderUnfulfilled }, "fulfilled: off the board")
    }

    @Test("Grounds b-g may be mediated; a mediated agreement is final (Pasal 39)")
    func mediatedIsFinal() throws {
        let db = folder + "/humas.sqlite"
        let objection = try answeredObjection(db: db, grounds: "g")
        #expect(try ppid(["dispute", "file", "--db", db, objection, "--register", "KI-7/2026"]).status == 0)
        #expect(try ppid(["dispute", "step", "--db", db, "KI-7/2026", "mediation"]).status == 0)
        let agreed = try ppid(["dispute", "decide", "--db", db, "KI-7/2026", "--outcome", "mediasi-berhasil", "--lang", "en"])
        #expect(agreed.status == 0 && agreed.output.contains("Settled by mediation") && !agreed.output.contains("To court"), "\(agreed)")
        let court = try ppid(["dispute", "court", "--db", db, "KI-7/2026", "--court", "PTUN Jakarta"])
        #expect(court.status == 1 && court.error.contains("Pasal 39"), "\(court.error)")
        let unknown = try ppid(["dispute", "decide", "--db", db, "KI-7/2026", "--outcome", "menang"])
        #expect(unknown.status == 1 && unknown.error.contains("--outcome: salah satu dari"))
    }

    @Test("ppid request incomplete|complete: the letter asking for what is missing; the unit's policy decides whether the clock restarts")
    func incompleteFromTheCommandLine() throws {
        let db = folder + "/humas.sqlite"
        #expect(try ppid(["unit", "set", "--db", db, "--code", "HUMAS", "--name", "Biro Humas"]).status == 0)
        let registered = try ppid(["request", "register", "--db", db, "--name", "Siti", "--nik", "3171234567890002", "--email", "s@x.id",
                                   "--information", "Data", "--purpose", "Riset", "--json", "--no-letters"])
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(registered.output.utf8)) as? [String: String])
        let number = try #require(answer["number"])
        let missing = try ppid(["request", "incomplete", "--db", db, number])
        #expect(missing.status == 1 && missing.error.contains("--missing: wajib diisi"))
        let noted = try ppid(["request", "incomplete", "--db", db, number, "--missing", "Fotokopi KTP", "--json"])
        let letters = try #require((try JSONSerialization.jsonObject(with: Data(noted.output.utf8)) as? [String: Any])?["letters"] as? [String])
        #expect(try String(contentsOfFile: try #require(letters.first), encoding: .utf8).contains("Fotokopi KTP"), "the letter asks for it")
        let completed = try ppid(["request", "complete", "--db", db, number, "--json"])
        let cases = try #require((try JSONSerialization.jsonObject(with: Data(completed.output.utf8)) as? [String: Any])?["cases"] as? [[String: String]])
        #expect(cases.first?["due"] == answer["due"], "by default the clock runs from receipt")
        #expect(try ppid(["request", "complete", "--db", db, number]).error.contains("tidak sedang dicatat belum lengkap"))
    }

    @Test("Pasal 52: a Commission decision for the requester is an order on the board until the information given is recorded; before a court it waits")
    func commissionOrder() throws {
        let db = folder + "/humas.sqlite"
        let objection = try answeredObjection(db: db, grounds: "a")
        #expect(try ppid(["dispute", "file", "--db", db, objection, "--register", "KI-88/2026"]).status == 0)
        #expect(try ppid(["dispute", "step", "--db", db, "KI-88/2026", "adjudication"]).status == 0)
        #expect(try ppid(["dispute", "decide", "--db", db, "KI-88/2026", "--outcome", "dikabulkan"]).status == 0)
        let store = try LocalStore(path: db, workstation: Workstation(officer: "rina", terminal: "t"))
        let order = try #require(try store.openClocks(limit: 100).first { $0.kind == .orderUnfulfilled })
        #expect(order.number == "KI-88/2026")
        // Taken to court, the decision is not yet an order to fulfil.
        #expect(try ppid(["dispute", "court", "--db", db, "KI-88/2026", "--court", "PTUN Denpasar"]).status == 0)
        #expect(try store.openClocks(limit: 100).allSatisfy { $0.kind != .orderUnfulfilled })
    }

    @Test("Pasal 52: complying with a Commission decision takes its order off the board")
    func commissionOrderFulfilled() throws {
        let db = folder + "/humas.sqlite"
        let objection = try answeredObjection(db: db, grounds: "a")
        #expect(try ppid(["dispute", "file", "--db", db, objection, "--register", "KI-89/2026"]).status == 0)
        #expect(try ppid(["dispute", "decide", "--db", db, "KI-89/2026", "--outcome", "dikabulkan-sebagian"]).status == 0)
        let store = try LocalStore(path: db, workstation: Workstation(officer: "rina", terminal: "t"))
        let order = try #require(try store.openClocks(limit: 100).first { $0.kind == .orderUnfulfilled })
        guard case let .request(request)? = try store.caseRecord(order.id) else { Issue.record("the order's row is its request's"); return }
        let complied = try ppid(["request", "comply", "--db", db, request.registration.registrationNumber, "--order", "komisi-informasi"])
        #expect(complied.status == 0, "\(complied)")
        #expect(try store.openClocks(limit: 100).allSatisfy { $0.kind != .orderUnfulfilled })
        try store.rebuildProjections()
        #expect(try store.openClocks(limit: 100).allSatisfy { $0.kind != .orderUnfulfilled }, "a rebuild agrees")
    }
}
