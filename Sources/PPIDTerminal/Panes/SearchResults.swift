/// The results of a search, with their own selection: they replace a pane's list while active.
/// The first page comes with the count of every hit (up to the ranking cap); the rest are read as
/// the officer pages towards them, so a keystroke reads one page, not two thousand rows.
struct SearchResultsState<Row> {
    var query: String
    /// The hits read so far, in order.
    var rows: [Row]
    /// How many hits there are (up to the cap).
    var total: Int
    var isRanked: Bool
    var hasMore: Bool
    var selected = 0
    var top = 0
    /// Reads the hits from an offset on; nil when `rows` are all of them.
    var readMore: ((_ offset: Int) throws -> [Row])?

    init(query: String, rows: [Row], total: Int? = nil, isRanked: Bool, hasMore: Bool,
         readMore: ((_ offset: Int) throws -> [Row])? = nil) {
        self.query = query
        self.rows = rows
        self.total = total ?? rows.count
        self.isRanked = isRanked
        self.hasMore = hasMore
        self.readMore = readMore
    }

    var selectedRow: Row? { rows.indices.contains(selected) ? rows[selected] : nil }

    /// The rows on screen.
    func visible(_ count: Int) -> ArraySlice<Row> {
        rows[min(top, rows.count)..<min(rows.count, top + count)]
    }

    /// The tab's count: how many hits, `+` when more were not ranked.
    var countLabel: String { "\(total)\(hasMore ? "+" : "")" }

    mutating func move(_ delta: Int, visible: Int) {
        guard !rows.isEmpty else { return }
        // Read on until the rows reach the target and a screenful beyond it, or every hit is read.
        let target = min(max(0, selected + delta), max(0, total - 1))
        while rows.count < total, rows.count <= target + visible, let readMore {
            guard let more = try? readMore(rows.count), !more.isEmpty else { break }
            rows += more
        }
        selected = min(target, rows.count - 1)
        if selected < top { top = selected }
        if selected >= top + visible { top = selected - visible + 1 }
    }
}
