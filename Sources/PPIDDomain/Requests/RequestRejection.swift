/// A form field an officer must fill in.
public enum RequiredField: String, Hashable, Sendable, Codable {
    case requesterName, nik, entityDocument, contact, information, purpose, registrationNumber
    case reason, forwardTarget, holder, summary, grounds, answer, atasanName, powerOfAttorney

    func text(_ language: Language) -> String {
        switch self {
        case .requesterName: language.pick("nama pemohon", "the requester's name")
        case .nik: language.pick("NIK pemohon", "the requester's NIK")
        case .entityDocument: language.pick("dokumen badan hukum", "the entity's registration document")
        case .contact: language.pick("alamat, telepon, atau email", "an address, phone or email")
        case .information: language.pick("rincian informasi yang diminta", "the information requested")
        case .purpose: language.pick("tujuan penggunaan informasi", "the purpose of the request")
        case .registrationNumber: language.pick("nomor registrasi", "the registration number")
        case .reason: language.pick("alasan tertulis", "a written reason")
        case .forwardTarget: language.pick("tujuan penerusan", "where to forward it")
        case .holder: language.pick("pejabat/unit yang menguasai informasi", "the official or unit holding it")
        case .summary: language.pick("ringkasan isi", "the summary of content")
        case .grounds: language.pick("alasan keberatan (Pasal 35 ayat 1)", "the grounds of objection (Pasal 35(1))")
        case .answer: language.pick("isi tanggapan atasan PPID", "the atasan PPID's answer")
        case .atasanName: language.pick("nama dan jabatan atasan PPID", "the atasan PPID's name and position")
        case .powerOfAttorney: language.pick("surat kuasa (nomor dan tanggal) untuk kuasa pemohon", "the proxy's power of attorney (number and date)")
        }
    }
}

/// Why a change to a request was refused, in words an officer understands.
public enum RequestRejection: OfficerFacingError, Hashable {
    case unknownRequest
    case alreadyRegistered
    case missingField(RequiredField)
    case invalidNIK
    case invalidEmail
    case invalidPhone
    case secondExtension
    case extensionAfterDueDate(due: CivilDate)
    case refusalWithoutBasis
    case refusalWithoutConsequenceTest
    case partialGrantWithoutExemption
    case requestWithdrawn
    case requestClosed
    case alreadyDecided
    case notYetDecided
    case notIncomplete
    case notForwardedOrDecided
    case dateBeforeReceipt(received: CivilDate)
    case forwardedToSameUnit
    case noDeadlineToMove
    /// The receipt lies after the moment it was recorded (beyond the allowed clock skew).
    case receivedInFuture
    /// A payment recorded where nothing is owed, or more than is owed.
    case nothingOwed
    /// The itemised charges do not add up to the cost stated.
    case chargesDisagree(sum: Int)
    case paymentExceedsCost(owed: Int)
    case paymentDate(CivilDate)

    public func text(_ language: Language) -> String {
        switch self {
        case .unknownRequest:
            language.pick("Permohonan tidak ditemukan. Daftarkan dahulu.", "No such request. Register it first.")
        case .alreadyRegistered:
            language.pick("Permohonan ini sudah terdaftar.", "This request is already registered.")
        case let .missingField(field):
            language.pick("Wajib diisi: \(field.text(language)).", "Required: \(field.text(language)).")
        case .invalidNIK:
            language.pick("NIK harus 16 angka.", "A NIK has exactly 16 digits.")
        case .invalidEmail:
            language.pick("Alamat email tidak sah (contoh: nama@domain.id).", "Not a valid email address (e.g. name@domain.id).")
        case .invalidPhone:
            language.pick("Nomor telepon harus 8-15 angka (boleh diawali +).", "A phone number has 8-15 digits (a leading + is allowed).")
        case .secondExtension:
            language.pick("Perpanjangan hanya boleh sekali (Pasal 22 ayat 8).", "An extension is allowed only once (Pasal 22(8)).")
        case let .extensionAfterDueDate(due):
            language.pick("Perpanjangan harus diberitahukan paling lambat \(due.iso), tanggal jatuh tempo semula.",
                          "An extension must be notified by \(due.iso), the original due date.")
        case .refusalWithoutBasis:
            language.pick("Penolakan wajib menyebut huruf Pasal 17 atau undang-undang lain.",
                          "A refusal must name the Pasal 17 letter or another statute.")
        case .refusalWithoutConsequenceTest:
            language.pick("Penolakan wajib disertai uji konsekuensi (bahaya, pertimbangan kepentingan publik, bagian yang dikecualikan).",
                          "A refusal needs a consequence test (the harm, the public interest weighed, the part withheld).")
        case .partialGrantWithoutExemption:
            language.pick("Pemberian sebagian wajib menyebut bagian yang dikecualikan beserta dasar dan uji konsekuensinya.",
                          "A partial grant must state the withheld parts with their basis and consequence test.")
        case .requestWithdrawn:
            language.pick("Permohonan sudah ditarik pemohon; tidak dapat diubah lagi.", "The requester withdrew this request; it can no longer change.")
        case .requestClosed:
            language.pick("Permohonan sudah selesai; tidak dapat diubah lagi.", "This request is closed; it can no longer change.")
        case .alreadyDecided:
            language.pick("Pemberitahuan tertulis sudah diterbitkan dan tidak dapat ditarik kembali.",
                          "The written notice has been issued and cannot be unsent.")
        case .notYetDecided:
            language.pick("Terbitkan pemberitahuan tertulis terlebih dahulu.", "Issue the written notice first.")
        case .notIncomplete:
            language.pick("Permohonan tidak sedang dicatat belum lengkap.", "The request is not recorded as incomplete.")
        case .notForwardedOrDecided:
            language.pick("Permohonan hanya dapat ditutup setelah ada pemberitahuan tertulis (Pasal 22 ayat 7); diteruskan ke badan publik lain pun: beri tahu pemohon siapa yang menguasainya (d).",
                          "A request can be closed only after its written notice (Pasal 22(7)); forwarded to another body too: tell the requester who holds it (d).")
        case let .dateBeforeReceipt(received):
            language.pick("Tanggal tindakan sebelum tanggal permohonan diterima (\(received.iso)).",
                          "The action is dated before the request was received (\(received.iso)).")
        case .forwardedToSameUnit:
            language.pick("Permohonan tidak dapat diteruskan ke unit yang sama.", "A request cannot be forwarded to its own unit.")
        case .noDeadlineToMove:
            language.pick("Tenggat permohonan ini tidak lagi berjalan.", "This request's deadline no longer runs.")
        case let .chargesDisagree(sum):
            language.pick("Rincian biaya berjumlah Rp \(sum), tidak sama dengan biaya yang disebut.",
                          "The itemised charges add up to Rp \(sum), not the cost stated.")
        case .nothingOwed:
            language.pick("Pemberitahuan tertulis permohonan ini tidak menyebut biaya yang belum dibayar.",
                          "This request's written notice states no cost left to pay.")
        case let .paymentExceedsCost(owed):
            language.pick("Pembayaran melebihi sisa biaya (Rp \(owed)).", "The payment is more than the cost left to pay (Rp \(owed)).")
        case let .paymentDate(day):
            language.pick("Tanggal bayar \(day.iso) tidak mungkin: harus antara pemberitahuan tertulis dan hari ini.",
                          "A payment on \(day.iso) is not possible: it must fall between the written notice and today.")
        case .receivedInFuture:
            language.pick("Waktu diterima tidak boleh di masa depan. Isi tanggal dan jam permohonan sampai ke unit.",
                          "The receipt cannot be in the future. Give the date and time the request reached the unit.")
        }
    }
}
