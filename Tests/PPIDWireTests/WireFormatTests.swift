import Foundation
import Testing
@testable import PPIDDomain
@testable import PPIDWire

/// The events on the wire are explicit: a named kind, the case id, and a payload with named
/// fields; events written by earlier versions in Swift's own enum coding still read the same.
@Suite("Wire format of events")
struct WireFormatTests {
    func json(_ event: DomainEvent) throws -> [String: Any] {
        let data = try WireCoding.encoder().encode(event)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("Each event is {kind, caseId, payload} with named fields, never Swift's _0/_1 coding, and reads back the same")
    func explicitShape() throws {
        let id = try #require(UUID(uuidString: "01A23784-0B19-7E79-B4AD-2DF59619932D"))
        let forwarded = try json(.request(id, .forwarded(to: .unit("KEU"), note: "Dokumen di Biro Keuangan")))
        #expect(forwarded["kind"] as? String == "request.forwarded")
        #expect(forwarded["caseId"] as? String == id.uuidString)
        let payload = try #require(forwarded["payload"] as? [String: Any])
        #expect(payload["note"] as? String == "Dokumen di Biro Keuangan")
        #expect((payload["to"] as? [String: String]) == ["kind": "unit", "unit": "KEU"])
        let decided = try json(.request(id, .decided(Decision(outcome: .notHeld(holder: nil)))))
        #expect(((decided["payload"] as? [String: Any])?["outcome"] as? [String: Any])?["kind"] as? String == "not-held")
        // No Swift case name or positional key anywhere in any kind's JSON.
        for event in WireSamples.everyKind(caseID: id) {
            let text = String(decoding: try WireCoding.encoder().encode(event), as: UTF8.self)
            #expect(!text.contains("\"_0\"") && !text.contains("\"_1\""), "\(event.wireKind): \(text)")
            #expect(DomainEvent.wireKinds.contains(event.wireKind))
            let back = try WireCoding.decoder().decode(DomainEvent.self, from: Data(text.utf8))
            #expect(back == event, "\(event.wireKind) reads back")
            #expect(try WireDecoding.decode(DomainEvent.self, from: Data(text.utf8)) == event, "the fast decoder reads it too")
        }
        #expect(Set(WireSamples.everyKind(caseID: id).map(\.wireKind)) == Set(DomainEvent.wireKinds), "the test covers every kind")
    }

    @Test("Events stored by earlier versions (Swift's enum coding) read as before")
    func legacyRead() throws {
        let id = "01A23784-0B19-7E79-B4AD-2DF59619932D"
        let legacy = #"{"request":{"_0":"\#(id)","_1":{"forwarded":{"to":{"unit":{"_0":"KEU"}},"note":"x"}}}}"#
        let event = try WireCoding.decoder().decode(DomainEvent.self, from: Data(legacy.utf8))
        #expect(event == .request(UUID(uuidString: id)!, .forwarded(to: .unit("KEU"), note: "x")))
        // A decision as an earlier version wrote it: the struct's fields, its outcome in Swift's coding.
        var fields = try #require(try JSONSerialization.jsonObject(with: WireCoding.encoder().encode(Decision(outcome: .grantedInFull)))
            as? [String: Any])
        fields["outcome"] = ["notHeld": ["holder": "Dinas PU"]]
        let decided: [String: Any] = ["request": ["_0": id, "_1": ["decided": ["_0": fields]]]]
        let legacyDecision = try? WireCoding.decoder().decode(DomainEvent.self, from: JSONSerialization.data(withJSONObject: decided))
        if case let .request(_, .decided(decision))? = legacyDecision {
            #expect(decision.outcome == .notHeld(holder: "Dinas PU"))
        } else {
            Issue.record("a legacy decision must read: \(String(describing: legacyDecision))")
        }
        let unknown = #"{"kind":"request.reopened","caseId":"\#(id)","payload":{}}"#
        #expect(throws: DecodingError.self) { try WireCoding.decoder().decode(DomainEvent.self, from: Data(unknown.utf8)) }
    }

    @Test("A page with an unreadable event is read leniently, but a hostile sequence number there is refused, not trapped on")
    func lenientPageHostileNumbers() throws {
        let event = #"{"envelope":{"meta":{},"event":{"kind":"request.reopened","caseId":"01A23784-0B19-7E79-B4AD-2DF59619932D","payload":{}}},"unit":"HUMAS","sequence":SEQ}"#
        func page(_ sequence: String) -> Data {
            Data(#"{"events":[\#(event.replacingOccurrences(of: "SEQ", with: sequence))],"nextCursor":3,"hasMore":false}"#.utf8)
        }
        let (read, _) = try WireDecoding.changesPage(from: page("3"))
        #expect(read.events.isEmpty && read.setAside.map(\.sequence) == [3])
        for hostile in ["1e300", "2.5", "-1e30"] {
            #expect(throws: (any Error).self, "\(hostile)") { _ = try WireDecoding.changesPage(from: page(hostile)) }
        }
    }
}
