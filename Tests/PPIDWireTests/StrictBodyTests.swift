import Foundation
import Testing
@testable import PPIDDomain
@testable import PPIDStore
@testable import PPIDWire

/// A strict body is checked on the tape it is decoded from: it must refuse exactly what the
/// dictionary walk (`JSONSerialization`) refuses, naming the same member.
@Suite("Strict bodies and raw pushes")
struct StrictBodyTests {
    static let shape: MemberShape = .object([
        "events": .array(.object(["envelope": .any, "unit": .any, "sequence": .nullable(.any)])),
        "note": .nullable(.byKind(["a": .object(["kind": .any, "x": .any]), "b": .object(["kind": .any, "y": .array(.object(["z": .any]))])])),
    ])

    static func bothWalks(_ text: String) throws -> (tape: String?, dictionary: String?) {
        let data = Data(text.utf8)
        let tape = try JSONTape(bytes: [UInt8](data))
        let object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        return (tape.firstUnknown(shape, at: 0, path: ""), shape.firstUnknown(in: object, path: ""))
    }

    @Test("The tape walk names the same first unknown member as the dictionary walk", arguments: [
        (#"{"events":[]}"#, nil),
        (#"{"events":[{"unit":"A","envelope":{"anything":1},"sequence":null}]}"#, nil),
        (#"{"events":[{"unit":"A","envelope":{}},{"unit":"B","envelope":{},"extra":1}]}"#, "events[1].extra"),
        (#"{"zeta":1,"events":[],"alpha":2}"#, "alpha"),
        (#"{"events":[{"unit":"A","envelope":{},"zz":1,"aa":2}]}"#, "events[0].aa"),
        (#"{"events":[],"note":null}"#, nil),
        (#"{"events":[],"note":{"kind":"a","x":1}}"#, nil),
        (#"{"events":[],"note":{"kind":"a","y":1}}"#, "note.y"),
        (#"{"events":[],"note":{"kind":"b","y":[{"z":1},{"z":2,"w\u0041":3}]}}"#, "note.y[1].wA"),
        (#"{"events":[],"note":{"kind":"c","q":1}}"#, nil),
        (#"[1,2,3]"#, nil),
    ] as [(String, String?)])
    func sameAnswer(text: String, expected: String?) throws {
        let (tape, dictionary) = try Self.bothWalks(text)
        #expect(tape == expected)
        #expect(dictionary == expected)
        // The quick walk passes exactly the bodies with nothing to report, so those never pay
        // for the naming walk.
        #expect(try JSONTape(bytes: Array(text.utf8)).isClean(Self.shape, at: 0) == (expected == nil))
    }

    @Test("A strict decode refuses an unknown member and reads a known body as the plain decoder does")
    func strictDecode() throws {
        let envelopes = try WireDecodingTests.demoEnvelopes().prefix(50)
        let request = PushRequest(events: envelopes.map { WireEvent(envelope: $0, unit: "HUMAS", sequence: nil) })
        let data = try WireCoding.encoder().encode(request)
        guard case let .value(decoded) = try WireDecoding.decode(PushRequest.self, from: data, allowing: Self.shape) else {
            Issue.record("a known body was refused")
            return
        }
        #expect(decoded == request)
        var text = String(decoding: data, as: UTF8.self)
        text.removeLast()
        text += #","surplus":true}"#
        guard case let .unknownMember(member) = try WireDecoding.decode(PushRequest.self, from: Data(text.utf8), allowing: Self.shape) else {
            Issue.record("an unknown member passed")
            return
        }
        #expect(member == "surplus")
        #expect(throws: (any Error).self) { try WireDecoding.decode(PushRequest.self, from: Data("{\"events\": [".utf8), allowing: Self.shape) }
    }

    @Test("A push body written around stored envelopes decodes to the push of those envelopes")
    func rawPushBody() throws {
        let envelopes = try WireDecodingTests.demoEnvelopes() + WireDecodingTests.unusualEnvelopes()
        let stored = try envelopes.map { try EventCoding.encoder().encode($0) }
        let unit = "UNIT \"Ä\" \\ 1"
        let body = PushRequest.body(envelopes: stored, unit: unit)
        let decoded = try WireCoding.decoder().decode(PushRequest.self, from: body)
        #expect(decoded == PushRequest(events: envelopes.map { WireEvent(envelope: $0, unit: unit, sequence: nil) }))
        #expect(try WireCoding.decoder().decode(PushRequest.self, from: PushRequest.body(envelopes: [], unit: "X")).events.isEmpty)
    }

    @Test("A member given twice is refused, whichever reader would have taken which")
    func duplicateMember() throws {
        let tape = try JSONTape(bytes: Array(#"{"events":[{"unit":"A","envelope":{},"unit":"B"}]}"#.utf8))
        #expect(tape.firstUnknown(Self.shape, at: 0, path: "") == "events[0].unit")
        // Keys are matched by their bytes; an escaped one by its unescaped text.
        let cases: [(bytes: [UInt8], clean: Bool)] = [
            (Array(#"{"events":[{"unit":"A","envelope":{},"\u0075nit":"B"}]}"#.utf8), false),
            (Array(#"{"events":[{"\u0075nit":"A","envelope":{}}]}"#.utf8), true),
            (Array(#"{"events":[{"uni":"A","envelope":{}}]}"#.utf8), false),
            (Array(#"{"events":[{"units":"A","envelope":{}}]}"#.utf8), false),
            (Array(#"{"events":[{"":"A","envelope":{}}]}"#.utf8), false),
            (Array(#"{"events":[{"un"#.utf8) + [0xFF] + Array(#"t":"A","envelope":{}}]}"#.utf8), false),
        ]
        for (bytes, clean) in cases {
            #expect(try JSONTape(bytes: bytes).isClean(Self.shape, at: 0) == clean, "\(String(decoding: bytes, as: UTF8.self))")
        }
    }

    @Test("Envelopes as sent, stamped with the token's officer, read as the pushed envelopes with that officer")
    func sentEnvelopesStamped() throws {
        let envelopes = try WireDecodingTests.demoEnvelopes().prefix(40) + WireDecodingTests.unusualEnvelopes()
        let stored = try envelopes.map { try EventCoding.encoder().encode($0) }
        // A claim written with an escape and spaces around it, as another encoder might.
        var odd = String(decoding: stored[0], as: UTF8.self)
        odd = odd.replacingOccurrences(of: "\"officer\":\"\(envelopes[0].meta.officer)\"", with: "\"officer\" :  \"cl\\u0061im\"  ")
        #expect(odd.contains("cl\\u0061im"))
        let body = PushRequest.body(envelopes: [Data(odd.utf8)] + stored.dropFirst(), unit: "HUMAS")
        let (decoded, sent) = try WireDecoding.pushRequest(from: body, allowing: Self.shape)
        guard case let .value(request) = decoded, let sent else {
            Issue.record("the body was not read with its envelopes")
            return
        }
        #expect(request.events[0].envelope.meta.officer == "claim")
        #expect(sent.count == envelopes.count)
        let officer = try WireCoding.encoder().encode("petugas \"token\"")
        for (index, envelope) in envelopes.enumerated() {
            let stamped = try WireCoding.decoder().decode(EventEnvelope.self, from: sent[index].stamped(officer: officer))
            let expected = EventEnvelope(meta: EventMeta(id: envelope.meta.id, officer: "petugas \"token\"", instant: envelope.meta.instant,
                                                         localDate: envelope.meta.localDate), event: envelope.event)
            #expect(stamped == expected)
        }
    }

    @Test("A body with ill-formed UTF-8 is refused, never stored as sent")
    func illFormedText() throws {
        let envelope = try WireDecodingTests.demoEnvelopes()[0]
        var text = [UInt8](try EventCoding.encoder().encode(envelope))
        let name = Array("\"\(envelope.meta.officer)\"".utf8)
        guard let at = (0...(text.count - name.count)).first(where: { Array(text[$0..<($0 + name.count)]) == name }) else {
            Issue.record("no officer in the envelope")
            return
        }
        text.insert(contentsOf: [0xC3, 0x28], at: at + 1)
        #expect(throws: (any Error).self) {
            try WireDecoding.pushRequest(from: PushRequest.body(envelopes: [Data(text)], unit: "HUMAS"), allowing: Self.shape)
        }
    }
}
