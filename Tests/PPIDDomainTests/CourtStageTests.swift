import Foundation
import Testing
@testable import PPIDDomain

/// Hearings, the court (Pasal 47-49) and cassation (Pasal 50) after the Commission's decision.
@Suite("Disputes after the Commission: hearings, court and cassation")
struct CourtStageTests {
    let context = LifecycleContext(calendar: national, zone: .wib)

    func meta(_ date: String) -> EventMeta { RequestScenario.meta(on: date) }

    func apply(_ event: DisputeEvent, _ date: String, _ record: DisputeRecord?) throws -> DisputeRecord {
        try DisputeLifecycle.apply(event, meta: meta(date), to: record, context: context)
    }

    /// A dispute filed 2026-04-02, adjudicated, decided by the Commission for the requester on 2026-06-01.
    func decided(_ outcome: DisputeOutcome = .requesterPrevailed) throws -> DisputeRecord {
        let filing = DisputeFiling(objectionID: UUID(), registerNumber: "KI-007/2026", groundsAroseOn: d("2026-04-01"), grounds: [.a])
        var record = try apply(.filed(filing), "2026-04-02", nil)
        record = try apply(.adjudicationStarted, "2026-04-10", record)
        return try apply(.decided(outcome, summary: "Dikabulkan"), "2026-06-01", record)
    }

    @Test("Pasal 48(1): the court window is 14 working days from the decision; later needs a written reason")
    func courtWindow() throws {
        let record = try decided()
        let window = national.deadline(.courtFiling, after: d("2026-06-01")).due
        #expect(record.courtWindowCloses == window)
        #expect(record.nextStep == DisputeNextStep(kind: .courtFiling, due: window, countsFrom: d("2026-06-01")))
        // While the window is open the Commission's decision stands, and it is an order.
        #expect(record.ruling?.outcome == .requesterPrevailed)
        #expect(throws: DisputeRejection.courtFiledAfterWindow(windowClosed: window)) {
            _ = try apply(.appealedToCourt(court: "PTUN Jakarta", late: nil), window.next.iso, record)
        }
        let late = try apply(.appealedToCourt(court: "PTUN Jakarta", late: "Salinan putusan diterima terlambat"), window.next.iso, record)
        #expect(late.state == .inCourt && late.courtFiledOn == window.next)
        // Before a court, the Commission's decision is suspended: no ruling stands, no order.
        #expect(late.ruling == nil)
        #expect(late.nextStep?.kind == .awaitingCourt)
    }

    @Test("Pasal 50: cassation within 14 days (calendar days: the article does not say working days)")
    func cassationWindow() throws {
        var record = try apply(.appealedToCourt(court: "PTUN Jakarta", late: nil), "2026-06-05", try decided())
        #expect(throws: DisputeRejection.notInProgress(.inCourt)) { _ = try apply(.cassationFiled(late: nil), "2026-07-01", record) }
        #expect(throws: DisputeRejection.agreementOnlyByMediation) {
            _ = try apply(.courtDecided(.mediatedAgreement, summary: ""), "2026-08-03", record)
        }
        record = try apply(.courtDecided(.bodyPrevailed, summary: "Putusan KI dibatalkan"), "2026-08-03", record)
        #expect(record.state == .courtDecided && record.ruling?.outcome == .bodyPrevailed)
        // 2026-08-17 (Independence Day) and the weekends count: 14 days after 08-03 is 08-17.
        #expect(record.cassationWindowCloses == d("2026-08-17"))
        #expect(national.deadline(.cassationFiling, after: d("2026-08-03")).skipped.isEmpty)
        #expect(throws: DisputeRejection.cassationFiledAfterWindow(windowClosed: d("2026-08-17"))) {
            _ = try apply(.cassationFiled(late: nil), "2026-08-18", record)
        }
        record = try apply(.cassationFiled(late: nil), "2026-08-17", record)
        #expect(record.state == .cassation && record.ruling == nil)
        record = try apply(.cassationDecided(.partlyGranted, summary: "Sebagian"), "2026-10-01", record)
        #expect(record.state == .cassationDecided)
        #expect(record.ruling?.outcome == .partlyGranted && record.ruling?.on == d("2026-10-01"))
        #expect(record.nextStep == nil, "a Supreme Court ruling is final: nothing left to wait for")
        #expect(throws: DisputeRejection.notInProgress(.cassationDecided)) { _ = try apply(.withdrawn(reason: "x"), "2026-10-02", record) }
    }

    @Test("Hearings: recorded in mediation, adjudication and court; the next one set is the dispute's next step")
    func hearings() throws {
        let filing = DisputeFiling(objectionID: UUID(), registerNumber: "KI-008/2026", groundsAroseOn: d("2026-04-01"), grounds: [.c])
        var record = try apply(.filed(filing), "2026-04-02", nil)
        #expect(throws: DisputeRejection.notInProgress(.filed)) {
            _ = try apply(.hearingHeld(DisputeHearing(heldOn: d("2026-04-03"), note: "")), "2026-04-03", record)
        }
        record = try apply(.mediationStarted, "2026-04-10", record)
        #expect(throws: DisputeRejection.hearingDate(d("2026-04-20"))) {
            _ = try apply(.hearingHeld(DisputeHearing(heldOn: d("2026-04-20"), note: "")), "2026-04-14", record)
        }
        #expect(throws: DisputeRejection.hearingDate(d("2026-04-13"))) {
            _ = try apply(.hearingHeld(DisputeHearing(heldOn: d("2026-04-14"), note: "", nextOn: d("2026-04-13"))), "2026-04-14", record)
        }
        record = try apply(.hearingHeld(DisputeHearing(heldOn: d("2026-04-14"), note: "Para pihak hadir", nextOn: d("2026-04-28"))),
                           "2026-04-15", record)
        #expect(record.hearings?.count == 1)
        #expect(record.nextStep == DisputeNextStep(kind: .hearing, due: d("2026-04-28"), countsFrom: d("2026-04-14")))
        record = try apply(.hearingHeld(DisputeHearing(heldOn: d("2026-04-28"), note: "Tidak sepakat")), "2026-04-28", record)
        #expect(record.nextStep?.kind == .commissionSettlement, "no next hearing set: the 100 working days are the clock")
    }

    @Test("A Commission decision against the requester, and the court's ruling for them, make an order then")
    func orderFollowsTheRuling() throws {
        var record = try decided(.bodyPrevailed)
        #expect(record.ruling?.outcome == .bodyPrevailed)
        record = try apply(.appealedToCourt(court: "PN Denpasar", late: nil), "2026-06-03", record)
        record = try apply(.courtDecided(.requesterPrevailed, summary: "Dikabulkan"), "2026-08-03", record)
        #expect(record.ruling?.outcome == .requesterPrevailed && record.ruling?.on == d("2026-08-03"))
        #expect(record.nextStep?.kind == .cassationFiling)
    }

    @Test("The acts layer: each court step from submitted values, every refused field at once")
    func submissions() throws {
        let today = d("2026-05-01")
        #expect(try DisputeStepSubmission(["step": "hearing", "note": "n"]).event(today: today)
                == .hearingHeld(DisputeHearing(heldOn: today, note: "n")))
        #expect(try DisputeStepSubmission(["step": "court-decide", "outcome": "ditolak"]).event(today: today)
                == .courtDecided(.bodyPrevailed, summary: ""))
        #expect(try DisputeStepSubmission(["step": "cassation", "late": " alasan "]).event(today: today) == .cassationFiled(late: "alasan"))
        do {
            _ = try DisputeStepSubmission(["step": "hearing", "heldOn": "2026-05-02", "nextOn": "besok"]).event(today: today)
            Issue.record("a hearing in the future with a bad next date was accepted")
        } catch {
            #expect(error.problem(for: "heldOn")?.reason == .notInFuture)
            #expect(error.problem(for: "nextOn")?.reason == .date)
        }
        do {
            _ = try DisputeStepSubmission(["step": "cassation-decide", "outcome": "mediasi-berhasil"]).event(today: today)
            Issue.record("a mediated agreement at cassation was accepted")
        } catch {
            #expect(error.problem(for: "outcome") != nil)
        }
    }

    @Test("Every new dispute event survives the wire format")
    func coding() throws {
        let id = UUID()
        for event in [DisputeEvent.hearingHeld(DisputeHearing(heldOn: d("2026-04-14"), note: "n", nextOn: d("2026-04-28"))),
                      .appealedToCourt(court: "PTUN", late: "r"), .appealedToCourt(court: "PTUN", late: nil),
                      .courtDecided(.inadmissible, summary: "s"), .cassationFiled(late: nil), .cassationDecided(.requesterPrevailed, summary: "")] {
            let data = try JSONEncoder().encode(DomainEvent.dispute(id, event))
            #expect(try JSONDecoder().decode(DomainEvent.self, from: data) == .dispute(id, event))
        }
    }
}
