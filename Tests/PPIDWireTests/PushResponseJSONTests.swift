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
}
