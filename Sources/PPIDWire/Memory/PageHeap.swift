#if os(Linux)
import CMalloc
#endif

/// How the process's heap treats the large buffers a pull moves: a page of the log is megabytes of
/// JSON on both sides, and its gzip on the server's.
///
/// By default glibc maps each buffer over 128 KiB (or as large as the largest freed so far) afresh,
/// and hands free memory at the heap's top back to the kernel past 128 KiB: each page's buffers are
/// then faulted in again, 4 KiB at a time. In an initial pull that was a seventh of the server's
/// CPU. Kept in the heap, a freed page's memory serves the next one.
public enum PageHeap {
    /// Buffers up to 32 MiB (glibc's own ceiling for the size it maps) come from the heap, and up to
    /// 128 MiB of free heap is kept before any is handed back. Call once, first thing in `main`.
    public static func keepLargeBuffers() {
        #if os(Linux)
        _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)
        _ = mallopt(M_TRIM_THRESHOLD, 128 << 20)
        #endif
    }
}
