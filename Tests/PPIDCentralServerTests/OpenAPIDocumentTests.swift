import Foundation
import Testing
import PPIDCentral
import PPIDCentralServer
import PPIDDomain
import PPIDWire

/// Holds API/openapi.json to the implementation: the same endpoints, and real answers that match
/// the schemas it gives (required fields present, no field it does not describe).
@Suite("OpenAPI document")
struct OpenAPIDocumentTests {
    static func document() throws -> [String: Any] {
        let bytes = try #require(OpenAPIDocument.bytes, "the document ships with the server")
        return try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    @Test("The document lists exactly the endpoints the router serves")
    func endpointsMatch() throws {
        let paths = try #require(try Self.document()["paths"] as? [String: [String: Any]])
        var documented: Set<String> = []
        for (path, operations) in paths {
            for method in operations.keys { documented.insert("\(method.uppercased()) \(path)") }
        }
        let served = Set(Endpoint.allCases.map { "\($0.method.rawValue) \($0.path)" })
        #expect(documented == served)
        // Security in the document matches what the server asks for.
        for endpoint in Endpoint.allCases {
            let operation = try #require(paths[endpoint.path]?[endpoint.method.rawValue.lowercased()] as? [String: Any])
            let security = operation["security"] as? [[String: Any]] ?? []
            #expect(security.isEmpty == !endpoint.needsToken, "\(endpoint)")
        }
    }

    @Test("Every event kind, as the server sends it, matches the document's DomainEvent exactly (one alternative, no field undocumented)")
    func everyEventKindDocumented() throws {
        let document = try Self.document()
        let validator = SchemaValidator(document: document)
        let schema: [String: Any] = ["$ref": "#/components/schemas/DomainEvent"]
        let alternatives = try #require((validator.resolve(schema)["oneOf"] as? [[String: Any]]))
        let documented = Set(alternatives.compactMap { (($0["properties"] as? [String: Any])?["kind"] as? [String: Any])?["const"] as? String })
        #expect(documented == Set(DomainEvent.wireKinds), "the document lists exactly the kinds the server knows")
        for event in WireSamples.everyKind(caseID: UUID()) {
            let json = try JSONSerialization.jsonObject(with: WireCoding.encoder().encode(event))
            #expect(validator.check(json, against: schema, at: event.wireKind) == [], "\(event.wireKind)")
        }
        #expect(!validator.check(["kind": "request.closed", "caseId": UUID().uuidString, "payload": ["x": 1]], against: schema, at: "e").isEmpty,
                "an undocumented payload field is caught")
    }

    @Test("A push with a member the document does not list, anywhere in an event's payload, is refused whole with its path")
    func unknownPayloadMember() async throws {
        let fixture = try await Fixture.start()
        defer { Task { await fixture.stop() } }
        let id = UUID()
        let body = #"{"events":[{"unit":"HUMAS","envelope":{"meta":{"id":"\#(UUID().uuidString)","officer":"rina","instant":\#(Date().timeIntervalSince1970),"localDate":"2026-12-02"},"event":{"kind":"request.forwarded","caseId":"\#(id.uuidString)","payload":{"note":"x","to":{"kind":"unit","unit":"KEU","floor":3}}}}}]}"#
        let answer = try await fixture.call(.POST, "/v1/events", token: fixture.humas, body: Data(body.utf8))
        #expect(answer.status == 400)
        #expect(String(decoding: answer.body, as: UTF8.self).contains("events[0].envelope.event.payload.to.floor"))
    }

    @Test("A push with a member given twice is refused whole: readers differ on which one counts, and envelopes are stored as sent")
    func duplicateMember() async throws {
        let fixture = try await Fixture.start()
        defer { Task { await fixture.stop() } }
        let body = #"{"events":[{"unit":"HUMAS","envelope":{"meta":{"id":"\#(UUID().uuidString)","officer":"rina","officer":"utama","instant":\#(Date().timeIntervalSince1970),"localDate":"2026-12-02"},"event":{"kind":"request.processing-started","caseId":"\#(UUID().uuidString)","payload":{}}}}]}"#
        let before = try fixture.store.latestSequence()
        let answer = try await fixture.call(.POST, "/v1/events", token: fixture.humas, body: Data(body.utf8))
        #expect(answer.status == 400)
        #expect(String(decoding: answer.body, as: UTF8.self).contains("events[0].envelope.meta.officer"))
        #expect(try fixture.store.latestSequence() == before)
    }

    @Test("Real answers of every endpoint, errors included, match their documented schemas")
    func answersMatchSchemas() async throws {
        let document = try Self.document()
        let validator = SchemaValidator(document: document)
        let fixture = try await Fixture.start()
        defer { Task { await fixture.stop() } }
        try fixture.store.addCalendar(name: "daerah.txt", body: "# covers: 2026\n2026-06-01\tdaerah\tHari jadi\n")
        let h = Events.registration(unit: "HUMAS")
        let push = try Events.push([Events.wire(.request(h.id, .registered(h)), unit: "HUMAS"),
                                    Events.wire(.request(h.id, .decided(Decision(outcome: .notYetDocumented))), unit: "HUMAS")])
        let intake = try WireCoding.encoder().encode(IntakeRequest(
            unit: "HUMAS", receivedAt: nil, channel: .app, requester: Requester(name: "Budi", nik: "3171234567890003", address: "Bandung"), information: "Data", purpose: "Riset"))
        let cases: [(String, Fixture.Answer, String)] = [
            ("GET /v1/health", try await fixture.call(.GET, "/v1/health", token: nil), "200"),
            ("POST /v1/events", try await fixture.call(.POST, "/v1/events", token: fixture.humas, body: push), "200"),
            ("POST /v1/requests", try await fixture.call(.POST, "/v1/requests", token: fixture.main, body: intake), "201"),
            ("GET /v1/changes", try await fixture.call(.GET, "/v1/changes?after=0&limit=1", token: fixture.humas), "200"),
            ("GET /v1/changes", try await fixture.call(.GET, "/v1/changes?limit=0", token: fixture.humas), "400"),
            ("GET /v1/changes", try await fixture.call(.GET, "/v1/changes", token: nil), "401"),
            ("POST /v1/events", try await fixture.call(.POST, "/v1/events", token: fixture.humas, body: Data("[".utf8)), "400"),
            ("POST /v1/requests", try await fixture.call(.POST, "/v1/requests", token: fixture.humas, body: intake), "403"),
            ("GET /v1/openapi.json", try await fixture.call(.GET, "/v1/openapi.json", token: nil), "200"),
        ]
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        for (name, answer, status) in cases {
            #expect(String(answer.status) == status, "\(name)")
            let parts = name.split(separator: " ")
            let operation = try #require(paths[String(parts[1])]?[parts[0].lowercased()] as? [String: Any])
            let responses = try #require(operation["responses"] as? [String: Any])
            let response = try #require(responses[status] as? [String: Any], "\(name) documents \(status)")
            let schema = try #require(((response["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"])
            let problems = validator.check(try answer.json(), against: schema, at: name)
            #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        }
        // The page above carried the reference data and the event with its sequence: both were checked.
        let page = try cases[3].1.decode(ChangesPage.self)
        #expect(page.reference?.calendars.count == 1 && page.events.first?.sequence == 1)
    }

    @Test("The validator itself catches a missing field, an unknown field and a wrong type")
    func validatorCatches() throws {
        let validator = SchemaValidator(document: try Self.document())
        let schema: [String: Any] = ["$ref": "#/components/schemas/HealthResponse"]
        #expect(validator.check(["status": "ok", "apiVersion": 1, "sequence": 3], against: schema, at: "ok").isEmpty)
        #expect(!validator.check(["status": "ok", "apiVersion": 1], against: schema, at: "missing").isEmpty)
        #expect(!validator.check(["status": "ok", "apiVersion": 1, "sequence": 3, "extra": 1], against: schema, at: "extra").isEmpty)
        #expect(!validator.check(["status": "ok", "apiVersion": "1", "sequence": 3], against: schema, at: "type").isEmpty)
    }
}

/// The part of JSON Schema the document uses: $ref, type (one or a list with null), required,
/// properties, additionalProperties: false, items, enum, const, oneOf.
struct SchemaValidator {
    let document: [String: Any]

    func resolve(_ schema: Any) -> [String: Any] {
        guard let object = schema as? [String: Any] else { return [:] }
        guard let ref = object["$ref"] as? String else { return object }
        var node: Any = document
        for part in ref.dropFirst(2).split(separator: "/") { node = (node as? [String: Any])?[String(part)] ?? [:] }
        return resolve(node)
    }

    func check(_ value: Any, against schema: Any, at path: String) -> [String] {
        let schema = resolve(schema)
        var problems: [String] = []
        if let allowed = schema["enum"] as? [Any], !allowed.contains(where: { "\($0)" == "\(value)" }) {
            problems.append("\(path): \(value) is not one of \(allowed)")
        }
        if let constant = schema["const"], "\(constant)" != "\(value)" { problems.append("\(path): \(value) is not \(constant)") }
        if let alternatives = schema["oneOf"] as? [Any] {
            let matching = alternatives.filter { check(value, against: $0, at: path).isEmpty }.count
            if matching != 1 { problems.append("\(path): matches \(matching) of the oneOf alternatives, not exactly one") }
        }
        var type = schema["type"] as? String
        if let types = schema["type"] as? [String] {
            if value is NSNull { return types.contains("null") ? problems : problems + ["\(path): null is not allowed"] }
            type = types.first { $0 != "null" }
        }
        switch type {
        case "object":
            guard let object = value as? [String: Any] else { return ["\(path): expected an object"] }
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                problems.append("\(path): missing '\(key)'")
            }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (key, child) in object {
                if let property = properties[key] {
                    problems += check(child, against: property, at: "\(path).\(key)")
                } else if schema["additionalProperties"] as? Bool == false {
                    problems.append("\(path): '\(key)' is not in the document")
                }
            }
        case "array":
            guard let array = value as? [Any] else { return ["\(path): expected an array"] }
            for (index, item) in array.enumerated() { problems += check(item, against: schema["items"] ?? [:], at: "\(path)[\(index)]") }
        case "string":
            if !(value is String) { problems.append("\(path): expected a string") }
        case "integer":
            if value is String || (value as? NSNumber).map({ $0.doubleValue != $0.doubleValue.rounded() }) ?? true {
                problems.append("\(path): expected an integer")
            }
        case "number":
            if !(value is NSNumber) || value is String { problems.append("\(path): expected a number") }
        case "boolean":
            if !(value is Bool) { problems.append("\(path): expected a boolean") }
        case "null":
            if !(value is NSNull) { problems.append("\(path): expected null") }
        default: break
        }
        return problems
    }
}
