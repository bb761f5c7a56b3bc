import Foundation
import Testing
@testable import PPIDWire

@Suite("Push answers written by hand")
struct PushResponseJSONTests {
    @Test("The hand-written answer decodes to the same outcomes and has the same members as Foundation's, awkward reasons included")
    func sameAsFoundation() throws {
        let response = PushResponse(outcomes: [
            PushOutcome(eventID: UUID(), status: .accepted, sequence: 42, reason: nil, reasonEnglish: nil),
            PushOutcome(eventID: UUID(), status: .rejected, sequence: nil, reason: "Nomor \"0007\" dipakai\\lagi\n\ttab\u{01} é 👍",
                        reasonEnglish: "Number in use / </script>"),
            PushOutcome(eventID: UUID(), status: .accepted, sequence: Int64.max, reason: nil, reasonEnglish: nil),
        ])
        let fast = Data(response.json())
        #expect(try WireCoding.decoder().decode(PushResponse.self, from: fast) == response)
        let foundation = try WireCoding.encoder().encode(response)
        let a = try JSONSerialization.jsonObject(with: fast) as? NSDictionary
        let b = try JSONSerialization.jsonObject(with: foundation) as? NSDictionary
        #expect(a == b)
        #expect(try WireCoding.decoder().decode(PushResponse.self, from: Data(PushResponse(outcomes: []).json())).outcomes.isEmpty)
    }

    @Test("An identity written by hand reads back as itself and has Foundation's members, with and without its optional ones")
    func identity() throws {
        for identity in [Identity(officer: "rina", unit: "HUMAS", isMain: false),
                         Identity(officer: "a\"b", unit: "U/1", isMain: true, name: "Rina \\ é\n👍", series: "B")] {
            var fast: [UInt8] = []
            identity.appendJSON(to: &fast)
            #expect(try WireCoding.decoder().decode(Identity.self, from: Data(fast)) == identity)
            let a = try JSONSerialization.jsonObject(with: Data(fast)) as? NSDictionary
            let b = try JSONSerialization.jsonObject(with: WireCoding.encoder().encode(identity)) as? NSDictionary
            #expect(a == b)
        }
    }
}
