import Foundation
import Testing
@testable import PPIDCommands
import PPIDDomain

/// Runs `ppid deadline request|objection ARGS` and returns what it prints, or the error message.
func deadline(_ arguments: [String]) throws -> String {
    var command = try PPIDCommand.parseAsRoot(["deadline"] + arguments)
    switch command {
    case let request as RequestDeadlineCommand: return try request.output()
    case let objection as ObjectionDeadlineCommand: return try objection.output()
    case let window as ObjectionWindowDeadlineCommand: return try window.output()
    case let dispute as DisputeDeadlineCommand: return try dispute.output()
    case let court as CourtDeadlineCommand: return try court.output()
    default:
        try command.run()
        return ""
    }
}

func json(_ arguments: [String]) throws -> [String: Any] {
    let text = try deadline(arguments + ["--json"])
    #expect(!text.contains("\n"), "one object on one line")
    return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

func message(_ arguments: [String]) -> String? {
    do {
        _ = try deadline(arguments)
        return nil
    } catch {
        return "\(error)"
    }
}

@Suite("ppid deadline")
struct DeadlineCommandTests {
    @Test("request --json has the documented fields")
    func requestJSON() throws {
        let object = try json(["request", "2025-03-27"])
        #expect(object["received"] as? String == "2025-03-27")
        #expect(object["due"] as? String == "2025-04-22")
        #expect(object["extendedDue"] as? String == "2025-05-02")
        #expect(object["provisional"] as? Bool == false)
        #expect((object["counted"] as? [String])?.count == 10)
        let skipped = try #require(object["skipped"] as? [[String: Any]])
        #expect(skipped.first?["date"] as? String == "2025-03-28")
        #expect((skipped.first?["reason"] as? String)?.contains("Cuti bersama") == true)
    }

    @Test("objection --json: the atasan's answer deadline")
    func objectionJSON() throws {
        let object = try json(["objection", "2026-11-02"])
        #expect(object["received"] as? String == "2026-11-02")
        #expect(object["due"] as? String == "2026-12-14")
        #expect(object["provisional"] as? Bool == false)
        #expect((object["counted"] as? [String])?.count == 30)
        #expect((object["skipped"] as? [Any])?.count == 12)
    }

    @Test("objection-window, dispute and court: the later clocks with the request's JSON fields (Pasal 36(1), 38, 48(1))")
    func laterClocks() throws {
        let window = try json(["objection-window", "2026-03-16"])
        #expect(window["received"] as? String == "2026-03-16")
        #expect(window["due"] as? String == "2026-05-06", "30 working days, Labour Day and Eid skipped")
        #expect((window["counted"] as? [String])?.count == 30)
        #expect(window["clock"] as? String == "objectionWindow" && window["article"] as? String == "Pasal 36(1)")
        for key in ["provisional", "skipped", "countsFrom", "zone"] { #expect(window[key] != nil, "\(key)") }
        let dispute = try json(["dispute", "2026-04-01"])
        #expect(dispute["due"] as? String == "2026-04-22", "14 working days for the Commission to start (Pasal 38(1))")
        let settle = try #require(dispute["settleBy"] as? String)
        #expect(CivilDate(iso: settle).map { WorkCalendar.national().workingDays(after: CivilDate(year: 2026, month: 4, day: 1)!, through: $0) } == 100)
        let court = try json(["court", "2026-04-01"])
        #expect(court["due"] as? String == "2026-04-22" && court["article"] as? String == "Pasal 48(1)")
        let text = try deadline(["court", "2026-04-01", "--lang", "en"])
        #expect(text.contains("Commission decision received") && text.contains("PTUN"))
        #expect(message(["dispute", "2026-02-30"])?.contains("2026-02-30") == true)
    }

    @Test("--at with --zone decides the local date, and must agree with the date given")
    func instantAndZone() throws {
        let wit = try json(["request", "2026-03-06", "--at", "2026-03-05T16:30:00Z", "--zone", "WIT"])
        #expect(wit["due"] as? String == "2026-03-27")
        let wib = try json(["request", "2026-03-05", "--at", "2026-03-05T23:30:00+07:00", "--zone", "WIB"])
        #expect(wib["due"] as? String == "2026-03-26")
        #expect(message(["request", "2026-03-05", "--at", "2026-03-05T16:30:00Z", "--zone", "WIT"])?.contains("2026-03-06") == true)
    }

    @Test("--deem-late-receipt moves day 0 after office hours")
    func deemedReceipt() throws {
        let object = try json(["request", "2026-03-02", "--at", "2026-03-02T16:30:00+07:00", "--deem-late-receipt"])
        #expect(object["countsFrom"] as? String == "2026-03-03")
        #expect(object["due"] as? String == "2026-03-17")
        #expect(object["deemedReceived"] != nil)
    }

    @Test("Provisional past the calendar's coverage, and firm with a calendar file for the next year")
    func provisional() throws {
        let object = try json(["request", "2026-12-18"])
        #expect(object["provisional"] as? Bool == true)
        #expect(object["uncoveredYears"] as? [Int] == [2027])
        let text = try deadline(["request", "2026-12-18", "--lang", "en"])
        #expect(text.contains("PROVISIONAL"))
        #expect(try deadline(["request", "2026-12-18"]).contains("SEMENTARA"))

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ppid-2027-\(UUID()).tsv")
        try "# covers: 2027\n2027-01-01\tlibur\tTahun Baru 2027 Masehi\tSKB 2027\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let firm = try json(["request", "2026-12-18", "--calendar", file.path])
        #expect(firm["provisional"] as? Bool == false)
        #expect(firm["due"] as? String == "2027-01-06")
    }

    @Test("Text output explains itself in Indonesian by default and English on request")
    func text() throws {
        let id = try deadline(["request", "2026-03-16"])
        #expect(id.contains("Pemberitahuan tertulis paling lambat: Selasa, 2026-04-07"))
        #expect(id.contains("dilewati: Libur nasional: Hari Suci Nyepi Tahun Baru Saka 1948"))
        #expect(id.contains("  10  2026-04-07 Selasa"))
        let en = try deadline(["request", "2026-03-16", "--lang", "en"])
        #expect(en.contains("Written notice due by: Tuesday, 2026-04-07"))
        #expect(en.contains("If extended: Thursday, 2026-04-16"))
    }

    @Test("Bad input gets one clear message")
    func badInput() throws {
        #expect(message(["request", "2026-02-30"])?.contains("bukan tanggal yang sah") == true)
        #expect(message(["request", "2026-02-03", "--zone", "Mars/Olympus"])?.contains("Mars/Olympus") == true)
        #expect(message(["request", "2026-02-03", "--at", "yesterday"])?.contains("ISO 8601") == true)
        #expect(message(["request", "2026-02-03", "--calendar", "/no/such/file.tsv"])?.contains("/no/such/file.tsv") == true)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ppid-bad-\(UUID()).tsv")
        try "# extra\n2027-01-01\tlibur\tTahun Baru\tSKB\n2027-02-31\tlibur\tX\tY\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let bad = message(["request", "2026-02-03", "--calendar", file.path, "--lang", "en"])
        #expect(bad?.hasPrefix("\(file.path):3:") == true)
        #expect(bad?.contains("2027-02-31") == true)
    }
}
