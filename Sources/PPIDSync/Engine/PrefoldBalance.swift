/// How much of each page's folding is done ahead, on the fetching side, rather than by the writer.
///
/// A pull runs two pipelines of work side by side: fetching and decoding the next page, and
/// writing this one. Folding a page's cases can go on either side; done all ahead, the fetching
/// side becomes the slower on a machine where decoding is dear, and the writer waits for it. The
/// share moves with what the writer saw: down a quarter when it waited for a page, up a tenth
/// when the page was ready, so both sides end up about equally busy.
struct PrefoldBalance {
    /// The fraction of a page's cases folded ahead, 0...1.
    private(set) var share = 1.0

    /// A wait this short is the hand-over itself, not the fetching side being behind.
    static let slack: Duration = .milliseconds(2)

    mutating func adjust(writerWaited waited: Duration) {
        share = waited > Self.slack ? max(0, share - 0.25) : min(1, share + 0.1)
    }
}
