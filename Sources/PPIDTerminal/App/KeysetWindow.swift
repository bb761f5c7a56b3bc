import PPIDStore

/// A window of a long list, loaded a page at a time by keyset around the selection, so moving through
/// a million rows never loads the table and never uses OFFSET.
struct KeysetWindow<Row, Cursor> {
    typealias Fetch = (_ after: Cursor?, _ direction: PageDirection, _ limit: Int) throws -> [Row]

    private(set) var rows: [Row] = []
    /// Index of the selected row in `rows`.
    private(set) var selected = 0
    /// Index of the first visible row in `rows`.
    private(set) var top = 0
    /// Whether `rows` starts at the list's first row / ends at its last.
    private(set) var reachedStart = true
    private(set) var reachedEnd = true

    let fetch: Fetch
    let cursorOf: (Row) -> Cursor
    let pageSize = 100
    /// The most rows kept in memory; pages far from the selection are dropped.
    let keep = 400

    init(fetch: @escaping Fetch, cursorOf: @escaping (Row) -> Cursor) {
        self.fetch = fetch
        self.cursorOf = cursorOf
    }

    var selectedRow: Row? { rows.indices.contains(selected) ? rows[selected] : nil }
    var isEmpty: Bool { rows.isEmpty }

    /// Loads the first page.
    mutating func loadStart() throws {
        rows = try fetch(nil, .forward, pageSize)
        reachedStart = true
        reachedEnd = rows.count < pageSize
        selected = 0
        top = 0
    }

    /// Loads the last page and selects the last row.
    mutating func loadEnd(visible: Int) throws {
        rows = try fetch(nil, .backward, pageSize)
        reachedEnd = true
        reachedStart = rows.count < pageSize
        selected = max(0, rows.count - 1)
        top = max(0, rows.count - visible)
    }

    /// Reloads from the first visible row (after a change), keeping the selection's place on screen.
    mutating func reload(visible: Int) throws {
        let offset = selected - top
        let previous: Row? = rows.indices.contains(top) && !(reachedStart && top == 0)
            ? try fetch(cursorOf(rows[top]), .backward, 1).last : nil
        if let previous {
            rows = try fetch(cursorOf(previous), .forward, pageSize)
            reachedStart = false
        } else {
            rows = try fetch(nil, .forward, pageSize)
            reachedStart = true
        }
        reachedEnd = rows.count < pageSize
        top = 0
        selected = min(max(0, offset), max(0, rows.count - 1))
        clampTop(visible: visible)
    }

    /// Moves the selection by `delta` rows, loading pages as needed; `visible` rows fit on screen.
    mutating func move(_ delta: Int, visible: Int) throws {
        guard !rows.isEmpty else { return }
        var target = selected + delta
        while target >= rows.count && !reachedEnd {
            let more = try fetch(cursorOf(rows[rows.count - 1]), .forward, pageSize)
            if more.count < pageSize { reachedEnd = true }
            rows += more
            trimFront()
            target = min(target, selected + delta)
            if more.isEmpty { break }
        }
        while target < 0 && !reachedStart {
            let more = try fetch(cursorOf(rows[0]), .backward, pageSize)
            if more.count < pageSize { reachedStart = true }
            rows.insert(contentsOf: more, at: 0)
            selected += more.count
            top += more.count
            target += more.count
            trimBack()
            if more.isEmpty { break }
        }
        selected = min(max(0, target), rows.count - 1)
        clampTop(visible: visible)
    }

    mutating func clampTop(visible: Int) {
        let visible = max(1, visible)
        if selected < top { top = selected }
        if selected >= top + visible { top = selected - visible + 1 }
        top = max(0, min(top, max(0, rows.count - 1)))
    }

    private mutating func trimFront() {
        let excess = rows.count - keep
        guard excess > 0, top > excess else { return }
        rows.removeFirst(excess)
        selected -= excess
        top -= excess
        reachedStart = false
    }

    private mutating func trimBack() {
        let excess = rows.count - keep
        guard excess > 0, rows.count - excess > selected + pageSize else { return }
        rows.removeLast(excess)
        reachedEnd = false
    }

    /// The rows on screen.
    func visibleRows(_ count: Int) -> ArraySlice<Row> {
        guard !rows.isEmpty else { return [] }
        return rows[top..<min(rows.count, top + count)]
    }

    /// Selects a row by index in `rows` (a mouse-free "jump" after a search).
    mutating func select(index: Int, visible: Int) {
        guard !rows.isEmpty else { return }
        selected = min(max(0, index), rows.count - 1)
        clampTop(visible: visible)
    }
}
