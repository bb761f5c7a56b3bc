import Foundation
import PPIDCentral
import PPIDCentralServer
import PPIDDomain
import PPIDStore
import PPIDSync
import PPIDWire
import Testing

/// Numbers are final when given: each enrolled terminal numbers in its own series, which its token
/// carries, so several desks of one unit working offline never give the same number.
/// The letter register's usual form (as `LetterDesk.standardNumberFormat`).
private let letterFormat = "{seq:4}{terminal}/SRT/PPID-{unit}/{roman}/{year}"

@Suite("Sync: one register per unit, offline included")
struct NumberingTests {
    @Test("Three terminals of one unit, each with 50 requests, 50 objections and their letters made offline, sync in random order with faults: no number is given twice anywhere")
    func offlineDesksNeverCollide() async throws {
        let world = try await SyncWorld()
        defer { Task { await world.stop() } }
        var generator = SeededRandom(state: 0x5E41E5)
        // Enrolled: each desk has its own token; none of them has reached the server yet.
        var desks: [(store: LocalStore, token: String)] = []
        for name in ["meja1", "meja2", "meja3"] {
            let token = try world.store.issueToken(officer: "rina", label: name)
            let store = try world.terminal(name)
            store.requireSeries()
            try store.saveProfile(UnitProfile(code: "HUMAS", name: "Biro Humas"))
            let series = try #require(TerminalSeries.carried(by: token))
            try store.adoptTerminalSeries(series)
            desks.append((store, token))
        }
        for desk in desks {
            for index in 0..<50 {
                let request = try Work.register(desk.store, unit: "HUMAS", name: "Pemohon \(index)")
                guard case let .request(record)? = try desk.store.caseRecord(request) else { Issue.record("no request"); return }
                let filing = ObjectionFiling(id: desk.store.newCaseID(), number: "", requestID: request,
                                             requestNumber: record.registration.registrationNumber, unit: "HUMAS",
                                             filedBy: "Pemohon \(index)", grounds: [.c], groundsAroseOn: desk.store.today)
                let objection = try desk.store.fileObjection(filing)
                _ = try desk.store.letterNumber(case: request, kind: "notice", template: letterFormat,
                                                date: desk.store.today)
                _ = try desk.store.letterNumber(case: objection.id, kind: "objection-answer",
                                                template: letterFormat, date: desk.store.today)
            }
        }
        // Sync in random order, each round with a fault injected at random.
        let faults: [FaultPlan.Fault] = [.status(503), .truncated, .malformed, .delay(milliseconds: 30)]
        for _ in 0..<6 {
            for index in (0..<desks.count).shuffled(using: &generator) {
                if generator.next() % 2 == 0 {
                    world.faults.inject(faults[Int(generator.next() % UInt64(faults.count))],
                                        on: generator.next() % 2 == 0 ? .events : .changes)
                }
                _ = try? await world.engine(desks[index].store, officer: "rina", attempts: 3, token: desks[index].token).runOnce()
            }
        }
        for desk in desks { try await world.engine(desk.store, officer: "rina", token: desk.token).runOnce() }
        for desk in desks { try await world.engine(desk.store, officer: "rina", token: desk.token).runOnce() }

        let central = try world.store.caseRecords(unit: "HUMAS")
        let centralRequests = central.values.compactMap { if case let .request(r) = $0 { r.registration.registrationNumber } else { nil } }
        let centralObjections = central.values.compactMap { if case let .objection(o) = $0 { o.filing.number } else { nil } }
        #expect(centralRequests.count == 150 && Set(centralRequests).count == 150, "the server: 150 distinct registration numbers")
        #expect(centralObjections.count == 150 && Set(centralObjections).count == 150, "the server: 150 distinct objection numbers")
        for (index, desk) in desks.enumerated() {
            let records = try desk.store.allCaseRecords()
            let requests = records.values.compactMap { if case let .request(r) = $0 { r.registration.registrationNumber } else { nil } }
            let objections = records.values.compactMap { if case let .objection(o) = $0 { o.filing.number } else { nil } }
            #expect(requests.count == 150 && Set(requests).count == 150, "desk \(index + 1): every request, each number once")
            #expect(objections.count == 150 && Set(objections).count == 150, "desk \(index + 1): every objection, each number once")
            #expect(Set(requests) == Set(centralRequests), "desk \(index + 1) holds the server's register")
            let letters = try desk.store.letters().map(\.number)
            #expect(letters.count == 100 && Set(letters).count == 100)
            #expect(try desk.store.conflicts().isEmpty, "no number was refused")
        }
        // Letters of the three desks together: no number twice in the unit's letter register.
        let allLetters = try desks.flatMap { try $0.store.letters().map(\.number) }
        #expect(Set(allLetters).count == 300)
        // Each desk's numbers carry its series, and the series start at 1 with no gap.
        let first = desks[0].store.terminalSeries
        let firstNumbers = centralRequests.filter { $0.contains("-\(first?.code ?? "?")/") }.sorted()
        #expect(firstNumbers.count == 50 && firstNumbers.first?.hasPrefix("0001-") == true && firstNumbers.last?.hasPrefix("0050-") == true)
    }

    @Test("A reprinted letter keeps its number; a terminal that syncs but has no series gives no number")
    func reprintAndUnenrolled() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ppid-numbers-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let store = try LocalStore(path: folder + "/a.sqlite", workstation: Workstation(officer: "rina", terminal: "a"))
        try store.saveProfile(UnitProfile(code: "HUMAS", name: "Biro Humas"))
        store.requireSeries()
        #expect(throws: StoreError.self) { _ = try Work.register(store, unit: "HUMAS") }
        #expect(try store.allCaseRecords().isEmpty, "nothing was registered without a number")
        try store.adoptTerminalSeries(try #require(TerminalSeries(code: "C")))
        let id = try Work.register(store, unit: "HUMAS")
        guard case let .request(record)? = try store.caseRecord(id) else { Issue.record("no request"); return }
        #expect(record.registration.registrationNumber.hasPrefix("0001-C/PPID-HUMAS/"))
        let first = try store.letterNumber(case: id, kind: "notice", template: letterFormat, date: store.today)
        let again = try store.letterNumber(case: id, kind: "notice", template: letterFormat, date: store.today)
        let other = try store.letterNumber(case: id, kind: "extension", template: letterFormat, date: store.today)
        #expect(first == again && first.hasPrefix("0001-C/SRT/PPID-HUMAS/"))
        #expect(other.hasPrefix("0002-C/"))
    }

    @Test("Series are issued A, B, … per unit, never twice, and the token carries its series")
    func seriesPerUnit() throws {
        let store = try CentralStore(path: try TestRegister.fresh())
        try store.addUnit(code: "HUMAS", name: "Humas")
        try store.addUnit(code: "KEU", name: "Keuangan")
        try store.addOfficer(login: "rina", name: "Rina", unit: "HUMAS")
        try store.addOfficer(login: "dewi", name: "Dewi", unit: "KEU")
        let a = try store.issueToken(officer: "rina")
        let b = try store.issueToken(officer: "rina")
        try store.revokeTokens(officer: "rina")
        let c = try store.issueToken(officer: "rina")
        let keu = try store.issueToken(officer: "dewi")
        #expect([a, b, c, keu].map { TerminalSeries.carried(by: $0)?.code } == ["A", "B", "C", "A"])
        #expect(try store.authenticate(token: c)?.series?.code == "C")
        #expect(TerminalSeries(ordinal: 27)?.code == "AA" && TerminalSeries(code: "AA")?.ordinal == 27)
        #expect(TerminalSeries(code: "a") == nil && TerminalSeries(code: "ABCD") == nil)
        #expect(TerminalSeries.carried(by: "ppid_old") == nil)
    }
}
