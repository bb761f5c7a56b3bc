import Foundation

/// The categories of the public information list (DIP).
public enum DIPCategory: String, Hashable, Sendable, Codable, CaseIterable {
    /// Published periodically (Pasal 9).
    case periodic = "berkala"
    /// Published at once: threats to life or public order (Pasal 10).
    case immediate = "serta-merta"
    /// Available on request at any time (Pasal 11).
    case onRequest = "setiap-saat"
    /// Exempt (Pasal 17).
    case exempt = "dikecualikan"
}

extension DIPCategory: Localized {
    public func text(_ language: Language) -> String {
        switch self {
        case .periodic: language.pick("Berkala", "Periodic")
        case .immediate: language.pick("Serta merta", "Immediate")
        case .onRequest: language.pick("Tersedia setiap saat", "Available on request")
        case .exempt: language.pick("Dikecualikan", "Exempt")
        }
    }
}

/// The form information is kept in.
public enum DocumentForm: String, Hashable, Sendable, Codable, CaseIterable {
    case soft = "softcopy"
    case hard = "hardcopy"
    case both = "keduanya"
}

/// A row of the public information list.
public struct DIPEntry: Hashable, Sendable, Codable {
    public var id: UUID
    public var number: String
    public var unit: String
    public var title: String
    /// Ringkasan isi.
    public var summary: String
    /// The official or unit that holds it.
    public var holder: String
    /// Who is responsible for producing it.
    public var responsible: String
    /// When and where it was made.
    public var madeWhenWhere: String
    public var form: DocumentForm
    public var retention: String
    public var category: DIPCategory
    public var decreeNumber: String
    /// Where to find it: a shelf, a link.
    public var location: String
    /// For an exempt entry: its Pasal 17 letter (or statute), consequence test and end date.
    public var exemption: Exemption?

    public init(id: UUID = UUID(), number: String, unit: String, title: String, summary: String, holder: String,
                responsible: String = "", madeWhenWhere: String = "", form: DocumentForm = .soft,
                retention: String = "", category: DIPCategory, decreeNumber: String = "",
                location: String = "", exemption: Exemption? = nil) {
        self.id = id
        self.number = number
        self.unit = unit
        self.title = title
        self.summary = summary
        self.holder = holder
        self.responsible = responsible
        self.madeWhenWhere = madeWhenWhere
        self.form = form
        self.retention = retention
        self.category = category
        self.decreeNumber = decreeNumber
        self.location = location
        self.exemption = exemption
    }
}

/// A change to the DIP.
public enum DIPEvent: Hashable, Sendable {
    case added(DIPEntry)
    case revised(DIPEntry)
    case retired(reason: String)

    public var name: String {
        switch self {
        case .added: "added"
        case .revised: "revised"
        case .retired: "retired"
        }
    }
}

/// Why a DIP change was refused.
public enum DIPRejection: OfficerFacingError, Hashable {
    case unknownEntry
    case alreadyAdded
    case missingField(RequiredField)
    case exemptWithoutBasis
    case exemptWithoutConsequenceTest
    case exemptWithoutEndDate
    case retired

    public func text(_ language: Language) -> String {
        switch self {
        case .unknownEntry: language.pick("Entri DIP tidak ditemukan.", "No such DIP entry.")
        case .alreadyAdded: language.pick("Entri DIP ini sudah ada.", "This DIP entry already exists.")
        case let .missingField(field):
            language.pick("Wajib diisi: \(field.text(language)).", "Required: \(field.text(language)).")
        case .exemptWithoutBasis:
            language.pick("Informasi yang dikecualikan wajib menyebut huruf Pasal 17 atau undang-undang lain.",
                          "Exempt information must name its Pasal 17 letter or another statute.")
        case .exemptWithoutConsequenceTest:
            language.pick("Informasi yang dikecualikan wajib disertai uji konsekuensi.",
                          "Exempt information needs a consequence test.")
        case .exemptWithoutEndDate:
            language.pick("Pengecualian atas huruf a-f tidak permanen (Pasal 20 ayat 1): isi tanggal berakhirnya.",
                          "An exemption on letters a-f is not permanent (Pasal 20(1)): give the date it ends.")
        case .retired: language.pick("Entri DIP ini sudah dihapus dari daftar.", "This DIP entry has been retired.")
        }
    }
}

/// The current state of a DIP entry.
public struct DIPRecord: Hashable, Sendable, Codable {
    public var entry: DIPEntry
    public var isRetired: Bool
    public var updatedOn: CivilDate
    public var id: UUID { entry.id }
}

/// The one function that decides whether a change to the DIP is allowed.
public enum DIPLifecycle {
    public static func apply(_ event: DIPEvent, meta: EventMeta, to record: DIPRecord?) throws(DIPRejection) -> DIPRecord {
        switch event {
        case let .added(entry):
            guard record == nil else { throw .alreadyAdded }
            try check(entry)
            return DIPRecord(entry: entry, isRetired: false, updatedOn: meta.localDate)
        case let .revised(entry):
            guard var record else { throw .unknownEntry }
            guard !record.isRetired else { throw .retired }
            try check(entry)
            record.entry = entry
            record.entry.id = record.id
            record.updatedOn = meta.localDate
            return record
        case let .retired(reason):
            guard var record else { throw .unknownEntry }
            guard !record.isRetired else { throw .retired }
            guard !reason.trimmed.isEmpty else { throw .missingField(.reason) }
            record.isRetired = true
            record.updatedOn = meta.localDate
            return record
        }
    }

    /// An entry needs a summary and a holder; an exempt one its basis and test, and on letters
    /// a-f its end date (Pasal 20(1): not permanent); g-j may be open-ended.
    public static func check(_ entry: DIPEntry) throws(DIPRejection) {
        guard !entry.summary.trimmed.isEmpty || !entry.title.trimmed.isEmpty else { throw .missingField(.summary) }
        guard !entry.holder.trimmed.isEmpty else { throw .missingField(.holder) }
        guard entry.category == .exempt else { return }
        guard let exemption = entry.exemption else { throw .exemptWithoutBasis }
        guard exemption.namesItsBasis else { throw .exemptWithoutBasis }
        guard exemption.test.isComplete else { throw .exemptWithoutConsequenceTest }
        guard exemption.test.until != nil || !exemption.needsEndDate else { throw .exemptWithoutEndDate }
    }
}
