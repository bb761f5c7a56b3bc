import Foundation
import Testing
@testable import PPIDDomain

@Suite("The acts layer: submitted values to events, or every reason at once")
struct ActsTests {
    @Test("A refusal with nothing filled in names the basis and each part of the consequence test, and a bad cost, at once")
    func decisionReportsEveryField() {
        var values = ["outcome": "refused", "cost": "sepuluh"]
        do {
            _ = try DecisionSubmission(values).event()
            Issue.record("accepted without a basis")
        } catch {
            #expect(error.problems.compactMap(\.field) == ["cost", "basis", "harm", "interest", "withheld"])
            #expect(error.problem(for: "basis")?.text(.indonesian) == "pilih huruf Pasal 17 atau UU lain")
        }
        values = ["outcome": "refused", "cost": "0", "basis": "a", "harm": "h", "interest": "i", "withheld": "w", "until": "2027-01-31"]
        guard case let .decided(decision)? = try? DecisionSubmission(values).event(),
              case let .refused(exemption?) = decision.outcome else { Issue.record("complete refusal refused"); return }
        #expect(exemption.basis == .pasal17(.a) && exemption.test.until == CivilDate(iso: "2027-01-31"))
    }

    @Test("An extension needs its reason; the lifecycle refuses a second one before any form is filled")
    func extensionRules() throws {
        #expect(throws: ActRefusal.self) { try ExtensionSubmission(reason: "  ").event() }
        #expect(try ExtensionSubmission(reason: "Arsip di gudang").event() == .extended(reason: "Arsip di gudang"))
        let received = CivilDate(iso: "2026-11-02")!
        var record = RequestRecord(
            registration: RequestRegistration(id: UUID(), registrationNumber: "0001-A/PPID-HUMAS/XI/2026", unit: "HUMAS",
                                              receivedAt: Date(timeIntervalSince1970: 1_793_000_000), channel: .inPerson,
                                              requester: Requester(kind: .person, name: "Ani", nik: "3171010101010001", entityDocument: nil,
                                                                   address: "Jl. Merdeka 1", occupation: "", phone: "", email: ""),
                                              information: "x", purpose: "y", obtainMethod: .softCopy, deliveryMethod: .email),
            state: .registered, receivedOn: received, countsFrom: received, noticeDue: CivilDate(iso: "2026-11-16")!, extendedDue: nil,
            extensionReason: nil, forwardedTo: nil, decision: nil, decidedOn: nil, deliveredOn: nil, closedOn: nil, withdrawnOn: nil,
            dueIsProvisional: false)
        let day = CivilDate(iso: "2026-11-10")!
        #expect(RequestLifecycle.refusal(of: .extend, for: record, on: day) == nil)
        #expect(RequestLifecycle.refusal(of: .deliver, for: record, on: day) == .notYetDecided)
        record.extendedDue = CivilDate(iso: "2026-11-25")
        #expect(RequestLifecycle.refusal(of: .extend, for: record, on: day) == .secondExtension)
    }

    @Test("Objection grounds are letters a to g; a bad letter is named on the grounds field")
    func objectionGrounds() {
        #expect(ObjectionSubmission(["grounds": "c, g"]).groundList == [.c, .g])
        #expect(ObjectionSubmission(["grounds": "c,z"]).groundList == nil)
    }
}
