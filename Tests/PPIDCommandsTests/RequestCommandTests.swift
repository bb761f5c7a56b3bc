import Foundation
import Testing
@testable import PPIDDomain
@testable import PPIDStore

/// `ppid request register|list`, run as a script would: the built binary, its output and exit status.
@Suite("ppid request")
struct RequestCommandTests {
    let folder: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ppid-request-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func ppid(_ arguments: [String]) throws -> PPIDOutcome { try runPPID(arguments, home: folder) }

    @Test("register prints the number and due date (or one JSON object); list --json gives every documented key")
    func registerAndList() throws {
        let db = folder + "/humas.sqlite"
        #expect(try ppid(["unit", "set", "--db", db, "--code", "HUMAS", "--name", "Biro Humas", "--zone", "WIT"]).status == 0)
        let plain = try ppid(["request", "register", "--db", db, "--name", "Siti Nasution", "--nik", "3171234567890002",
                              "--email", "siti@example.id", "--information", "Kontrak pengadaan 2026", "--purpose", "Penelitian"])
        #expect(plain.status == 0 && plain.output.hasPrefix("Terdaftar 0001/PPID-HUMAS/"), "\(plain)")
        let json = try ppid(["request", "register", "--db", db, "--name", "PT Data Terbuka", "--entity-document", "AHU-0012.AH.01.01",
                             "--phone", "081234567890", "--information", "Anggaran 2025", "--purpose", "Kajian",
                             "--channel", "surat", "--received", "2026-11-26T08:30", "--json"])
        #expect(json.status == 0, "\(json)")
        let answer = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: String]
        #expect(answer?["received"] == "2026-11-26" && answer?["due"] == "2026-12-10", "counted from --received, in the unit's zone")
        #expect(answer?["number"]?.hasPrefix("0002/PPID-HUMAS/XI/2026") == true && answer?["id"] != nil)
        // The proof of the request (Pasal 22(4)), written at registration.
        let receipt = try #require(answer?["receipt"])
        #expect(try String(contentsOfFile: receipt, encoding: .utf8).contains(answer?["number"] ?? "-"))

        let list = try ppid(["request", "list", "--db", db, "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.output.utf8)) as? [[String: Any]])
        #expect(rows.count == 2)
        for row in rows {
            for key in ["number", "unit", "received", "due", "extendedDue", "state", "registeredBy"] {
                #expect(row.keys.contains(key), "list --json has \(key)")
            }
            #expect(row["registeredBy"] as? String == "rina" && row["state"] as? String == "terdaftar" && row["extendedDue"] is NSNull)
        }
        #expect(try ppid(["request", "list", "--db", db, "--state", "selesai"]).output.contains("Tidak ada permohonan"))
        #expect(try ppid(["request", "list", "--db", db, "--all"]).output.split(separator: "\n").count == 2)
    }

    @Test("The same refusals as the form, naming the option; nothing is registered and no number is taken")
    func refusals() throws {
        let db = folder + "/humas.sqlite"
        #expect(try ppid(["unit", "set", "--db", db, "--code", "HUMAS", "--name", "Biro Humas"]).status == 0)
        let base = ["request", "register", "--db", db, "--name", "Siti", "--information", "Data", "--purpose", "Riset"]
        let cases: [([String], String)] = [
            (["--nik", "123", "--email", "s@x.id"], "--nik: NIK harus 16 angka"),
            (["--nik", "3171234567890002"], "--address | --phone | --email"),
            (["--nik", "3171234567890002", "--email", "bukan-email"], "--email:"),
            (["--nik", "3171234567890002", "--email", "s@x.id", "--received", "2999-01-01"], "--received: Waktu diterima tidak boleh di masa depan"),
            (["--nik", "3171234567890002", "--email", "s@x.id", "--received", "kemarin"], "--received: tulis YYYY-MM-DD"),
            (["--nik", "3171234567890002", "--email", "s@x.id", "--channel", "merpati"], "--channel:"),
        ]
        for (extra, message) in cases {
            let outcome = try ppid(base + extra)
            #expect(outcome.status == 1 && outcome.error.contains(message), "\(extra): \(outcome.error)")
        }
        #expect(try ppid(["request", "list", "--db", db, "--state", "bogus"]).error.contains("--state"))
        let ok = try ppid(base + ["--nik", "3171234567890002", "--email", "s@x.id"])
        #expect(ok.output.contains("0001/PPID-HUMAS/"), "no number was taken by the refused ones: \(ok)")
    }

    @Test("Every act on a request from the command line: the form's rules and messages, several numbers in one transaction, letters written")
    func acts() throws {
        let db = folder + "/humas.sqlite"
        #expect(try ppid(["unit", "set", "--db", db, "--code", "HUMAS", "--name", "Biro Humas"]).status == 0)
        var numbers: [String] = []
        for name in ["Siti", "Budi", "Wati"] {
            let out = try ppid(["request", "register", "--db", db, "--name", name, "--nik", "3171234567890002", "--email", "s@x.id",
                                "--information", "Data", "--purpose", "Riset", "--json"])
            let answer = try #require(try JSONSerialization.jsonObject(with: Data(out.output.utf8)) as? [String: String])
            numbers.append(try #require(answer["number"]))
        }
        let processed = try ppid(["request", "process", "--db", db] + numbers)
        #expect(processed.status == 0 && processed.output.contains("Diproses."), "\(processed)")

        // The extension's reason is required, as in the form; given, both requests move together.
        let noReason = try ppid(["request", "extend", "--db", db, numbers[0]])
        #expect(noReason.status == 1 && noReason.error.contains("--reason: wajib diisi"), "\(noReason.error)")
        let extended = try ppid(["request", "extend", "--db", db, numbers[0], numbers[1], "--reason", "Koordinasi antarunit", "--json"])
        #expect(extended.status == 0, "\(extended)")
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(extended.output.utf8)) as? [String: Any])
        let cases = try #require(answer["cases"] as? [[String: String]])
        #expect(cases.map { $0["state"] } == ["diperpanjang", "diperpanjang"])
        #expect((answer["letters"] as? [String])?.count == 2, "an extension notice for each: \(answer)")
        // A second extension is refused by the lifecycle, naming the case, and nothing of the batch is recorded.
        let again = try ppid(["request", "extend", "--db", db, numbers[2], numbers[0], "--reason", "Lagi"])
        #expect(again.status == 1 && again.error.hasPrefix(numbers[0] + ": "), "\(again.error)")
        #expect(try ppid(["request", "list", "--db", db, "--state", "diperpanjang"]).output.split(separator: "\n").count == 2)

        // A refusal without its Pasal 17 letter and consequence test: every missing option at once.
        let bare = try ppid(["request", "decide", "--db", db, numbers[2], "--outcome", "refused", "--lang", "en"])
        #expect(bare.status == 1, "\(bare)")
        for option in ["--basis", "--harm", "--interest", "--withheld"] { #expect(bare.error.contains(option + ":"), "\(option): \(bare.error)") }
        let decided = try ppid(["request", "decide", "--db", db, numbers[2], "--outcome", "full", "--cost", "0"])
        #expect(decided.status == 0 && decided.output.contains("Pemberitahuan tertulis dicatat."), "\(decided)")
        #expect(decided.output.contains("Surat: "), "the notice letter: \(decided.output)")
        let delivered = try ppid(["request", "deliver", "--db", db, numbers[2], "--method", "email"])
        #expect(delivered.status == 0, "\(delivered)")
        #expect(try ppid(["request", "close", "--db", db, numbers[2]]).status == 0)
        let closedTwice = try ppid(["request", "close", "--db", db, numbers[2]])
        #expect(closedTwice.status == 1, "a closed request cannot be closed again: \(closedTwice)")
        let missing = try ppid(["request", "withdraw", "--db", db, "9999/PPID-HUMAS/I/2026"])
        #expect(missing.status == 1 && missing.error.contains("tidak ada permohonan dengan nomor ini"))
        let forward = try ppid(["request", "forward", "--db", db, numbers[1], "--to-body", "Kementerian Keuangan"])
        #expect(forward.status == 0 || forward.error.contains(numbers[1]), "\(forward)")
        #expect(try ppid(["request", "withdraw", "--db", db, numbers[0], "--reason", "Sudah diperoleh"]).status == 0)
    }
}
