import Foundation
import NIOHTTP1
import Testing
import PPIDCentral
import PPIDCentralServer
import PPIDDomain
import PPIDWire

@Suite("HTTP API: tokens and unit isolation on every endpoint")
struct UnitIsolationTests {
    @Test("Without a valid token every data endpoint answers 401 with a message; health and the document need none")
    func tokensRequired() async throws {
        let fixture = try await Fixture.start()
        defer { Task { await fixture.stop() } }
        for endpoint in Endpoint.allCases {
            let body = endpoint.method == .post ? Data("{}".utf8) : nil
            let method: HTTPMethod = endpoint.method == .post ? .POST : .GET
            for token in [nil, "ppid_not-a-token"] {
                let answer = try await fixture.call(method, endpoint.path, token: token, body: body)
                if endpoint.needsToken {
                    #expect(answer.status == 401, "\(endpoint) with \(token ?? "no token")")
                    #expect(try answer.decode(WireError.self).message.contains("Token"))
                    #expect(answer.headers.first(name: "WWW-Authenticate")?.hasPrefix("Bearer") == true)
                } else {
                    #expect(answer.status == 200, "\(endpoint)")
                }
            }
        }
        // A revoked token stops at once.
        try fixture.store.revokeTokens(officer: "rina")
        #expect(try await fixture.call(.GET, "/v1/changes", token: fixture.humas).status == 401)
    }

    @Test("GET /v1/changes: a unit's token sees only its unit's events; the PPID Utama sees all")
    func changesIsolation() async throws {
        let fixture = try await Fixture.start()
        defer { Task { await fixture.stop() } }
        let h = Events.registration(unit: "HUMAS"), k = Events.registration(unit: "KEU")
        #expect(try await fixture.call(.POST, "/v1/events", token: fixture.humas,
                                       body: try Events.push([Events.wire(.request(h.id, .registered(h)), unit: "HUMAS")])).status == 200)
        #expect(try await fixture.call(.POST, "/v1/events", token: fixture.keu,
                                       body: try Events.push([Events.wire(.request(k.id, .registered(k)), unit: "KEU")])).status == 200)
        let humasPage = try await fixture.call(.GET, "/v1/changes?after=0", token: fixture.humas).decode(ChangesPage.self)
        #expect(humasPage.events.map(\.unit) == ["HUMAS"])
        #expect(humasPage.identity?.officer == "rina" && humasPage.identity?.unit == "HUMAS" && humasPage.identity?.isMain == false)
        let keuPage = try await fixture.call(.GET, "/v1/changes?after=0", token: fixture.keu).decode(ChangesPage.self)
        #expect(keuPage.events.map(\.unit) == ["KEU"])
        // Even a cursor pointing at the other unit's event reveals nothing of it.
        let skipped = try await fixture.call(.GET, "/v1/changes?after=1", token: fixture.humas).decode(ChangesPage.self)
        #expect(skipped.events.isEmpty && !skipped.hasMore)
        let mainPage = try await fixture.call(.GET, "/v1/changes?after=0", token: fixture.main).decode(ChangesPage.self)
        #expect(Set(mainPage.events.map(\.unit)) == ["HUMAS", "KEU"])
    }

    @Test("POST /v1/events: a unit's token cannot write another unit's case, nor claim another unit for a new one")
    func pushIsolation() async throws {
        let fixture = try await Fixture.start()
        defer { Task { await fixture.stop() } }
        let k = Events.registration(unit: "KEU")
        _ = try await fixture.call(.POST, "/v1/events", token: fixture.keu,
                                   body: try Events.push([Events.wire(.request(k.id, .registered(k)), unit: "KEU")]))
        // Into KEU's case, whatever unit the event claims.
        for claimed in ["HUMAS", "KEU"] {
            let answer = try await fixture.call(.POST, "/v1/events", token: fixture.humas,
                                                body: try Events.push([Events.wire(.request(k.id, .processingStarted), unit: claimed)]))
            let outcome = try answer.decode(PushResponse.self).outcomes[0]
            #expect(outcome.status == .rejected && outcome.reason?.contains("unit lain") == true, "claimed \(claimed)")
        }
        // A new case in KEU's name.
        let forged = Events.registration(unit: "KEU")
        let answer = try await fixture.call(.POST, "/v1/events", token: fixture.humas,
                                            body: try Events.push([Events.wire(.request(forged.id, .registered(forged)), unit: "KEU")]))
        #expect(try answer.decode(PushResponse.self).outcomes[0].status == .rejected)
        #expect(try fixture.store.caseRecord(forged.id) == nil)
        #expect(try fixture.store.eventIDs(unit: "HUMAS").isEmpty, "nothing was written for HUMAS either")
        // The PPID Utama may act on any unit's case.
        let byMain = try await fixture.call(.POST, "/v1/events", token: fixture.main,
                                            body: try Events.push([Events.wire(.request(k.id, .processingStarted), unit: "KEU")]))
        #expect(try byMain.decode(PushResponse.self).outcomes[0].status == .accepted)
        #expect(try fixture.store.eventIDs(unit: "KEU").count == 2)
    }

    @Test("POST /v1/requests: only the PPID Utama dispatches; the request reaches only its unit")
    func intakeIsolation() async throws {
        let fixture = try await Fixture.start()
        defer { Task { await fixture.stop() } }
        let intake = IntakeRequest(unit: "KEU", receivedAt: Events.formatter.date(from: "2026-03-02T02:00:00Z"), channel: .webPortal,
                                   requester: Requester(name: "Siti", nik: "3171234567890002", address: "Jakarta"), information: "APBD", purpose: "Riset")
        let body = try WireCoding.encoder().encode(intake)
        let refused = try await fixture.call(.POST, "/v1/requests", token: fixture.humas, body: body)
        #expect(try refused.status == 403 && refused.decode(WireError.self).error == "forbidden")
        let created = try await fixture.call(.POST, "/v1/requests", token: fixture.main, body: body)
        #expect(created.status == 201)
        let answer = try created.decode(IntakeResponse.self)
        #expect(answer.unit == "KEU" && answer.registrationNumber == "00001/PORTAL/KEU/2026")
        #expect(try await fixture.call(.GET, "/v1/changes", token: fixture.keu).decode(ChangesPage.self).events.count == 1)
        #expect(try await fixture.call(.GET, "/v1/changes", token: fixture.humas).decode(ChangesPage.self).events.isEmpty)
        let unknown = try await fixture.call(.POST, "/v1/requests", token: fixture.main,
                                             body: Data(String(decoding: body, as: UTF8.self).replacingOccurrences(of: "\"KEU\"", with: "\"XYZ\"").utf8))
        #expect(try unknown.status == 422 && unknown.decode(WireError.self).message.contains("XYZ"))
    }

    @Test("GET /v1/health tells nothing about any unit's cases")
    func healthIsBlind() async throws {
        let fixture = try await Fixture.start()
        defer { Task { await fixture.stop() } }
        let answer = try await fixture.call(.GET, "/v1/health", token: nil)
        let object = try #require(try answer.json() as? [String: Any])
        #expect(Set(object.keys) == ["status", "apiVersion", "sequence"])
    }

    @Test("Bad input gets 400 with a message; a replay changes nothing")
    func badInputAndReplay() async throws {
        let fixture = try await Fixture.start()
        defer { Task { await fixture.stop() } }
        let notJSON = try await fixture.call(.POST, "/v1/events", token: fixture.humas, body: Data("{\"events\": [".utf8))
        #expect(try notJSON.status == 400 && notJSON.decode(WireError.self).messageEnglish.contains("not valid JSON"))
        for query in ["limit=0", "limit=99999", "after=-1", "after=abc"] {
            #expect(try await fixture.call(.GET, "/v1/changes?\(query)", token: fixture.humas).status == 400, "\(query)")
        }
        let h = Events.registration(unit: "HUMAS")
        let push = try Events.push([Events.wire(.request(h.id, .registered(h)), unit: "HUMAS")])
        let first = try await fixture.call(.POST, "/v1/events", token: fixture.humas, body: push).decode(PushResponse.self)
        let again = try await fixture.call(.POST, "/v1/events", token: fixture.humas, body: push).decode(PushResponse.self)
        #expect(first.outcomes[0].sequence == again.outcomes[0].sequence && again.outcomes[0].status == .accepted)
        #expect(try fixture.store.latestSequence() == 1)
    }

    @Test("Pages are gzip-compressed when the client accepts it, and decompress to the same JSON")
    func gzip() async throws {
        let fixture = try await Fixture.start()
        defer { Task { await fixture.stop() } }
        var events: [WireEvent] = []
        for _ in 0..<20 {
            let h = Events.registration(unit: "HUMAS")
            events.append(Events.wire(.request(h.id, .registered(h)), unit: "HUMAS"))
        }
        _ = try await fixture.call(.POST, "/v1/events", token: fixture.humas, body: try Events.push(events))
        let plain = try await fixture.call(.GET, "/v1/changes?reference=999", token: fixture.humas)
        let compressed = try await fixture.call(.GET, "/v1/changes?reference=999", token: fixture.humas, gzip: true)
        #expect(plain.headers.first(name: "Content-Encoding") == nil)
        #expect(compressed.headers.first(name: "Content-Encoding") == "gzip")
        let wireSize = try #require(compressed.headers.first(name: "Content-Length").flatMap(Int.init))
        #expect(wireSize * 4 < plain.body.count, "gzip shrinks a page several times (\(wireSize) of \(plain.body.count))")
        #expect(compressed.body == plain.body, "the client library inflates it back to the same bytes")
        // Small, middling and large pages, each compressed with a window sized to it.
        for more in 0..<180 {
            let h = Events.registration(unit: "HUMAS")
            events.append(Events.wire(.request(h.id, .registered(h)), unit: "HUMAS"))
            if more % 60 == 59 {
                _ = try await fixture.call(.POST, "/v1/events", token: fixture.humas, body: try Events.push(Array(events.suffix(60))))
            }
        }
        for limit in [2, 5, 20, 200] {
            let plainPage = try await fixture.call(.GET, "/v1/changes?reference=999&limit=\(limit)", token: fixture.humas)
            let gzipPage = try await fixture.call(.GET, "/v1/changes?reference=999&limit=\(limit)", token: fixture.humas, gzip: true)
            #expect(gzipPage.headers.first(name: "Content-Encoding") == "gzip", "a page of \(limit) (\(plainPage.body.count) bytes)")
            #expect(gzipPage.body == plainPage.body, "a page of \(limit) (\(plainPage.body.count) bytes) inflates to the same bytes")
        }
    }
}
