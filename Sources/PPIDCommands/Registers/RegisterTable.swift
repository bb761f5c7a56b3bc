import CSV
import Foundation
import PPIDDomain

/// The request register (register permohonan) and the objection register (register keberatan):
/// their standard columns, with personal data masked unless asked for.
enum RegisterTable {
    static func requestHeader(_ l: Language) -> [String] {
        [l.pick("No. registrasi", "Registration no."), l.pick("Tanggal diterima", "Received"), l.pick("Kanal", "Channel"),
         l.pick("Nama pemohon", "Requester"), "NIK", l.pick("Alamat", "Address"), l.pick("Pekerjaan", "Occupation"),
         l.pick("Telepon", "Phone"), "Email", l.pick("Rincian informasi", "Information requested"), l.pick("Tujuan", "Purpose"),
         l.pick("Cara memperoleh", "How to obtain"), l.pick("Cara mendapatkan salinan", "How to receive"), l.pick("Status", "State"),
         l.pick("Tenggat", "Due"), l.pick("Diperpanjang sampai", "Extended to"), l.pick("Alasan perpanjangan", "Extension reason"),
         l.pick("Keputusan", "Decision"), l.pick("Dasar pengecualian", "Exemption basis"), l.pick("Tanggal pemberitahuan", "Notice date"),
         l.pick("Tanggal disampaikan", "Delivered"), l.pick("Dicatat oleh", "Registered by")]
    }

    static func requestRow(_ r: RequestRecord, personal: Bool, _ l: Language) -> [String] {
        let p = r.registration.requester
        let isPerson = p.kind == .person
        var basis = ""
        switch r.decision?.outcome {
        case let .refused(e?)?: basis = e.basis.text(l)
        case let .grantedInPart(es)?: basis = es.map { $0.basis.text(l) }.joined(separator: "; ")
        default: break
        }
        return [r.registration.registrationNumber, r.receivedOn.iso, r.registration.channel.text(l),
                personal || !isPerson ? p.name : PersonalDataMask.name(p.name),
                personal ? (p.nik ?? "") : (p.nik.map(PersonalDataMask.nik) ?? ""),
                personal ? p.address : (p.address.isEmpty ? "" : "***"), p.occupation,
                personal ? p.phone : (p.phone.isEmpty ? "" : PersonalDataMask.phone(p.phone)),
                personal ? p.email : (p.email.isEmpty ? "" : PersonalDataMask.email(p.email)),
                r.registration.information, r.registration.purpose, r.registration.obtainMethod.rawValue,
                r.registration.deliveryMethod.rawValue, r.state.text(l), r.noticeDue.iso, r.extendedDue?.iso ?? "",
                r.extensionReason ?? "", r.decision?.outcome.text(l) ?? "", basis, r.decidedOn?.iso ?? "", r.deliveredOn?.iso ?? ""]
    }

    static func objectionHeader(_ l: Language) -> [String] {
        [l.pick("No. keberatan", "Objection no."), l.pick("Tanggal", "Date"), l.pick("Pemohon/kuasa", "Requester/proxy"),
         l.pick("No. registrasi permohonan", "Request no."), l.pick("Informasi yang diminta", "Information requested"),
         l.pick("Tujuan", "Purpose"), l.pick("Alasan keberatan", "Grounds"), l.pick("Tenggat tanggapan", "Answer due"),
         l.pick("Keputusan atasan PPID", "Atasan PPID's decision"), l.pick("Tanggal tanggapan", "Answered"),
         l.pick("Nama dan jabatan atasan PPID", "Atasan PPID"), l.pick("Tanggapan pemohon", "Requester's response")]
    }

    static func objectionRow(_ o: ObjectionRecord, request: RequestRecord?, personal: Bool, _ l: Language) -> [String] {
        let isEntity = request?.registration.requester.kind == .entity
        let name = personal || isEntity ? o.filing.filedBy : PersonalDataMask.name(o.filing.filedBy)
        return [o.filing.number, o.filedOn.iso, name + (o.filing.isProxy ? l.pick(" (kuasa)", " (proxy)") : ""), o.filing.requestNumber,
                request?.registration.information ?? "", request?.registration.purpose ?? "",
                o.filing.grounds.map(\.rawValue).joined(separator: ", "), o.answerDue.iso, o.answer?.verdict.text(l) ?? "",
                o.answeredOn?.iso ?? "", o.answer.map { "\($0.atasanName), \($0.atasanPosition)" } ?? "", o.requesterResponse ?? ""]
    }

    /// Rows as RFC 4180 CSV through the CSV library: CRLF, quoted where needed, optional BOM.
    static func csv(header: [String], rows: [[String]], bom: Bool) throws -> String {
        let writer = try CSVWriter(stream: .toMemory(), newline: .crlf)
        try writer.write(row: header.map(SpreadsheetCell.neutralised))
        for row in rows { try writer.write(row: row.map(SpreadsheetCell.neutralised)) }
        writer.stream.close()
        let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return (bom ? "\u{FEFF}" : "") + String(decoding: data, as: UTF8.self) + "\r\n"
    }
}
