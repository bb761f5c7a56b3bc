import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Testing
import PPIDCentral
@testable import PPIDCentralServer
import PPIDDomain
import PPIDWire

/// The public's side of a request on the portal, against a real server and database: the form with
/// its identity scan, the receipt, the status by number and tracking code, the notice and a released
/// document, an objection; and what keeps it safe (CSRF, limits, content-checked uploads).
@Suite("Portal: requests, status and objections")
struct PortalRequestTests {
    static let pdf = Data("%PDF-1.4\n% a scanned KTP\n".utf8)

    /// A browser of one visitor: keeps the CSRF cookie its first page set.
    final class Browser: @unchecked Sendable {
        let fixture: Fixture
        var cookie = ""
        var csrf = ""

        init(_ fixture: Fixture) { self.fixture = fixture }

        func get(_ path: String) async throws -> (status: Int, headers: HTTPHeaders, text: String) {
            var request = HTTPClientRequest(url: fixture.server.url.absoluteString + path)
            if !cookie.isEmpty { request.headers.add(name: "Cookie", value: cookie) }
            let response = try await Fixture.plainClient.execute(request, timeout: .seconds(10))
            let body = try await response.body.collect(upTo: 16 << 20)
            if let set = response.headers.first(name: "Set-Cookie") { cookie = String(set.split(separator: ";")[0]) }
            let text = String(buffer: body)
            if let range = text.range(of: #"name="csrf" value=""#) {
                csrf = String(text[range.upperBound...].prefix(64))
            }
            return (Int(response.status.code), response.headers, text)
        }

        func post(_ path: String, fields: [(String, String)], file: (name: String, filename: String, bytes: Data)? = nil,
                  origin: String? = nil) async throws -> (status: Int, headers: HTTPHeaders, body: Data) {
            var request = HTTPClientRequest(url: fixture.server.url.absoluteString + path)
            request.method = .POST
            if !cookie.isEmpty { request.headers.add(name: "Cookie", value: cookie) }
            if let origin { request.headers.add(name: "Origin", value: origin) }
            var body = Data()
            if let file {
                let boundary = "ppid-test-\(UUID().uuidString)"
                for (name, value) in fields {
                    body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
                }
                body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8))
                body.append(file.bytes)
                body.append(Data("\r\n--\(boundary)--\r\n".utf8))
                request.headers.add(name: "Content-Type", value: "multipart/form-data; boundary=\(boundary)")
            } else {
                var components = URLComponents()
                components.queryItems = fields.map { URLQueryItem(name: $0.0, value: $0.1) }
                body = Data((components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B").utf8)
                request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            }
            request.body = .bytes(ByteBuffer(bytes: body))
            let response = try await Fixture.plainClient.execute(request, timeout: .seconds(10))
            let answer = try await response.body.collect(upTo: 32 << 20)
            return (Int(response.status.code), response.headers, Data(buffer: answer))
        }
    }

    static func requestFields(_ csrf: String, unit: String = "HUMAS", nik: String = "3171234567890002") -> [(String, String)] {
        [("csrf", csrf), ("kind", "perorangan"), ("name", "Siti <b>Nasution</b>"), ("nik", nik), ("address", "Jl. Merdeka 1, Jakarta"),
         ("email", "siti@contoh.id"), ("unit", unit), ("information", "Laporan realisasi anggaran 2025"), ("purpose", "Penelitian"),
         ("obtain", "salinan-elektronik"), ("delivery", "email")]
    }

    static func text(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }

    static func value(_ id: String, in html: String) -> String? {
        guard let range = html.range(of: "id=\"\(id)\"") else { return nil }
        let rest = html[range.upperBound...]
        guard let start = rest.firstIndex(of: ">"), let end = rest[start...].firstIndex(of: "<") else { return nil }
        return String(rest[rest.index(after: start)..<end])
    }

    /// An event of the unit's terminal, now.
    static func now(_ event: DomainEvent) -> WireEvent {
        let instant = Date()
        return WireEvent(envelope: EventEnvelope(meta: EventMeta(id: TimeOrderedID.make(at: instant), officer: "rina", instant: instant,
                                                                 localDate: UnitZone.wib.civilDate(of: instant)), event: event),
                         unit: "HUMAS", sequence: nil)
    }

    @Test("A request with its identity scan gets a number and tracking code; the unit's terminals receive it; the status follows it")
    func requestReceiptAndStatus() async throws {
        let fixture = try await Fixture.start()
        defer { Task { await fixture.stop() } }
        let browser = Browser(fixture)
        let form = try await browser.get("/permohonan")
        #expect(form.status == 200 && form.text.contains("enctype=\"multipart/form-data\""))
        #expect(form.headers.first(name: "Set-Cookie")?.contains("HttpOnly; SameSite=Strict") == true)
        #expect(form.text.contains("<label for=\"nik\">") && form.text.contains("<input type=\"file\" id=\"idScan\""))
        #expect(form.text.contains("<option value=\"HUMAS\">Humas</option>") && !form.text.contains("<option value=\"UTAMA\""))

        let sent = try await browser.post("/permohonan", fields: Self.requestFields(browser.csrf), file: ("idScan", "ktp siti.pdf", Self.pdf))
        let receipt = Self.text(sent.body)
        #expect(sent.status == 201)
        #expect(sent.headers.first(name: "Cache-Control") == "no-store")
        let number = try #require(Self.value("registration-number", in: receipt))
        let code = try #require(Self.value("tracking-code", in: receipt))
        #expect(number.hasSuffix("/PORTAL/HUMAS/\(Calendar(identifier: .gregorian).component(.year, from: Date()))") || number.contains("/PORTAL/HUMAS/"))
        #expect(code.count == 39 && TrackingCode.normalized(code) != nil)

        // In the register, in the unit, with its scan stored by hash and seen by the unit's terminals.
        let records = try fixture.store.caseRecords(unit: "HUMAS")
        guard case let .request(request)? = records.values.first(where: {
            if case let .request(r) = $0 { return r.registration.registrationNumber == number } else { return false }
        }) else { Issue.record("the request is not in the register"); return }
        #expect(request.registration.channel == .webPortal)
        #expect(request.registration.requester.name == "Siti <b>Nasution</b>" && request.registration.requester.email == "siti@contoh.id")
        let files = try fixture.store.files(of: request.id)
        #expect(files.count == 1 && files.first?.role == .idScan && files.first?.sha256 == CentralStore.sha256(Self.pdf))
        #expect(files.first?.name == "ktp siti.pdf" && files.first?.mediaType == .pdf)
        let pulled = try await fixture.call(.GET, "/v1/changes?after=0", token: fixture.humas)
        let escaped = number.replacingOccurrences(of: "/", with: "\\/")
        #expect(Self.text(pulled.body).contains(escaped))
        let other = try await fixture.call(.GET, "/v1/changes?after=0", token: fixture.keu)
        #expect(!Self.text(other.body).contains(escaped))

        // The status, by number and code (the code as typed: lower case, no dashes).
        let typed = code.lowercased().replacingOccurrences(of: "-", with: "")
        let status = try await browser.post("/status", fields: [("csrf", browser.csrf), ("number", number), ("code", typed)])
        let page = Self.text(status.body)
        #expect(status.status == 200)
        #expect(Self.value("state", in: page) == "Terdaftar")
        #expect(page.contains("Batas pemberitahuan tertulis") && page.contains(request.noticeDue.longText(.indonesian)))
        #expect(!page.contains("Ajukan keberatan</h2>"), "no objection before the notice or its due date")
        // A wrong code and a wrong number get the same answer.
        for (givenNumber, givenCode) in [(number, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH"), ("00099/PORTAL/HUMAS/2026", code), (number, "short")] {
            let wrong = try await browser.post("/status", fields: [("csrf", browser.csrf), ("number", givenNumber), ("code", givenCode)])
            #expect(wrong.status == 404 && Self.text(wrong.body).contains("tidak cocok"))
        }
    }

    @Test("Refused values come back at their field with the values kept and escaped; the scan is checked by content and size")
    func refusals() async throws {
        let fixture = try await Fixture.start()
        defer { Task { await fixture.stop() } }
        let browser = Browser(fixture)
        _ = try await browser.get("/permohonan")
        let badNIK = try await browser.post("/permohonan", fields: Self.requestFields(browser.csrf, nik: "12345"), file: ("idScan", "ktp.pdf", Self.pdf))
        let text = Self.text(badNIK.body)
        #expect(badNIK.status == 422)
        #expect(text.contains("id=\"nik-error\"") && text.contains("<a href=\"#nik\">"))
        #expect(text.contains("value=\"Siti &lt;b&gt;Nasution&lt;/b&gt;\""), "the values come back, escaped")
        #expect(!text.contains("<b>Nasution</b>"))
        let noScan = try await browser.post("/permohonan", fields: Self.requestFields(browser.csrf), file: ("other", "x.txt", Data("x".utf8)))
        #expect(noScan.status == 422 && Self.text(noScan.body).contains("id=\"idScan-error\""))
        let renamed = try await browser.post("/permohonan", fields: Self.requestFields(browser.csrf),
                                             file: ("idScan", "ktp.pdf", Data("<html>not a pdf</html>".utf8)))
        #expect(renamed.status == 422 && Self.text(renamed.body).contains("dikenali dari isinya"))
        let huge = try await browser.post("/permohonan", fields: Self.requestFields(browser.csrf),
                                          file: ("idScan", "ktp.pdf", Self.pdf + Data(count: 6 << 20)))
        #expect(huge.status == 413)
        let unknownUnit = try await browser.post("/permohonan", fields: Self.requestFields(browser.csrf, unit: "NOPE"), file: ("idScan", "k.pdf", Self.pdf))
        #expect(unknownUnit.status == 422 && Self.text(unknownUnit.body).contains("id=\"unit-error\""))
        // "Not sure": the PPID Utama receives it, to forward.
        let unsure = try await browser.post("/permohonan", fields: Self.requestFields(browser.csrf, unit: ""), file: ("idScan", "k.png",
                                            Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0])))
        #expect(unsure.status == 201)
        #expect(Self.value("registration-number", in: Self.text(unsure.body))?.contains("/PORTAL/UTAMA/") == true)
        #expect(try fixture.store.caseRecords(unit: "HUMAS").isEmpty)
    }

    @Test("A form without the visitor's CSRF cookie, with another token, or from another origin is refused")
    func csrf() async throws {
        let fixture = try await Fixture.start()
        defer { Task { await fixture.stop() } }
        let browser = Browser(fixture)
        let stranger = Browser(fixture)
        _ = try await browser.get("/permohonan")
        // No cookie at all (another site's page posting here).
        let forged = try await stranger.post("/permohonan", fields: Self.requestFields(browser.csrf), file: ("idScan", "k.pdf", Self.pdf))
        #expect(forged.status == 403 && Self.text(forged.body).contains("kedaluwarsa"))
        let wrongToken = try await browser.post("/permohonan", fields: Self.requestFields(String(repeating: "0", count: 64)), file: ("idScan", "k.pdf", Self.pdf))
        #expect(wrongToken.status == 403)
        let otherOrigin = try await browser.post("/status", fields: [("csrf", browser.csrf), ("number", "1"), ("code", "x")],
                                                 origin: "https://evil.example")
        #expect(otherOrigin.status == 403)
        let sameOrigin = try await browser.post("/status", fields: [("csrf", browser.csrf), ("number", "1"), ("code", "x")],
                                                origin: fixture.server.url.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/")))
        #expect(sameOrigin.status == 404, "this server's own origin passes (and the number is unknown)")
        #expect(try fixture.store.caseRecords(unit: nil).isEmpty)
    }

    @Test("After the unit decides and delivers with a released file: the notice, the download, an objection and its receipt")
    func noticeDownloadObjection() async throws {
        let fixture = try await Fixture.start()
        defer { Task { await fixture.stop() } }
        let browser = Browser(fixture)
        _ = try await browser.get("/permohonan")
        let sent = try await browser.post("/permohonan", fields: Self.requestFields(browser.csrf), file: ("idScan", "ktp.pdf", Self.pdf))
        let number = try #require(Self.value("registration-number", in: Self.text(sent.body)))
        let code = try #require(Self.value("tracking-code", in: Self.text(sent.body)))
        guard case let .request(request)? = try fixture.store.caseRecords(unit: "HUMAS").values.first else { Issue.record("no request"); return }
        // The unit's terminal decides (in full, at a cost) and delivers; a released document is attached.
        let decided = try await fixture.call(.POST, "/v1/events", token: fixture.humas, body: try Events.push([
            Self.now(.request(request.id, .decided(Decision(outcome: .grantedInFull, form: .softCopy, costRupiah: 5000, note: "Salinan terlampir")))),
            Self.now(.request(request.id, .delivered(method: .email, note: ""))),
        ]))
        #expect(try decided.decode(PushResponse.self).outcomes.allSatisfy { $0.status == .accepted })
        let document = Data("%PDF-1.7\nLaporan realisasi anggaran\n".utf8)
        _ = try fixture.store.attach(document, name: "LRA 2025.pdf", role: .released, to: request.id, by: "rina")

        let status = try await browser.post("/status", fields: [("csrf", browser.csrf), ("number", number), ("code", code)])
        let page = Self.text(status.body)
        #expect(Self.value("state", in: page) == "Disampaikan")
        #expect(page.contains("Diberikan seluruhnya") && page.contains("Rp 5.000") && page.contains("Salinan terlampir"))
        #expect(page.contains("Unduh LRA 2025.pdf"))
        #expect(page.contains("Ajukan keberatan</h2>") && page.contains("name=\"ground-d\""))
        let sha = CentralStore.sha256(document)
        let download = try await browser.post("/status/berkas", fields: [("csrf", browser.csrf), ("number", number), ("code", code), ("file", sha)])
        #expect(download.status == 200 && download.body == document)
        #expect(download.headers.first(name: "Content-Type") == "application/pdf")
        #expect(download.headers.first(name: "Content-Disposition") == "attachment; filename=\"LRA 2025.pdf\"; filename*=UTF-8''LRA%202025.pdf")
        // Not the identity scan, whatever its hash: only released documents are downloaded here.
        let scan = try await browser.post("/status/berkas", fields: [("csrf", browser.csrf), ("number", number), ("code", code),
                                                                     ("file", CentralStore.sha256(Self.pdf))])
        #expect(scan.status == 404)

        // Ground a needs a refusal: refused at its field, the form kept.
        let refused = try await browser.post("/keberatan", fields: [("csrf", browser.csrf), ("number", number), ("code", code), ("ground-a", "yes"),
                                                                    ("filedBy", "Siti Nasution"), ("statement", "Tidak lengkap")])
        #expect(refused.status == 422 && Self.text(refused.body).contains("role=\"alert\""))
        #expect(Self.text(refused.body).contains("Tidak lengkap"))
        let support = Data("%PDF-1.4\nkuitansi\n".utf8)
        let filed = try await browser.post("/keberatan", fields: [("csrf", browser.csrf), ("number", number), ("code", code), ("ground-d", "yes"),
                                                                  ("ground-f", "yes"), ("filedBy", "Siti Nasution"), ("statement", "Biaya tidak wajar")],
                                           file: ("supporting", "kuitansi.pdf", support))
        #expect(filed.status == 201)
        // The supporting document is the objection's, for its unit to open.
        guard case let .objection(objection)? = try fixture.store.caseRecords(unit: "HUMAS").values.first(where: {
            if case .objection = $0 { return true } else { return false }
        }) else { Issue.record("no objection"); return }
        #expect(try fixture.store.files(of: objection.id).map(\.role) == [.supporting])
        #expect(try fixture.store.files(of: objection.id).first?.sha256 == CentralStore.sha256(support))
        let objectionNumber = try #require(Self.value("objection-number", in: Self.text(filed.body)))
        #expect(objectionNumber.contains("/KEBERATAN-PORTAL/HUMAS/"))
        // The unit receives it; the status lists it.
        let changes = Self.text(try await fixture.call(.GET, "/v1/changes?after=0", token: fixture.humas).body)
        #expect(changes.contains("objection.filed") && changes.contains(objectionNumber.replacingOccurrences(of: "/", with: "\\/")))
        let after = Self.text(try await browser.post("/status", fields: [("csrf", browser.csrf), ("number", number), ("code", code)]).body)
        #expect(after.contains(objectionNumber) && after.contains("tanggapan paling lambat"))
    }

    @Test("One address posting too fast is slowed with 429 and Retry-After; the DIP pages stay open")
    func rateLimit() async throws {
        var limits = ServerLimits()
        limits.portalBurst = 2
        limits.portalPerMinute = 1
        let fixture = try await Fixture.start(limits: limits)
        defer { Task { await fixture.stop() } }
        let browser = Browser(fixture)
        _ = try await browser.get("/status")
        var statuses: [Int] = []
        var retryAfter: String?
        for _ in 0..<3 {
            let answer = try await browser.post("/status", fields: [("csrf", browser.csrf), ("number", "1"), ("code", "x")])
            statuses.append(answer.status)
            retryAfter = answer.headers.first(name: "Retry-After") ?? retryAfter
        }
        #expect(statuses == [404, 404, 429])
        #expect(Int(retryAfter ?? "") ?? 0 > 0)
        #expect(try await browser.get("/dip").status == 200)
    }
}
