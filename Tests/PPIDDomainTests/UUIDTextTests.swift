import Foundation
import Testing
import PPIDDomain

@Suite("A UUID's text")
struct UUIDTextTests {
    @Test("The same as uuidString, made without snprintf")
    func sameAsFoundation() {
        var ids = [UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
                   UUID(uuid: (255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255))]
        ids += (0..<50).map { _ in UUID() }
        for id in ids { #expect(id.text == id.uuidString) }
    }
}
