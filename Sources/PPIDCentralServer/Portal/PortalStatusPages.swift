import Foundation
import Hummingbird
import PPIDCentral
import PPIDDomain

/// Following a request: the status form, the status page (asked by POST, so the number and code
/// never travel in an address, a log line or a browser's history), a released document's
/// download, and an objection filed from the status page.
extension Portal {
    func statusForm(_ request: Request) async throws -> Response {
        formPage("status-form", PortalView(request).context(), for: request)
    }

    static let unreadable = ("Isian tidak terbaca.", "The form could not be read.")

    func status(_ request: Request, context requestContext: CentralRequestContext) async throws -> Response {
        let view = PortalView(request)
        let form: PortalForm
        switch await posted(request, requestContext, limit: 16 << 10, back: "/status", unreadable: Self.unreadable) {
        case let .form(read): form = read
        case let .refused(response): return response
        }
        return try await statusPage(view, number: form["number"], code: form["code"], csrf: form["csrf"], problem: nil, for: request)
    }

    /// The status page, or the status form again with what went wrong.
    func statusPage(_ view: PortalView, number: String, code: String, csrf: String, problem: PortalProblem?,
                    objection: PortalForm? = nil, for request: Request) async throws -> Response {
        let store = self.store
        let found = try await offload { () -> Result<PortalCase, PortalProblem> in
            do throws(PortalProblem) { return .success(try store.portalCase(number: number, code: code)) } catch { return .failure(error) }
        }
        let current: PortalCase
        switch found {
        case let .failure(problem):
            var context = view.context()
            context["csrf"] = csrf
            context["number"] = number
            context["problem"] = ["message": problem.text(view.language)]
            return page("status-form", context, for: request, status: .notFound)
        case let .success(value):
            current = value
        }
        var context = Self.statusContext(current, view: view, objection: objection ?? PortalForm())
        context["csrf"] = csrf
        context["number"] = current.request.registration.registrationNumber
        context["code"] = code
        if let problem { context["problem"] = ["message": problem.text(view.language)] }
        var response = page("status", context, for: request, status: problem == nil ? .ok : .unprocessableContent)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    static func statusContext(_ current: PortalCase, view: PortalView, objection form: PortalForm) -> [String: Any] {
        let language = view.language
        let pick = language.pick
        let request = current.request
        var context = view.context()
        context["state"] = request.state.text(language)
        context["unitName"] = current.unitName
        context["receivedOn"] = request.receivedOn.longText(language)
        var dates: [[String: Any]] = [["label": pick("Batas pemberitahuan tertulis", "Written notice due"),
                                       "value": request.noticeDue.longText(language), "provisional": request.dueIsProvisional]]
        if let extended = request.extendedDue {
            dates.append(["label": pick("Diperpanjang sampai", "Extended to"),
                          "value": extended.longText(language) + (request.extensionReason.map { " (\($0))" } ?? ""), "provisional": request.dueIsProvisional])
        }
        if let forwarded = request.forwardedTo {
            let place = switch forwarded {
            case let .unit(code): code
            case let .otherBody(body): body
            }
            dates.append(["label": pick("Diteruskan kepada", "Forwarded to"), "value": place, "provisional": false])
        }
        if let decided = request.decidedOn { dates.append(["label": pick("Diputuskan", "Decided"), "value": decided.longText(language), "provisional": false]) }
        if let delivered = request.deliveredOn {
            dates.append(["label": pick("Pemberitahuan diterima", "Notice received"), "value": delivered.longText(language), "provisional": false])
        }
        context["dates"] = dates
        if let decision = request.decision {
            var rows: [[String: Any]] = [["label": pick("Keputusan", "Decision"), "value": decision.outcome.text(language)]]
            switch decision.outcome {
            case let .refused(exemption?):
                rows.append(["label": pick("Dasar penolakan", "Basis of the refusal"), "value": exemption.basisText(language)])
            case let .grantedInPart(exemptions) where !exemptions.isEmpty:
                rows.append(["label": pick("Bagian yang dikecualikan", "Parts withheld"),
                             "value": exemptions.map { "\($0.test.withheldPart) (\($0.basisText(language)))" }.joined(separator: "; ")])
            default: break
            }
            if let form = decision.form { rows.append(["label": pick("Bentuk", "Form"), "value": form.text(language)]) }
            if decision.costRupiah > 0 {
                rows.append(["label": pick("Biaya", "Cost"), "value": Rupiah.text(decision.costRupiah)
                                + (request.owedRupiah > 0 ? pick(" (belum dibayar \(Rupiah.text(request.owedRupiah)))", " (\(Rupiah.text(request.owedRupiah)) still owed)") : "")])
            }
            if let by = decision.deliveryBy { rows.append(["label": pick("Diberikan paling lambat", "Given by"), "value": by.longText(language)]) }
            if !decision.note.isEmpty { rows.append(["label": pick("Catatan", "Note"), "value": decision.note]) }
            context["notice"] = ["rows": rows]
        }
        context["hasReleased"] = !current.released.isEmpty
        context["released"] = current.released.map { file in
            ["sha256": file.sha256, "name": file.name, "size": FileRules.sizeText(file.size)] as [String: Any]
        }
        context["hasObjections"] = !current.objections.isEmpty
        context["objections"] = current.objections.map { objection -> [String: Any] in
            var row: [String: Any] = ["number": objection.filing.number, "state": objection.state.text(language),
                                      "answerDue": objection.answerDue.longText(language)]
            if let answer = objection.answer { row["answer"] = answer.verdict.text(language) }
            return row
        }
        context["mayObject"] = current.mayObject
        if let window = current.objectionWindow {
            context["objectIntro"] = pick("Anda dapat mengajukan keberatan kepada atasan PPID sampai \(window.due.longText(.indonesian)) (30 hari kerja, Pasal 36 ayat 1).",
                                          "You may object to the PPID's superior until \(window.due.longText(.english)) (30 working days, Article 36(1)).")
            if !current.mayObject, current.today > window.due {
                context["objectNote"] = pick("Batas pengajuan keberatan sudah lewat pada \(window.due.longText(.indonesian)).",
                                             "The window to object closed on \(window.due.longText(.english)).")
            }
        } else if request.state != .withdrawn {
            context["objectNote"] = pick("Keberatan dapat diajukan setelah pemberitahuan tertulis diterima, atau bila batas waktunya lewat tanpa jawaban.",
                                         "An objection can be filed once the written notice has reached you, or if its due date passes unanswered.")
        }
        context["grounds"] = ObjectionGround.allCases.map { ground -> [String: Any] in
            var row: [String: Any] = ["letter": ground.rawValue, "text": ground.text(language), "checked": form["ground-\(ground.rawValue)"] == "yes"]
            switch ground {
            case .a: row["help"] = pick("Hanya bila pemberitahuan menolak seluruh atau sebagian permohonan.", "Only when the notice refused all or part of the request.")
            case .f: row["help"] = pick("Hanya bila pemberitahuan menyebut biaya.", "Only when the notice stated a cost.")
            default: break
            }
            return row
        }
        context["filedBy"] = form["filedBy"].isEmpty ? request.registration.requester.name : form["filedBy"]
        context["statement"] = form["statement"]
        return context
    }

    func download(_ request: Request, context requestContext: CentralRequestContext) async throws -> Response {
        let view = PortalView(request)
        let form: PortalForm
        switch await posted(request, requestContext, limit: 16 << 10, back: "/status", unreadable: Self.unreadable) {
        case let .form(read): form = read
        case let .refused(response): return response
        }
        let store = self.store
        let (number, code, sha) = (form["number"], form["code"], form["file"])
        let found = try await offload { () -> (StoredFile, Data)? in
            guard let current = try? store.portalCase(number: number, code: code) else { return nil }
            return try? store.fileContent(sha, of: current.request.id, role: .released)
        }
        guard let (file, bytes) = found else {
            return problemPage(view, view.language.pick("Dokumen tidak ditemukan untuk permohonan ini.", "No such document for this request."),
                               back: "/status", status: .notFound, for: request)
        }
        return FileDownload.response(file, bytes: bytes, cacheControl: "no-store", headers: PortalResponse.securityHeaders)
    }

    func object(_ request: Request, context requestContext: CentralRequestContext) async throws -> Response {
        let view = PortalView(request)
        let form: PortalForm
        switch await posted(request, requestContext, limit: FileRole.supporting.maximumBytes + (64 << 10), back: "/status", unreadable: Self.unreadable,
                            tooLarge: ("Isian terlalu besar: dokumen pendukung paling besar 10 MB.", "The form is too large: a supporting document may be at most 10 MB.")) {
        case let .form(read): form = read
        case let .refused(response): return response
        }
        let supporting = form.files["supporting"].flatMap { $0.bytes.isEmpty ? nil : (bytes: $0.bytes, name: $0.name) }
        var submission = ObjectionSubmission()
        submission.grounds = ObjectionGround.allCases.filter { form["ground-\($0.rawValue)"] == "yes" }.map(\.rawValue).joined(separator: ",")
        submission.filedBy = form["filedBy"]
        submission.statement = form["statement"]
        let store = self.store
        let (number, code) = (form["number"], form["code"])
        let submitted = submission
        let outcome = try await offload { () -> Result<PortalObjectionReceipt, PortalProblem> in
            do throws(PortalProblem) { return .success(try store.fileObjectionOnPortal(number: number, code: code, submission: submitted, supporting: supporting)) } catch { return .failure(error) }
        }
        switch outcome {
        case let .failure(problem):
            return try await statusPage(view, number: number, code: code, csrf: form["csrf"], problem: problem, objection: form, for: request)
        case let .success(receipt):
            var context = view.context()
            context["objectionNumber"] = receipt.number
            context["number"] = number
            context["filedOn"] = receipt.filedOn.longText(view.language)
            context["answerDue"] = receipt.answerDue.longText(view.language)
            context["provisional"] = receipt.answerDueIsProvisional
            var response = page("objection-receipt", context, for: request, status: .created)
            response.headers[.cacheControl] = "no-store"
            return response
        }
    }
}
