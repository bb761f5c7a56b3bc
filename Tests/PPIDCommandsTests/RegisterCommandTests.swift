import Foundation
import Testing
@testable import PPIDCommands
@testable import PPIDDomain
@testable import PPIDStore

@Suite("ppid register")
struct RegisterCommandTests {
    func run(_ arguments: [String]) throws -> String {
        let command = try PPIDCommand.parseAsRoot(["register", "--db", ReportCommandTests.database] + arguments)
        return try (command as! RegisterCommand).csv()
    }

    @Test("The request register: standard columns, one row per request received in the period, personal data masked")
    func requestRegister() throws {
        let csv = try run(["requests", "--year", "2026", "--quarter", "4"])
        let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first?.hasPrefix("No. registrasi,Tanggal diterima,Kanal,Nama pemohon,NIK,") == true)
        let store = try LocalStore(path: ReportCommandTests.database, workstation: Workstation(officer: "t", terminal: "t"))
        let count = try store.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM requests WHERE received_on BETWEEN '2026-10-01' AND '2026-12-31'") ?? 0
        }
        #expect(lines.count == count + 1)
        #expect(lines.first?.hasSuffix("Dicatat oleh") == true, "the officer who registered it, last")
        #expect(lines.dropFirst().allSatisfy { !$0.hasSuffix(",") }, "every row names who registered it")
        let anyNIK = try store.read { db in try String.fetchOne(db, sql: "SELECT nik FROM requests WHERE nik IS NOT NULL AND received_on >= '2026-10-01'") }
        let nik = try #require(anyNIK)
        #expect(!csv.contains(nik), "NIKs are masked by default")
        #expect(csv.contains(PersonalDataMask.nik(nik)))
    }

    @Test("--include-personal-data shows the full data and is recorded in the audit trail; --bom for Excel")
    func personalData() throws {
        let store = try LocalStore(path: ReportCommandTests.database, workstation: Workstation(officer: "t", terminal: "t"))
        let before = try store.auditTrail().count
        let csv = try run(["requests", "--year", "2026", "--quarter", "4", "--include-personal-data", "--bom"])
        #expect(csv.hasPrefix("\u{FEFF}No. registrasi"))
        let nik = try #require(try store.read { db in try String.fetchOne(db, sql: "SELECT nik FROM requests WHERE nik IS NOT NULL AND received_on >= '2026-10-01'") })
        #expect(csv.contains(nik))
        let audit = try store.auditTrail()
        #expect(audit.count == before + 1)
        #expect(audit.first?.action == "personal-data.export")
        #expect(audit.first?.subject == "register.requests")
    }

    @Test("The objection register")
    func objectionRegister() throws {
        let csv = try run(["objections", "--year", "2026", "--lang", "en"])
        #expect(csv.hasPrefix("Objection no.,Date,Requester/proxy,Request no.,Information requested,"))
        #expect(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count > 1)
    }
}
