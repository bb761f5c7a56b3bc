import Foundation
import Mustache
import PPIDDomain

/// What a letter is about.
public enum LetterSubject: Sendable {
    case request(RequestRecord)
    case objection(ObjectionRecord, request: RequestRecord?)

    /// The case the letter belongs to: its number is kept per case and kind.
    public var caseID: UUID {
        switch self {
        case let .request(record): record.id
        case let .objection(record, _): record.id
        }
    }
}

/// Renders letters from templates: a unit's own `<kind>.<txt|html>.mustache` in its templates folder
/// when present, else the built-in one. Every variable is listed in ``LetterRenderer/variables``.
public struct LetterRenderer: Sendable {
    public let templatesFolder: String?
    public let settings: LetterSettings
    public let unitCode: String
    public let unitName: String
    public let body: String

    public init(templatesFolder: String?, settings: LetterSettings, unitCode: String, unitName: String, body: String) {
        self.templatesFolder = templatesFolder
        self.settings = settings
        self.unitCode = unitCode
        self.unitName = unitName
        self.body = body
    }

    /// Every template variable, with what it holds (for the README and `ppid letter variables`).
    public static let variables: [(String, String)] = [
        ("unit.code / unit.name / unit.body", "the unit's code and name, and the public body"),
        ("letterhead.address", "the unit's address (config: letter_address)"),
        ("letter.number / letter.date / letter.city", "the letter's register number, its date, the city (config: letter_city)"),
        ("signatory.name / signatory.position", "who signs (config: signatory_name, signatory_position)"),
        ("request.number / request.received / request.channel / request.information / request.purpose / request.obtain / request.missing", "the request"),
        ("requester.name / requester.address", "the requester (full: letters go to the requester)"),
        ("decision.outcome / decision.form / decision.cost / decision.payment / decision.deliveryBy / decision.date / decision.holder", "the written notice"),
        ("exemption.basis / exemption.harm / exemption.publicInterest / exemption.withheld / exemption.until", "the exemption and its consequence test (refusals and partial grants)"),
        ("notice.due / extension.due / extension.reason", "the original due date, the extended one and why"),
        ("objection.number / objection.filed / objection.filedBy / objection.requestNumber / objection.grounds / objection.answerDue", "the objection"),
        ("answer.verdict / answer.reasons / answer.atasanName / answer.atasanPosition", "the atasan PPID's answer"),
    ]

    /// Whether a letter of `kind` applies to `subject` now.
    public static func applies(_ kind: LetterKind, to subject: LetterSubject) -> Bool {
        switch (kind, subject) {
        case let (.notice, .request(r)): r.decision != nil
        case let (.refusal, .request(r)): if case .refused = r.decision?.outcome { true } else { false }
        case let (.extensionNotice, .request(r)): r.extendedDue != nil
        case let (.objectionAnswer, .objection(o, _)): o.answer != nil
        case (.requestReceipt, .request): true
        case let (.completenessRequest, .request(r)): r.missingItems != nil
        case (.objectionReceipt, .objection): true
        default: false
        }
    }

    /// The letter, rendered.
    public func render(_ kind: LetterKind, format: LetterFormat, subject: LetterSubject, number: String,
                       date: CivilDate) throws(LetterError) -> String {
        guard Self.applies(kind, to: subject) else { throw .notApplicable(kind) }
        let template = try template(kind, format)
        return template.render(context(subject, number: number, date: date))
    }

    func template(_ kind: LetterKind, _ format: LetterFormat) throws(LetterError) -> MustacheTemplate {
        let name = "\(kind.rawValue).\(format.rawValue).mustache"
        var source = format == .text ? BuiltInTemplates.text[kind] ?? "" : BuiltInTemplates.html(kind)
        if let templatesFolder, let custom = try? String(contentsOfFile: templatesFolder + "/" + name, encoding: .utf8) {
            source = custom
        }
        do {
            return try MustacheTemplate(string: source)
        } catch {
            throw .badTemplate(name: name, problem: "\(error)")
        }
    }

    /// The built-in template text, for `ppid letter templates`.
    public static func builtIn(_ kind: LetterKind, _ format: LetterFormat) -> String {
        format == .text ? BuiltInTemplates.text[kind] ?? "" : BuiltInTemplates.html(kind)
    }

    func context(_ subject: LetterSubject, number: String, date: CivilDate) -> [String: Any] {
        let l = Language.indonesian
        var context: [String: Any] = [
            "unit": ["code": unitCode, "name": unitName, "body": body],
            "letterhead": ["address": settings.address],
            "letter": ["number": number, "date": Self.longDate(date), "city": settings.city],
            "signatory": ["name": settings.signatoryName, "position": settings.signatoryPosition],
        ]
        func add(request r: RequestRecord) {
            context["request"] = ["number": r.registration.registrationNumber, "received": Self.longDate(r.receivedOn),
                                  "information": r.registration.information, "purpose": r.registration.purpose,
                                  "channel": r.registration.channel.text(l), "obtain": r.registration.obtainMethod.text(l),
                                  "missing": r.missingItems ?? ""]
            context["requester"] = ["name": r.registration.requester.name, "address": r.registration.requester.address]
            context["notice"] = ["due": Self.longDate(r.noticeDue)]
            if let extended = r.extendedDue {
                context["extension"] = ["due": Self.longDate(extended), "reason": r.extensionReason ?? ""]
            }
            if let decision = r.decision {
                var d: [String: Any] = ["outcome": decision.outcome.text(l), "form": (decision.form ?? r.registration.obtainMethod).text(l),
                                        "cost": String(decision.costRupiah), "deliveryBy": decision.deliveryBy.map(Self.longDate) ?? "-",
                                        "date": r.decidedOn.map(Self.longDate) ?? ""]
                if decision.costRupiah > 0, let payment = decision.paymentMethod { d["payment"] = payment }
                // The cost itemised from the unit's fee schedule, with the decree that set it (Pasal 21).
                if let charges = decision.charges, !charges.isEmpty {
                    d["charges"] = charges.map { ["line": $0.line] }
                    if let decree = decision.feeDecree { d["feeDecree"] = decree }
                }
                var exemption: Exemption?
                switch decision.outcome {
                case let .refused(e): exemption = e
                case let .grantedInPart(es): exemption = es.first
                case let .notHeld(holder): if let holder { d["holder"] = holder }
                default: break
                }
                context["decision"] = d
                if let e = exemption {
                    context["exemption"] = ["basis": e.basisText(l), "harm": e.test.harm, "publicInterest": e.test.publicInterestWeighed,
                                            "withheld": e.test.withheldPart, "until": e.test.until.map(Self.longDate) ?? "-"]
                }
            }
        }
        switch subject {
        case let .request(r): add(request: r)
        case let .objection(o, request):
            if let request { add(request: request) }
            var objection: [String: Any] = ["number": o.filing.number, "filed": Self.longDate(o.filedOn), "filedBy": o.filing.filedBy,
                                            "requestNumber": o.filing.requestNumber, "answerDue": Self.longDate(o.answerDue),
                                            "grounds": o.filing.grounds.map { $0.text(l) }.joined(separator: "; ")]
            // Ground f objects to the cost: the receipt and the answer cite what the notice charged.
            if o.filing.grounds.contains(.f), let decision = request?.decision, decision.costRupiah > 0 {
                var cited = "Rp \(decision.costRupiah)"
                if let charges = decision.charges, !charges.isEmpty { cited += " (" + charges.map(\.line).joined(separator: "; ") + ")" }
                if let decree = decision.feeDecree { cited += ", menurut \(decree)" }
                objection["feeCited"] = cited
            }
            context["objection"] = objection
            if let answer = o.answer {
                var reasons = ""
                switch answer.verdict {
                case let .refusalUpheld(text), let .settledByAgreement(text): reasons = text
                case .objectionGranted: break
                }
                var a: [String: Any] = ["verdict": answer.verdict.text(l), "atasanName": answer.atasanName, "atasanPosition": answer.atasanPosition]
                if !reasons.isEmpty { a["reasons"] = reasons }
                context["answer"] = a
            }
        }
        return context
    }

    /// "2 Maret 2026".
    public static func longDate(_ date: CivilDate) -> String {
        date.longText(.indonesian)
    }
}
