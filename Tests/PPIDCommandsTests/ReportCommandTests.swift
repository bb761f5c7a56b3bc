import Foundation
import Testing
@testable import PPIDCommands
@testable import PPIDDomain
@testable import PPIDStore

@Suite("ppid report")
struct ReportCommandTests {
    /// A small demo database on a fixed day.
    static let database: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ppid-report-\(UUID())/unit.sqlite").path
        let store = try! LocalStore(path: path, workstation: Workstation(officer: "t", terminal: "t"))
        _ = try! store.generateDemo(DemoOptions(requests: 300, documents: 10, seed: 5, today: CivilDate(year: 2026, month: 11, day: 26)!))
        return path
    }()

    func run(_ arguments: [String]) throws -> String {
        let command = try PPIDCommand.parseAsRoot(["report", "--db", Self.database] + arguments)
        return try (command as! ReportCommand).output()
    }

    @Test("Markdown per unit and for the body; the numbers agree with the database")
    func markdown() throws {
        let text = try run(["--year", "2026"])
        #expect(text.hasPrefix("# Laporan Layanan Informasi Publik"))
        #expect(text.contains("## HUMAS"))
        #expect(text.contains("## Seluruh badan publik"))
        let store = try LocalStore(path: Self.database, workstation: Workstation(officer: "t", terminal: "t"))
        let received2026 = try store.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM requests WHERE received_on BETWEEN '2026-01-01' AND '2026-12-31'") ?? 0
        }
        let bodySection = try #require(text.components(separatedBy: "## Seluruh badan publik").last)
        #expect(bodySection.contains("| Permohonan diterima | \(received2026) |"))
    }

    @Test("CSV is RFC 4180 with CRLF, with a BOM on request; HTML is escaped; English labels")
    func formats() throws {
        let csv = try run(["--year", "2026", "--quarter", "4", "--format", "csv", "--unit", "HUMAS", "--bom"])
        #expect(csv.hasPrefix("\u{FEFF}unit,key,figure,value\r\n"))
        #expect(csv.contains("HUMAS,requests.received,Permohonan diterima,"))
        #expect(!csv.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let html = try run(["--year", "2026", "--format", "html", "--lang", "en"])
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("Requests received"))
        #expect(!html.contains("<script"))
    }

    @Test("The narrative sections from the unit's file, a semester or a month, the cohort rule and the due date stated")
    func narrativeAndPeriods() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("narasi-\(UUID()).txt").path
        try """
            [kebijakan]
            SK Kepala Biro 12/2026 tentang layanan informasi publik.

            [kendala]
            Jaringan lambat di kantor wilayah <timur>.
            """.write(toFile: file, atomically: true, encoding: .utf8)
        let text = try run(["--year", "2026", "--narrative", file])
        #expect(text.contains("## Kebijakan layanan informasi\n\nSK Kepala Biro 12/2026"))
        #expect(text.contains("## Kendala"))
        #expect(!text.contains("## Anggaran"), "only the sections the unit wrote")
        #expect(text.contains("Dasar hitung: permohonan yang diterima dalam periode ini"))
        #expect(text.contains("| Laporan tahunan wajib disampaikan paling lambat | 2027-03-31 |"))
        let html = try run(["--year", "2026", "--narrative", file, "--format", "html"])
        #expect(html.contains("kantor wilayah &lt;timur&gt;"))
        #expect(try run(["--year", "2026", "--semester", "2"]).contains("Semester II 2026"))
        #expect(try run(["--year", "2026", "--month", "11", "--lang", "en"]).contains("November 2026"))
        try "[anggaran]\nRp 10 juta\n[cuaca]\ncerah\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: (any Error).self) { _ = try run(["--year", "2026", "--narrative", file]) }
        do { _ = try run(["--year", "2026", "--narrative", file]) } catch { #expect("\(error)".contains(":3: bagian 'cuaca' tidak dikenal")) }
        #expect(throws: (any Error).self) { _ = try run(["--year", "2026", "--quarter", "1", "--month", "2"]) }
    }

    @Test("Bad input: an unknown unit, a quarter out of range")
    func badInput() throws {
        #expect(throws: (any Error).self) { try run(["--year", "2026", "--unit", "NOPE"]) }
        do { _ = try run(["--year", "2026", "--unit", "NOPE"]) } catch { #expect("\(error)".contains("HUMAS")) }
        #expect(throws: (any Error).self) { try run(["--year", "2026", "--quarter", "5"]) }
    }
}

@Suite("ppid report --submitted")
struct ReportSubmittedTests {
    @Test("Recording a year's report submitted: only after the year ended, never in the future; the board's clock goes")
    func submitted() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ppid-report-submitted-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let db = folder + "/unit.sqlite"
        #expect(try runPPID(["demo", "--db", db, "--requests", "200", "--documents", "5"], home: folder).status == 0)
        let store = try LocalStore(path: db, workstation: Workstation(officer: "t", terminal: "t"))
        let lastYear = store.today.year - 1
        #expect(try store.annualReportSubmitted(year: lastYear) != nil, "the demo sent last year's report in March")
        try store.write { db in try db.execute(sql: "DELETE FROM annual_reports") }
        #expect(try store.openClocks(limit: 500).contains { $0.kind == .annualReport && $0.number == "LAPORAN-\(lastYear)" })
        let thisYear = try runPPID(["report", "--db", db, "--year", "\(store.today.year)", "--submitted", "today"], home: folder)
        #expect(thisYear.status == 1 && thisYear.error.contains("setelah tahun"), "\(thisYear.error)")
        let future = try runPPID(["report", "--db", db, "--year", "\(lastYear)", "--submitted", "2999-01-01"], home: folder)
        #expect(future.status == 1, "\(future)")
        let done = try runPPID(["report", "--db", db, "--year", "\(lastYear)", "--submitted", "today", "--lang", "en"], home: folder)
        #expect(done.status == 0 && done.output.contains("annual report recorded submitted"), "\(done)")
        #expect(try store.openClocks(limit: 500).allSatisfy { $0.kind != .annualReport })
    }
}
