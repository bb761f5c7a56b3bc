import PPIDDomain

/// The letters a PPID issues.
public enum LetterKind: String, Sendable, CaseIterable {
    /// Pemberitahuan tertulis (Pasal 22(7)): the answer to a request, whatever its outcome.
    case notice = "pemberitahuan"
    /// Surat keputusan penolakan, with the consequence test.
    case refusal = "penolakan"
    /// Pemberitahuan perpanjangan (Pasal 22(8)).
    case extensionNotice = "perpanjangan"
    /// Tanggapan atasan PPID atas keberatan (Pasal 36).
    case objectionAnswer = "tanggapan-keberatan"
    /// Tanda bukti penerimaan permohonan (Pasal 22(4)): its registration number, given at registration.
    case requestReceipt = "tanda-bukti-permohonan"
    /// Tanda terima keberatan (Perki 1/2021): the objection's register number and its answer's due date.
    case objectionReceipt = "tanda-terima-keberatan"
    /// Permintaan kelengkapan: what an incomplete request lacks, asked of the requester.
    case completenessRequest = "permintaan-kelengkapan"
}

/// The two forms a letter is rendered to.
public enum LetterFormat: String, Sendable, CaseIterable {
    case text = "txt"
    case html
}

/// The unit's letterhead and signatory, from the config file.
public struct LetterSettings: Sendable {
    public var city: String
    public var signatoryName: String
    public var signatoryPosition: String
    public var address: String

    public init(city: String = "Jakarta", signatoryName: String = "", signatoryPosition: String = "PPID Pelaksana", address: String = "") {
        self.city = city
        self.signatoryName = signatoryName
        self.signatoryPosition = signatoryPosition
        self.address = address
    }
}

/// Why a letter could not be made.
public enum LetterError: OfficerFacingError {
    case notApplicable(LetterKind)
    case badTemplate(name: String, problem: String)

    public func text(_ language: Language) -> String {
        switch self {
        case let .notApplicable(kind):
            language.pick("Surat '\(kind.rawValue)' tidak berlaku untuk perkara ini dalam statusnya sekarang.",
                          "The letter '\(kind.rawValue)' does not apply to this case in its current state.")
        case let .badTemplate(name, problem):
            language.pick("Templat '\(name)' tidak dapat dibaca: \(problem). Perbaiki atau hapus berkasnya agar templat bawaan dipakai.",
                          "The template '\(name)' cannot be read: \(problem). Fix or remove the file to use the built-in one.")
        }
    }
}
