import Foundation
import Hummingbird
import PPIDCentral
import PPIDDomain
import PPIDWire

/// The request form and its receipt.
extension Portal {
    /// The largest request form accepted: the identity scan's 5 MB and the text fields.
    static let maximumRequestForm = FileRole.idScan.maximumBytes + (512 << 10)

    /// The text fields of the requester, in the form's order: name, label, and how the browser may help.
    static func requesterFields(_ language: Language) -> [(name: String, label: String, type: String, required: Bool, hint: String?,
                                                           autocomplete: String?, inputmode: String?, maximum: Int)] {
        let pick = language.pick
        return [
            ("name", pick("Nama lengkap (atau nama badan hukum)", "Full name (or the legal entity's name)"), "text", true, nil, "name", nil, 200),
            ("nik", pick("NIK (16 angka)", "NIK (16 digits)"), "text", false,
             pick("Wajib bagi perorangan dan kelompok.", "Required for a person and a group."), "off", "numeric", 16),
            ("entityDocument", pick("Akta atau dokumen badan hukum", "The legal entity's deed or registration"), "text", false,
             pick("Wajib bagi badan hukum: nomor dan tanggal akta pendirian, atau SK pengesahan.",
                  "Required for a legal entity: the number and date of its deed, or its registration decree."), "off", nil, 200),
            ("address", pick("Alamat", "Address"), "text", true, nil, "street-address", nil, 400),
            ("occupation", pick("Pekerjaan", "Occupation"), "text", false, nil, "organization-title", nil, 200),
            ("phone", pick("Nomor telepon", "Phone"), "tel", false, nil, "tel", "tel", 30),
            ("email", pick("Email", "Email"), "email", false,
             pick("Tanda terima, pemberitahuan tertulis dan jawaban dikirim ke sini.", "The receipt, the written notice and the answers are sent here."),
             "email", "email", 200),
        ]
    }

    func requestForm(_ request: Request) async throws -> Response {
        let view = PortalView(request)
        let units = try await publicUnits()
        return formPage("request-form", Self.requestFormContext(view: view, units: units, form: PortalForm(), problem: nil), for: request)
    }

    func submitRequest(_ request: Request, context requestContext: CentralRequestContext) async throws -> Response {
        let view = PortalView(request)
        let form: PortalForm
        switch await posted(request, requestContext, limit: Self.maximumRequestForm, back: "/permohonan",
                            unreadable: ("Isian tidak terbaca; kirim formulir dari halaman permohonan.", "The form could not be read; send it from the request page."),
                            tooLarge: ("Isian terlalu besar: pindaian identitas paling besar 5 MB.", "The form is too large: the identity scan may be at most 5 MB.")) {
        case let .form(read): form = read
        case let .refused(response): return response
        }
        var submission = RequestSubmission()
        submission.kind = form["kind"].isEmpty ? Requester.Kind.person.rawValue : form["kind"]
        submission.name = form["name"]
        submission.nik = form["nik"]
        submission.entityDocument = form["entityDocument"]
        submission.address = form["address"]
        submission.occupation = form["occupation"]
        submission.phone = form["phone"]
        submission.email = form["email"]
        submission.information = form["information"]
        submission.purpose = form["purpose"]
        submission.obtain = form["obtain"].isEmpty ? ObtainMethod.softCopy.rawValue : form["obtain"]
        submission.delivery = form["delivery"].isEmpty ? DeliveryMethod.email.rawValue : form["delivery"]
        let scan = form.files["idScan"].flatMap { $0.bytes.isEmpty ? nil : (bytes: $0.bytes, name: $0.name) }
        let store = self.store
        let unit = form["unit"]
        let submitted = submission
        let outcome = try await offload { () -> Result<PortalReceipt, PortalProblem> in
            do throws(PortalProblem) { return .success(try store.submitPortalRequest(submitted, unit: unit, idScan: scan)) } catch { return .failure(error) }
        }
        switch outcome {
        case let .failure(problem):
            let units = try await publicUnits()
            var context = Self.requestFormContext(view: view, units: units, form: form, problem: problem)
            context["csrf"] = form["csrf"]
            return page("request-form", context, for: request, status: .unprocessableContent)
        case let .success(receipt):
            var context = view.context()
            context["number"] = receipt.registrationNumber
            context["code"] = receipt.trackingCode
            context["unitName"] = receipt.unitName
            context["receivedOn"] = receipt.receivedOn.longText(view.language)
            context["noticeDue"] = receipt.noticeDue.longText(view.language)
            context["provisional"] = receipt.noticeDueIsProvisional
            // The same receipt waits in the mail outbox (with the tracking code), sent by the relay.
            context["email"] = !receipt.email.isEmpty
            var response = page("request-receipt", context, for: request, status: .created)
            // A receipt with a secret on it is not kept by a shared browser's cache.
            response.headers[.cacheControl] = "no-store"
            return response
        }
    }

    static func requestFormContext(view: PortalView, units: [WireUnit], form: PortalForm, problem: PortalProblem?) -> [String: Any] {
        let language = view.language
        var context = view.context()
        let kind = form["kind"].isEmpty ? Requester.Kind.person.rawValue : form["kind"]
        context["kinds"] = Requester.Kind.allCases.map { option in
            ["code": option.rawValue, "checked": option.rawValue == kind, "name": kindName(option, language)] as [String: Any]
        }
        let errorField = problem?.field
        context["textFields"] = requesterFields(language).map { field in
            var row: [String: Any] = ["name": field.name, "label": field.label, "type": field.type, "required": field.required,
                                      "value": form[field.name], "maximum": field.maximum, "multiline": false]
            var described: [String] = []
            if let hint = field.hint { row["hint"] = hint; described.append("\(field.name)-hint") }
            if let autocomplete = field.autocomplete { row["autocomplete"] = autocomplete }
            if let inputmode = field.inputmode { row["inputmode"] = inputmode }
            if errorField == field.name, let problem { row["error"] = problem.text(language); described.append("\(field.name)-error") }
            if !described.isEmpty { row["describedBy"] = described.joined(separator: " ") }
            return row
        }
        context["requestFields"] = [
            ("information", language.pick("Rincian informasi yang dibutuhkan", "The information you need, in detail")),
            ("purpose", language.pick("Tujuan penggunaan informasi", "What you will use it for")),
        ].map { name, label in
            var row: [String: Any] = ["name": name, "label": label, "value": form[name], "maximum": 4000]
            if errorField == name, let problem { row["error"] = problem.text(language) }
            return row
        }
        context["unitOptions"] = units.filter { !$0.isMain }.map { ["code": $0.code, "name": $0.name, "selected": $0.code == form["unit"]] as [String: Any] }
        let obtain = form["obtain"].isEmpty ? ObtainMethod.softCopy.rawValue : form["obtain"]
        context["obtainOptions"] = ObtainMethod.allCases.map { ["code": $0.rawValue, "name": $0.text(language), "selected": $0.rawValue == obtain] as [String: Any] }
        let delivery = form["delivery"].isEmpty ? DeliveryMethod.email.rawValue : form["delivery"]
        context["deliveryOptions"] = DeliveryMethod.allCases.map { ["code": $0.rawValue, "name": $0.text(language), "selected": $0.rawValue == delivery] as [String: Any] }
        if let problem {
            var summary: [String: Any] = ["message": problem.text(language)]
            if let field = problem.field, field != "received" { summary["field"] = field }
            context["problem"] = summary
            if problem.field == "unit" { context["unitError"] = problem.text(language) }
            if problem.field == "idScan" { context["idScanError"] = problem.text(language) }
        }
        return context
    }

    static func kindName(_ kind: Requester.Kind, _ language: Language) -> String {
        switch kind {
        case .person: language.pick("Perorangan", "A person")
        case .entity: language.pick("Badan hukum", "A legal entity")
        case .group: language.pick("Kelompok orang (diwakili)", "A group of persons (represented)")
        }
    }

    func publicUnits() async throws -> [WireUnit] {
        let store = self.store
        do { return try await offload { try store.units() } } catch let error as CentralError { throw APIFailure.from(error) }
    }

    /// A page with a form: the visitor's CSRF token in it, and in its cookie (a new one if it has none).
    func formPage(_ name: String, _ context: [String: Any], for request: Request) -> Response {
        let token = CSRF.token(of: request) ?? CSRF.newToken()
        var context = context
        context["csrf"] = token
        var response = page(name, context, for: request)
        response.headers[.setCookie] = CSRF.setCookie(token)
        return response
    }

    /// A form posted to the portal, or the page that refuses it.
    enum Posted {
        case form(PortalForm)
        case refused(Response)
    }

    /// Reads a posted form after the address's rate, then checks it is this site's own (CSRF).
    /// An unreadable body is 400 with `unreadable`; one over `limit` is 413 with `tooLarge`, or 400
    /// like an unreadable one when the form takes no file.
    func posted(_ request: Request, _ context: CentralRequestContext, limit: Int, back: String,
                unreadable: (String, String), tooLarge: (String, String)? = nil) async -> Posted {
        let view = PortalView(request)
        if let refusal = limited(request, context) { return .refused(refusal) }
        let form: PortalForm
        do { form = try await PortalForm.read(request, limit: limit) } catch {
            if error.tooLarge, let tooLarge {
                return .refused(problemPage(view, view.language.pick(tooLarge.0, tooLarge.1), back: back, status: .contentTooLarge, for: request))
            }
            return .refused(problemPage(view, view.language.pick(unreadable.0, unreadable.1), back: back, status: .badRequest, for: request))
        }
        guard CSRF.admits(request, form: form) else { return .refused(forgedForm(view, back: back, for: request)) }
        return .form(form)
    }

    /// Too many forms from one address: 429 with a page saying when to try again.
    func limited(_ request: Request, _ context: CentralRequestContext) -> Response? {
        guard let wait = limiter.take(context.peer) else { return nil }
        let view = PortalView(request)
        var response = problemPage(view, view.language.pick("Terlalu banyak kiriman dari alamat ini. Coba lagi dalam \(wait) detik.",
                                                            "Too many submissions from this address. Try again in \(wait) seconds."),
                                   back: request.uri.path, status: .tooManyRequests, for: request)
        response.headers[.retryAfter] = String(wait)
        return response
    }

    func forgedForm(_ view: PortalView, back: String, for request: Request) -> Response {
        problemPage(view, view.language.pick("Formulir ini kedaluwarsa atau tidak dikirim dari portal ini. Buka halamannya lagi lalu kirim ulang.",
                                             "This form has expired or was not sent from this portal. Open its page again and send it again."),
                    back: back, status: .forbidden, for: request)
    }

    func problemPage(_ view: PortalView, _ message: String, back: String, status: HTTPResponse.Status, for request: Request) -> Response {
        var context = view.context()
        context["message"] = message
        context["back"] = back + (view.language == .english ? "?lang=en" : "")
        return page("problem", context, for: request, status: status)
    }
}
