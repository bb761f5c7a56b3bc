import Testing
@testable import PPIDCentralServer

/// An answer is compressed with a window no larger than it needs: a small one compresses the same,
/// and zlib sets up far less memory for it.
@Suite("Gzip window sized to the answer")
struct GzipWindowTests {
    @Test("The window grows with the answer up to zlib's largest, at level 1")
    func windowBySize() {
        let sizes = [1024, 1500, 4096, 4097, 20_000, 32_768, 40_000, 5_000_000]
        let bits = sizes.map { JSONResponse.gzipConfiguration(for: $0).windowSize }
        #expect(bits == [10, 11, 12, 13, 15, 15, 15, 15])
        for size in sizes {
            let configuration = JSONResponse.gzipConfiguration(for: size)
            #expect((1 << configuration.windowSize) >= min(size, 1 << 15), "a window of at least \(size) bytes, or the largest")
            #expect(configuration.compressionLevel == 1)
        }
    }
}
