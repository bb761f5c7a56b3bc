import Testing
@testable import PPIDDomain

@Suite("Register numbers")
struct NumberingTests {
    @Test func standardFormat() {
        let format = RegistrationNumberFormat.standard
        #expect(format.render(sequence: 42, unit: "SETJEN", date: d("2026-11-03")) == "0042/PPID-SETJEN/XI/2026")
        #expect(format.render(sequence: 12345, unit: "X", date: d("2026-01-03")) == "12345/PPID-X/I/2026")
    }

    @Test func customFormats() throws {
        let format = try RegistrationNumberFormat(template: "REG-{year}-{month}-{seq:6} ({unit})")
        #expect(format.render(sequence: 7, unit: "BPS", date: d("2026-04-30")) == "REG-2026-04-000007 (BPS)")
        #expect(throws: NumberingError.missingPlaceholder("seq")) { try RegistrationNumberFormat(template: "{unit}/{year}") }
        #expect(throws: NumberingError.missingPlaceholder("year")) { try RegistrationNumberFormat(template: "{seq}/{unit}") }
        #expect(throws: NumberingError.unknownPlaceholder("satker")) { try RegistrationNumberFormat(template: "{seq}/{satker}/{year}") }
        #expect(throws: NumberingError.unknownPlaceholder("seq:x")) { try RegistrationNumberFormat(template: "{seq:x}/{year}") }
    }

    @Test("Numbers only go up")
    func counterNeverReuses() {
        var counter = RegisterCounter(unit: "SETJEN", year: 2026, lastIssued: 41)
        #expect(counter.issue() == 42)
        #expect(counter.issue() == 43)
        #expect(counter.lastIssued == 43)
    }
}

@Suite("DIP entries")
struct DIPTests {
    func entry(_ category: DIPCategory, exemption: Exemption? = nil) -> DIPEntry {
        DIPEntry(number: "DIP-001", unit: "SETJEN", title: "Laporan Keuangan 2025", summary: "LK audited",
                 holder: "Biro Keuangan", category: category, exemption: exemption)
    }

    let meta = EventMeta(officer: "budi", instant: instant("2026-03-02T03:00:00Z"), localDate: CivilDate(year: 2026, month: 3, day: 2)!)

    @Test("An exempt entry needs its Pasal 17 letter, consequence test, and an end date on letters a-f (Pasal 20(1))")
    func exemptEntry() throws {
        #expect(throws: DIPRejection.exemptWithoutBasis) { _ = try DIPLifecycle.apply(.added(entry(.exempt)), meta: meta, to: nil) }
        var noEnd = completeTest
        noEnd.until = nil
        #expect(throws: DIPRejection.exemptWithoutEndDate) {
            _ = try DIPLifecycle.apply(.added(entry(.exempt, exemption: Exemption(basis: .pasal17(.c), test: noEnd))), meta: meta, to: nil)
        }
        // Letter i (confidential memoranda) may be open-ended.
        _ = try DIPLifecycle.apply(.added(entry(.exempt, exemption: Exemption(basis: .pasal17(.i), test: noEnd))), meta: meta, to: nil)
        #expect(throws: DIPRejection.exemptWithoutConsequenceTest) {
            let weak = ConsequenceTest(harm: "x", publicInterestWeighed: "", withheldPart: "y", until: d("2027-01-01"))
            _ = try DIPLifecycle.apply(.added(entry(.exempt, exemption: Exemption(basis: .pasal17(.i), test: weak))), meta: meta, to: nil)
        }
        let record = try DIPLifecycle.apply(.added(entry(.exempt, exemption: Exemption(basis: .pasal17(.i), test: completeTest))), meta: meta, to: nil)
        #expect(record.entry.category == .exempt)
    }

    @Test func addReviseRetire() throws {
        var record = try DIPLifecycle.apply(.added(entry(.periodic)), meta: meta, to: nil)
        #expect(throws: DIPRejection.alreadyAdded) { _ = try DIPLifecycle.apply(.added(entry(.periodic)), meta: meta, to: record) }
        var revised = record.entry
        revised.holder = ""
        #expect(throws: DIPRejection.missingField(.holder)) { _ = try DIPLifecycle.apply(.revised(revised), meta: meta, to: record) }
        revised.holder = "Biro Umum"
        record = try DIPLifecycle.apply(.revised(revised), meta: meta, to: record)
        #expect(record.entry.holder == "Biro Umum")
        record = try DIPLifecycle.apply(.retired(reason: "Diganti versi 2026"), meta: meta, to: record)
        #expect(throws: DIPRejection.retired) { _ = try DIPLifecycle.apply(.revised(revised), meta: meta, to: record) }
    }

    @Test func pasal17Letters() {
        #expect(Pasal17Letter(parsing: "17(h)") == .h)
        #expect(Pasal17Letter(parsing: "J") == .j)
        #expect(Pasal17Letter(parsing: "k") == nil)
        #expect(Pasal17Letter.h.text(.indonesian).contains("rahasia pribadi"))
    }

    @Test func personalDataMasks() {
        #expect(PersonalDataMask.nik("3171234567890002") == "3171********0002")
        #expect(PersonalDataMask.name("Siti Nurhaliza") == "Sit* Nur******")
        #expect(PersonalDataMask.email("siti@example.id") == "s***@example.id")
        #expect(PersonalDataMask.phone("081234567890") == "0812******90")
    }
}
