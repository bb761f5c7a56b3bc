/// The results of a search, with their own selection: they replace a pane's list while active.
struct SearchResultsState<Row> {
    var query: String
    var rows: [Row]
    var isRanked: Bool
    var hasMore: Bool
    var selected = 0
    var top = 0

    var selectedRow: Row? { rows.indices.contains(selected) ? rows[selected] : nil }

    /// The rows on screen.
    func visible(_ count: Int) -> ArraySlice<Row> {
        rows[min(top, rows.count)..<min(rows.count, top + count)]
    }

    /// The tab's count: how many hits, `+` when more were not ranked.
    var countLabel: String { "\(rows.count)\(hasMore ? "+" : "")" }

    mutating func move(_ delta: Int, visible: Int) {
        guard !rows.isEmpty else { return }
        selected = min(max(0, selected + delta), rows.count - 1)
        if selected < top { top = selected }
        if selected >= top + visible { top = selected - visible + 1 }
    }
}
