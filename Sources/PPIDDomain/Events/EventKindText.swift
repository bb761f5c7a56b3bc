/// The name of an event kind in the officer's words, for lists that have only the stored name (the
/// audit trail's `event.request.decided`) and for the dispute and DIP acts: never a raw code such
/// as `decided` in either language.
public enum EventKindText {
    /// The words for `name` of a case of `kind`; the name itself only for a kind this version does not know.
    public static func text(kind: CaseKind, name: String, _ language: Language) -> String {
        switch (kind, name) {
        case (.request, "registered"): language.pick("permohonan didaftarkan", "request registered")
        case (.request, "processingStarted"): language.pick("permohonan mulai diproses", "request processing started")
        case (.request, "forwarded"): language.pick("permohonan diteruskan", "request forwarded")
        case (.request, "extended"): language.pick("jangka waktu diperpanjang", "time extended")
        case (.request, "decided"): language.pick("pemberitahuan tertulis diterbitkan", "written notice issued")
        case (.request, "delivered"): language.pick("disampaikan kepada pemohon", "delivered to the requester")
        case (.request, "closed"): language.pick("permohonan ditutup", "request closed")
        case (.request, "withdrawn"): language.pick("permohonan ditarik pemohon", "request withdrawn by the requester")
        case (.request, "documentsLinked"): language.pick("dikaitkan dengan entri DIP", "linked to DIP entries")
        case (.request, "deadlineMoved"): language.pick("tenggat bergeser", "deadline moved")
        case (.request, "complied"): language.pick("informasi diberikan sesuai perintah", "information given as ordered")
        case (.request, "incompleteNoted"): language.pick("permohonan dicatat belum lengkap", "request noted incomplete")
        case (.request, "paid"): language.pick("biaya dibayar", "cost paid")
        case (.request, "completed"): language.pick("permohonan dilengkapi pemohon", "request completed by the requester")
        case (.objection, "filed"): language.pick("keberatan didaftarkan", "objection registered")
        case (.objection, "answered"): language.pick("tanggapan atasan PPID atas keberatan", "the atasan PPID's answer to the objection")
        case (.objection, "requesterResponded"): language.pick("tanggapan pemohon atas jawaban keberatan", "the requester's response to the answer")
        case (.objection, "withdrawn"): language.pick("keberatan ditarik", "objection withdrawn")
        case (.objection, "deadlineMoved"): language.pick("tenggat keberatan bergeser", "objection deadline moved")
        case (.dispute, "filed"): language.pick("sengketa diajukan ke Komisi Informasi", "dispute filed at the Information Commission")
        case (.dispute, "mediationStarted"): language.pick("mediasi sengketa dimulai", "dispute mediation started")
        case (.dispute, "adjudicationStarted"): language.pick("ajudikasi sengketa dimulai", "dispute adjudication started")
        case (.dispute, "decided"): language.pick("putusan Komisi Informasi", "Information Commission decision")
        case (.dispute, "appealedToCourt"): language.pick("sengketa diajukan ke pengadilan", "dispute taken to court")
        case (.dispute, "hearingHeld"): language.pick("sidang sengketa", "dispute hearing")
        case (.dispute, "courtDecided"): language.pick("putusan pengadilan (PTUN/PN)", "court ruling (PTUN/PN)")
        case (.dispute, "cassationFiled"): language.pick("kasasi diajukan ke Mahkamah Agung", "cassation filed at the Supreme Court")
        case (.dispute, "cassationDecided"): language.pick("putusan kasasi Mahkamah Agung", "Supreme Court cassation ruling")
        case (.dispute, "withdrawn"): language.pick("sengketa dicabut", "dispute withdrawn")
        case (.dip, "added"): language.pick("entri DIP ditambahkan", "DIP entry added")
        case (.dip, "revised"): language.pick("entri DIP diubah", "DIP entry revised")
        case (.dip, "retired"): language.pick("entri DIP dihapus", "DIP entry retired")
        default: language.pick("peristiwa \(kind.rawValue) \(name)", "\(kind.rawValue) event \(name)")
        }
    }

    /// An audit trail action code (`event.request.decided`, `calendar.add`, `letter.write`) in words.
    public static func auditAction(_ code: String, _ language: Language) -> String {
        let parts = code.split(separator: ".", maxSplits: 2).map(String.init)
        if parts.count == 3, parts[0] == "event", let kind = CaseKind(rawValue: parts[1]) {
            return text(kind: kind, name: parts[2], language)
        }
        return switch code {
        case "calendar.add": language.pick("kalender ditambahkan", "calendar added")
        case "demo.generate": language.pick("ruang kerja contoh dibuat", "demo workspace built")
        case "letter.write": language.pick("surat dibuat", "letter written")
        case "letter.void": language.pick("surat dibatalkan", "letter voided")
        case "personal-data.read": language.pick("data pribadi dibaca", "personal data read")
        case "personal-data.export": language.pick("data pribadi diekspor", "personal data exported")
        case "settings.officer": language.pick("petugas terminal ditetapkan", "terminal's officer set")
        case "settings.profile": language.pick("profil unit diubah", "unit profile changed")
        case "settings.series": language.pick("seri nomor terminal ditetapkan", "terminal number series set")
        case "store.rebuild": language.pick("proyeksi dibangun ulang", "projections rebuilt")
        case "sync.rejected": language.pick("ditolak server pusat", "refused by the central server")
        case "sync.set-aside.applied": language.pick("peristiwa tertunda diterapkan", "set-aside event applied")
        default: code
        }
    }
}
