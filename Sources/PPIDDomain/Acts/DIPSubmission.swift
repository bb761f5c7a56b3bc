import Foundation

/// A DIP entry as submitted (added or revised): the fields of the public information list, and
/// for an exempt entry its basis, consequence test and end date.
public struct DIPSubmission: Hashable, Sendable, Codable {
    public var number = ""
    public var category = DIPCategory.onRequest.rawValue
    public var title = ""
    public var summary = ""
    public var holder = ""
    public var responsible = ""
    public var made = ""
    public var form = DocumentForm.soft.rawValue
    public var retention = ""
    public var decree = ""
    public var location = ""
    public var exemption = ExemptionSubmission()

    public init() {}

    public init(_ values: [String: String]) {
        number = values["number", default: ""]
        category = values["category", default: DIPCategory.onRequest.rawValue].trimmed
        title = values["title", default: ""]
        summary = values["summary", default: ""]
        holder = values["holder", default: ""]
        responsible = values["responsible", default: ""]
        made = values["made", default: ""]
        form = values["form", default: DocumentForm.soft.rawValue].trimmed
        retention = values["retention", default: ""]
        decree = values["decree", default: ""]
        location = values["location", default: ""]
        exemption = ExemptionSubmission(values)
    }

    /// The entry with `id` for `unit`; every problem at once.
    public func entry(id: UUID, unit: String) throws(ActRefusal) -> DIPEntry {
        var problems = ProblemList()
        problems.require(number, "number")
        problems.require(title, "title")
        problems.require(holder, "holder")
        for (value, field) in [(number, "number"), (title, "title"), (holder, "holder"), (responsible, "responsible"),
                               (made, "made"), (retention, "retention"), (decree, "decree"), (location, "location")] {
            problems.bounded(value, field)
        }
        problems.bounded(summary, "summary", long: true)
        let chosenCategory = DIPCategory(rawValue: category)
        if chosenCategory == nil { problems.add("category", .choice(DIPCategory.allCases.map(\.rawValue))) }
        let chosenForm = DocumentForm(rawValue: form)
        if chosenForm == nil { problems.add("form", .choice(DocumentForm.allCases.map(\.rawValue))) }
        var exempt: Exemption?
        if chosenCategory == .exempt { exempt = exemption.exemption(into: &problems) }
        try problems.check()
        return DIPEntry(id: id, number: number.trimmed, unit: unit, title: title.trimmed, summary: summary.trimmed,
                        holder: holder.trimmed, responsible: responsible.trimmed, madeWhenWhere: made.trimmed,
                        form: chosenForm ?? .soft, retention: retention.trimmed, category: chosenCategory ?? .onRequest,
                        decreeNumber: decree.trimmed, location: location.trimmed, exemption: exempt)
    }
}
