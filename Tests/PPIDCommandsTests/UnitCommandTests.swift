import Foundation
import Testing
@testable import PPIDCommands
@testable import PPIDDomain
@testable import PPIDStore

@Suite("ppid unit and ppid calendar")
struct UnitCommandTests {
    @Test("Setting up a real unit, then a calendar file that moves an open deadline")
    func unitAndCalendar() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ppid-unit-\(UUID())").path
        let db = folder + "/unit.sqlite"
        var set = try PPIDCommand.parseAsRoot(["unit", "set", "--db", db, "--code", "dinkes", "--name", "Dinas Kesehatan",
                                               "--zone", "WITA", "--deem-late-receipt", "yes", "--office-closes", "15:30"])
        try set.run()
        let store = try LocalStore(path: db, workstation: Workstation(officer: "t", terminal: "t"),
                                   clock: { ISO8601DateFormatter().date(from: "2026-03-02T01:00:00Z")! })
        #expect(store.profile.code == "DINKES")
        #expect(store.profile.zone == .wita)
        #expect(store.profile.receiptPolicy == ReceiptPolicy(deemsLateReceiptNextWorkingDay: true, officeCloses: LocalTime(hour: 15, minute: 30)!))
        let record = try store.registerRequest(RequestRegistration(
            registrationNumber: "", unit: "DINKES", receivedAt: ISO8601DateFormatter().date(from: "2026-03-02T01:00:00Z")!, channel: .letter,
            requester: Requester(name: "Andi", nik: "7371234567890001", address: "Makassar"), information: "Data vaksinasi", purpose: "Riset"))
        #expect(record.registration.registrationNumber == "0001/PPID-DINKES/III/2026")
        #expect(record.noticeDue == d("2026-03-16"))

        let calendarFile = folder + "/daerah.tsv"
        try "2026-03-10\tdaerah\tHari jadi provinsi\tPerda 1/2000\n".write(toFile: calendarFile, atomically: true, encoding: .utf8)
        var add = try PPIDCommand.parseAsRoot(["calendar", "add", calendarFile, "--db", db])
        try add.run()
        let reopened = try LocalStore(path: db, workstation: Workstation(officer: "t", terminal: "t"))
        guard case let .request(moved)? = try reopened.caseRecord(record.id) else { Issue.record("missing"); return }
        #expect(moved.noticeDue == d("2026-03-17"))
        #expect(reopened.calendarFileNames == [calendarFile])

        #expect(throws: (any Error).self) { var bad = try PPIDCommand.parseAsRoot(["unit", "set", "--db", db, "--zone", "Mars/Olympus"]); try bad.run() }
        #expect(throws: (any Error).self) { var bad = try PPIDCommand.parseAsRoot(["unit", "set", "--db", db, "--number-format", "{unit}"]); try bad.run() }
        try "2026-02-30\tlibur\tX\tY\n".write(toFile: calendarFile, atomically: true, encoding: .utf8)
        do {
            var bad = try PPIDCommand.parseAsRoot(["calendar", "add", calendarFile, "--db", db])
            try bad.run()
            Issue.record("a malformed calendar must be refused")
        } catch {
            #expect("\(error)".contains("\(calendarFile):1:"))
        }
    }
}

func d(_ text: String) -> CivilDate { CivilDate(iso: text)! }
