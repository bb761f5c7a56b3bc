import Foundation
import Testing
@testable import PPIDDomain

@Suite("Objections and disputes")
struct ObjectionAndDisputeTests {
    let context = LifecycleContext(calendar: national, zone: .wib)

    func filing(grounds: [ObjectionGround] = [.a], arose: String = "2026-03-16", override: String? = nil) -> ObjectionFiling {
        ObjectionFiling(number: "K-0001/2026", requestID: UUID(), requestNumber: "0001/PPID-SETJEN/III/2026", unit: "SETJEN",
                        filedBy: "Siti Nurhaliza", grounds: grounds, groundsAroseOn: d(arose), lateFilingOverride: override)
    }

    func meta(_ date: String) -> EventMeta { RequestScenario.meta(on: date) }

    @Test("Filing inside the window: the atasan's answer is due 30 working days later")
    func fileInWindow() throws {
        // Grounds arose 2026-03-16; the 30-day window: 17, 25-27, 30, 31, 04-01, 02, 06-10, 13-17, 20-24, 27-30,
        // (05-01 Labour Day), 05-04, 05, 06.
        let window = ObjectionLifecycle.window(groundsArose: d("2026-03-16"), calendar: national)
        #expect(window.due == d("2026-05-06"))
        let record = try ObjectionLifecycle.apply(.filed(filing()), meta: meta("2026-05-06"), to: nil, context: context)
        #expect(record.filedOn == d("2026-05-06"))
        // 30 working days after 05-06: 07, 08, 11-13, (14, 15 Ascension), 18-22, 25, 26, (27, 28 Idul Adha), 29,
        // (06-01 Pancasila), 02-05, 08-12, 15, (16 1 Muharam), 17-19, 22-25.
        #expect(record.answerDue == d("2026-06-25"))
    }

    @Test("Rejected: an objection filed after its 30-day window, unless overridden with a written reason")
    func lateFiling() throws {
        #expect(throws: ObjectionRejection.filedAfterWindow(windowClosed: d("2026-05-06"))) {
            _ = try ObjectionLifecycle.apply(.filed(filing()), meta: meta("2026-05-07"), to: nil, context: context)
        }
        #expect(throws: ObjectionRejection.filedAfterWindow(windowClosed: d("2026-05-06"))) {
            _ = try ObjectionLifecycle.apply(.filed(filing(override: " ")), meta: meta("2026-05-07"), to: nil, context: context)
        }
        let accepted = try ObjectionLifecycle.apply(.filed(filing(override: "Pemohon sakit, surat dokter terlampir")),
                                                    meta: meta("2026-05-07"), to: nil, context: context)
        #expect(accepted.state == .filed)
    }

    @Test("Rejected: no grounds, before the grounds arose, answering twice, settling a ground-a objection")
    func otherRejections() throws {
        #expect(throws: ObjectionRejection.missingField(.grounds)) {
            _ = try ObjectionLifecycle.apply(.filed(filing(grounds: [])), meta: meta("2026-03-20"), to: nil, context: context)
        }
        #expect(throws: ObjectionRejection.filedBeforeGrounds(groundsArose: d("2026-03-16"))) {
            _ = try ObjectionLifecycle.apply(.filed(filing()), meta: meta("2026-03-13"), to: nil, context: context)
        }
        var record = try ObjectionLifecycle.apply(.filed(filing()), meta: meta("2026-03-25"), to: nil, context: context)
        #expect(throws: ObjectionRejection.settlementNotAllowedForGroundA) {
            _ = try ObjectionLifecycle.apply(.answered(ObjectionAnswer(verdict: .settledByAgreement(terms: "Sepakat"), atasanName: "Dr. A", atasanPosition: "Sekjen")),
                                             meta: meta("2026-04-01"), to: record, context: context)
        }
        #expect(throws: ObjectionRejection.missingField(.reason)) {
            _ = try ObjectionLifecycle.apply(.answered(ObjectionAnswer(verdict: .refusalUpheld(reasons: ""), atasanName: "Dr. A", atasanPosition: "Sekjen")),
                                             meta: meta("2026-04-01"), to: record, context: context)
        }
        #expect(throws: ObjectionRejection.notAnswered) {
            _ = try ObjectionLifecycle.apply(.requesterResponded("Menerima"), meta: meta("2026-04-01"), to: record, context: context)
        }
        record = try ObjectionLifecycle.apply(.answered(ObjectionAnswer(verdict: .refusalUpheld(reasons: "Pasal 17 huruf a tetap berlaku"), atasanName: "Dr. A", atasanPosition: "Sekjen")),
                                              meta: meta("2026-04-01"), to: record, context: context)
        #expect(throws: ObjectionRejection.alreadyAnswered) {
            _ = try ObjectionLifecycle.apply(.answered(ObjectionAnswer(verdict: .objectionGranted, atasanName: "Dr. A", atasanPosition: "Sekjen")),
                                             meta: meta("2026-04-02"), to: record, context: context)
        }
        record = try ObjectionLifecycle.apply(.requesterResponded("Akan mengajukan sengketa ke KI"), meta: meta("2026-04-02"), to: record, context: context)
        #expect(record.requesterResponse == "Akan mengajukan sengketa ke KI")
    }

    @Test("Grounds b-g may be settled by agreement")
    func settlement() throws {
        let record = try ObjectionLifecycle.apply(.filed(filing(grounds: [.c, .g])), meta: meta("2026-03-25"), to: nil, context: context)
        let settled = try ObjectionLifecycle.apply(.answered(ObjectionAnswer(verdict: .settledByAgreement(terms: "Informasi diserahkan 2 April"), atasanName: "Dr. A", atasanPosition: "Sekjen")),
                                                   meta: meta("2026-03-30"), to: record, context: context)
        #expect(settled.state == .answered)
    }

    @Test("A dispute: 14-day window, the Commission's 14 and 100 days, the path to court")
    func dispute() throws {
        let objection = UUID()
        let filing = DisputeFiling(objectionID: objection, registerNumber: "KI-001/2026", groundsAroseOn: d("2026-04-01"))
        // 14 working days after 2026-04-01: 02, 06-10, 13-17, 20, 21, 22 -> 2026-04-22.
        #expect(national.deadline(.disputeWindow, after: d("2026-04-01")).due == d("2026-04-22"))
        #expect(throws: DisputeRejection.filedAfterWindow(windowClosed: d("2026-04-22"))) {
            _ = try DisputeLifecycle.apply(.filed(filing), meta: meta("2026-04-23"), to: nil, context: context)
        }
        var record = try DisputeLifecycle.apply(.filed(filing), meta: meta("2026-04-22"), to: nil, context: context)
        #expect(record.startDue == national.deadline(.commissionStart, after: d("2026-04-22")).due)
        #expect(record.settlementDue == national.deadline(.commissionSettlement, after: d("2026-04-22")).due)
        #expect(throws: DisputeRejection.notDecided) {
            _ = try DisputeLifecycle.apply(.appealedToCourt(court: "PTUN Jakarta", late: nil), meta: meta("2026-05-01"), to: record, context: context)
        }
        record = try DisputeLifecycle.apply(.mediationStarted, meta: meta("2026-05-04"), to: record, context: context)
        #expect(throws: DisputeRejection.notInProgress(.mediation)) {
            _ = try DisputeLifecycle.apply(.mediationStarted, meta: meta("2026-05-05"), to: record, context: context)
        }
        record = try DisputeLifecycle.apply(.adjudicationStarted, meta: meta("2026-05-11"), to: record, context: context)
        record = try DisputeLifecycle.apply(.decided(.bodyPrevailed, summary: "Ditolak"), meta: meta("2026-07-01"), to: record, context: context)
        record = try DisputeLifecycle.apply(.appealedToCourt(court: "PTUN Jakarta", late: nil), meta: meta("2026-07-10"), to: record, context: context)
        #expect(record.state == .inCourt)
    }
}
