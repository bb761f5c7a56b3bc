import PPIDDomain

/// Why the portal did not take what a member of the public submitted: the field to correct (for
/// the form to point at) and what to do, in both languages.
public struct PortalProblem: Error, Hashable, Sendable {
    public let field: String?
    public let indonesian: String
    public let english: String

    public init(field: String?, _ indonesian: String, _ english: String) {
        self.field = field
        self.indonesian = indonesian
        self.english = english
    }

    public init(field: String?, _ localized: some Localized) {
        self.init(field: field, localized.text(.indonesian), localized.text(.english))
    }

    public func text(_ language: Language) -> String { language.pick(indonesian, english) }

    static let notFound = PortalProblem(
        field: "code", "Nomor permohonan dan kode pelacakan tidak cocok. Periksa keduanya pada tanda terima Anda (huruf besar/kecil dan tanda hubung boleh diabaikan).",
        "The request number and tracking code do not match. Check both on your receipt (case and dashes do not matter).")
}
