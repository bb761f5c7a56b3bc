import Testing
@testable import PPIDDomain

@Suite("Civil dates")
struct CivilDateTests {
    @Test("parses YYYY-MM-DD and rejects impossible or malformed dates",
          arguments: ["2025-02-29", "2026-13-01", "2026-04-31", "2026-1-05", "26-01-05", "2026/01/05", "", "2026-01-0x", "２０２６-01-01"])
    func rejects(_ text: String) {
        #expect(CivilDate(iso: text) == nil)
    }

    @Test func parsesLeapDay() {
        #expect(CivilDate(iso: "2024-02-29") == CivilDate(year: 2024, month: 2, day: 29))
        #expect(CivilDate(iso: "2024-02-29")?.iso == "2024-02-29")
    }

    @Test func epochRoundTripAcrossFourCenturies() {
        for days in stride(from: -200_000, through: 200_000, by: 37) {
            #expect(CivilDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
        #expect(CivilDate(daysSinceEpoch: 0).iso == "1970-01-01")
        #expect(d("2000-03-01").daysSinceEpoch - d("2000-02-28").daysSinceEpoch == 2)
    }

    @Test func weekdays() {
        #expect(d("1970-01-01").weekday == .thursday)
        #expect(d("2026-11-29").weekday == .sunday)
        #expect(d("2025-08-18").weekday == .monday)
        #expect(d("2024-12-31").weekday == .tuesday)
        #expect(d("2024-12-31").next == d("2025-01-01"))
    }
}
