import Foundation
import Testing
@testable import PPIDDomain

/// Pasal 21 ("biaya ringan"): a unit's fee schedule itemises a notice's cost; payments are recorded
/// against it; an objection on ground f cites it.
@Suite("Fees: the schedule, the notice's cost, payments")
struct FeeTests {
    let schedule = FeeSchedule(items: [FeeItem(code: "A4", description: "Fotokopi A4", unit: "lembar", rateRupiah: 500),
                                       FeeItem(code: "CD", description: "Salinan pada CD", unit: "keping", rateRupiah: 10_000)],
                               decree: "SK Sekjen 12/2026")

    func decision(_ values: [String: String], schedule: FeeSchedule?) throws(ActRefusal) -> Decision {
        var submission = DecisionSubmission(["outcome": "full", "form": "salinan-cetak", "deliveryBy": "2026-03-12",
                                             "payment": "Kas unit"].merging(values) { $1 })
        submission.schedule = schedule
        guard case let .decided(decision) = try submission.event() else { throw ActRefusal("outcome", .required) }
        return decision
    }

    @Test("The notice's cost is the sum of the items charged from the schedule, each line kept with the decree")
    func itemised() throws {
        let notice = try decision(["fees": "a4=120, CD=1"], schedule: schedule)
        #expect(notice.costRupiah == 70_000)
        #expect(notice.charges?.map(\.line) == ["Fotokopi A4: 120 lembar x Rp 500 = Rp 60000", "Salinan pada CD: 1 keping x Rp 10000 = Rp 10000"])
        #expect(notice.feeDecree == "SK Sekjen 12/2026")
        // A cost typed as well must agree with the schedule.
        #expect(try decision(["fees": "A4=2", "cost": "1000"], schedule: schedule).costRupiah == 1_000)
        do {
            _ = try decision(["fees": "A4=2", "cost": "5000"], schedule: schedule)
            Issue.record("a cost other than the schedule's was accepted")
        } catch {
            #expect(error.problem(for: "cost")?.reason == .costDiffersFromFees(sum: 1_000))
        }
    }

    @Test("Fees the schedule does not have, bad quantities, or no schedule at all are refused with what to write")
    func refused() throws {
        for fees in ["A3=10", "A4", "A4=-1", "A4=x"] {
            do {
                _ = try decision(["fees": fees], schedule: schedule)
                Issue.record("\(fees) was accepted")
            } catch {
                #expect(error.problem(for: "fees")?.reason == .feeLines(known: ["A4", "CD"]), "\(fees)")
                #expect(error.problem(for: "fees")?.text(.english).contains("A4, CD") == true)
            }
        }
        do {
            _ = try decision(["fees": "A4=1"], schedule: nil)
            Issue.record("fees without a schedule were accepted")
        } catch {
            #expect(error.problem(for: "fees")?.reason == .noFeeSchedule)
        }
    }

    @Test("Charges that do not add up to the cost are refused by the lifecycle, wherever the event came from")
    func chargesMustAddUp() throws {
        var scenario = try RequestScenario()
        let charge = FeeCharge(schedule.items[0], quantity: 10)
        #expect(throws: RequestRejection.chargesDisagree(sum: 5_000)) {
            try scenario.apply(.decided(Decision(outcome: .grantedInFull, costRupiah: 9_000, paymentMethod: "Kas", charges: [charge])))
        }
    }

    @Test("Payments: only after a notice with a cost, never more than is owed, dated between the notice and today")
    func payments() throws {
        var scenario = try RequestScenario()
        #expect(throws: RequestRejection.notYetDecided) {
            try scenario.apply(.paid(FeePayment(amountRupiah: 1, paidOn: d("2026-03-05"), reference: "KW-1")))
        }
        try scenario.apply(.decided(try decision(["fees": "A4=120"], schedule: schedule)), on: "2026-03-05")
        var record = try #require(scenario.record)
        #expect(record.owedRupiah == 60_000)
        #expect(throws: RequestRejection.paymentExceedsCost(owed: 60_000)) {
            try scenario.apply(.paid(FeePayment(amountRupiah: 60_001, paidOn: d("2026-03-06"), reference: "KW-1")), on: "2026-03-06")
        }
        #expect(throws: RequestRejection.paymentDate(d("2026-03-04"))) {
            try scenario.apply(.paid(FeePayment(amountRupiah: 100, paidOn: d("2026-03-04"), reference: "KW-1")), on: "2026-03-06")
        }
        try scenario.apply(.paid(FeePayment(amountRupiah: 20_000, paidOn: d("2026-03-06"), reference: "KW-1")), on: "2026-03-06")
        try scenario.apply(.paid(FeePayment(amountRupiah: 40_000, paidOn: d("2026-03-09"), reference: "TRF-88")), on: "2026-03-09")
        record = try #require(scenario.record)
        #expect(record.paidRupiah == 60_000 && record.owedRupiah == 0 && record.payments?.count == 2)
        #expect(RequestLifecycle.refusal(of: .recordPayment, for: record, on: d("2026-03-10")) == .nothingOwed)
        // The acts layer: all that is owed by default, never a day after today.
        #expect(try PaymentSubmission(["reference": "KW-2"]).event(owed: 500, today: d("2026-03-10"))
                == .paid(FeePayment(amountRupiah: 500, paidOn: d("2026-03-10"), reference: "KW-2")))
        do {
            _ = try PaymentSubmission(["amount": "0", "paidOn": "2026-03-11"]).event(owed: 500, today: d("2026-03-10"))
            Issue.record("a zero payment in the future without a receipt was accepted")
        } catch {
            #expect(error.problem(for: "amount")?.reason == .rupiah)
            #expect(error.problem(for: "paidOn")?.reason == .notInFuture)
            #expect(error.problem(for: "reference")?.reason == .required)
        }
    }

    @Test("Pasal 35(1)(f): an objection to unreasonable costs needs a notice that stated a cost")
    func groundFNeedsCost() throws {
        var scenario = try RequestScenario()
        try scenario.apply(.decided(Decision(outcome: .grantedInFull, form: .softCopy, deliveryBy: d("2026-03-06"))), on: "2026-03-05")
        try scenario.apply(.delivered(method: .email, note: ""), on: "2026-03-06")
        let free = try #require(scenario.record)
        do {
            _ = try ObjectionSubmission(["grounds": "f", "filedBy": "Siti"]).filing(id: UUID(), against: free, today: d("2026-03-10"))
            Issue.record("ground f against a free notice was accepted")
        } catch {
            #expect(error.problem(for: "grounds")?.reason == .groundFNeedsCost)
        }
        var charged = try RequestScenario()
        try charged.apply(.decided(try decision(["fees": "CD=1"], schedule: schedule)), on: "2026-03-05")
        try charged.apply(.delivered(method: .email, note: ""), on: "2026-03-06")
        let filing = try ObjectionSubmission(["grounds": "f", "filedBy": "Siti"]).filing(id: UUID(), against: try #require(charged.record),
                                                                                          today: d("2026-03-10"))
        #expect(filing.grounds == [.f])
    }

    @Test("A payment and itemised charges survive the wire format")
    func coding() throws {
        let id = UUID()
        for event in [RequestEvent.paid(FeePayment(amountRupiah: 500, paidOn: d("2026-03-10"), reference: "KW-2")),
                      .decided(try decision(["fees": "A4=3"], schedule: schedule))] {
            let data = try JSONEncoder().encode(DomainEvent.request(id, event))
            #expect(try JSONDecoder().decode(DomainEvent.self, from: data) == .request(id, event))
        }
    }
}

@Suite("Rupiah amounts")
struct RupiahTextTests {
    @Test("Thousands are grouped with dots, whatever the locale", arguments: [(0, "Rp 0"), (500, "Rp 500"), (5000, "Rp 5.000"),
                                                                            (1_250_000, "Rp 1.250.000"), (-12_000, "-Rp 12.000")])
    func grouped(amount: Int, text: String) {
        #expect(Rupiah.text(amount) == text)
    }
}
