import AsyncHTTPClient
import Foundation
import NIOCore
import Testing
import PPIDCentral
@testable import PPIDCentralServer
import PPIDDomain
import PPIDWire

/// Files on cases through the API: attached and listed by the case's unit (or the PPID Utama),
/// checked by content and size, fetched one at a time, identity scans' viewings recorded.
@Suite("Files on cases")
struct FileAPITests {
    static func upload(_ fixture: Fixture, token: String, case id: UUID, role: String, name: String, bytes: Data) async throws -> (Int, Data) {
        var request = HTTPClientRequest(url: fixture.server.url.absoluteString + "/v1/files?case=\(id.uuidString)&role=\(role)&name=\(name)")
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: "Content-Type", value: "application/octet-stream")
        request.body = .bytes(ByteBuffer(bytes: bytes))
        let response = try await Fixture.plainClient.execute(request, timeout: .seconds(10))
        return (Int(response.status.code), Data(buffer: try await response.body.collect(upTo: 1 << 20)))
    }

    @Test("Attach, list and open by the unit and the Utama; another unit is refused; identity scans' viewings are recorded")
    func attachListOpen() async throws {
        let fixture = try await Fixture.start()
        defer { Task { await fixture.stop() } }
        let request = Events.registration(unit: "HUMAS")
        let pushed = try await fixture.call(.POST, "/v1/events", token: fixture.humas,
                                            body: try Events.push([Events.wire(.request(request.id, .registered(request)), unit: "HUMAS")]))
        #expect(pushed.status == 200)
        let released = Data("%PDF-1.7\nLaporan\n".utf8)
        let (status, body) = try await Self.upload(fixture, token: fixture.humas, case: request.id, role: "released", name: "lra.pdf", bytes: released)
        #expect(status == 201)
        let file = try WireCoding.decoder().decode(WireFile.self, from: body)
        #expect(file.sha256 == CentralStore.sha256(released) && file.mediaType == "application/pdf" && file.role == "released" && file.name == "lra.pdf")
        let scan = Data([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3])
        #expect(try await Self.upload(fixture, token: fixture.main, case: request.id, role: "id-scan", name: "ktp.jpg", bytes: scan).0 == 201)

        let list = try await fixture.call(.GET, "/v1/files?case=\(request.id.uuidString)", token: fixture.humas)
        #expect(try list.decode(FileList.self).files.map(\.role) == ["released", "id-scan"])
        // Another unit sees nothing of it.
        #expect(try await fixture.call(.GET, "/v1/files?case=\(request.id.uuidString)", token: fixture.keu).status == 403)
        #expect(try await Self.upload(fixture, token: fixture.keu, case: request.id, role: "released", name: "x.pdf", bytes: released).0 == 403)
        #expect(try await fixture.call(.GET, "/v1/file?case=\(request.id.uuidString)&sha256=\(file.sha256)", token: fixture.keu).status == 403)

        let opened = try await fixture.call(.GET, "/v1/file?case=\(request.id.uuidString)&sha256=\(file.sha256)", token: fixture.humas)
        #expect(opened.status == 200 && opened.body == released && opened.headers.first(name: "Content-Type") == "application/pdf")
        #expect(try fixture.store.fileViews(of: request.id).isEmpty, "a released document's opening is not an identity viewing")
        let scanned = try await fixture.call(.GET, "/v1/file?case=\(request.id.uuidString)&sha256=\(CentralStore.sha256(scan))", token: fixture.main)
        #expect(scanned.status == 200 && scanned.body == scan)
        let views = try fixture.store.fileViews(of: request.id)
        #expect(views.count == 1 && views.first?.officer == "ratna" && views.first?.unit == "UTAMA")
        // What `ppid-central views NUMBER` prints, found by the register number.
        #expect(try fixture.store.fileViews(number: request.registrationNumber)?.map(\.officer) == ["ratna"])
        #expect(try fixture.store.fileViews(number: "99999/NOPE/2026") == nil)
    }

    @Test("Wrong content, too large, unknown case or file, malformed parameters: each its own answer, nothing stored")
    func refusals() async throws {
        let fixture = try await Fixture.start()
        defer { Task { await fixture.stop() } }
        let request = Events.registration(unit: "HUMAS")
        _ = try await fixture.call(.POST, "/v1/events", token: fixture.humas,
                                   body: try Events.push([Events.wire(.request(request.id, .registered(request)), unit: "HUMAS")]))
        let html = try await Self.upload(fixture, token: fixture.humas, case: request.id, role: "released", name: "a.pdf", bytes: Data("<html>".utf8))
        #expect(html.0 == 422 && String(decoding: html.1, as: UTF8.self).contains("PDF, PNG"))
        #expect(try await Self.upload(fixture, token: fixture.humas, case: request.id, role: "released", name: "a.pdf", bytes: Data()).0 == 422)
        let big = Data("%PDF-".utf8) + Data(count: 6 << 20)
        #expect(try await Self.upload(fixture, token: fixture.humas, case: request.id, role: "id-scan", name: "a.pdf", bytes: big).0 == 413)
        #expect(try await Self.upload(fixture, token: fixture.humas, case: UUID(), role: "released", name: "a.pdf", bytes: Data("%PDF-".utf8)).0 == 404)
        #expect(try await Self.upload(fixture, token: fixture.humas, case: request.id, role: "secret", name: "a.pdf", bytes: Data("%PDF-".utf8)).0 == 400)
        #expect(try await fixture.call(.GET, "/v1/files?case=nope", token: fixture.humas).status == 400)
        #expect(try await fixture.call(.GET, "/v1/file?case=\(request.id.uuidString)&sha256=\(String(repeating: "a", count: 64))", token: fixture.humas).status == 404)
        #expect(try await fixture.call(.GET, "/v1/file?case=\(request.id.uuidString)&sha256=short", token: fixture.humas).status == 400)
        #expect(try await fixture.call(.GET, "/v1/files?case=\(request.id.uuidString)", token: nil).status == 401)
        #expect(try fixture.store.files(of: request.id).isEmpty)
        let wrongMethod = try await fixture.call(.PUT, "/v1/files", token: fixture.humas)
        #expect(wrongMethod.status == 405 && wrongMethod.headers.first(name: "Allow") == "GET, POST")
    }
}
