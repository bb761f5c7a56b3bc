/// The letters' built-in templates (Mustache). A unit overrides any of them with a file
/// `<kind>.<txt|html>.mustache` in its templates folder; `ppid letter templates` writes these out to edit.
enum BuiltInTemplates {
    static let header = """
        {{unit.body}}
        {{unit.name}} — Pejabat Pengelola Informasi dan Dokumentasi
        {{letterhead.address}}

        Nomor   : {{letter.number}}
        Tanggal : {{letter.city}}, {{letter.date}}


        """

    static let signature = """


        {{letter.city}}, {{letter.date}}
        {{signatory.position}}


        {{signatory.name}}
        """

    static let text: [LetterKind: String] = [
        .notice: header + """
            Kepada Yth. {{{requester.name}}}
            {{{requester.address}}}

            Perihal : Pemberitahuan Tertulis atas Permohonan Informasi Publik
                      Nomor registrasi {{request.number}}

            Menindaklanjuti permohonan informasi publik Saudara yang kami terima pada {{request.received}}
            mengenai "{{{request.information}}}" dengan tujuan "{{{request.purpose}}}", dengan ini kami
            sampaikan bahwa permohonan tersebut: {{{decision.outcome}}}.
            {{#decision.holder}}
            Informasi tersebut dikuasai oleh {{{decision.holder}}}.
            {{/decision.holder}}
            {{#exemption}}
            Dasar pengecualian: {{{exemption.basis}}}; bagian yang dikecualikan: {{{exemption.withheld}}}.
            {{/exemption}}

            Bentuk informasi : {{{decision.form}}}
            Biaya            : Rp {{decision.cost}}
            {{#decision.charges}}
                               {{{line}}}
            {{/decision.charges}}
            {{#decision.feeDecree}}
            Standar biaya    : {{{decision.feeDecree}}}
            {{/decision.feeDecree}}
            {{#decision.payment}}
            Cara pembayaran  : {{{decision.payment}}}
            {{/decision.payment}}
            Waktu penyampaian: {{decision.deliveryBy}}

            Apabila Saudara keberatan atas pemberitahuan ini, Saudara dapat mengajukan keberatan secara
            tertulis kepada atasan PPID paling lambat 30 hari kerja setelah pemberitahuan ini diterima
            (Pasal 35 dan 36 UU 14/2008).
            """ + signature,
        .refusal: header + """
            KEPUTUSAN PPID TENTANG PENOLAKAN PERMOHONAN INFORMASI PUBLIK

            Kepada Yth. {{{requester.name}}}
            Permohonan nomor {{request.number}} tanggal {{request.received}}:
            "{{{request.information}}}"

            Memutuskan menolak permohonan tersebut berdasarkan {{{exemption.basis}}}, dengan uji konsekuensi
            (Pasal 19 dan 20 UU 14/2008) sebagai berikut:
            1. Bahaya apabila dibuka     : {{{exemption.harm}}}
            2. Pertimbangan kepentingan  : {{{exemption.publicInterest}}}
            3. Bagian yang dikecualikan : {{{exemption.withheld}}}
            4. Jangka waktu pengecualian: sampai {{exemption.until}}

            Atas keputusan ini Saudara dapat mengajukan keberatan kepada atasan PPID paling lambat 30 hari
            kerja setelah keputusan ini diterima.
            """ + signature,
        .extensionNotice: header + """
            Kepada Yth. {{{requester.name}}}

            Perihal : Pemberitahuan Perpanjangan Jangka Waktu
                      Permohonan nomor {{request.number}} tanggal {{request.received}}

            Sesuai Pasal 22 ayat (8) UU 14/2008, jangka waktu pemberitahuan tertulis atas permohonan
            Saudara yang semula paling lambat {{notice.due}} kami perpanjang 7 (tujuh) hari kerja,
            sehingga paling lambat {{extension.due}}, dengan alasan: {{{extension.reason}}}.
            """ + signature,
        .objectionAnswer: header + """
            Kepada Yth. {{{objection.filedBy}}}

            Perihal : Tanggapan atas Keberatan nomor {{objection.number}} tanggal {{objection.filed}}
                      terhadap permohonan nomor {{objection.requestNumber}}

            Alasan keberatan: {{{objection.grounds}}}
            {{#objection.feeCited}}
            Biaya yang dikenakan: {{{objection.feeCited}}}
            {{/objection.feeCited}}

            Atasan PPID memutuskan: {{{answer.verdict}}}.
            {{#answer.reasons}}
            Alasan: {{{answer.reasons}}}
            {{/answer.reasons}}

            Apabila Saudara tidak puas atas tanggapan ini, Saudara dapat mengajukan sengketa informasi
            kepada Komisi Informasi paling lambat 14 hari kerja setelah tanggapan ini diterima
            (Pasal 37 UU 14/2008).

            {{letter.city}}, {{letter.date}}
            {{{answer.atasanPosition}}}


            {{{answer.atasanName}}}
            """,
        .requestReceipt: header + """
            TANDA BUKTI PENERIMAAN PERMOHONAN INFORMASI PUBLIK
            (Pasal 22 ayat 4 UU 14/2008)

            Nomor registrasi   : {{request.number}}
            Diterima           : {{request.received}} melalui {{{request.channel}}}
            Nama pemohon       : {{{requester.name}}}
            Informasi diminta  : {{{request.information}}}
            Tujuan penggunaan  : {{{request.purpose}}}
            Cara memperoleh    : {{{request.obtain}}}

            Pemberitahuan tertulis akan disampaikan paling lambat {{notice.due}} (10 hari kerja, Pasal 22
            ayat 7), dan dapat diperpanjang 7 hari kerja dengan alasan tertulis (Pasal 22 ayat 8).
            Simpan nomor registrasi ini untuk menanyakan permohonan Saudara.
            """ + signature,
        .completenessRequest: header + """
            Kepada Yth. {{{requester.name}}}
            {{{requester.address}}}

            Perihal : Permintaan Kelengkapan Permohonan Informasi Publik
                      Nomor registrasi {{request.number}}

            Permohonan informasi Saudara yang kami terima pada {{request.received}} mengenai
            "{{{request.information}}}" belum dapat kami proses karena belum lengkap. Mohon Saudara
            melengkapi: {{{request.missing}}}.

            Permohonan akan kami proses setelah kelengkapan tersebut kami terima.
            """ + signature,
        .objectionReceipt: header + """
            TANDA TERIMA KEBERATAN
            (Pasal 35 dan 36 UU 14/2008)

            Nomor keberatan    : {{objection.number}}
            Diterima           : {{objection.filed}}
            Diajukan oleh      : {{{objection.filedBy}}}
            Atas permohonan    : {{objection.requestNumber}}
            Alasan keberatan   : {{{objection.grounds}}}
            {{#objection.feeCited}}
            Biaya yang dikenakan: {{{objection.feeCited}}}
            {{/objection.feeCited}}

            Atasan PPID akan memberikan tanggapan tertulis paling lambat {{objection.answerDue}}
            (30 hari kerja sejak keberatan diterima, Pasal 36 ayat 2).
            """ + signature,
    ]

    /// HTML: the text's content in a printable page; every value is escaped by Mustache's `{{ }}`.
    static func html(_ kind: LetterKind) -> String {
        // Turn the text template into HTML: escape-safe variables ({{{x}}} -> {{x}}), lines as paragraphs.
        let body = (text[kind] ?? "")
            .replacingOccurrences(of: "{{{", with: "{{").replacingOccurrences(of: "}}}", with: "}}")
            .replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in line.hasPrefix("{{#") || line.hasPrefix("{{/") ? String(line) : "<p>\(line.isEmpty ? "&nbsp;" : String(line))</p>" }
            .joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html lang="id"><head><meta charset="utf-8"><title>{{letter.number}}</title>
            <style>body{font-family:serif;max-width:42em;margin:2em auto;line-height:1.4}p{margin:0;white-space:pre-wrap}
            @media print{body{margin:1.5cm}}</style></head><body>
            \(body)
            </body></html>

            """
    }
}
