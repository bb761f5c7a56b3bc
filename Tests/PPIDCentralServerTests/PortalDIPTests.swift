import Foundation
import Testing
import PPIDCentral
@testable import PPIDCentralServer
import PPIDDomain
import PPIDWire

/// The DIP on the public portal: pages, search, exempt entries without their content, open data,
/// escaping and headers; on whichever engine the tests run (PPID_TEST_POSTGRES for PostgreSQL).
@Suite("Portal: the DIP published")
struct PortalDIPTests {
    static let secret = "Daftar rekening pribadi pegawai RAHASIA-123"

    static func entry(_ unit: String, _ number: String, _ title: String, _ category: DIPCategory = .periodic,
                      summary: String = "Ringkasan", location: String = "", exemption: Exemption? = nil) -> DIPEntry {
        DIPEntry(number: number, unit: unit, title: title, summary: summary, holder: "Biro \(unit)", category: category,
                 decreeNumber: "SK 1/2026", location: location, exemption: exemption)
    }

    static func exempt(_ unit: String, until: CivilDate?) -> DIPEntry {
        let letter: Pasal17Letter = until == nil ? .h : .c
        return entry(unit, "DIP-\(unit)-D-1", "Data gaji per orang", .exempt, summary: secret, location: "https://intranet/\(secret)",
                     exemption: Exemption(basis: .pasal17(letter), test: ConsequenceTest(harm: "Bahaya \(secret)", publicInterestWeighed: "Ditimbang",
                                                                                      withheldPart: "Seluruhnya", until: until)))
    }

    /// Pushes DIP events as the unit's officer's terminal would.
    static func push(_ fixture: Fixture, _ token: String, _ events: [WireEvent]) async throws {
        let answer = try await fixture.call(.POST, "/v1/events", token: token, body: try Events.push(events))
        #expect(answer.status == 200)
        let outcomes = try answer.decode(PushResponse.self).outcomes
        #expect(outcomes.allSatisfy { $0.status == .accepted }, "\(outcomes.compactMap(\.reasonEnglish))")
    }

    static func page(_ fixture: Fixture, _ path: String) async throws -> (status: Int, text: String) {
        let answer = try await fixture.call(.GET, path, token: nil)
        return (answer.status, String(decoding: answer.body, as: UTF8.self))
    }

    @Test("The list shows every unit's entries by category; an exempt entry shows its basis and end date, never its content")
    func listAndEntries() async throws {
        let fixture = try await Fixture.start()
        defer { Task { await fixture.stop() } }
        let profile = Self.entry("HUMAS", "DIP-HUMAS-B-1", "Profil organisasi", summary: "Struktur dan tugas", location: "https://ppid.contoh.go.id/profil")
        let retired = Self.entry("HUMAS", "DIP-HUMAS-B-2", "Agenda lama")
        let until = CivilDate(iso: "2029-12-31")!
        try await Self.push(fixture, fixture.humas, [
            Events.wire(.dip(profile.id, .added(profile)), unit: "HUMAS"),
            Events.wire(.dip(retired.id, .added(retired)), unit: "HUMAS"),
            Events.wire(.dip(retired.id, .retired(reason: "diganti")), unit: "HUMAS", day: "2026-03-04"),
        ])
        let open = Self.exempt("KEU", until: until), forever = Self.exempt("KEU", until: nil)
        var foreverEntry = forever
        foreverEntry.number = "DIP-KEU-D-2"
        try await Self.push(fixture, fixture.keu, [
            Events.wire(.dip(open.id, .added(open)), unit: "KEU"),
            Events.wire(.dip(foreverEntry.id, .added(foreverEntry)), unit: "KEU"),
        ])
        let list = try await Self.page(fixture, "/dip")
        #expect(list.status == 200)
        #expect(list.text.contains("Profil organisasi") && list.text.contains("Struktur dan tugas"))
        #expect(list.text.contains("<h2 id=\"unit-HUMAS\">Humas</h2>") && list.text.contains("<h2 id=\"unit-KEU\">Keuangan</h2>"))
        #expect(list.text.contains("<h3>Berkala</h3>") && list.text.contains("<h3>Dikecualikan</h3>"))
        #expect(!list.text.contains("Agenda lama"), "a retired entry is off the list")
        #expect(list.text.contains("Pasal 17 huruf c") && list.text.contains("sampai 31 Desember 2029"))
        #expect(list.text.contains("Pasal 17 huruf h") && list.text.contains("tanpa batas waktu"))
        #expect(list.text.contains("3 entri"))
        #expect(!list.text.contains("RAHASIA-123"))
        // An entry's own page.
        let profilePage = try await Self.page(fixture, "/dip/\(profile.id.uuidString.lowercased())")
        #expect(profilePage.status == 200)
        #expect(profilePage.text.contains("<h1>Profil organisasi</h1>"))
        #expect(profilePage.text.contains("<a href=\"https://ppid.contoh.go.id/profil\" rel=\"noopener noreferrer\">"))
        let exemptPage = try await Self.page(fixture, "/dip/\(open.id.uuidString)")
        #expect(exemptPage.status == 200)
        #expect(exemptPage.text.contains("Pasal 17 huruf c") && exemptPage.text.contains("31 Desember 2029"))
        #expect(exemptPage.text.contains("isinya tidak dibuka"))
        #expect(!exemptPage.text.contains("RAHASIA-123") && !exemptPage.text.contains("Bahaya") && !exemptPage.text.contains("intranet"))
        // Unknown and retired entries are not found, with a page that says what to do.
        for path in ["/dip/\(retired.id.uuidString)", "/dip/\(UUID().uuidString)", "/dip/not-an-id"] {
            let missing = try await Self.page(fixture, path)
            #expect(missing.status == 404)
            #expect(missing.text.contains("Halaman tidak ditemukan") && missing.text.contains("/dip"))
        }
        // The home page counts each category.
        let home = try await Self.page(fixture, "/")
        #expect(home.status == 200 && home.text.contains("Berkala</a>: 1") && home.text.contains("Dikecualikan</a>: 2"))
    }

    @Test("Search ignores case and accents; unit and category filter; long lists have pages; English on ?lang=en")
    func searchFiltersPagesAndLanguage() async throws {
        let fixture = try await Fixture.start()
        defer { Task { await fixture.stop() } }
        var events = (1...130).map { index in
            let entry = Self.entry("HUMAS", "DIP-HUMAS-B-\(index)", "Siaran pers nomor \(index)")
            return Events.wire(.dip(entry.id, .added(entry)), unit: "HUMAS")
        }
        let accented = Self.entry("HUMAS", "DIP-HUMAS-T-1", "Régulasi pengadaan", .onRequest)
        events.append(Events.wire(.dip(accented.id, .added(accented)), unit: "HUMAS"))
        try await Self.push(fixture, fixture.humas, events)
        let keu = Self.entry("KEU", "DIP-KEU-B-1", "Regulasi keuangan daerah")
        try await Self.push(fixture, fixture.keu, [Events.wire(.dip(keu.id, .added(keu)), unit: "KEU")])

        let search = try await Self.page(fixture, "/dip?q=REGULASI")
        #expect(search.text.contains("Régulasi pengadaan") && search.text.contains("Regulasi keuangan daerah"))
        #expect(search.text.contains("2 entri untuk “REGULASI”"))
        #expect(!search.text.contains("Siaran pers"))
        let unit = try await Self.page(fixture, "/dip?q=regulasi&unit=KEU")
        #expect(unit.text.contains("Regulasi keuangan daerah") && !unit.text.contains("Régulasi pengadaan"))
        #expect(unit.text.contains("<option value=\"KEU\" selected>"))
        let category = try await Self.page(fixture, "/dip?kategori=setiap-saat")
        #expect(category.text.contains("1 entri") && category.text.contains("Régulasi pengadaan"))
        // 132 entries: two pages of 100, links keep the filter.
        let first = try await Self.page(fixture, "/dip?unit=HUMAS")
        #expect(first.text.contains("Halaman 1 dari 2") && first.text.contains("href=\"/dip?unit=HUMAS&amp;page=2\""))
        #expect(!first.text.contains("rel=\"prev\""))
        #expect(first.text.components(separatedBy: "<tr>\n<td>").count - 1 == 100)
        let second = try await Self.page(fixture, "/dip?unit=HUMAS&page=2")
        #expect(!second.text.contains("rel=\"next\"") && second.text.contains("href=\"/dip?unit=HUMAS\" rel=\"prev\""))
        #expect(second.text.contains("Halaman 2 dari 2") && second.text.components(separatedBy: "<tr>\n<td>").count - 1 == 31)
        let beyond = try await Self.page(fixture, "/dip?unit=HUMAS&page=99")
        #expect(beyond.status == 200 && beyond.text.contains("Halaman 2 dari 2"))
        // English, kept in links and in the search form.
        let english = try await Self.page(fixture, "/dip?kategori=setiap-saat&lang=en")
        #expect(english.text.contains("<html lang=\"en\">") && english.text.contains("Public Information List"))
        #expect(english.text.contains("Available on request") && english.text.contains("1 entry"))
        #expect(english.text.contains("<input type=\"hidden\" name=\"lang\" value=\"en\">"))
        #expect(english.text.contains("?lang=en\">Régulasi pengadaan</a>"))
    }

    @Test("Every value is escaped; pages carry security headers; open data is CSV and JSON with the same entries, formulas neutralised")
    func escapingHeadersOpenData() async throws {
        let fixture = try await Fixture.start()
        defer { Task { await fixture.stop() } }
        let hostile = Self.entry("HUMAS", "DIP-HUMAS-B-1", "<script>alert('x')</script> & \"kutip\"", summary: "=HYPERLINK(\"http://evil\")",
                                 location: "javascript:alert(1)")
        let exempt = Self.exempt("KEU", until: CivilDate(iso: "2030-01-01")!)
        try await Self.push(fixture, fixture.humas, [Events.wire(.dip(hostile.id, .added(hostile)), unit: "HUMAS")])
        try await Self.push(fixture, fixture.keu, [Events.wire(.dip(exempt.id, .added(exempt)), unit: "KEU")])
        let list = try await fixture.call(.GET, "/dip?q=%3Cscript%3E", token: nil)
        let text = String(decoding: list.body, as: UTF8.self)
        #expect(!text.contains("<script>"))
        #expect(text.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;kutip&quot;"))
        #expect(text.contains("value=\"&lt;script&gt;\""), "the query is escaped back into the form")
        #expect(list.headers.first(name: "Content-Security-Policy")?.contains("default-src 'none'") == true)
        #expect(list.headers.first(name: "X-Content-Type-Options") == "nosniff")
        #expect(list.headers.first(name: "X-Frame-Options") == "DENY")
        #expect(list.headers.first(name: "Referrer-Policy") == "no-referrer")
        #expect(list.headers.first(name: "Content-Type") == "text/html; charset=utf-8")
        let entry = try await Self.page(fixture, "/dip/\(hostile.id.uuidString)")
        #expect(!entry.text.contains("href=\"javascript:"), "only http(s) locations become links")
        #expect(entry.text.contains("<dd>javascript:alert(1)</dd>"))

        let csv = try await fixture.call(.GET, "/dip.csv", token: nil)
        #expect(csv.status == 200 && csv.headers.first(name: "Content-Type") == "text/csv; charset=utf-8")
        #expect(csv.headers.first(name: "Content-Disposition") == "attachment; filename=\"dip.csv\"")
        let lines = String(decoding: csv.body, as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("id,nomor,unit,nama_unit,judul,ringkasan"))
        #expect(lines[1].contains("\"'=HYPERLINK(\"\"http://evil\"\")\""))
        #expect(lines[2].contains(",ya,Pasal 17 huruf c") && lines[2].contains("2030-01-01"))
        #expect(!lines.joined().contains("RAHASIA-123"))

        let json = try await fixture.call(.GET, "/dip.json?unit=KEU", token: nil)
        #expect(json.headers.first(name: "Access-Control-Allow-Origin") == "*")
        let document = try #require(try json.json() as? [String: Any])
        let entries = try #require(document["entries"] as? [[String: Any]])
        #expect(entries.count == 1)
        #expect(entries.first?["isExempt"] as? Bool == true && entries.first?["summary"] as? String == "")
        #expect(entries.first?["exemptUntil"] as? String == "2030-01-01")
        #expect(!String(decoding: json.body, as: UTF8.self).contains("RAHASIA-123"))
        let decoded = try WireCoding.decoder().decode([String: [PublicDIPEntry]].self,
                                                      from: JSONSerialization.data(withJSONObject: ["entries": entries]))
        #expect(decoded["entries"]?.first?.id == exempt.id)
    }

    @Test("Changes reach the portal on the next page: an entry added, revised and retired after the first read")
    func followsTheLedger() async throws {
        let fixture = try await Fixture.start()
        defer { Task { await fixture.stop() } }
        #expect(try await Self.page(fixture, "/dip").text.contains("0 entri"))
        var entry = Self.entry("HUMAS", "DIP-HUMAS-B-1", "Judul pertama")
        try await Self.push(fixture, fixture.humas, [Events.wire(.dip(entry.id, .added(entry)), unit: "HUMAS")])
        #expect(try await Self.page(fixture, "/dip").text.contains("Judul pertama"))
        entry.title = "Judul kedua"
        try await Self.push(fixture, fixture.humas, [Events.wire(.dip(entry.id, .revised(entry)), unit: "HUMAS", day: "2026-03-04")])
        let revised = try await Self.page(fixture, "/dip")
        #expect(revised.text.contains("Judul kedua") && !revised.text.contains("Judul pertama"))
        // Other work in the ledger (a request) does not disturb it.
        let request = UUID()
        try await Self.push(fixture, fixture.humas, [Events.wire(.request(request, .registered(Events.registration(unit: "HUMAS", id: request))), unit: "HUMAS")])
        try await Self.push(fixture, fixture.humas, [Events.wire(.dip(entry.id, .retired(reason: "usang")), unit: "HUMAS", day: "2026-03-05")])
        #expect(try await Self.page(fixture, "/dip").text.contains("0 entri"))
        #expect(try fixture.store.publicDIP().entries.isEmpty)
    }

    @Test("A DIP entry's public files are listed and downloaded by anyone; an exempt entry's never")
    func entryFiles() async throws {
        let fixture = try await Fixture.start()
        defer { Task { await fixture.stop() } }
        let open = Self.entry("HUMAS", "DIP-HUMAS-B-1", "Laporan tahunan")
        try await Self.push(fixture, fixture.humas, [Events.wire(.dip(open.id, .added(open)), unit: "HUMAS")])
        let exempt = Self.exempt("KEU", until: nil)
        try await Self.push(fixture, fixture.keu, [Events.wire(.dip(exempt.id, .added(exempt)), unit: "KEU")])
        let report = Data("%PDF-1.5\nlaporan tahunan\n".utf8)
        let secret = Data("%PDF-1.5\nRAHASIA-123\n".utf8)
        _ = try fixture.store.attach(report, name: "Laporan tahunan 2025.pdf", role: .dip, to: open.id, by: "rina")
        _ = try fixture.store.attach(secret, name: "gaji.pdf", role: .dip, to: exempt.id, by: "dewi")
        let page = try await Self.page(fixture, "/dip/\(open.id.uuidString)")
        let href = "/dip/\(open.id.uuidString.lowercased())/berkas/\(CentralStore.sha256(report))"
        #expect(page.text.contains("<a href=\"\(href)\" download>Laporan tahunan 2025.pdf</a> (PDF, 1 KB)"))
        let download = try await fixture.call(.GET, href, token: nil)
        #expect(download.status == 200 && download.body == report && download.headers.first(name: "Content-Type") == "application/pdf")
        let exemptPage = try await Self.page(fixture, "/dip/\(exempt.id.uuidString)")
        #expect(!exemptPage.text.contains("gaji.pdf"))
        let hidden = try await fixture.call(.GET, "/dip/\(exempt.id.uuidString)/berkas/\(CentralStore.sha256(secret))", token: nil)
        #expect(hidden.status == 404 && !String(decoding: hidden.body, as: UTF8.self).contains("RAHASIA"))
        #expect(try await fixture.call(.GET, "/dip/\(open.id.uuidString)/berkas/\(CentralStore.sha256(secret))", token: nil).status == 404)
    }

    @Test("The demo publishes each unit's list: every category, exempt entries with their basis, the retired ones off it")
    func demoList() throws {
        let store = try CentralStore(path: try TestRegister.fresh())
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ppid-portal-demo-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try CentralDemo.install(into: store, tokenFolder: folder)
        let dip = try store.publicDIP()
        #expect(dip.entries.count == 8)
        #expect(Set(dip.entries.map(\.unit)) == ["HUMAS", "KEU"])
        #expect(Set(dip.entries.map(\.category)) == Set(DIPCategory.allCases))
        #expect(dip.entries.filter(\.isExempt).allSatisfy { $0.summary.isEmpty && $0.exemptionBasis?.hasPrefix("Pasal 17") == true })
        #expect(!dip.entries.contains { $0.title == "Agenda kegiatan 2024" })
    }

    @Test("A body's own templates replace the built-in ones; a template with a mistake is refused at start, naming its file")
    func ownTemplates() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ppid-portal-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "{{<layout}}{{$title}}Milik kami{{/title}}{{$main}}<h1 class=\"kami\">{{title}}</h1>{{/main}}{{/layout}}"
            .write(toFile: folder + "/dip-entry.mustache", atomically: true, encoding: .utf8)
        try "body { color: #123456; }".write(toFile: folder + "/portal.css", atomically: true, encoding: .utf8)
        let configuration = try PortalConfiguration.load(templates: folder)
        let entry = Self.entry("HUMAS", "DIP-HUMAS-B-1", "Judul <b>")
        let store = try CentralStore(path: try TestRegister.fresh())
        try store.addUnit(code: "HUMAS", name: "Humas")
        _ = try store.push(PushRequest(events: [Events.wire(.dip(entry.id, .added(entry)), unit: "HUMAS")]),
                           as: Principal(officer: "rina", unit: "HUMAS", isMain: false))
        let templates = configuration.templates
        let html = try #require(templates.render("dip-entry", ["title": "Judul <b>", "t": PortalText.words(.indonesian)]))
        #expect(html.contains("<h1 class=\"kami\">Judul &lt;b&gt;</h1>") && html.contains("<title>Milik kami · Portal PPID</title>"))
        #expect(templates.css.contains("#123456"))
        // The list keeps the built-in template.
        #expect(templates.render("dip-list", ["t": PortalText.words(.indonesian)])?.contains("role=\"search\"") == true)

        try "{{#broken}} never closed".write(toFile: folder + "/home.mustache", atomically: true, encoding: .utf8)
        #expect {
            _ = try PortalConfiguration.load(templates: folder)
        } throws: { error in
            "\(error)".contains("home.mustache") && "\(error)".contains("Fix the file")
        }
        #expect(throws: (any Error).self) { _ = try PortalConfiguration.load(templates: folder + "/missing") }
    }
}
