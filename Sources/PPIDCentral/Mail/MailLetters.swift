import Foundation
import PPIDDomain
import PPIDLetters
import PPIDWire

/// A letter to mail to a requester, composed from the built-in (or a body's) text templates.
struct MailLetter {
    let caseID: UUID
    let kind: LetterKind
    let unit: String
    let recipient: String
    let subject: String
    let body: String
}

/// Which accepted acts call for a letter by email, and the letter: the receipt of a request that
/// arrived centrally, the written notice, the extension notice, the receipt of a portal objection
/// and the atasan's answer. Only to a requester who gave an email address.
enum MailLetters {
    static func letters(for envelope: EventEnvelope, record: CaseRecord, unit: WireUnit, body: String,
                        request objectionRequest: RequestRecord?, trackingCode: String? = nil) -> [MailLetter] {
        let renderer = LetterRenderer(templatesFolder: nil, settings: LetterSettings(signatoryPosition: "PPID \(unit.name)"),
                                      unitCode: unit.code, unitName: unit.name, body: body)
        switch (envelope.event, record) {
        case let (.request(_, event), .request(request)):
            let number = request.registration.registrationNumber
            let kind: LetterKind
            let subject: String
            switch event {
            case .registered where [.webPortal, .app, .email].contains(request.registration.channel):
                kind = .requestReceipt
                subject = "Tanda bukti permohonan informasi publik \(number)"
            case .decided:
                kind = .notice
                subject = "Pemberitahuan tertulis atas permohonan informasi \(number)"
            case .extended:
                kind = .extensionNotice
                subject = "Pemberitahuan perpanjangan jangka waktu permohonan \(number)"
            default:
                return []
            }
            guard let letter = mail(renderer, kind, subject: subject, subjectCase: .request(request), number: number,
                                    date: envelope.meta.localDate, to: request.registration.requester.email, unit: unit.code,
                                    caseID: request.id, trackingCode: trackingCode) else { return [] }
            return [letter]
        case let (.objection(_, event), .objection(objection)):
            let number = objection.filing.number
            let kind: LetterKind
            let subject: String
            switch event {
            case .filed where envelope.meta.officer == CentralStore.portalActor:
                kind = .objectionReceipt
                subject = "Tanda terima keberatan \(number)"
            case .answered:
                kind = .objectionAnswer
                subject = "Tanggapan atasan PPID atas keberatan \(number)"
            default:
                return []
            }
            guard let request = objectionRequest,
                  let letter = mail(renderer, kind, subject: subject, subjectCase: .objection(objection, request: request), number: number,
                                    date: envelope.meta.localDate, to: request.registration.requester.email, unit: unit.code,
                                    caseID: objection.id, trackingCode: nil) else { return [] }
            return [letter]
        default:
            return []
        }
    }

    static func mail(_ renderer: LetterRenderer, _ kind: LetterKind, subject: String, subjectCase: LetterSubject, number: String,
                     date: CivilDate, to recipient: String, unit: String, caseID: UUID, trackingCode: String?) -> MailLetter? {
        let address = recipient.trimmingCharacters(in: .whitespaces)
        guard !address.isEmpty, let text = try? renderer.render(kind, format: .text, subject: subjectCase, number: number, date: date) else {
            return nil
        }
        var body = text
        if let trackingCode {
            body += "\n\nKode pelacakan / tracking code: \(trackingCode)\n"
                + "Simpan kode ini: bersama nomor pendaftaran, kode ini dipakai untuk melihat status, mengunduh jawaban dan mengajukan keberatan di portal.\n"
        }
        body += "\n--\nSurat ini dikirim oleh sistem PPID. Status permohonan dapat dilihat di portal (menu \"Lacak permohonan\").\n"
        return MailLetter(caseID: caseID, kind: kind, unit: unit, recipient: address, subject: subject, body: body)
    }
}
