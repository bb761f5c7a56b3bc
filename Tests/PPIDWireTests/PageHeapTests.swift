#if os(Linux)
import CMalloc
import Glibc
import Testing
@testable import PPIDWire

@Suite("The heap keeps a page's buffers")
struct PageHeapTests {
    /// A buffer of a page's size comes from the heap, not from a mapping of its own: glibc counts
    /// mapped chunks apart (`hblks`, `hblkhd`). Without the tuning, 8 MiB is over glibc's threshold
    /// (128 KiB, or the largest buffer freed so far, at most 32 MiB) the first time round.
    @Test func aPageSizedBufferIsNotMappedApart() throws {
        PageHeap.keepLargeBuffers()
        let before = mallinfo2()
        let buffer = try #require(malloc(8 << 20))
        defer { free(buffer) }
        // Touched, so that a mapping would show in the process's figures too.
        memset(buffer, 1, 8 << 20)
        // Other tests run alongside: only a growth by this buffer's size would be this buffer.
        let during = mallinfo2()
        #expect(during.hblkhd < before.hblkhd + (8 << 20))
    }

    /// Freed, the buffer's memory stays in the heap for the next page rather than going back to the
    /// kernel (glibc's default hands back what passes 128 KiB at the heap's top).
    @Test func aFreedPageStaysInTheHeap() throws {
        PageHeap.keepLargeBuffers()
        let buffer = try #require(malloc(8 << 20))
        memset(buffer, 1, 8 << 20)
        let held = mallinfo2()
        free(buffer)
        // Counted as free heap now, not handed back (other tests run alongside: within a MiB).
        let after = mallinfo2()
        #expect(after.fordblks + (1 << 20) >= held.fordblks + (8 << 20))
    }
}
#endif
