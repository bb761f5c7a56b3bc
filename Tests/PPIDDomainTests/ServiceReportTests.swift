import Foundation
import Testing
@testable import PPIDDomain

/// A hand-built first quarter of 2026; every figure below was counted by hand.
struct ReportFixture {
    let context = LifecycleContext(calendar: national, zone: .wib)
    var requests: [RequestRecord] = []
    var objections: [ObjectionRecord] = []
    var disputes: [DisputeRecord] = []

    func meta(_ date: String) -> EventMeta {
        EventMeta(officer: "rina", instant: instant("\(date)T03:00:00Z"), localDate: d(date))
    }

    mutating func request(_ received: String, unit: String = "HUMAS", _ steps: [(RequestEvent, String)]) throws -> RequestRecord {
        var registration = RequestScenario.registration(receivedAt: "\(received)T02:00:00Z")
        registration.unit = unit
        var record = try RequestLifecycle.apply(.registered(registration), meta: meta(received), to: nil, context: context)
        for (event, date) in steps { record = try RequestLifecycle.apply(event, meta: meta(date), to: record, context: context) }
        requests.append(record)
        return record
    }

    static func exemption(_ letter: Pasal17Letter) -> Exemption { Exemption(basis: .pasal17(letter), test: completeTest) }

    static func make() throws -> ReportFixture {
        var f = ReportFixture()
        // R1: 5 working days (6, 7, 8, 9, 12 Jan).
        _ = try f.request("2026-01-05", [(.decided(Decision(outcome: .grantedInFull)), "2026-01-12")])
        // R2: 9 working days (16 Jan is Isra Mikraj).
        let r2 = try f.request("2026-01-05", [(.decided(Decision(outcome: .refused(exemption(.a)))), "2026-01-19")])
        // R3: 16 working days (16 Feb cuti, 17 Feb Imlek).
        let r3 = try f.request("2026-02-02", [(.extended(reason: "Koordinasi"), "2026-02-10"),
                                              (.decided(Decision(outcome: .grantedInPart([exemption(.h)]))), "2026-02-26")])
        // R4: 10 working days.
        _ = try f.request("2026-03-02", [(.decided(Decision(outcome: .notHeld(holder: "BPS"))), "2026-03-16")])
        // R5 withdrawn, R6 still open.
        _ = try f.request("2026-03-02", [(.withdrawn(reason: ""), "2026-03-03")])
        _ = try f.request("2026-03-25", [])
        // R7 at another unit: 2 working days.
        _ = try f.request("2026-01-05", unit: "ITJEN", [(.decided(Decision(outcome: .notYetDocumented)), "2026-01-07")])
        // R8 received in December, decided in January: 8 working days (23, 24, 29, 30, 31 Dec, 2, 5, 6 Jan;
        // 25 Dec Natal, 26 Dec cuti and 1 Jan off; 24 Dec 2025 is a working day). Decided, not received, in Q1.
        _ = try f.request("2025-12-22", [(.decided(Decision(outcome: .grantedInFull)), "2026-01-06")])
        // R9 outside the period altogether.
        _ = try f.request("2026-04-01", [(.decided(Decision(outcome: .grantedInFull)), "2026-04-02")])

        var o1 = try ObjectionLifecycle.apply(.filed(ObjectionFiling(number: "K1", requestID: r2.id, requestNumber: "R2", unit: "HUMAS",
                                                                     filedBy: "Siti", grounds: [.a], groundsAroseOn: d("2026-01-19"))),
                                              meta: f.meta("2026-01-26"), to: nil, context: f.context)
        o1 = try ObjectionLifecycle.apply(.answered(ObjectionAnswer(verdict: .refusalUpheld(reasons: "Tetap"), atasanName: "Dr. A", atasanPosition: "Sekjen")),
                                          meta: f.meta("2026-02-10"), to: o1, context: f.context)
        let o2 = try ObjectionLifecycle.apply(.filed(ObjectionFiling(number: "K2", requestID: r3.id, requestNumber: "R3", unit: "HUMAS",
                                                                     filedBy: "Siti", grounds: [.d, .f], groundsAroseOn: d("2026-02-26"))),
                                              meta: f.meta("2026-03-02"), to: nil, context: f.context)
        f.objections = [o1, o2]
        var d1 = try DisputeLifecycle.apply(.filed(DisputeFiling(objectionID: o1.id, registerNumber: "KI-1", groundsAroseOn: d("2026-02-10"))),
                                            meta: f.meta("2026-02-20"), to: nil, context: f.context)
        d1 = try DisputeLifecycle.apply(.decided(.bodyPrevailed, summary: "Ditolak"), meta: f.meta("2026-03-20"), to: d1, context: f.context)
        f.disputes = [d1]
        return f
    }
}

@Suite("Service report")
struct ServiceReportTests {
    let period = ReportPeriod(year: 2026, quarter: 1)!

    @Test("Every figure of one unit, counted by hand")
    func unitFigures() throws {
        let f = try ReportFixture.make()
        let r = ServiceReport.compute(period: period, unit: "HUMAS", requests: f.requests, objections: f.objections,
                                      disputes: f.disputes, calendar: national)
        // The cohort: received in Q1 (R8, received in December, is last year's, though decided in January).
        #expect(r.requestsReceived == 6)
        #expect(r.daysToNotice.sorted() == [5, 9, 10, 16])
        #expect(r.decided == 4)
        #expect(r.meanDays == 10)
        #expect(r.medianDays == 9.5)
        #expect(r.p90Days == 16)
        #expect(r.withinTen == 3)
        #expect(r.noticesOnTime == 4 && r.noticesLate == 0, "R3's 16 days are on time: it was extended with a reason")
        #expect(r.openOverdue == 0)
        #expect(r.grantedInFull == 1)
        #expect(r.grantedInPart == 1)
        #expect(r.refused == 1)
        #expect(r.exemptionsByBasis == ["17a": 1, "17h": 1])
        #expect(r.notHeld == 1)
        #expect(r.notYetDocumented == 0)
        #expect(r.withdrawn == 1)
        #expect(r.stillOpen == 1)
        #expect(r.objectionsReceived == 2)
        #expect(r.objectionsByGround == [.a: 1, .d: 1, .f: 1])
        #expect(r.objectionsByOutcome == ["refusal-upheld": 1, "pending": 1])
        #expect(r.disputesFiled == 1)
        #expect(r.disputesByOutcome == ["ditolak": 1])
        #expect(r.courtCases == 0 && r.courtByOutcome.isEmpty)
    }

    @Test("Court cases: the Commission's outcome kept, the court's and the Supreme Court's rulings counted apart, in words")
    func courtCases() throws {
        let f = try ReportFixture.make()
        let context = f.context
        var inCourt = try #require(f.disputes.first)
        inCourt = try DisputeLifecycle.apply(.appealedToCourt(court: "PTUN Jakarta", late: nil), meta: f.meta("2026-03-25"), to: inCourt, context: context)
        var ruled = try DisputeLifecycle.apply(.courtDecided(.requesterPrevailed, summary: ""), meta: f.meta("2026-05-04"), to: inCourt, context: context)
        ruled = try DisputeLifecycle.apply(.cassationFiled(late: nil), meta: f.meta("2026-05-11"), to: ruled, context: context)
        ruled = try DisputeLifecycle.apply(.cassationDecided(.partlyGranted, summary: ""), meta: f.meta("2026-08-03"), to: ruled, context: context)
        var second = ruled
        second.filing.id = UUID()
        second.filing.objectionID = inCourt.filing.objectionID
        let r = ServiceReport.compute(period: ReportPeriod(year: 2026)!, unit: nil, requests: f.requests, objections: f.objections,
                                      disputes: [inCourt, second], calendar: national)
        #expect(r.disputesByOutcome == ["ditolak": 2], "the Commission decided both")
        #expect(r.courtCases == 2 && r.courtByOutcome == ["pending": 1, "dikabulkan-sebagian": 1])
        let figures = r.figures(.indonesian)
        #expect(figures.contains { $0.key == "court.outcome.dikabulkan-sebagian" && $0.label.contains("Permohonan dikabulkan sebagian") })
        #expect(figures.contains { $0.key == "court.outcome.pending" && $0.label.contains("Masih diperiksa pengadilan") })
    }

    @Test("Another unit, and the roll-up for the body")
    func rollUp() throws {
        let f = try ReportFixture.make()
        let itjen = ServiceReport.compute(period: period, unit: "ITJEN", requests: f.requests, objections: f.objections,
                                          disputes: f.disputes, calendar: national)
        #expect(itjen.requestsReceived == 1)
        #expect(itjen.daysToNotice == [2])
        #expect(itjen.notYetDocumented == 1)
        #expect(itjen.objectionsReceived == 0 && itjen.disputesFiled == 0)
        let body = ServiceReport.compute(period: period, unit: nil, requests: f.requests, objections: f.objections,
                                         disputes: f.disputes, calendar: national)
        #expect(body.requestsReceived == 7)
        #expect(body.daysToNotice.sorted() == [2, 5, 9, 10, 16])
        #expect(body.medianDays == 9)
        #expect(body.p90Days == 16)     // nearest rank: ceil(0.9 * 5) = 5th
        #expect(body.withinTen == 4)
        #expect(body.notYetDocumented == 1)
        #expect(body.objectionsReceived == 2 && body.disputesFiled == 1)
        #expect(body.meanDays == 42.0 / 5.0)
    }

    @Test("Perki 1/2021 report: a notice after its due date is late, never hidden inside '17 days'; late and overdue objections are counted; outcomes in words")
    func lateCounted() throws {
        var f = ReportFixture()
        // 12 working days, not extended: late, though within 17.
        _ = try f.request("2026-03-02", [(.decided(Decision(outcome: .grantedInFull)), "2026-03-18")])
        // Still open, its due date passed by the day the report is made.
        _ = try f.request("2026-03-02", [])
        let request = try f.request("2026-01-05", [(.decided(Decision(outcome: .refused(ReportFixture.exemption(.a)))), "2026-01-12")])
        var answered = try ObjectionLifecycle.apply(.filed(ObjectionFiling(number: "K1", requestID: request.id, requestNumber: "R", unit: "HUMAS",
                                                                           filedBy: "Siti", grounds: [.a], groundsAroseOn: d("2026-01-12"))),
                                                    meta: f.meta("2026-01-13"), to: nil, context: f.context)
        answered = try ObjectionLifecycle.apply(.answered(ObjectionAnswer(verdict: .objectionGranted, atasanName: "Dr. A", atasanPosition: "Sekjen")),
                                                meta: f.meta("2026-03-30"), to: answered, context: f.context)
        let pending = try ObjectionLifecycle.apply(.filed(ObjectionFiling(number: "K2", requestID: request.id, requestNumber: "R", unit: "HUMAS",
                                                                          filedBy: "Budi", grounds: [.a], groundsAroseOn: d("2026-01-12"))),
                                                   meta: f.meta("2026-01-14"), to: nil, context: f.context)
        let report = ServiceReport.compute(period: period, unit: "HUMAS", requests: f.requests, objections: [answered, pending],
                                           disputes: [], calendar: national, asOf: d("2026-04-15"))
        #expect(report.noticesLate == 1, "decided 03-18, due 03-16, not extended: late")
        #expect(report.noticesOnTime == 1)
        #expect(report.openOverdue == 1)
        #expect(report.objectionsAnsweredLate == 1, "answered after its 30 working days (Pasal 36(2))")
        #expect(report.objectionsOverdue == 1)
        let figures = report.figures(.indonesian)
        #expect(figures.contains { $0.key == "notices.late" && $0.value == "\(report.noticesLate)" })
        #expect(!figures.contains { $0.key == "days.within17" })
        #expect(figures.first?.key == "cohort.rule")
        #expect(figures.allSatisfy { !$0.label.contains("dikabulkan-sebagian") && !$0.label.contains("pending") })
        #expect(DisputeOutcome.partlyGranted.text(.indonesian) == "Permohonan dikabulkan sebagian")
    }

    @Test("Periods: year, semester, quarter, month; the annual report is due by 31 March of the next year")
    func morePeriods() {
        #expect(ReportPeriod(year: 2026, semester: 2)!.first == d("2026-07-01") && ReportPeriod(year: 2026, semester: 2)!.last == d("2026-12-31"))
        #expect(ReportPeriod(year: 2026, month: 2)!.last == d("2026-02-28"))
        #expect(ReportPeriod(year: 2026, month: 2)!.text(.indonesian) == "Februari 2026")
        #expect(ReportPeriod(year: 2026, semester: 1)!.text(.english) == "2026 H1")
        #expect(ReportPeriod(year: 2026, quarter: 1, month: 2) == nil, "one part at a time")
        #expect(ReportPeriod(year: 2026)!.reportDue == d("2027-03-31"))
        #expect(ReportPeriod(year: 2026, quarter: 1)!.reportDue == nil)
    }

    @Test("Periods")
    func periods() {
        #expect(ReportPeriod(year: 2026, quarter: 2)!.first == d("2026-04-01"))
        #expect(ReportPeriod(year: 2026, quarter: 2)!.last == d("2026-06-30"))
        #expect(ReportPeriod(year: 2026)!.last == d("2026-12-31"))
        #expect(ReportPeriod(year: 2026, quarter: 5) == nil)
        #expect(ReportPeriod(year: 2026, quarter: 4)!.text(.indonesian) == "Triwulan IV 2026")
    }
}
