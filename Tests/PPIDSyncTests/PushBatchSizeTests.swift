import Testing
@testable import PPIDSync

@Suite("Push batches sized by how the server answers")
struct PushBatchSizeTests {
    @Test("A full batch answered quickly makes the next four times as large, up to the server's limit; a slow answer halves it, down to the configured size")
    func growsAndShrinks() {
        var size = PushBatchSize(configured: 500)
        #expect(size.current == 500)
        size.observe(sent: 500, took: .milliseconds(200), timeout: .seconds(30))
        #expect(size.current == 2000)
        size.observe(sent: 2000, took: .milliseconds(300), timeout: .seconds(30))
        #expect(size.current == PushBatchSize.serverLimit)
        // Between quick and slow: kept.
        size.observe(sent: 2000, took: .seconds(3), timeout: .seconds(30))
        #expect(size.current == 2000)
        size.observe(sent: 2000, took: .seconds(9), timeout: .seconds(30))
        #expect(size.current == 1000)
        size.observe(sent: 1000, took: .seconds(20), timeout: .seconds(30))
        size.observe(sent: 500, took: .seconds(20), timeout: .seconds(30))
        #expect(size.current == 500, "never below the configured size")
    }

    @Test("A batch cut short (the outbox's last events, or its byte budget) does not grow the next")
    func partialBatch() {
        var size = PushBatchSize(configured: 500)
        size.observe(sent: 120, took: .milliseconds(50), timeout: .seconds(30))
        #expect(size.current == 500)
    }

    @Test("A configured size beyond the server's limit, or below one, is brought within them")
    func bounds() {
        #expect(PushBatchSize(configured: 10_000).current == PushBatchSize.serverLimit)
        #expect(PushBatchSize(configured: 0).current == 1)
    }
}
