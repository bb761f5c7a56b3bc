import Testing
@testable import PPIDDomain

/// Each expectation below was worked out by hand from the verified table; the counted days are listed.
@Suite("Statutory deadlines")
struct DeadlineTests {
    @Test("Clock lengths follow UU 14/2008")
    func clockLengths() {
        #expect(StatutoryClock.allCases.map(\.workingDays) == [10, 7, 30, 30, 14, 14, 100, 14, 14])
    }

    @Test("Ordinary fortnight: received Monday 2026-03-02, due Monday 2026-03-16")
    func ordinary() {
        let notice = national.deadline(.writtenNotice, after: d("2026-03-02"))
        #expect(notice.counted == dates("2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-09",
                                        "2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13", "2026-03-16"))
        #expect(notice.skipped.map(\.date) == dates("2026-03-07", "2026-03-08", "2026-03-14", "2026-03-15"))
        #expect(notice.skipped.allSatisfy { $0.reason.kind == "weekend" })
        #expect(!notice.isProvisional)
    }

    @Test("Idul Fitri 2024: received Friday 2024-04-05, due 2024-04-29")
    func idulFitri2024() {
        let notice = national.deadline(.writtenNotice, after: d("2024-04-05"))
        // Skipped: 6-7 weekend, 8-9 cuti, 10-11 libur, 12 cuti, 13-14 weekend, 15 cuti.
        #expect(notice.counted == dates("2024-04-16", "2024-04-17", "2024-04-18", "2024-04-19", "2024-04-22",
                                        "2024-04-23", "2024-04-24", "2024-04-25", "2024-04-26", "2024-04-29"))
        #expect(notice.skipped.prefix(8).map(\.date) == dates("2024-04-06", "2024-04-07", "2024-04-08", "2024-04-09",
                                                               "2024-04-10", "2024-04-11", "2024-04-12", "2024-04-13"))
        #expect(notice.skipped.first { $0.date == d("2024-04-15") }?.reason.kind == "cuti")
    }

    @Test("Idul Fitri 2025: received Thursday 2025-03-27, due 2025-04-22, extended 2025-05-02")
    func idulFitri2025() {
        let deadlines = RequestDeadlines(receipt: ReceiptPolicy.standard.receipt(on: d("2025-03-27"), at: nil, calendar: national),
                                         calendar: national)
        // Skipped: 28 cuti Nyepi, 29 libur Nyepi, 30 Sunday, 31 + 04-01 Idul Fitri, 2-4 and 7 cuti; 18 Good Friday, 20 Easter.
        #expect(deadlines.notice.counted == dates("2025-04-08", "2025-04-09", "2025-04-10", "2025-04-11", "2025-04-14",
                                                  "2025-04-15", "2025-04-16", "2025-04-17", "2025-04-21", "2025-04-22"))
        #expect(deadlines.notice.skipped.map(\.date) == dates(
            "2025-03-28", "2025-03-29", "2025-03-30", "2025-03-31", "2025-04-01", "2025-04-02", "2025-04-03", "2025-04-04",
            "2025-04-05", "2025-04-06", "2025-04-07", "2025-04-12", "2025-04-13", "2025-04-18", "2025-04-19", "2025-04-20"))
        // Extension: 23, 24, 25, 28, 29, 30, (05-01 Labour Day), 05-02.
        #expect(deadlines.extended.counted == dates("2025-04-23", "2025-04-24", "2025-04-25", "2025-04-28",
                                                    "2025-04-29", "2025-04-30", "2025-05-02"))
        #expect(deadlines.extended.due == d("2025-05-02"))
    }

    @Test("Idul Fitri 2026: received Monday 2026-03-16, due 2026-04-07")
    func idulFitri2026() {
        let notice = national.deadline(.writtenNotice, after: d("2026-03-16"))
        #expect(notice.counted == dates("2026-03-17", "2026-03-25", "2026-03-26", "2026-03-27", "2026-03-30",
                                        "2026-03-31", "2026-04-01", "2026-04-02", "2026-04-06", "2026-04-07"))
        #expect(notice.skipped.map(\.date).prefix(7) == dates("2026-03-18", "2026-03-19", "2026-03-20", "2026-03-21",
                                                               "2026-03-22", "2026-03-23", "2026-03-24")[...])
        let nyepi = notice.skipped.first { $0.date == d("2026-03-19") }
        #expect(nyepi?.reason.text(.indonesian).contains("Hari Suci Nyepi Tahun Baru Saka 1948") == true)
        #expect(nyepi?.reason.basis?.contains("Keppres") == true)
    }

    @Test("Year end 2024 to 2025: received 2024-12-16, due 2025-01-02")
    func yearEnd2024() {
        let notice = national.deadline(.writtenNotice, after: d("2024-12-16"))
        #expect(notice.counted == dates("2024-12-17", "2024-12-18", "2024-12-19", "2024-12-20", "2024-12-23",
                                        "2024-12-24", "2024-12-27", "2024-12-30", "2024-12-31", "2025-01-02"))
        #expect(!notice.isProvisional)
    }

    @Test("Past coverage the deadline is provisional; a 2027 decree makes it firm and moves it")
    func provisionalPastCoverage() throws {
        let notice = national.deadline(.writtenNotice, after: d("2026-12-18"))
        // 21, 22, 23, (24 cuti, 25 Natal), 28, 29, 30, 31, then 2027 days the calendar does not know.
        #expect(notice.counted == dates("2026-12-21", "2026-12-22", "2026-12-23", "2026-12-28", "2026-12-29",
                                        "2026-12-30", "2026-12-31", "2027-01-01", "2027-01-04", "2027-01-05"))
        #expect(notice.isProvisional)
        #expect(notice.uncoveredYears == [2027])
        let decree = try CalendarFile(source: "2027.tsv", text: "2027-01-01\tlibur\tTahun Baru 2027 Masehi\tSKB 2027\n")
        let firm = WorkCalendar.national(adding: [decree]).deadline(.writtenNotice, after: d("2026-12-18"))
        #expect(firm.due == d("2027-01-06"))
        #expect(!firm.isProvisional)
    }

    @Test("A deadline inside coverage is not provisional even late in the last year")
    func notProvisionalInsideCoverage() {
        #expect(!national.deadline(.writtenNotice, after: d("2026-12-01")).isProvisional)
    }

    @Test("The 2025-08-18 revision moves a deadline by one working day")
    func revisionOf2025_08_18() throws {
        // The calendar as it was before the August 2025 revision: the same table without 2025-08-18.
        let before = WorkCalendar(files: [try CalendarFile(
            source: "before-revision.tsv",
            text: NationalHolidays.text.split(separator: "\n").filter { !$0.hasPrefix("2025-08-18") }.joined(separator: "\n"))])
        #expect(before.isWorkingDay(d("2025-08-18")))
        // Received Friday 2025-08-08. Before: 11-15, (16, 17), 18-22 -> due 2025-08-22.
        let old = before.deadline(.writtenNotice, after: d("2025-08-08"))
        #expect(old.counted == dates("2025-08-11", "2025-08-12", "2025-08-13", "2025-08-14", "2025-08-15",
                                     "2025-08-18", "2025-08-19", "2025-08-20", "2025-08-21", "2025-08-22"))
        // After: 18 is cuti bersama HUT ke-80 RI -> 19-22, 25 -> due 2025-08-25.
        let new = national.deadline(.writtenNotice, after: d("2025-08-08"))
        #expect(new.counted == dates("2025-08-11", "2025-08-12", "2025-08-13", "2025-08-14", "2025-08-15",
                                     "2025-08-19", "2025-08-20", "2025-08-21", "2025-08-22", "2025-08-25"))
        #expect(new.skipped.first { $0.date == d("2025-08-18") }?.reason.text(.english).contains("HUT ke-80") == true)
        // A request received after the revised day is not affected.
        #expect(before.deadline(.writtenNotice, after: d("2025-08-20")).due == national.deadline(.writtenNotice, after: d("2025-08-20")).due)
    }

    @Test("Joint leave counted as working when the unit's policy says so")
    func jointLeaveWorkingPolicy() {
        let calendar = WorkCalendar.national(jointLeaveIsWorking: true)
        // From 2025-03-27: 28 (cuti, now working), 04-02, 03, 04, 07, 08, 09, 10, 11, 14.
        let notice = calendar.deadline(.writtenNotice, after: d("2025-03-27"))
        #expect(notice.counted == dates("2025-03-28", "2025-04-02", "2025-04-03", "2025-04-04", "2025-04-07",
                                        "2025-04-08", "2025-04-09", "2025-04-10", "2025-04-11", "2025-04-14"))
    }

    @Test("Objection answer: 30 working days after Monday 2026-11-02 is Monday 2026-12-14")
    func objectionAnswer() {
        let answer = national.deadline(.objectionAnswer, after: d("2026-11-02"))
        #expect(answer.due == d("2026-12-14"))
        #expect(answer.counted.count == 30)
        #expect(answer.counted.first == d("2026-11-03"))
        #expect(answer.skipped.count == 12)  // six weekends
        #expect(national.deadline(.disputeWindow, after: answer.due).isProvisional)
    }

    @Test("Working days between two dates")
    func workingDaysBetween() {
        #expect(national.workingDays(after: d("2025-03-27"), through: d("2025-04-22")) == 10)
        #expect(national.workingDays(after: d("2025-04-22"), through: d("2025-03-27")) == 0)
    }
}

@Suite("Receipt policy")
struct ReceiptPolicyTests {
    let deeming = ReceiptPolicy(deemsLateReceiptNextWorkingDay: true, officeCloses: LocalTime(hour: 16, minute: 0)!)

    @Test("Off by default: 16:30 on Monday counts from Monday")
    func standard() {
        let receipt = ReceiptPolicy.standard.receipt(on: d("2026-03-02"), at: LocalTime(hour: 16, minute: 30), calendar: national)
        #expect(receipt.countsFrom == d("2026-03-02"))
        #expect(receipt.deemedBecause == nil)
    }

    @Test("After office hours: deemed received Tuesday, due 2026-03-17 instead of 03-16")
    func afterHours() {
        let receipt = deeming.receipt(on: d("2026-03-02"), at: LocalTime(hour: 16, minute: 30), calendar: national)
        #expect(receipt.countsFrom == d("2026-03-03"))
        #expect(receipt.deemedBecause == .afterOfficeHours(LocalTime(hour: 16, minute: 0)!))
        #expect(RequestDeadlines(receipt: receipt, calendar: national).notice.due == d("2026-03-17"))
        let early = deeming.receipt(on: d("2026-03-02"), at: LocalTime(hour: 15, minute: 59), calendar: national)
        #expect(early.countsFrom == d("2026-03-02"))
    }

    @Test("On a Saturday: deemed received Monday 2026-03-09 (day 0), due 2026-03-30")
    func nonWorkingDay() {
        let receipt = deeming.receipt(on: d("2026-03-07"), at: nil, calendar: national)
        #expect(receipt.countsFrom == d("2026-03-09"))
        // 10, 11, 12, 13, 16, 17, (18-24), 25, 26, 27, 30.
        #expect(RequestDeadlines(receipt: receipt, calendar: national).notice.due == d("2026-03-30"))
        // Without the policy a Saturday receipt has Monday as day 1: due 2026-03-27.
        let plain = ReceiptPolicy.standard.receipt(on: d("2026-03-07"), at: nil, calendar: national)
        #expect(RequestDeadlines(receipt: plain, calendar: national).notice.due == d("2026-03-27"))
    }
}
