import Foundation
import Hummingbird
import PPIDCentral
import PPIDDomain
import PPIDWire

/// The public portal on `ppid-central`: pages for anyone, without a token, in Bahasa Indonesia
/// (`?lang=en` for English), usable without script and on a phone: the DIP of the whole body
/// (searchable, each entry's page, open data as CSV and JSON), the request form with its identity
/// scan and receipt, the status of a request by number and tracking code with its released
/// documents, and the objection filed from there.
struct Portal: Sendable {
    let store: CentralStore
    let templates: PortalTemplates
    /// Forms posted per address: ten at once, then ten a minute.
    let limiter: RateLimiter

    /// The paths the portal serves (all GET).
    static let paths = ["/", "/dip", "/dip/:id", "/dip/:id/berkas/:sha", "/dip.csv", "/dip.json", "/portal.css", "/permohonan", "/status", "/status/berkas", "/keberatan"]
    /// Entries per page of the list.
    static let pageSize = 100

    func register(on router: Router<CentralRequestContext>) {
        router.get("/") { request, _ in try await self.home(request) }
        router.get("/dip") { request, _ in try await self.list(request) }
        router.get("/dip/:id") { request, context in try await self.entry(request, id: context.parameters.get("id") ?? "") }
        router.get("/dip/:id/berkas/:sha") { request, context in
            try await self.entryFile(request, id: context.parameters.get("id") ?? "", sha: context.parameters.get("sha") ?? "")
        }
        router.get("/dip.csv") { request, _ in try await self.openData(request, format: .csv) }
        router.get("/dip.json") { request, _ in try await self.openData(request, format: .json) }
        router.get("/permohonan") { request, _ in try await self.requestForm(request) }
        router.post("/permohonan") { request, context in try await self.submitRequest(request, context: context) }
        router.get("/status") { request, _ in try await self.statusForm(request) }
        router.post("/status") { request, context in try await self.status(request, context: context) }
        router.post("/status/berkas") { request, context in try await self.download(request, context: context) }
        router.post("/keberatan") { request, context in try await self.object(request, context: context) }
        router.get("/portal.css") { request, _ in
            PortalResponse.data(Array(self.templates.css.utf8), contentType: "text/css; charset=utf-8", for: request)
        }
    }

    // MARK: Pages

    func home(_ request: Request) async throws -> Response {
        let view = PortalView(request)
        let dip = try await publicDIP()
        var context = view.context()
        context["categories"] = DIPCategory.allCases.map { category in
            ["code": category.rawValue, "name": category.text(view.language),
             "count": dip.entries.filter { $0.category == category }.count] as [String: Any]
        }
        return page("home", context, for: request)
    }

    func list(_ request: Request) async throws -> Response {
        let view = PortalView(request)
        let dip = try await publicDIP()
        let filter = DIPFilter(request, units: dip.units)
        let matching = dip.entries.filter(filter.admits)
        let pages = max(1, (matching.count + Self.pageSize - 1) / Self.pageSize)
        let current = min(filter.page, pages)
        let shown = matching.dropFirst((current - 1) * Self.pageSize).prefix(Self.pageSize)
        var context = view.context()
        context["q"] = filter.query
        context["english"] = view.language == .english
        context["filterQuery"] = filter.queryString(language: view.language, page: nil)
        context["unitOptions"] = dip.units.filter { unit in dip.entries.contains { $0.unit == unit.code } }.map { unit in
            ["code": unit.code, "name": unit.name, "selected": unit.code == filter.unit] as [String: Any]
        }
        context["categoryOptions"] = DIPCategory.allCases.map { category in
            ["code": category.rawValue, "name": category.text(view.language), "selected": category == filter.category] as [String: Any]
        }
        let count = matching.count
        let found = view.language.pick("\(count) entri", count == 1 ? "1 entry" : "\(count) entries")
        context["found"] = filter.query.isEmpty ? found : found + view.language.pick(" untuk “\(filter.query)”", " for “\(filter.query)”")
        context["units"] = Self.grouped(Array(shown), dip: dip, view: view)
        if pages > 1 {
            // Only the links that exist: an empty value would still open a Mustache section.
            var navigation: [String: Any] = ["pageText": view.language.pick("Halaman \(current) dari \(pages)", "Page \(current) of \(pages)")]
            if current > 1 { navigation["previous"] = "/dip" + filter.queryString(language: view.language, page: current - 1) }
            if current < pages { navigation["next"] = "/dip" + filter.queryString(language: view.language, page: current + 1) }
            context["pages"] = navigation
        }
        return page("dip-list", context, for: request)
    }

    func entry(_ request: Request, id: String) async throws -> Response {
        let view = PortalView(request)
        let dip = try await publicDIP()
        guard let uuid = UUID(uuidString: id), let entry = dip.entries.first(where: { $0.id == uuid }) else {
            return page("not-found", view.context(), for: request, status: .notFound)
        }
        var context = view.context()
        context["title"] = entry.title
        context["exempt"] = entry.isExempt
        context["fields"] = Self.fields(of: entry, unitName: dip.unitName(entry.unit), language: view.language)
        let files = try await publicFiles(of: entry)
        context["hasFiles"] = !files.isEmpty
        context["files"] = files.map { file in
            ["href": "/dip/\(entry.id.uuidString.lowercased())/berkas/\(file.sha256)", "name": file.name, "size": FileRules.sizeText(file.size),
             "type": file.mediaType.fileExtension.uppercased()] as [String: Any]
        }
        return page("dip-entry", context, for: request)
    }

    /// A DIP entry's public files: those attached as `dip`, never an exempt entry's.
    func publicFiles(of entry: PublicDIPEntry) async throws -> [StoredFile] {
        guard !entry.isExempt else { return [] }
        let store = self.store
        let id = entry.id
        do {
            return try await offload { try store.files(of: id) }.filter { $0.role == .dip }
        } catch let error as CentralError {
            throw APIFailure.from(error)
        }
    }

    /// One public file of a DIP entry, for anyone.
    func entryFile(_ request: Request, id: String, sha: String) async throws -> Response {
        let view = PortalView(request)
        let dip = try await publicDIP()
        let store = self.store
        guard let uuid = UUID(uuidString: id), let entry = dip.entries.first(where: { $0.id == uuid }), !entry.isExempt,
              let (file, bytes) = try await offload({ try store.fileContent(sha.lowercased(), of: uuid, role: .dip) }) else {
            return page("not-found", view.context(), for: request, status: .notFound)
        }
        return FileDownload.response(file, bytes: bytes, cacheControl: "public, max-age=3600", headers: PortalResponse.securityHeaders)
    }

    func openData(_ request: Request, format: OpenDataFormat) async throws -> Response {
        let dip = try await publicDIP()
        let filter = DIPFilter(request, units: dip.units)
        let entries = dip.entries.filter(filter.admits)
        switch format {
        case .csv:
            return PortalResponse.data(Array(try OpenData.csv(entries, dip: dip).utf8), contentType: "text/csv; charset=utf-8",
                                       filename: "dip.csv", for: request)
        case .json:
            return PortalResponse.data(try OpenData.json(entries, dip: dip), contentType: "application/json; charset=utf-8", for: request)
        }
    }

    enum OpenDataFormat { case csv, json }

    // MARK: Helpers

    func publicDIP() async throws -> PublicDIP {
        let store = self.store
        do {
            return try await offload { try store.publicDIP() }
        } catch let error as CentralError {
            throw APIFailure.from(error)
        }
    }

    func page(_ name: String, _ context: [String: Any], for request: Request, status: HTTPResponse.Status = .ok) -> Response {
        let html = templates.render(name, context) ?? "<!DOCTYPE html><title>PPID</title><p>Template \(name) missing.</p>"
        return PortalResponse.html(html, for: request, status: status)
    }

    /// Entries grouped by unit, then category, in the list's order.
    static func grouped(_ entries: [PublicDIPEntry], dip: PublicDIP, view: PortalView) -> [[String: Any]] {
        var units: [[String: Any]] = []
        var index = entries.startIndex
        while index < entries.endIndex {
            let unit = entries[index].unit
            var categories: [[String: Any]] = []
            while index < entries.endIndex, entries[index].unit == unit {
                let category = entries[index].category
                var rows: [[String: Any]] = []
                while index < entries.endIndex, entries[index].unit == unit, entries[index].category == category {
                    let entry = entries[index]
                    rows.append([
                        "id": entry.id.uuidString.lowercased(), "number": entry.number, "title": entry.title,
                        "summary": entry.summary.count > 160 ? String(entry.summary.prefix(157)) + "…" : entry.summary,
                        "exempt": entry.isExempt, "basis": (view.language == .english ? entry.exemptionBasisEnglish : entry.exemptionBasis) ?? "",
                        "period": entry.exemptUntil.map { view.language.pick("sampai \($0.longText(.indonesian))", "until \($0.longText(.english))") }
                            ?? view.language.pick("tanpa batas waktu", "no end date"),
                    ])
                    index += 1
                }
                categories.append(["name": category.text(view.language), "entries": rows])
            }
            units.append(["code": unit, "name": dip.unitName(unit), "categories": categories])
        }
        return units
    }

    /// An entry's fields as the page lists them; an exempt one shows its basis and period, not its content.
    static func fields(of entry: PublicDIPEntry, unitName: String, language: Language) -> [[String: Any]] {
        let pick = language.pick
        var fields: [(String, String)] = [
            (pick("Nomor", "Number"), entry.number),
            (pick("Unit kerja", "Work unit"), unitName),
            (pick("Kategori", "Category"), entry.category.text(language)),
        ]
        if entry.isExempt {
            fields.append((pick("Dasar pengecualian", "Basis of the exemption"),
                           (language == .english ? entry.exemptionBasisEnglish : entry.exemptionBasis) ?? ""))
            fields.append((pick("Dikecualikan sampai", "Exempt until"), entry.exemptUntil?.longText(language) ?? pick("tanpa batas waktu", "no end date")))
        } else {
            fields.append((pick("Ringkasan isi", "Summary"), entry.summary))
        }
        fields += [
            (pick("Pejabat/unit yang menguasai", "Held by"), entry.holder),
            (pick("Penanggung jawab pembuatan", "Responsible for producing it"), entry.responsible),
            (pick("Waktu dan tempat pembuatan", "Made when and where"), entry.madeWhenWhere),
            (pick("Bentuk informasi", "Form"), formText(entry.form, language)),
            (pick("Jangka waktu penyimpanan", "Retention"), entry.retention),
            (pick("Nomor SK penetapan", "Decree"), entry.decreeNumber),
            (pick("Diperbarui", "Updated"), entry.updatedOn.longText(language)),
        ]
        var rows = fields.filter { !$0.1.isEmpty }.map { ["label": $0.0, "value": $0.1] as [String: Any] }
        if !entry.location.isEmpty {
            // Only a web address becomes a link (never javascript: or the like). An empty value is
            // still "true" to a Mustache section, so a row without a link has no `link` at all.
            var row: [String: Any] = ["label": pick("Tempat memperolehnya", "Where to find it"), "value": entry.location]
            let lower = entry.location.lowercased()
            if lower.hasPrefix("https://") || lower.hasPrefix("http://") { row["link"] = entry.location }
            rows.append(row)
        }
        return rows
    }

    static func formText(_ form: DocumentForm, _ language: Language) -> String {
        switch form {
        case .soft: language.pick("Salinan elektronik", "Electronic copy")
        case .hard: language.pick("Salinan cetak", "Printed copy")
        case .both: language.pick("Elektronik dan cetak", "Electronic and printed")
        }
    }
}

/// The reader's language and what every page's layout needs.
struct PortalView {
    let language: Language

    init(_ request: Request) {
        language = request.uri.queryParameters.get("lang").flatMap { Language(code: $0) } ?? .indonesian
    }

    /// The layout's values: the words, the language switch, the query that keeps the language in links.
    func context() -> [String: Any] {
        let english = language == .english
        return [
            "lang": language.rawValue,
            "t": PortalText.words(language),
            "query": english ? "?lang=en" : "",
            "amp": english ? "&lang=en" : "",
            "otherLanguage": english ? ["code": "id", "name": "Bahasa Indonesia", "href": "?lang=id"]
                                     : ["code": "en", "name": "English", "href": "?lang=en"],
        ]
    }
}

/// What the reader asked the list for: words, a unit, a category, a page.
struct DIPFilter {
    let query: String
    let unit: String?
    let category: DIPCategory?
    let page: Int

    init(_ request: Request, units: [WireUnit]) {
        let parameters = request.uri.queryParameters
        query = String((parameters.get("q") ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(200))
        unit = parameters.get("unit").flatMap { code in units.contains { $0.code == code } ? code : nil }
        category = parameters.get("kategori").flatMap(DIPCategory.init(rawValue:))
        page = max(1, min(100_000, parameters.get("page").flatMap { Int($0) } ?? 1))
    }

    func admits(_ entry: PublicDIPEntry) -> Bool {
        (unit == nil || entry.unit == unit) && (category == nil || entry.category == category) && entry.matches(query)
    }

    /// `?q=…&unit=…` for links that keep this filter (and the language), at `page`.
    func queryString(language: Language, page: Int?) -> String {
        var items: [URLQueryItem] = []
        if !query.isEmpty { items.append(URLQueryItem(name: "q", value: query)) }
        if let unit { items.append(URLQueryItem(name: "unit", value: unit)) }
        if let category { items.append(URLQueryItem(name: "kategori", value: category.rawValue)) }
        if let page, page > 1 { items.append(URLQueryItem(name: "page", value: String(page))) }
        if language == .english { items.append(URLQueryItem(name: "lang", value: "en")) }
        guard !items.isEmpty else { return "" }
        var components = URLComponents()
        components.queryItems = items
        return "?" + (components.percentEncodedQuery ?? "")
    }
}
