import Foundation
import Testing
@testable import PPIDWire

@Suite("Page continuation hint")
struct PageContinuationTests {
    @Test("The hint reads where a page says the log goes on, from its end, and nothing from a text without one")
    func hint() throws {
        let text = #"{"events":[{"envelope":{"nextCursor":1},"sequence":7,"unit":"A"}],"hasMore":true,"identity":{},"nextCursor":1234,"latest":9999}"#
        let hint = try #require(WireDecoding.continuation(of: Data(text.utf8)))
        #expect(hint.hasMore && hint.nextCursor == 1234)
        let last = #"{"events":[],"hasMore":false,"nextCursor":0,"latest":0}"#
        #expect(WireDecoding.continuation(of: Data(last.utf8)).map { !$0.hasMore && $0.nextCursor == 0 } == true)
        #expect(WireDecoding.continuation(of: Data("not json".utf8)) == nil)
        #expect(WireDecoding.continuation(of: Data(#"{"hasMore":true,"nextCursor":"x"}"#.utf8)) == nil)
        #expect(WireDecoding.continuation(of: Data()) == nil)
    }
}
