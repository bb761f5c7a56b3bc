import Foundation

/// A DIP entry as the public sees it (Pasal 11: the list is available at all times). An exempt
/// entry is listed so the public knows it exists and why it is withheld (Pasal 17's letter or the
/// statute, and until when), never with its content: no summary, no location, no consequence test.
public struct PublicDIPEntry: Hashable, Sendable, Codable {
    public var id: UUID
    public var number: String
    public var unit: String
    public var title: String
    /// Blank for an exempt entry.
    public var summary: String
    public var holder: String
    public var responsible: String
    public var madeWhenWhere: String
    public var form: DocumentForm
    public var retention: String
    public var category: DIPCategory
    public var decreeNumber: String
    /// Where to find it (a shelf, a link); blank for an exempt entry.
    public var location: String
    public var isExempt: Bool
    /// The legal basis of an exemption, in Indonesian and in English.
    public var exemptionBasis: String?
    public var exemptionBasisEnglish: String?
    /// The day an exemption ends (nil: open-ended, as letters g-j may be).
    public var exemptUntil: CivilDate?
    /// The day the entry was last changed.
    public var updatedOn: CivilDate

    /// The public view of `record`; nil for a retired entry, which is no longer on the list.
    public init?(_ record: DIPRecord) {
        guard !record.isRetired else { return nil }
        let entry = record.entry
        let exemption = entry.category == .exempt ? entry.exemption : nil
        let exempt = entry.category == .exempt
        id = entry.id
        number = entry.number
        unit = entry.unit
        title = entry.title
        summary = exempt ? "" : entry.summary
        holder = entry.holder
        responsible = entry.responsible
        madeWhenWhere = exempt ? "" : entry.madeWhenWhere
        form = entry.form
        retention = entry.retention
        category = entry.category
        decreeNumber = entry.decreeNumber
        location = exempt ? "" : entry.location
        isExempt = exempt
        exemptionBasis = exemption?.basisText(.indonesian)
        exemptionBasisEnglish = exemption?.basisText(.english)
        exemptUntil = exemption?.test.until
        updatedOn = record.updatedOn
    }

    /// Whether the entry matches every word of `query`, ignoring case and accents, in the fields
    /// the public sees.
    public func matches(_ query: String) -> Bool {
        let words = query.split(whereSeparator: \.isWhitespace).map { Self.folded(String($0)) }
        guard !words.isEmpty else { return true }
        let text = Self.folded([number, title, summary, holder, exemptionBasis ?? ""].joined(separator: " "))
        return words.allSatisfy { text.contains($0) }
    }

    static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
