import Foundation
import Testing
@testable import PPIDDomain

/// A small harness: registers a request received on Monday 2026-03-02 09:00 WIB and applies events.
struct RequestScenario {
    let context = LifecycleContext(calendar: national, zone: .wib)
    var record: RequestRecord?

    static func registration(receivedAt: String = "2026-03-02T02:00:00Z") -> RequestRegistration {
        RequestRegistration(
            registrationNumber: "0001/PPID-SETJEN/III/2026", unit: "SETJEN", receivedAt: instant(receivedAt),
            channel: .inPerson,
            requester: Requester(name: "Siti Nurhaliza", nik: "3171234567890002", address: "Jl. Merdeka 1, Jakarta",
                                 phone: "081234567890", email: "siti@example.id"),
            information: "Laporan realisasi anggaran 2025", purpose: "Penelitian skripsi")
    }

    init(registering registration: RequestRegistration = RequestScenario.registration(), on date: String = "2026-03-02") throws {
        record = try RequestLifecycle.apply(.registered(registration), meta: Self.meta(on: date),
                                            to: nil, context: context)
    }

    static func meta(on date: String) -> EventMeta {
        EventMeta(officer: "budi", instant: instant("\(date)T03:00:00Z"), localDate: d(date))
    }

    mutating func apply(_ event: RequestEvent, on date: String = "2026-03-05") throws(RequestRejection) {
        record = try RequestLifecycle.apply(event, meta: Self.meta(on: date), to: record, context: context)
    }
}

let completeTest = ConsequenceTest(harm: "Mengganggu penyidikan yang sedang berjalan",
                                   publicInterestWeighed: "Kepentingan penegakan hukum lebih besar",
                                   withheldPart: "Lampiran 3", until: CivilDate(year: 2028, month: 12, day: 31))

@Suite("Request lifecycle")
struct RequestLifecycleTests {
    @Test func registrationComputesTheNoticeDeadline() throws {
        let scenario = try RequestScenario()
        let record = try #require(scenario.record)
        #expect(record.state == .registered)
        #expect(record.receivedOn == d("2026-03-02"))
        #expect(record.noticeDue == d("2026-03-16"))
        #expect(record.effectiveDue == d("2026-03-16"))
        #expect(!record.dueIsProvisional)
    }

    @Test("The receipt date is the unit's civil date: 23:30 WIB Friday stays Friday in a WIB unit")
    func registrationUsesTheUnitZone() throws {
        let scenario = try RequestScenario(registering: RequestScenario.registration(receivedAt: "2026-03-06T16:30:00Z"), on: "2026-03-06")
        #expect(scenario.record?.receivedOn == d("2026-03-06"))
        var witContext = LifecycleContext(calendar: national, zone: .wit)
        witContext.receiptPolicy = .standard
        let wit = try RequestLifecycle.apply(.registered(RequestScenario.registration(receivedAt: "2026-03-06T16:30:00Z")),
                                             meta: RequestScenario.meta(on: "2026-03-07"), to: nil, context: witContext)
        #expect(wit.receivedOn == d("2026-03-07"))
    }

    @Test("A receipt dated after the day it is recorded is refused, on every side")
    func receiptInTheFuture() throws {
        #expect(throws: RequestRejection.receivedInFuture) {
            try RequestScenario(registering: RequestScenario.registration(receivedAt: "2026-03-06T02:00:00Z"), on: "2026-03-05")
        }
        var submission = RequestSubmission()
        submission.name = "Siti"
        submission.nik = "3171234567890002"
        submission.email = "siti@example.id"
        submission.information = "Data"
        submission.purpose = "Riset"
        let now = instant("2026-03-05T02:00:00Z")
        submission.receivedAt = now.addingTimeInterval(DomainLimits.clockSkew + 60)
        #expect(throws: SubmissionProblem(.receivedInFuture)) { try submission.registration(id: UUID(), unit: "HUMAS", now: now) }
        submission.receivedAt = now.addingTimeInterval(-3600)
        #expect(try submission.registration(id: UUID(), unit: "HUMAS", now: now).receivedAt == now.addingTimeInterval(-3600))
        submission.channel = "merpati"
        #expect(throws: SubmissionProblem.self) { try submission.registration(id: UUID(), unit: "HUMAS", now: now) }
    }

    @Test func happyPathToClosed() throws {
        var scenario = try RequestScenario()
        try scenario.apply(.processingStarted)
        try scenario.apply(.extended(reason: "Dokumen tersebar di tiga bidang"), on: "2026-03-16")
        #expect(scenario.record?.extendedDue == d("2026-04-01"))
        #expect(scenario.record?.effectiveDue == d("2026-04-01"))
        try scenario.apply(.decided(Decision(outcome: .grantedInFull, form: .softCopy)), on: "2026-03-30")
        try scenario.apply(.delivered(method: .email, note: ""), on: "2026-03-31")
        try scenario.apply(.closed, on: "2026-03-31")
        #expect(scenario.record?.state == .closed)
        #expect(scenario.record?.objectionGroundsArose == d("2026-03-31"), "the day the notice reached the requester (Pasal 36(1))")
    }

    @Test("Rejected: a second extension")
    func secondExtension() throws {
        var scenario = try RequestScenario()
        try scenario.apply(.extended(reason: "Perlu koordinasi"))
        #expect(throws: RequestRejection.secondExtension) { try scenario.apply(.extended(reason: "Lagi")) }
    }

    @Test("Rejected: an extension after the original due date")
    func extensionAfterDue() throws {
        var scenario = try RequestScenario()
        #expect(throws: RequestRejection.extensionAfterDueDate(due: d("2026-03-16"))) {
            try scenario.apply(.extended(reason: "Terlambat"), on: "2026-03-17")
        }
    }

    @Test("Rejected: an extension without a written reason")
    func extensionWithoutReason() throws {
        var scenario = try RequestScenario()
        #expect(throws: RequestRejection.missingField(.reason)) { try scenario.apply(.extended(reason: "  ")) }
    }

    @Test("Rejected: a refusal without a Pasal 17 letter or statute, or without a consequence test")
    func refusalNeedsBasisAndTest() throws {
        var scenario = try RequestScenario()
        #expect(throws: RequestRejection.refusalWithoutBasis) {
            try scenario.apply(.decided(Decision(outcome: .refused(nil))))
        }
        #expect(throws: RequestRejection.refusalWithoutBasis) {
            try scenario.apply(.decided(Decision(outcome: .refused(Exemption(basis: .otherStatute(" "), test: completeTest)))))
        }
        let emptyTest = ConsequenceTest(harm: "", publicInterestWeighed: "", withheldPart: "", until: nil)
        #expect(throws: RequestRejection.refusalWithoutConsequenceTest) {
            try scenario.apply(.decided(Decision(outcome: .refused(Exemption(basis: .pasal17(.a), test: emptyTest)))))
        }
        #expect(throws: RequestRejection.partialGrantWithoutExemption) {
            try scenario.apply(.decided(Decision(outcome: .grantedInPart([]))))
        }
        #expect(scenario.record?.state == .registered)  // nothing half-applied
        try scenario.apply(.decided(Decision(outcome: .refused(Exemption(basis: .pasal17(.a), test: completeTest)))))
        #expect(scenario.record?.state == .decided)
    }

    @Test("Rejected: a decision, extension or delivery on a withdrawn request")
    func withdrawnIsFinal() throws {
        var scenario = try RequestScenario()
        try scenario.apply(.withdrawn(reason: "Sudah tidak diperlukan"))
        #expect(throws: RequestRejection.requestWithdrawn) { try scenario.apply(.decided(Decision(outcome: .grantedInFull))) }
        #expect(throws: RequestRejection.requestWithdrawn) { try scenario.apply(.extended(reason: "x")) }
        #expect(throws: RequestRejection.requestWithdrawn) { try scenario.apply(.withdrawn(reason: "")) }
    }

    @Test("Rejected: a second notice (an issued notice cannot be unsent), delivery before a notice, closing too early")
    func orderOfSteps() throws {
        var scenario = try RequestScenario()
        #expect(throws: RequestRejection.notYetDecided) { try scenario.apply(.delivered(method: nil, note: "")) }
        #expect(throws: RequestRejection.notForwardedOrDecided) { try scenario.apply(.closed) }
        try scenario.apply(.decided(Decision(outcome: .notHeld(holder: "Kementerian Keuangan"))))
        #expect(throws: RequestRejection.alreadyDecided) { try scenario.apply(.decided(Decision(outcome: .grantedInFull))) }
        #expect(throws: RequestRejection.alreadyDecided) { try scenario.apply(.extended(reason: "x")) }
        try scenario.apply(.closed)
        #expect(throws: RequestRejection.requestClosed) { try scenario.apply(.delivered(method: nil, note: "")) }
    }

    @Test("Rejected: registering twice, acting on an unknown request, dating before receipt")
    func identityAndDates() throws {
        var scenario = try RequestScenario()
        #expect(throws: RequestRejection.alreadyRegistered) { try scenario.apply(.registered(RequestScenario.registration())) }
        #expect(throws: RequestRejection.dateBeforeReceipt(received: d("2026-03-02"))) {
            try scenario.apply(.processingStarted, on: "2026-03-01")
        }
        #expect(throws: RequestRejection.unknownRequest) {
            _ = try RequestLifecycle.apply(.processingStarted, meta: RequestScenario.meta(on: "2026-03-02"), to: nil,
                                           context: scenario.context)
        }
    }

    @Test("Pasal 22(7): forwarded within the body, the receiving unit keeps the receipt date; to another body, the notice names the holder before it can close")
    func forwarding() throws {
        var scenario = try RequestScenario()
        #expect(throws: RequestRejection.forwardedToSameUnit) { try scenario.apply(.forwarded(to: .unit("SETJEN"), note: "")) }
        #expect(throws: RequestRejection.missingField(.forwardTarget)) { try scenario.apply(.forwarded(to: .otherBody(""), note: "")) }
        try scenario.apply(.forwarded(to: .unit("ITJEN"), note: "Dokumen dikuasai Inspektorat"), on: "2026-03-09")
        #expect(scenario.record?.registration.unit == "ITJEN")
        #expect(scenario.record?.receivedOn == d("2026-03-02") && scenario.record?.noticeDue == d("2026-03-16"),
                "the receiving unit counts from the original receipt")
        try scenario.apply(.forwarded(to: .otherBody("Badan Pusat Statistik"), note: ""))
        #expect(throws: RequestRejection.notForwardedOrDecided) { try scenario.apply(.closed) }
        #expect(throws: RequestRejection.missingField(.holder)) {
            try scenario.apply(.decided(Decision(outcome: .notHeld(holder: nil))), on: "2026-03-10")
        }
        try scenario.apply(.decided(Decision(outcome: .notHeld(holder: "Badan Pusat Statistik"))), on: "2026-03-10")
        try scenario.apply(.closed, on: "2026-03-11")
        #expect(scenario.record?.state == .closed)
    }

    @Test("Pasal 22(7): a grant's notice states the form and the time of delivery, a cost how to pay it")
    func noticeContents() throws {
        do {
            _ = try DecisionSubmission(["outcome": "full", "cost": "15000"]).event()
            Issue.record("a grant without form, delivery time and payment was accepted")
        } catch {
            #expect(Set(error.problems.compactMap(\.field)) == ["form", "deliveryBy", "payment"])
        }
        let event = try DecisionSubmission(["outcome": "full", "cost": "15000", "form": "salinan-cetak", "deliveryBy": "2026-03-12",
                                            "payment": "Transfer ke rekening BLU 123"]).event()
        guard case let .decided(decision) = event else { Issue.record("not a decision"); return }
        #expect(decision.form == .hardCopy && decision.deliveryBy == d("2026-03-12") && decision.paymentMethod == "Transfer ke rekening BLU 123")
        // A refusal gives nothing: no form or delivery is asked.
        _ = try DecisionSubmission(["outcome": "notDocumented"]).event()
    }

    @Test("Registration is checked: NIK of 16 digits, email, phone, required fields")
    func registrationChecks() {
        func reject(_ change: (inout RequestRegistration) -> Void) -> RequestRejection? {
            var registration = RequestScenario.registration()
            change(&registration)
            do {
                _ = try RequestLifecycle.apply(.registered(registration), meta: RequestScenario.meta(on: "2026-03-02"),
                                               to: nil, context: LifecycleContext(calendar: national, zone: .wib))
                return nil
            } catch { return error }
        }
        #expect(reject { $0.requester.nik = "317123456789000" } == .invalidNIK)
        #expect(reject { $0.requester.nik = "31712345678900A2" } == .invalidNIK)
        #expect(reject { $0.requester.nik = nil } == .missingField(.nik))
        #expect(reject { $0.requester.email = "siti@" } == .invalidEmail)
        #expect(reject { $0.requester.phone = "12ab" } == .invalidPhone)
        #expect(reject { $0.requester.name = " " } == .missingField(.requesterName))
        #expect(reject { $0.information = "" } == .missingField(.information))
        #expect(reject { $0.purpose = "" } == .missingField(.purpose))
        #expect(reject { $0.registrationNumber = "" } == .missingField(.registrationNumber))
        #expect(reject { $0.requester = Requester(kind: .entity, name: "LSM Transparansi", address: "Jl. A") } == .missingField(.entityDocument))
        #expect(reject { $0.requester = Requester(kind: .entity, name: "LSM Transparansi", entityDocument: "AHU-0012", address: "Jl. A") } == nil)
        #expect(reject { _ in } == nil)
    }

    @Test("Every rejection reads as a sentence in both languages")
    func rejectionMessages() {
        let all: [RequestRejection] = [.unknownRequest, .alreadyRegistered, .missingField(.nik), .invalidNIK, .invalidEmail,
                                       .invalidPhone, .secondExtension, .extensionAfterDueDate(due: d("2026-03-16")),
                                       .refusalWithoutBasis, .refusalWithoutConsequenceTest, .partialGrantWithoutExemption,
                                       .requestWithdrawn, .requestClosed, .alreadyDecided, .notYetDecided,
                                       .notForwardedOrDecided, .dateBeforeReceipt(received: d("2026-03-02")),
                                       .forwardedToSameUnit, .noDeadlineToMove]
        for rejection in all {
            let id = rejection.text(.indonesian), en = rejection.text(.english)
            #expect(id != en)
            #expect(id.hasSuffix(".") && en.hasSuffix("."))
        }
        #expect(RequestRejection.secondExtension.text(.indonesian).contains("sekali"))
        #expect(RequestRejection.extensionAfterDueDate(due: d("2026-03-16")).text(.english).contains("2026-03-16"))
    }

    @Test("A calendar change recomputes an open deadline and leaves a decided one")
    func recompute() throws {
        var scenario = try RequestScenario()
        let extra = try CalendarFile(source: "unit.tsv", text: "2026-03-10\ttutup\tKantor tutup\tSK\n")
        let moved = try #require(RequestLifecycle.recomputedDeadlines(for: scenario.record!, calendar: .national(adding: [extra])))
        #expect(moved.noticeDue == d("2026-03-17"))
        try scenario.apply(.deadlineMoved(noticeDue: moved.noticeDue, extendedDue: moved.extendedDue, reason: "Kalender unit"))
        #expect(scenario.record?.noticeDue == d("2026-03-17"))
        try scenario.apply(.decided(Decision(outcome: .grantedInFull)))
        #expect(RequestLifecycle.recomputedDeadlines(for: scenario.record!, calendar: national) == nil)
        #expect(throws: RequestRejection.noDeadlineToMove) {
            try scenario.apply(.deadlineMoved(noticeDue: d("2026-03-18"), extendedDue: nil, reason: "x"))
        }
    }
}
