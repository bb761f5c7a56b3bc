import Foundation
import Testing
@testable import PPIDDomain
@testable import PPIDStore
@testable import PPIDWire

/// The envelope reader reads the common kinds without Codable; it must give exactly what Codable
/// gives, and leave to Codable (nil) whatever it does not read the same.
@Suite("Envelopes read without Codable")
struct EnvelopeReaderTests {
    /// The kinds and forms the reader reads itself.
    static func readByTheReader(_ envelope: EventEnvelope) -> Bool {
        switch envelope.event {
        case let .request(_, event):
            switch event {
            case .registered, .processingStarted, .extended, .delivered, .closed, .withdrawn, .forwarded, .documentsLinked,
                 .deadlineMoved, .complied, .incompleteNoted, .completed, .paid: return true
            case let .decided(decision):
                switch decision.outcome {
                case .grantedInFull, .notYetDocumented, .notHeld: return decision.charges == nil
                case .grantedInPart, .refused: return false
                }
            }
        case let .objection(_, event):
            switch event {
            case .filed, .answered, .withdrawn, .requesterResponded, .deadlineMoved: return true
            }
        case let .dip(_, event):
            switch event {
            case let .added(entry), let .revised(entry): return entry.exemption == nil
            case .retired: return true
            }
        case .dispute: return false
        }
    }

    /// Kinds the demo may not make: a DIP entry revised and retired, each remaining request and objection step.
    static func moreKinds() -> [EventEnvelope] {
        let meta = EventMeta(officer: "rina", instant: Date(timeIntervalSince1970: 1_767_578_400), localDate: CivilDate(iso: "2026-01-05")!)
        let entry = DIPEntry(number: "DIP-7", unit: "HUMAS", title: "Rencana \"strategis\"", summary: "", holder: "Biro",
                             form: .both, category: .periodic, decreeNumber: "SK 1/2026")
        let request = UUID(), objection = UUID()
        return [EventEnvelope(meta: meta, event: .dip(entry.id, .revised(entry))),
                EventEnvelope(meta: meta, event: .dip(entry.id, .retired(reason: "diganti"))),
                EventEnvelope(meta: meta, event: .request(request, .forwarded(to: .unit("ITJEN"), note: "bukan kewenangan"))),
                EventEnvelope(meta: meta, event: .request(request, .deadlineMoved(noticeDue: CivilDate(iso: "2026-01-19")!,
                                                                                  extendedDue: CivilDate(iso: "2026-01-28")!, reason: "libur"))),
                EventEnvelope(meta: meta, event: .request(request, .incompleteNoted(missing: "KTP"))),
                EventEnvelope(meta: meta, event: .request(request, .completed(restartsClock: true))),
                EventEnvelope(meta: meta, event: .request(request, .paid(FeePayment(amountRupiah: 15_000, paidOn: CivilDate(iso: "2026-01-06")!,
                                                                                    reference: "KW-1"))))] +
            ComplianceOrder.allCases.map { EventEnvelope(meta: meta, event: .request(request, .complied(order: $0, note: ""))) } +
            [EventEnvelope(meta: meta, event: .objection(objection, .requesterResponded("tidak puas"))),
             EventEnvelope(meta: meta, event: .objection(objection, .deadlineMoved(answerDue: CivilDate(iso: "2026-02-16")!, reason: "libur")))]
    }

    static func read(_ data: Data) throws -> EventEnvelope? {
        EnvelopeReader(tape: try JSONTape(bytes: [UInt8](data))).envelope(at: 0)
    }

    @Test("The common kinds are read without Codable, each as Foundation's decoder reads it; the others are left to Codable")
    func sameAsCodable() throws {
        let envelopes = try WireDecodingTests.demoEnvelopes() + WireDecodingTests.unusualEnvelopes() + Self.moreKinds()
        var readKinds: Set<String> = []
        for (name, encoder) in WireDecodingTests.encoders {
            for envelope in envelopes {
                let data = try encoder.encode(envelope)
                let read = try Self.read(data)
                #expect((read != nil) == Self.readByTheReader(envelope), "\(name): \(String(decoding: data, as: UTF8.self))")
                guard let read else { continue }
                #expect(read == envelope)
                #expect(read == (try WireCoding.decoder().decode(EventEnvelope.self, from: data)))
                readKinds.insert(envelope.event.wireKind)
            }
        }
        for kind in ["request.registered", "request.processing-started", "request.decided", "request.delivered",
                     "request.extended", "request.forwarded", "request.documents-linked", "request.deadline-moved",
                     "request.complied", "request.incomplete-noted", "request.completed", "request.paid",
                     "objection.filed", "objection.answered", "objection.requester-responded", "objection.deadline-moved",
                     "dip.added", "dip.revised", "dip.retired"] {
            #expect(readKinds.contains(kind), "the demo holds \(kind), and the reader reads it")
        }
    }

    @Test("A wire event with and without its number, and one the reader leaves to Codable, read as Foundation reads them")
    func wireEvents() throws {
        let envelopes = try WireDecodingTests.demoEnvelopes()
        let common = try #require(envelopes.first { Self.readByTheReader($0) })
        let other = try #require(envelopes.first { !Self.readByTheReader($0) })
        for event in [WireEvent(envelope: common, unit: "HUMAS", sequence: 7), WireEvent(envelope: common, unit: "HUMAS", sequence: nil),
                      WireEvent(envelope: other, unit: "ITJEN", sequence: .max)] {
            let data = try WireCoding.encoder().encode(event)
            let read = EnvelopeReader(tape: try JSONTape(bytes: [UInt8](data))).wireEvent(at: 0)
            #expect(read == (Self.readByTheReader(event.envelope) ? event : nil))
            #expect(try WireDecoding.fast(WireEvent.self, from: data) == event, "through the tape decoder, Codable reads the rest")
        }
        let fraction = Data(#"{"envelope":{},"unit":"HUMAS","sequence":1.5}"#.utf8)
        #expect(EnvelopeReader(tape: try JSONTape(bytes: [UInt8](fraction))).wireEvent(at: 0) == nil)
    }

    @Test("Damaged envelopes: whatever the reader reads, Foundation reads the same; what Foundation refuses, the reader does not read")
    func damaged() throws {
        let envelopes = try (WireDecodingTests.demoEnvelopes() + Self.moreKinds()).filter(Self.readByTheReader)
        var random = SeededRandom(seed: 1408)
        let replacements: [Any] = [NSNull(), 0, 1.5, -1, "x", "", true, [Any](), [String: Any](), "2026-13-01", "2026-02-03",
                                   "019B8BAB-0680-7DC7-BA33-775DA7EA812A", ["kind": "granted-in-full"], "email", "perorangan", 1e300]
        var readAfterDamage = 0, refusedByBoth = 0
        for round in 0..<4000 {
            let envelope = envelopes[round % envelopes.count]
            var tree = try JSONSerialization.jsonObject(with: try WireCoding.encoder().encode(envelope))
            let paths = Self.paths(in: tree)
            for _ in 0..<Int.random(in: 1...2, using: &random) {
                guard let path = paths.randomElement(using: &random) else { continue }
                let remove = Int.random(in: 0..<4, using: &random) == 0
                tree = Self.replacing(path[...], in: tree, with: remove ? nil : replacements.randomElement(using: &random))
            }
            let data = try JSONSerialization.data(withJSONObject: tree)
            let foundation = try? WireCoding.decoder().decode(EventEnvelope.self, from: data)
            let read = try Self.read(data)
            if let read {
                readAfterDamage += 1
                #expect(read == foundation, "\(String(decoding: data, as: UTF8.self))")
            } else if foundation == nil {
                refusedByBoth += 1
            }
            if let fast = try? WireDecoding.fast(EventEnvelope.self, from: data) {
                #expect(fast == foundation, "the tape decoder as a whole agrees with Foundation")
            }
        }
        #expect(readAfterDamage > 100, "some damage (an optional removed, a text changed) still reads")
        #expect(refusedByBoth > 100, "most damage is refused by both")
    }

    /// Every path to a value in a JSON tree: member names and element positions.
    static func paths(in tree: Any, prefix: [AnyHashable] = []) -> [[AnyHashable]] {
        var found: [[AnyHashable]] = prefix.isEmpty ? [] : [prefix]
        if let object = tree as? [String: Any] {
            for (key, value) in object { found += paths(in: value, prefix: prefix + [key]) }
        } else if let array = tree as? [Any] {
            for (index, value) in array.enumerated() { found += paths(in: value, prefix: prefix + [index]) }
        }
        return found
    }

    /// The tree with the value at `path` replaced, or removed when `value` is nil.
    static func replacing(_ path: ArraySlice<AnyHashable>, in tree: Any, with value: Any?) -> Any {
        guard let head = path.first else { return value ?? NSNull() }
        if var object = tree as? [String: Any], let key = head as? String, let inner = object[key] {
            if path.count == 1 && value == nil {
                object[key] = nil
            } else {
                object[key] = replacing(path.dropFirst(), in: inner, with: value)
            }
            return object
        }
        if var array = tree as? [Any], let index = head as? Int, array.indices.contains(index) {
            if path.count == 1 && value == nil {
                array.remove(at: index)
            } else {
                array[index] = replacing(path.dropFirst(), in: array[index], with: value)
            }
            return array
        }
        return tree
    }
}
