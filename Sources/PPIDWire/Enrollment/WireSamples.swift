import Foundation
import PPIDDomain

/// One event of every kind, with plausible values: what the tests hold the wire format and the
/// OpenAPI document to, and a reference for writers of other clients.
public enum WireSamples {
    public static func everyKind(caseID id: UUID) -> [DomainEvent] {
        guard let date = CivilDate(year: 2026, month: 3, day: 2) else { return [] }
        let registration = RequestRegistration(id: id, registrationNumber: "0001/PPID-HUMAS/III/2026", unit: "HUMAS",
                                               receivedAt: Date(timeIntervalSince1970: 1_772_416_800), channel: .letter,
                                               requester: Requester(name: "Siti", nik: "3171234567890002", address: "Jakarta"),
                                               information: "Data", purpose: "Riset")
        let exemption = Exemption(basis: .pasal17(.b), test: ConsequenceTest(harm: "h", publicInterestWeighed: "p", withheldPart: "w", until: date))
        let filing = ObjectionFiling(id: id, number: "K1", requestID: id, requestNumber: "R1", unit: "HUMAS", filedBy: "Siti",
                                     grounds: [.c], groundsAroseOn: date, receivedOn: date)
        let answer = ObjectionAnswer(verdict: .refusalUpheld(reasons: "r"), atasanName: "A", atasanPosition: "Sekretaris")
        let dispute = DisputeFiling(id: id, objectionID: id, registerNumber: "S1", groundsAroseOn: date, grounds: [.c])
        let entry = DIPEntry(id: id, number: "D1", unit: "HUMAS", title: "Laporan", summary: "s", holder: "Biro Humas",
                             category: .periodic)
        return [
            .request(id, .registered(registration)), .request(id, .processingStarted),
            .request(id, .forwarded(to: .otherBody("Kementerian X"), note: "")), .request(id, .extended(reason: "Koordinasi")),
            .request(id, .decided(Decision(outcome: .grantedInPart([exemption]), form: .softCopy, costRupiah: 5_000, deliveryBy: date,
                                           paymentMethod: "Transfer"))),
            .request(id, .decided(Decision(outcome: .refused(Exemption(basis: .otherStatute("UU 7/2017"), test: exemption.test))))),
            .request(id, .delivered(method: nil, note: "")), .request(id, .closed), .request(id, .withdrawn(reason: "w")),
            .request(id, .documentsLinked([id])), .request(id, .deadlineMoved(noticeDue: date, extendedDue: nil, reason: "SKB")),
            .request(id, .complied(order: .objection, note: "Salinan diberikan")),
            .request(id, .incompleteNoted(missing: "Fotokopi KTP")), .request(id, .completed(restartsClock: true)),
            .request(id, .decided(Decision(outcome: .grantedInFull, form: .hardCopy, costRupiah: 60_500, deliveryBy: date, note: "",
                                           paymentMethod: "Kas unit", charges: [FeeCharge(FeeItem(code: "A4", description: "Fotokopi A4", unit: "lembar",
                                                                                                  rateRupiah: 500), quantity: 121)],
                                           feeDecree: "SK Sekjen 12/2026"))),
            .request(id, .paid(FeePayment(amountRupiah: 60_500, paidOn: date, reference: "KW-0012"))),
            .objection(id, .filed(filing)), .objection(id, .answered(answer)), .objection(id, .requesterResponded("puas")),
            .objection(id, .withdrawn(reason: "w")), .objection(id, .deadlineMoved(answerDue: date, reason: "SKB")),
            .dispute(id, .filed(dispute)), .dispute(id, .mediationStarted), .dispute(id, .adjudicationStarted),
            .dispute(id, .decided(.requesterPrevailed, summary: "s")), .dispute(id, .appealedToCourt(court: "PTUN Jakarta", late: nil)),
            .dispute(id, .appealedToCourt(court: "PN Denpasar", late: "Putusan diterima terlambat")),
            .dispute(id, .hearingHeld(DisputeHearing(heldOn: date, note: "Sidang pertama", nextOn: date.next))),
            .dispute(id, .hearingHeld(DisputeHearing(heldOn: date, note: ""))),
            .dispute(id, .courtDecided(.bodyPrevailed, summary: "s")), .dispute(id, .cassationFiled(late: nil)),
            .dispute(id, .cassationDecided(.partlyGranted, summary: "s")),
            .dispute(id, .withdrawn(reason: "w")),
            .dip(id, .added(entry)), .dip(id, .revised(entry)), .dip(id, .retired(reason: "r")),
        ]
    }
}
