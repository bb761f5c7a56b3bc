import Testing
@testable import PPIDSync

@Suite("Sync: the share folded ahead")
struct PrefoldBalanceTests {
    @Test("It falls by a quarter when the writer waited for a page, rises by a tenth when the page was ready, within 0...1")
    func follows() {
        var balance = PrefoldBalance()
        #expect(balance.share == 1)
        balance.adjust(writerWaited: .milliseconds(1))  // the hand-over itself
        #expect(balance.share == 1)
        for _ in 0..<5 { balance.adjust(writerWaited: .milliseconds(20)) }
        #expect(balance.share == 0)
        balance.adjust(writerWaited: .zero)
        #expect(abs(balance.share - 0.1) < 1e-9)
        for _ in 0..<20 { balance.adjust(writerWaited: .zero) }
        #expect(balance.share == 1)
    }
}
