import Foundation
import Testing
@testable import PPIDDomain
@testable import PPIDStore

@Suite("The annual report's clock on the board")
struct AnnualReportClockTests {
    @Test("A unit that served requests last year sees its report due on 31 March until it records it submitted")
    func dueUntilSubmitted() throws {
        let clock = TestClock("2025-06-02T02:00:00Z")
        let (store, _) = try makeStore(clock: clock)
        _ = try store.registerRequest(sampleRegistration(at: clock))
        clock.set("2026-02-02T02:00:00Z")
        #expect(try store.annualReportDue(today: d("2025-12-31")) == nil, "the year has not ended")
        let due = try #require(try store.annualReportDue(today: d("2026-02-02")))
        #expect(due.year == 2025 && due.due == d("2026-03-31"))
        let board = try store.openClocks(limit: 100, today: d("2026-02-02"))
        let row = try #require(board.first { $0.kind == .annualReport })
        #expect(row.number == "LAPORAN-2025" && row.dueDate == d("2026-03-31"))
        let bounds = UrgencyBounds(today: d("2026-04-01"), calendar: store.context.calendar)
        #expect(try store.boardCounts(bounds: bounds)[.overdue] ?? 0 >= 1, "late after 31 March")
        // Paged one row at a time, the report comes once, after the rest on its date.
        var seen: [BoardItem] = []
        var cursor: BoardCursor?
        while let next = try store.openClocks(after: cursor, limit: 1, today: d("2026-02-02")).first {
            seen.append(next)
            cursor = LocalStore.cursor(of: next)
        }
        #expect(seen.filter { $0.kind == .annualReport }.count == 1 && seen.count == board.count)
        try store.recordAnnualReportSubmitted(year: 2025, on: d("2026-03-20"), note: "")
        #expect(try store.annualReportDue(today: d("2026-04-01")) == nil)
        #expect(try store.openClocks(limit: 100, today: d("2026-04-01")).allSatisfy { $0.kind != .annualReport })
        #expect(try store.annualReportSubmitted(year: 2025) == d("2026-03-20"))
    }

    @Test("A unit new to the app this year has no earlier report on its board")
    func newUnit() throws {
        let clock = TestClock("2026-03-02T02:00:00Z")
        let (store, _) = try makeStore(clock: clock)
        _ = try store.registerRequest(sampleRegistration(at: clock))
        #expect(try store.annualReportDue(today: d("2026-03-02")) == nil)
    }
}
