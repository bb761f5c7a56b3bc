import Foundation
import Testing
@testable import PPIDDomain
@testable import PPIDStore

/// `ppid request register|list`, run as a script would: the built binary, its output and exit status.
@Suite("ppid request")
struct RequestCommandTests {
    struct Outcome {
        let status: Int32
        let output: String
        let error: String
    }

    let folder: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ppid-request-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func ppid(_ arguments: [String]) throws -> Outcome {
        let executable = try #require(ppidExecutable(), "build the ppid product first (swift build)")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ["HOME": folder, "XDG_CONFIG_HOME": folder + "/config", "XDG_DATA_HOME": folder + "/data",
                               "USER": "rina", "PATH": "/usr/bin:/bin"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let error = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
                       error: String(decoding: error, as: UTF8.self))
    }

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
}
