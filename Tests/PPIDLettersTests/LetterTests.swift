import Foundation
import Testing
@testable import PPIDDomain
@testable import PPIDLetters

@Suite("Letters")
struct LetterTests {
    let calendar = WorkCalendar.national()
    let renderer = LetterRenderer(templatesFolder: nil, settings: LetterSettings(city: "Denpasar", signatoryName: "Ni Made Ayu", signatoryPosition: "PPID Pelaksana"),
                                  unitCode: "HUMAS", unitName: "Biro Humas", body: "Kementerian Contoh")

    func record(_ steps: [(RequestEvent, String)]) throws -> RequestRecord {
        let context = LifecycleContext(calendar: calendar, zone: .wib)
        let formatter = ISO8601DateFormatter()
        func meta(_ d: String) -> EventMeta {
            EventMeta(officer: "t", instant: formatter.date(from: "\(d)T03:00:00Z")!, localDate: CivilDate(iso: d)!)
        }
        let registration = RequestRegistration(
            registrationNumber: "0007/PPID-HUMAS/III/2026", unit: "HUMAS", receivedAt: formatter.date(from: "2026-03-02T02:00:00Z")!,
            channel: .letter, requester: Requester(name: "Siti <Aminah> & Co", nik: "3171234567890002", address: "Jl. Merdeka 1"),
            information: "Kontrak pengadaan jembatan", purpose: "Pengawasan")
        var r = try RequestLifecycle.apply(.registered(registration), meta: meta("2026-03-02"), to: nil, context: context)
        for (event, date) in steps { r = try RequestLifecycle.apply(event, meta: meta(date), to: r, context: context) }
        return r
    }

    let test = ConsequenceTest(harm: "Mengganggu proses penyidikan", publicInterestWeighed: "Penegakan hukum",
                               withheldPart: "Lampiran 3", until: CivilDate(year: 2028, month: 12, day: 31))

    @Test("The refusal letter carries the basis and the whole consequence test")
    func refusal() throws {
        let r = try record([(.decided(Decision(outcome: .refused(Exemption(basis: .pasal17(.a), test: test)))), "2026-03-10")])
        let text = try renderer.render(.refusal, format: .text, subject: .request(r), number: "0001/SK-PPID/III/2026",
                                       date: CivilDate(year: 2026, month: 3, day: 10)!)
        #expect(text.contains("Nomor   : 0001/SK-PPID/III/2026"))
        #expect(text.contains("Pasal 17 huruf a"))
        #expect(text.contains("Mengganggu proses penyidikan"))
        #expect(text.contains("sampai 31 Desember 2028"))
        #expect(text.contains("Kepada Yth. Siti <Aminah> & Co"))
        #expect(text.contains("Denpasar, 10 Maret 2026"))
        let html = try renderer.render(.refusal, format: .html, subject: .request(r), number: "N", date: CivilDate(year: 2026, month: 3, day: 10)!)
        #expect(html.contains("Siti &lt;Aminah&gt; &amp; Co"), "HTML escapes every value")
        #expect(!html.contains("<Aminah>"))
    }

    @Test("The written notice, the extension notice, and letters that do not apply")
    func noticeAndExtension() throws {
        let r = try record([(.extended(reason: "Dokumen tersebar"), "2026-03-12"), (.decided(Decision(outcome: .notHeld(holder: "BPS"))), "2026-03-20")])
        let notice = try renderer.render(.notice, format: .text, subject: .request(r), number: "N1", date: CivilDate(year: 2026, month: 3, day: 20)!)
        #expect(notice.contains("Tidak dikuasai (dikuasai oleh BPS)"))
        #expect(notice.contains("Informasi tersebut dikuasai oleh BPS."))
        #expect(!notice.contains("Dasar pengecualian"))
        let extension_ = try renderer.render(.extensionNotice, format: .text, subject: .request(r), number: "N2", date: CivilDate(year: 2026, month: 3, day: 12)!)
        #expect(extension_.contains("semula paling lambat 16 Maret 2026"))
        #expect(extension_.contains("sehingga paling lambat 1 April 2026"))
        #expect(extension_.contains("Dokumen tersebar"))
        #expect(throws: LetterError.self) {
            try renderer.render(.refusal, format: .text, subject: .request(r), number: "N3", date: CivilDate(year: 2026, month: 3, day: 20)!)
        }
    }

    @Test("Pasal 22(7): the notice prints the form in words, the cost and how to pay it, and the time of delivery")
    func noticeStatesFormCostDelivery() throws {
        let decision = Decision(outcome: .grantedInFull, form: .hardCopy, costRupiah: 15_000, deliveryBy: CivilDate(year: 2026, month: 3, day: 13),
                                paymentMethod: "Transfer ke rekening BLU 123-456")
        let r = try record([(.decided(decision), "2026-03-10")])
        let notice = try renderer.render(.notice, format: .text, subject: .request(r), number: "N1", date: CivilDate(year: 2026, month: 3, day: 10)!)
        #expect(notice.contains("Bentuk informasi : salinan cetak") || notice.contains("Bentuk informasi : Salinan cetak"), "\(notice)")
        #expect(!notice.contains("salinan-cetak"), "the form in words, not its code")
        #expect(notice.contains("Rp 15000"))
        #expect(notice.contains("Cara pembayaran  : Transfer ke rekening BLU 123-456"))
        #expect(notice.contains("13 Maret 2026"))
        #expect(notice.contains("30 hari kerja setelah pemberitahuan ini diterima"), "the window the rule counts (Pasal 36(1))")
        let free = try record([(.decided(Decision(outcome: .grantedInFull, form: .softCopy)), "2026-03-10")])
        let freeNotice = try renderer.render(.notice, format: .text, subject: .request(free), number: "N2", date: CivilDate(year: 2026, month: 3, day: 10)!)
        #expect(!freeNotice.contains("Cara pembayaran"), "no cost, no payment line")
    }

    @Test("Pasal 22(4): the proof of request carries its registration number and the notice's due date; an objection's receipt its number and answer date")
    func receipts() throws {
        let r = try record([])
        let receipt = try renderer.render(.requestReceipt, format: .text, subject: .request(r), number: "T1", date: CivilDate(year: 2026, month: 3, day: 2)!)
        #expect(receipt.contains("Nomor registrasi   : 0007/PPID-HUMAS/III/2026"))
        #expect(receipt.contains("Diterima           : 2 Maret 2026 melalui"))
        #expect(receipt.contains("paling lambat 16 Maret 2026"))
        #expect(LetterRenderer.applies(.requestReceipt, to: .request(r)))
        let context = LifecycleContext(calendar: calendar, zone: .wib)
        let filing = ObjectionFiling(number: "KEB-0001/PPID-HUMAS/III/2026", requestID: r.id, requestNumber: "0007/PPID-HUMAS/III/2026",
                                     unit: "HUMAS", filedBy: "Siti", grounds: [.c], groundsAroseOn: CivilDate(year: 2026, month: 3, day: 17)!)
        let objection = try ObjectionLifecycle.apply(.filed(filing), meta: EventMeta(officer: "t", instant: Date(timeIntervalSince1970: 1_774_000_000),
                                                                                    localDate: CivilDate(year: 2026, month: 3, day: 20)!), to: nil, context: context)
        let objectionReceipt = try renderer.render(.objectionReceipt, format: .html, subject: .objection(objection, request: r), number: "T2",
                                                   date: CivilDate(year: 2026, month: 3, day: 20)!)
        #expect(objectionReceipt.contains("KEB-0001/PPID-HUMAS/III/2026"))
        #expect(objectionReceipt.contains(LetterRenderer.longDate(objection.answerDue)))
    }

    @Test("A unit's own template replaces the built-in one; a broken one is reported by name")
    func customTemplates() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ppid-templates-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "KOP {{unit.body}} / {{request.number}} / {{signatory.name}}".write(toFile: folder + "/pemberitahuan.txt.mustache", atomically: true, encoding: .utf8)
        try "{{#broken}}".write(toFile: folder + "/perpanjangan.txt.mustache", atomically: true, encoding: .utf8)
        let custom = LetterRenderer(templatesFolder: folder, settings: renderer.settings, unitCode: "HUMAS", unitName: "Biro Humas", body: "Kementerian Contoh")
        let r = try record([(.extended(reason: "x"), "2026-03-12"), (.decided(Decision(outcome: .grantedInFull)), "2026-03-20")])
        #expect(try custom.render(.notice, format: .text, subject: .request(r), number: "N", date: CivilDate(year: 2026, month: 3, day: 20)!)
                == "KOP Kementerian Contoh / 0007/PPID-HUMAS/III/2026 / Ni Made Ayu")
        #expect {
            try custom.render(.extensionNotice, format: .text, subject: .request(r), number: "N", date: CivilDate(year: 2026, month: 3, day: 20)!)
        } throws: { error in
            guard case let .badTemplate(name, _) = error as? LetterError else { return false }
            return name == "perpanjangan.txt.mustache"
        }
        #expect(LetterRenderer.variables.count >= 10)
    }
}
