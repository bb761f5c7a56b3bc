import Foundation
import Testing
@testable import PPIDDomain

/// The rules of the legal process put right against UU 14/2008, PP 61/2010 and Perki 1/2021; each
/// test names the article it holds the code to.
@Suite("The legal process, article by article")
struct LegalProcessTests {
    let context = LifecycleContext(calendar: national, zone: .wib)

    func meta(_ date: String) -> EventMeta { RequestScenario.meta(on: date) }

    /// A request received Monday 2026-03-02 (notice due 2026-03-16), decided on 03-10.
    func decided(_ outcome: NoticeOutcome = .grantedInFull) throws -> RequestScenario {
        var scenario = try RequestScenario()
        try scenario.apply(.decided(Decision(outcome: outcome)), on: "2026-03-10")
        return scenario
    }

    @Test("Pasal 36(1): the requester's 30 working days run from the day the notice reached them, not the day it was issued")
    func objectionWindowFromDelivery() throws {
        var scenario = try decided()
        #expect(try #require(scenario.record).objectionGroundsArose == d("2026-03-17"), "not delivered: the day after the notice deadline")
        try scenario.apply(.delivered(method: .post, note: ""), on: "2026-03-13")
        let record = try #require(scenario.record)
        #expect(record.objectionGroundsArose == d("2026-03-13"), "delivered: the day received")
        // The window from 03-13, not from the decision on 03-10.
        let window = ObjectionLifecycle.window(groundsArose: record.objectionGroundsArose, calendar: national)
        #expect(window.due == national.deadline(.objectionWindow, after: d("2026-03-13")).due)
        #expect(window.due > national.deadline(.objectionWindow, after: d("2026-03-10")).due)
    }

    @Test("Pasal 36(1): where no notice came, the window starts the day after the notice deadline passed")
    func objectionWindowWithoutNotice() throws {
        let scenario = try RequestScenario()
        let record = try #require(scenario.record)
        #expect(record.noticeDue == d("2026-03-16"))
        #expect(record.objectionGroundsArose == d("2026-03-17"))
        // An objection dated before the grounds arose is refused.
        var filing = try ObjectionSubmission(["grounds": "c", "filedBy": "Siti"]).filing(id: UUID(), against: record, today: d("2026-03-20"))
        filing.number = "K-1"
        #expect(filing.groundsAroseOn == d("2026-03-17"))
        #expect(throws: ObjectionRejection.filedBeforeGrounds(groundsArose: d("2026-03-17"))) {
            _ = try ObjectionLifecycle.apply(.filed(filing), meta: meta("2026-03-16"), to: nil, context: context)
        }
    }

    @Test("Pasal 36(2): the atasan's 30 working days count from the day the written objection was received, which may be before it is entered")
    func objectionReceivedDate() throws {
        var scenario = try decided(.refused(Exemption(basis: .pasal17(.a), test: completeTest)))
        try scenario.apply(.delivered(method: .post, note: ""), on: "2026-03-11")
        let request = try #require(scenario.record)
        // Posted on the 20th, entered on the 25th.
        let filing = try ObjectionSubmission(["grounds": "a", "filedBy": "Siti", "received": "2026-03-20"])
            .filing(id: UUID(), against: request, today: d("2026-03-25"))
        #expect(filing.receivedOn == d("2026-03-20"))
        var numbered = filing
        numbered.number = "K-1"
        let record = try ObjectionLifecycle.apply(.filed(numbered), meta: meta("2026-03-25"), to: nil, context: context)
        #expect(record.filedOn == d("2026-03-20") && record.enteredOn == d("2026-03-25"))
        #expect(record.answerDue == national.deadline(.objectionAnswer, after: d("2026-03-20")).due)
        #expect(record.answerDue < national.deadline(.objectionAnswer, after: d("2026-03-25")).due)
        // Never in the future, never after the day it is entered.
        #expect(throws: ActRefusal.self) {
            _ = try ObjectionSubmission(["grounds": "a", "filedBy": "Siti", "received": "2026-03-26"])
                .filing(id: UUID(), against: request, today: d("2026-03-25"))
        }
        var later = numbered
        later.receivedOn = d("2026-03-27")
        #expect(throws: ObjectionRejection.receivedAfterEntry(received: d("2026-03-27"), entered: d("2026-03-25"))) {
            _ = try ObjectionLifecycle.apply(.filed(later), meta: meta("2026-03-25"), to: nil, context: context)
        }
        // A late objection is judged on the day it was received, not the day it was entered.
        let window = ObjectionLifecycle.window(groundsArose: d("2026-03-11"), calendar: national).due
        var inTime = numbered
        inTime.receivedOn = window
        let entered = national.nextWorkingDay(after: national.nextWorkingDay(after: window))
        let accepted = try ObjectionLifecycle.apply(.filed(inTime), meta: meta(entered.iso), to: nil, context: context)
        #expect(accepted.filedOn == window, "received on the last day of the window: in time, though entered after it")
    }

    @Test("Pasal 35(1)(a): an objection to a Pasal 17 refusal needs a refusal, in full or in part")
    func groundANeedsRefusal() throws {
        let granted = try #require(try decided().record)
        do {
            _ = try ObjectionSubmission(["grounds": "a", "filedBy": "Siti"]).filing(id: UUID(), against: granted, today: d("2026-04-01"))
            Issue.record("ground a against a grant was accepted")
        } catch {
            #expect(error.problem(for: "grounds")?.reason == .groundANeedsRefusal)
        }
        let part = try #require(try decided(.grantedInPart([Exemption(basis: .pasal17(.h), test: completeTest)])).record)
        _ = try ObjectionSubmission(["grounds": "a,g", "filedBy": "Siti"]).filing(id: UUID(), against: part, today: d("2026-04-01"))
        _ = try ObjectionSubmission(["grounds": "g", "filedBy": "Siti"]).filing(id: UUID(), against: granted, today: d("2026-04-01"))
    }

    func dispute(grounds: [ObjectionGround]?) throws -> DisputeRecord {
        let filing = DisputeFiling(objectionID: UUID(), registerNumber: "KI-001/2026", groundsAroseOn: d("2026-04-01"), grounds: grounds)
        return try DisputeLifecycle.apply(.filed(filing), meta: meta("2026-04-02"), to: nil, context: context)
    }

    @Test("Pasal 40(2): mediation only for objections on grounds b-g; a Pasal 17 refusal goes to adjudication")
    func mediationOnlyBtoG() throws {
        let groundA = try dispute(grounds: [.a])
        #expect(throws: DisputeRejection.mediationNotForGroundA) {
            _ = try DisputeLifecycle.apply(.mediationStarted, meta: meta("2026-04-10"), to: groundA, context: context)
        }
        let adjudicated = try DisputeLifecycle.apply(.adjudicationStarted, meta: meta("2026-04-10"), to: groundA, context: context)
        #expect(adjudicated.state == .adjudication)
        #expect(throws: DisputeRejection.agreementOnlyByMediation) {
            _ = try DisputeLifecycle.apply(.decided(.mediatedAgreement, summary: "x"), meta: meta("2026-05-10"), to: adjudicated, context: context)
        }
        let groundC = try dispute(grounds: [.c, .g])
        #expect(try DisputeLifecycle.apply(.mediationStarted, meta: meta("2026-04-10"), to: groundC, context: context).state == .mediation)
        // A filing of an earlier version, without its grounds, is not refused for what it does not say.
        #expect(try DisputeLifecycle.apply(.mediationStarted, meta: meta("2026-04-10"), to: try dispute(grounds: nil), context: context).state == .mediation)
    }

    @Test("Pasal 39: an agreement reached in mediation is final and binding: no court after it")
    func mediatedAgreementIsFinal() throws {
        var record = try dispute(grounds: [.f])
        record = try DisputeLifecycle.apply(.mediationStarted, meta: meta("2026-04-10"), to: record, context: context)
        record = try DisputeLifecycle.apply(.decided(.mediatedAgreement, summary: "Sepakat"), meta: meta("2026-05-10"), to: record, context: context)
        #expect(throws: DisputeRejection.agreementIsFinal) {
            _ = try DisputeLifecycle.apply(.appealedToCourt(court: "PTUN Jakarta", late: nil), meta: meta("2026-05-15"), to: record, context: context)
        }
    }

    @Test("Pasal 20(1), PP 61/2010: exemptions on letters a-f end on a date, in the DIP and in a refusal alike; g-j may be open-ended")
    func exemptionPeriods() throws {
        let base = ["outcome": "refused", "harm": "Mengganggu penyidikan", "interest": "Penegakan hukum", "withheld": "Lampiran"]
        for letter in ["a", "b", "c", "d", "e", "f"] {
            do {
                _ = try DecisionSubmission(base.merging(["basis": letter]) { $1 }).event()
                Issue.record("a refusal on \(letter) without an end date was accepted")
            } catch {
                #expect(error.problem(for: "until")?.reason == .exemptionEnd, "\(letter)")
            }
            _ = try DecisionSubmission(base.merging(["basis": letter, "until": "2028-12-31"]) { $1 }).event()
        }
        for letter in ["g", "h", "i"] { _ = try DecisionSubmission(base.merging(["basis": letter]) { $1 }).event() }
        // The DIP alike: an open-ended exemption on h is accepted, on a refused.
        let open = Exemption(basis: .pasal17(.h), test: ConsequenceTest(harm: "x", publicInterestWeighed: "y", withheldPart: "z", until: nil))
        try DIPLifecycle.check(DIPEntry(number: "D-1", unit: "HUMAS", title: "Rekam medis", summary: "s", holder: "h", category: .exempt, exemption: open))
        var timeLimited = open
        timeLimited.basis = .pasal17(.a)
        #expect(throws: DIPRejection.exemptWithoutEndDate) {
            try DIPLifecycle.check(DIPEntry(number: "D-2", unit: "HUMAS", title: "Berkas penyidikan", summary: "s", holder: "h",
                                            category: .exempt, exemption: timeLimited))
        }
    }

    @Test("Pasal 17(j): information withheld under another statute names that statute")
    func letterJNamesTheStatute() throws {
        let base = ["outcome": "refused", "basis": "j", "harm": "x", "interest": "y", "withheld": "z"]
        do {
            _ = try DecisionSubmission(base).event()
            Issue.record("letter j without its statute was accepted")
        } catch {
            #expect(error.problem(for: "statute")?.reason == .required)
        }
        let event = try DecisionSubmission(base.merging(["statute": "UU 7/2012 Pasal 10"]) { $1 }).event()
        guard case let .decided(decision) = event, case let .refused(exemption?) = decision.outcome else {
            Issue.record("expected a refusal")
            return
        }
        #expect(exemption.basis == .otherStatute("UU 7/2012 Pasal 10"))
    }

    @Test("Pasal 48(1) and Pasal 38: the court window and the Commission's clocks count working days from the day given")
    func laterClocks() {
        #expect(StatutoryClock.courtFiling.workingDays == 14 && StatutoryClock.courtFiling.article == "Pasal 48(1)")
        // 14 working days after Wednesday 2026-04-01: 02, (03 Good Friday), 06-10, 13-17, 20-22.
        #expect(national.deadline(.courtFiling, after: d("2026-04-01")).due == d("2026-04-22"))
        #expect(national.deadline(.commissionSettlement, after: d("2026-04-01")).counted.count == 100)
    }

    @Test("Pasal 52: information given as an order required is recorded on the request, closed or not, but only after its own answer")
    func compliance() throws {
        var scenario = try RequestScenario()
        #expect(throws: RequestRejection.notYetDecided) { try scenario.apply(.complied(order: .objection, note: "")) }
        try scenario.apply(.decided(Decision(outcome: .refused(Exemption(basis: .pasal17(.a), test: completeTest)))), on: "2026-03-10")
        try scenario.apply(.delivered(method: .post, note: ""), on: "2026-03-11")
        try scenario.apply(.closed, on: "2026-03-12")
        try scenario.apply(.complied(order: .objection, note: "Salinan diberikan"), on: "2026-04-20")
        #expect(scenario.record?.compliedOn == d("2026-04-20") && scenario.record?.state == .closed)
        #expect(throws: ActRefusal.self) { _ = try ComplianceSubmission(["order": "raja"]).event() }
        #expect(try ComplianceSubmission(["order": "komisi-informasi"]).event() == .complied(order: .commission, note: ""))
    }

    @Test("Requesters: a group of persons by its representative's NIK; a proxy only with a power of attorney, for requests and objections")
    func groupsAndProxies() throws {
        var submission = RequestSubmission()
        submission.kind = Requester.Kind.group.rawValue
        submission.name = "Kelompok Tani Maju Jaya"
        submission.nik = "5171234567890001"
        submission.address = "Desa Sukamaju"
        submission.information = "Data irigasi"
        submission.purpose = "Advokasi"
        submission.proxyName = "LBH Bali"
        do {
            _ = try submission.registration(id: UUID(), unit: "HUMAS", now: instant("2026-03-02T02:00:00Z"))
            Issue.record("a proxy without a power of attorney was accepted")
        } catch {
            #expect(error.field == "powerOfAttorney")
        }
        submission.powerOfAttorney = "SK-12/2026, 1 Maret 2026"
        let registration = try submission.registration(id: UUID(), unit: "HUMAS", now: instant("2026-03-02T02:00:00Z"))
        #expect(registration.requester.kind == .group && registration.requester.nik == "5171234567890001")
        #expect(registration.requester.proxyName == "LBH Bali" && registration.requester.powerOfAttorney == "SK-12/2026, 1 Maret 2026")
        submission.nik = ""
        #expect(throws: SubmissionProblem.self) { _ = try submission.registration(id: UUID(), unit: "HUMAS", now: instant("2026-03-02T02:00:00Z")) }
        // The objection: a proxy names its power of attorney too.
        var scenario = try decided()
        try scenario.apply(.delivered(method: .post, note: ""), on: "2026-03-11")
        let request = try #require(scenario.record)
        do {
            _ = try ObjectionSubmission(["grounds": "d", "filedBy": "LBH Bali", "proxy": "yes"]).filing(id: UUID(), against: request, today: d("2026-03-20"))
            Issue.record("a proxy's objection without a power of attorney was accepted")
        } catch {
            #expect(error.problem(for: "powerOfAttorney")?.reason == .required)
        }
        let filing = try ObjectionSubmission(["grounds": "d", "filedBy": "LBH Bali", "proxy": "yes", "powerOfAttorney": "SK-12/2026"])
            .filing(id: UUID(), against: request, today: d("2026-03-20"))
        #expect(filing.isProxy && filing.powerOfAttorney == "SK-12/2026")
    }

    @Test("Pasal 17's numbered points may be named where the letter has them (a.1-5, c.1-7, e.1-7, f.1-4, h.1-5)")
    func subPoints() throws {
        let base = ["outcome": "refused", "harm": "x", "interest": "y", "withheld": "z", "until": "2030-01-01"]
        let event = try DecisionSubmission(base.merging(["basis": "a", "subPoint": "2"]) { $1 }).event()
        guard case let .decided(decision) = event, case let .refused(exemption?) = decision.outcome else { Issue.record("no refusal"); return }
        #expect(exemption.subPoint == 2)
        #expect(exemption.basisText(.indonesian).hasPrefix("Pasal 17 huruf a angka 2: menghambat"))
        for (letter, point) in [("a", "6"), ("f", "5"), ("b", "1")] {
            do {
                _ = try DecisionSubmission(base.merging(["basis": letter, "subPoint": point]) { $1 }).event()
                Issue.record("\(letter).\(point) accepted")
            } catch {
                #expect(error.problem(for: "subPoint") != nil, "\(letter).\(point)")
            }
        }
        #expect(Pasal17Letter.e.subPoints == 1...7 && Pasal17Letter.h.subPoints == 1...5 && Pasal17Letter.j.subPoints == nil)
        #expect(DisputeOutcome.inadmissible.text(.indonesian) == "Permohonan tidak dapat diterima")
    }

    @Test("Incomplete requests: noted with what is missing; by default the clock runs from receipt, under the unit's other policy from completion")
    func incompleteRequests() throws {
        var scenario = try RequestScenario()
        #expect(throws: RequestRejection.notIncomplete) { try scenario.apply(.completed(restartsClock: false)) }
        try scenario.apply(.incompleteNoted(missing: "Fotokopi KTP"), on: "2026-03-03")
        #expect(scenario.record?.missingItems == "Fotokopi KTP")
        var restarting = scenario
        try scenario.apply(.completed(restartsClock: false), on: "2026-03-09")
        #expect(scenario.record?.missingItems == nil && scenario.record?.noticeDue == d("2026-03-16"), "the safer date: from receipt")
        try restarting.apply(.completed(restartsClock: true), on: "2026-03-09")
        #expect(restarting.record?.countsFrom == d("2026-03-09"))
        #expect(restarting.record?.noticeDue == national.deadline(.writtenNotice, after: d("2026-03-09")).due)
        #expect(throws: ActRefusal.self) { _ = try IncompleteSubmission(missing: " ").event() }
    }
}
