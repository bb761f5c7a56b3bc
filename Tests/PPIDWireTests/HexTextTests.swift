import Foundation
import Testing
@testable import PPIDWire

@Suite("Hex text")
struct HexTextTests {
    @Test("Bytes are written as String(format:) wrote them, two lowercase digits each")
    func sameAsFormat() {
        let bytes: [UInt8] = Array(0...255) + [0x00, 0x0f, 0xf0, 0xff, 0xab]
        #expect(HexText.of(bytes) == bytes.map { String(format: "%02x", $0) }.joined())
        #expect(HexText.of([UInt8]()) == "")
        #expect(HexText.of(Data([0xde, 0xad, 0xbe, 0xef])) == "deadbeef")
    }
}
