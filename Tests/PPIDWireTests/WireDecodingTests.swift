import Foundation
import Testing
@testable import PPIDDomain
@testable import PPIDStore
@testable import PPIDWire

/// The fast decoder must read exactly what Foundation's reads, and leave to it what it cannot.
@Suite("Fast wire decoding")
struct WireDecodingTests {
    /// Every event of a demo workspace: requests through every step, objections, disputes, DIP entries.
    static func demoEnvelopes() throws -> [EventEnvelope] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ppid-wire-tests-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try LocalStore(path: folder + "/demo.sqlite", workstation: Workstation(officer: "rina", terminal: "t"))
        let summary = try store.generateDemo(DemoOptions(requests: 120, documents: 40, seed: 7, today: CivilDate(iso: "2026-06-01")!))
        #expect(summary.objections > 0 && summary.disputes > 0, "the demo should hold every kind of case")
        var envelopes: [EventEnvelope] = []
        for id in try store.allCaseRecords().keys.sorted(by: { $0.uuidString < $1.uuidString }) {
            envelopes += try store.history(of: id).map(\.envelope)
        }
        return envelopes
    }

    /// Texts a wire might carry that the demo does not: escapes, non-Latin letters, empty lists.
    static func unusualEnvelopes() -> [EventEnvelope] {
        let meta = EventMeta(id: UUID(), officer: "ṡïtì \"q\" \\ / \u{1F600}", instant: Date(timeIntervalSince1970: 1_767_578_400.5),
                             localDate: CivilDate(iso: "2026-01-05")!)
        let id = UUID()
        var registration = RequestRegistration(
            registrationNumber: "1/\t{x}\n[y]", unit: "HUMAS", receivedAt: Date(timeIntervalSince1970: 1_767_578_400), channel: .webPortal,
            requester: Requester(name: "Siti \"Ani\" {] \u{0007}", nik: "3171234567890002", address: "Jl. [A], \\ B \u{00E9}\u{0301}"),
            information: "", purpose: "日本語 \u{10FFFF}")
        registration.id = id
        return [
            EventEnvelope(meta: meta, event: .request(id, .registered(registration))),
            EventEnvelope(meta: meta, event: .request(id, .documentsLinked([]))),
            EventEnvelope(meta: meta, event: .request(id, .documentsLinked([UUID(), UUID()]))),
            EventEnvelope(meta: meta, event: .request(id, .forwarded(to: .otherBody("Kementerian \"X\""), note: ""))),
            EventEnvelope(meta: meta, event: .request(id, .deadlineMoved(noticeDue: CivilDate(iso: "2026-02-03")!, extendedDue: nil, reason: "cuti"))),
            EventEnvelope(meta: meta, event: .request(id, .delivered(method: nil, note: "—"))),
        ]
    }

    static let encoders: [(String, JSONEncoder)] = {
        let plain = JSONEncoder()
        plain.dateEncodingStrategy = .secondsSince1970
        let pretty = JSONEncoder()
        pretty.dateEncodingStrategy = .secondsSince1970
        pretty.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        // Keys in another order than the types ask for them.
        let sorted = JSONEncoder()
        sorted.dateEncodingStrategy = .secondsSince1970
        sorted.outputFormatting = [.sortedKeys]
        return [("wire", WireCoding.encoder()), ("plain", plain), ("pretty", pretty), ("sorted", sorted)]
    }()

    @Test("Every event of every kind reads the same as with Foundation, in every formatting")
    func sameAsFoundation() throws {
        let envelopes = try Self.demoEnvelopes() + Self.unusualEnvelopes()
        #expect(envelopes.count > 500)
        for (name, encoder) in Self.encoders {
            for envelope in envelopes {
                let data = try encoder.encode(envelope)
                let fast = try WireDecoding.fast(EventEnvelope.self, from: data)
                #expect(fast == envelope, "\(name): \(String(decoding: data, as: UTF8.self))")
                #expect(fast == (try WireCoding.decoder().decode(EventEnvelope.self, from: data)))
            }
        }
    }

    @Test("A whole changes page reads the same as with Foundation, reference data included")
    func page() throws {
        let events = try Self.demoEnvelopes().enumerated().map { WireEvent(envelope: $1, unit: "HUMAS", sequence: Int64($0 + 1)) }
        let reference = ReferenceData(revision: 3, units: [WireUnit(code: "HUMAS", name: "Biro \"Humas\"", zone: "WIB", isMain: false)],
                                      officers: [WireOfficer(login: "rina", name: "Rina", unit: "HUMAS")],
                                      calendars: [WireCalendar(name: "libur-2026.txt", body: "# libur\n2026-01-01 Tahun Baru\n")])
        let page = ChangesPage(events: events, nextCursor: Int64(events.count), hasMore: true,
                               identity: Identity(officer: "rina", unit: "HUMAS", isMain: false), reference: reference)
        let data = try WireCoding.encoder().encode(page)
        #expect(try WireDecoding.fast(ChangesPage.self, from: data) == page)
        #expect(try WireDecoding.decode(ChangesPage.self, from: data) == page)
    }

    @Test("Numbers: whole and fractional dates, the ends of Int64, and what does not fit is refused")
    func numbers() throws {
        struct Numbers: Codable, Equatable { var a: Int64; var b: Int8?; var c: Double; var d: Date; var e: Bool; var f: [Int] }
        let text = #"{"a": -9223372036854775808, "b": null, "c": -1.25e3, "d": 1767578400.75, "e": true, "f": [0, 9223372036854775807]}"#
        let fast = try WireDecoding.fast(Numbers.self, from: Data(text.utf8))
        #expect(fast == Numbers(a: .min, b: nil, c: -1250, d: Date(timeIntervalSince1970: 1_767_578_400.75), e: true, f: [0, .max]))
        for bad in [#"{"a": 9223372036854775808, "c": 1, "d": 1, "e": true, "f": []}"#,
                    #"{"a": 1.5, "c": 1, "d": 1, "e": true, "f": []}"#,
                    #"{"a": 1, "b": 300, "c": 1, "d": 1, "e": true, "f": []}"#] {
            #expect(throws: (any Error).self) { try WireDecoding.fast(Numbers.self, from: Data(bad.utf8)) }
            #expect(throws: DecodingError.self) { try WireDecoding.decode(Numbers.self, from: Data(bad.utf8)) }
        }
    }

    @Test("A cut-short or broken text is refused, with Foundation's error")
    func malformed() throws {
        let data = try WireCoding.encoder().encode(Self.unusualEnvelopes())
        for length in stride(from: 0, to: data.count - 1, by: 7) {
            let cut = data.prefix(length)
            #expect(throws: (any Error).self) { try WireDecoding.fast([EventEnvelope].self, from: cut) }
            #expect(throws: DecodingError.self) { try WireDecoding.decode([EventEnvelope].self, from: cut) }
        }
        for bad in ["", "nul", "[1,]", "{\"a\" 1}", "[01]", "[\"\\x\"]", "[\"\\ud800\"]", "[1] x", "[-]", "[1.]", "[1e]", "{,}"] {
            #expect(throws: (any Error).self, "\(bad)") { try WireDecoding.fast([Int].self, from: Data(bad.utf8)) }
        }
        #expect(throws: (any Error).self) { try WireDecoding.fast([String].self, from: Data([0x5B, 0x22, 0xFF, 0x22, 0x5D])) }
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: (any Error).self) { try WireDecoding.fast([Int].self, from: Data(deep.utf8)) }
    }

    @Test("Randomly damaged pages: whatever the fast decoder accepts, Foundation accepts and reads the same")
    func damaged() throws {
        let events = Self.unusualEnvelopes().enumerated().map { WireEvent(envelope: $1, unit: "HUMAS", sequence: Int64($0 + 1)) }
        let original = [UInt8](try WireCoding.encoder().encode(ChangesPage(events: events, nextCursor: 6, hasMore: false)))
        var random = SeededRandom(seed: 2008)
        let alphabet = Array("{}[]\",:0123456789-+.eE \\/tfnu\"abc".utf8)
        var accepted = 0
        for _ in 0..<3000 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let position = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: bytes[position] = alphabet.randomElement(using: &random)!
                case 1: bytes.remove(at: position)
                default: bytes.insert(alphabet.randomElement(using: &random)!, at: position)
                }
            }
            let data = Data(bytes)
            guard let fast = try? WireDecoding.fast(ChangesPage.self, from: data) else { continue }
            accepted += 1
            #expect(fast == (try? WireCoding.decoder().decode(ChangesPage.self, from: data)), "\(String(decoding: data, as: UTF8.self))")
        }
        #expect(accepted > 0, "some damage (inside a string) leaves a valid page")
    }

    @Test("A member is found by its name: escaped keys, the empty key, keys of one length, a prefix, the first of two")
    func members() throws {
        let text = #"{"ab":1,"ba":2,"a":3,"abc":4,"":5,"\u0063d":6,"x\"y":7,"ab":8,"é":9}"#
        let tape = try JSONTape(bytes: Array(text.utf8))
        func value(_ name: String) throws -> Int64? {
            guard let node = tape.member(of: 0, named: name) else { return nil }
            return try tape.int64(node)
        }
        #expect(try value("ab") == 1, "the first of a name given twice, as before")
        #expect(try value("ba") == 2)
        #expect(try value("a") == 3)
        #expect(try value("abc") == 4)
        #expect(try value("") == 5)
        #expect(try value("cd") == 6, "an escaped key is compared unescaped")
        #expect(try value("x\"y") == 7)
        #expect(try value("é") == 9)
        #expect(try value("b") == nil)
        #expect(try value("abcd") == nil)
        #expect(try value("\\u0063d") == nil, "nor is an escaped key found by its escaped text")
        let empty = try JSONTape(bytes: Array("{}".utf8))
        #expect(empty.member(of: 0, named: "a") == nil)
        #expect(empty.member(of: 0, named: "") == nil)
    }

    @Test("UUID text and CivilDate text match Foundation's forms")
    func texts() {
        for _ in 0..<1000 {
            let id = UUID()
            #expect(id.text == id.uuidString)
        }
        #expect(CivilDate(iso: "0999-01-09")!.iso == "0999-01-09")
        #expect(CivilDate(iso: "2026-12-31")!.iso == "2026-12-31")
    }
}
