import Foundation
import Testing
@testable import PPIDDomain
@testable import PPIDStore

/// The unit's fee schedule from the config, a notice itemised from it, payments, and an objection
/// on ground f citing the cost: run as a script would.
@Suite("ppid fees, request decide --fees, request pay")
struct FeeCommandTests {
    let folder: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ppid-fees-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder + "/config/ppid", withIntermediateDirectories: true)
    }

    func ppid(_ arguments: [String]) throws -> PPIDOutcome { try runPPID(arguments, home: folder) }

    func configure(schedule: String) throws {
        try schedule.write(toFile: folder + "/biaya.csv", atomically: true, encoding: .utf8)
        try "fees = \(folder)/biaya.csv\nfees_decree = SK Sekjen No. 12 Tahun 2026\n"
            .write(toFile: folder + "/config/ppid/config", atomically: true, encoding: .utf8)
    }

    @Test("A broken schedule is refused with its line and what to fix; a good one is listed")
    func schedule() throws {
        let none = try ppid(["fees"])
        #expect(none.status == 1 && none.error.contains("fees = BERKAS"), "\(none.error)")
        try configure(schedule: "kode,uraian,satuan,tarif\nA4,Fotokopi A4,lembar,500\nCD,Salinan pada CD,keping,sepuluh ribu\n")
        let bad = try ppid(["fees"])
        #expect(bad.status == 1 && bad.error.contains("biaya.csv:3") && bad.error.contains("sepuluh ribu"), "\(bad.error)")
        // Every act that would use it refuses the same way, before anything is recorded.
        #expect(try ppid(["request", "decide", "--db", folder + "/u.sqlite", "0001/X", "--fees", "A4=1"]).error.contains("biaya.csv:3"))
        try configure(schedule: "kode,uraian,satuan,tarif\nA4,Fotokopi A4,lembar,500\nCD,Salinan pada CD,keping,10.000\n")
        let good = try ppid(["fees", "--lang", "en"])
        #expect(good.status == 0 && good.output.contains("Set by SK Sekjen No. 12 Tahun 2026") && good.output.contains("CD\tSalinan pada CD\tRp 10000 / keping"),
                "\(good)")
    }

    @Test("decide --fees itemises the notice from the schedule; pay records payments; ground f cites the cost")
    func itemisedPaidAndObjected() throws {
        try configure(schedule: "kode,uraian,satuan,tarif\nA4,Fotokopi A4,lembar,500\nCD,Salinan pada CD,keping,10000\n")
        let db = folder + "/humas.sqlite"
        #expect(try ppid(["unit", "set", "--db", db, "--code", "HUMAS", "--name", "Biro Humas"]).status == 0)
        let registered = try ppid(["request", "register", "--db", db, "--name", "Siti", "--nik", "3171234567890002", "--email", "s@x.id",
                                   "--information", "Laporan keuangan", "--purpose", "Riset", "--json", "--no-letters"])
        let number = try #require((try JSONSerialization.jsonObject(with: Data(registered.output.utf8)) as? [String: String])?["number"])
        let unknown = try ppid(["request", "decide", "--db", db, number, "--fees", "A3=10", "--payment", "Kas"])
        #expect(unknown.status == 1 && unknown.error.contains("--fees:") && unknown.error.contains("A4, CD"), "\(unknown.error)")
        let decided = try ppid(["request", "decide", "--db", db, number, "--fees", "A4=120,CD=1", "--payment", "Transfer ke rekening BPP", "--json"])
        #expect(decided.status == 0, "\(decided)")
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(decided.output.utf8)) as? [String: Any])
        let letter = try #require((answer["letters"] as? [String])?.first)
        let notice = try String(contentsOfFile: letter, encoding: .utf8)
        #expect(notice.contains("Rp 70000") && notice.contains("Fotokopi A4: 120 lembar x Rp 500 = Rp 60000")
                && notice.contains("SK Sekjen No. 12 Tahun 2026"), "\(notice)")
        let tooMuch = try ppid(["request", "pay", "--db", db, number, "--amount", "80000", "--reference", "KW-1"])
        #expect(tooMuch.status == 1 && tooMuch.error.contains("Rp 70000"), "\(tooMuch.error)")
        #expect(try ppid(["request", "pay", "--db", db, number, "--amount", "30000", "--reference", "KW-1"]).status == 0)
        #expect(try ppid(["request", "pay", "--db", db, number, "--reference", "TRF-2"]).status == 0, "the rest, by default")
        let again = try ppid(["request", "pay", "--db", db, number, "--reference", "TRF-3"])
        #expect(again.status == 1 && again.error.contains("tidak menyebut biaya yang belum dibayar"), "\(again.error)")
        let store = try LocalStore(path: db, workstation: Workstation(officer: "rina", terminal: "t"))
        guard let row = try store.request(number: number), case let .request(record)? = try store.caseRecord(row.id) else {
            throw StoreError.notFound(number)
        }
        #expect(record.paidRupiah == 70_000 && record.payments?.map(\.reference) == ["KW-1", "TRF-2"])
        #expect(try ppid(["request", "deliver", "--db", db, number]).status == 0)
        let objected = try ppid(["objection", "file", "--db", db, number, "--grounds", "f", "--filed-by", "Siti", "--json"])
        #expect(objected.status == 0, "\(objected)")
        let objection = try #require(try JSONSerialization.jsonObject(with: Data(objected.output.utf8)) as? [String: Any])
        let receipt = try String(contentsOfFile: try #require(objection["letter"] as? String), encoding: .utf8)
        #expect(receipt.contains("Biaya yang dikenakan: Rp 70000 (Fotokopi A4: 120 lembar") && receipt.contains("menurut SK Sekjen No. 12 Tahun 2026"),
                "\(receipt)")
    }
}
