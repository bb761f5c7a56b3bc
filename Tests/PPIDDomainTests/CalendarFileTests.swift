import Testing
@testable import PPIDDomain

@Suite("Calendar files")
struct CalendarFileTests {
    @Test("The shipped table is the verified reference, verbatim (where shared/ is beside the checkout)",
          .enabled(if: referenceTableText() != nil))
    func shippedTableMatchesReference() throws {
        let reference = try #require(referenceTableText())
        #expect(NationalHolidays.text == reference.trimmingCharacters(in: .newlines))
    }

    @Test("Every shipped holiday and joint-leave day is a non-working day, with its name and basis")
    func everyShippedDayIsNonWorking() throws {
        // Parsed here line by line, independently of CalendarFile.
        let reference = referenceTableText() ?? NationalHolidays.text
        var checked = 0
        for line in reference.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("date") {
            let fields = line.split(separator: "\t").map(String.init)
            let date = d(fields[0])
            let reason = try #require(national.nonWorkingReason(date), "\(date) must be non-working")
            guard case let .dayOff(day) = reason else {
                Issue.record("\(date) is a weekend, not the listed \(fields[2])")
                continue
            }
            #expect(day.name == fields[2])
            #expect(day.basis == fields[3])
            #expect(day.kind.rawValue == fields[1])
            checked += 1
        }
        #expect(checked == 82)
        #expect(national.coveredYears == [2024, 2025, 2026])
    }

    @Test func ordinaryDaysAreWorking() {
        #expect(national.isWorkingDay(d("2026-03-02")))
        #expect(!national.isWorkingDay(d("2026-03-07")))  // Saturday
        #expect(national.nonWorkingReason(d("2026-03-08")) == .weekend(.sunday))
        // A holiday on a Saturday is explained as the holiday.
        #expect(national.nonWorkingReason(d("2026-03-21"))?.kind == "libur")
    }

    @Test func jointLeavePolicy() {
        let working = WorkCalendar.national(jointLeaveIsWorking: true)
        #expect(!national.isWorkingDay(d("2025-08-18")))
        #expect(working.isWorkingDay(d("2025-08-18")))
        #expect(!working.isWorkingDay(d("2025-08-17")))  // libur stays
    }

    @Test func malformedLinesNameFileAndLine() {
        let cases: [(String, Int)] = [
            ("2027-01-01\tlibur\n", 1),                           // too few fields
            ("# ok\n2027-02-30\tlibur\tX\tY\n", 2),               // impossible date
            ("date\tkind\tname\tbasis\n2027-01-01\tholiday\tX\tY\n", 2),  // unknown kind
            ("2027-01-01\tlibur\tX\tY\n2027-01-01\tcuti\tZ\tY\n", 2),     // duplicate date
            ("2027-01-01\tlibur\t\tY\n", 1),                      // empty name
            ("# covers: next year\n", 1),                         // bad directive
        ]
        for (text, line) in cases {
            #expect {
                _ = try CalendarFile(source: "extra.tsv", text: text)
            } throws: { error in
                guard case let .malformedLine(source, number, _) = error as? CalendarError else { return false }
                return source == "extra.tsv" && number == line
            }
        }
        let message = CalendarError.malformedLine(source: "extra.tsv", line: 2, problem: "x").text(.indonesian)
        #expect(message.hasPrefix("extra.tsv:2:"))
    }

    @Test("Extra files add years, regional days, closures, and can restore a working day")
    func layering() throws {
        let decree2027 = try CalendarFile(source: "2027.tsv", text: """
            # covers: 2027
            date\tkind\tname\tbasis
            2027-01-01\tlibur\tTahun Baru 2027 Masehi\tSKB (contoh)
            """)
        let unit = try CalendarFile(source: "unit.tsv", text: """
            2026-11-30\ttutup\tPindah kantor\tSK Kepala Satker 12/2026
            2026-12-01\tdaerah\tHari jadi kota\tPerda 3/2001
            2026-12-24\tkerja\tCuti bersama dibatalkan\tSE Satker
            """)
        #expect(decree2027.coveredYears == [2027])
        #expect(unit.coveredYears.isEmpty)
        let calendar = WorkCalendar.national(adding: [decree2027, unit])
        #expect(calendar.covers(year: 2027))
        #expect(calendar.nonWorkingReason(d("2026-11-30"))?.kind == "tutup")
        #expect(calendar.nonWorkingReason(d("2026-12-01"))?.kind == "daerah")
        #expect(calendar.isWorkingDay(d("2026-12-24")))
        #expect(!calendar.isWorkingDay(d("2027-01-01")))
        #expect(!calendar.isWorkingDay(d("2026-12-25")))
    }

    @Test func acceptsWindowsLineEndingsAndBOM() throws {
        let file = try CalendarFile(source: "w.tsv", text: "\u{FEFF}date\tkind\tname\tbasis\r\n2027-03-01\tlibur\tX\tY\r\n")
        #expect(file.days.map(\.date) == [d("2027-03-01")])
        #expect(file.days.first?.origin == "w.tsv:2")
    }
}
