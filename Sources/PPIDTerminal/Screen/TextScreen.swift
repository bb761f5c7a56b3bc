/// An in-memory screen: what the views drew, as text, for snapshot tests.
public final class TextScreen: Screen {
    public private(set) var rows: Int
    public private(set) var columns: Int
    public let unicode: Bool
    /// One string per cell; a wide character's second cell holds "".
    private var cells: [[String]]
    private var roles: [[Role]]
    public private(set) var cursor: (row: Int, column: Int)?

    public init(rows: Int, columns: Int, unicode: Bool = true) {
        self.rows = rows
        self.columns = columns
        self.unicode = unicode
        cells = Array(repeating: Array(repeating: " ", count: columns), count: rows)
        roles = Array(repeating: Array(repeating: .normal, count: columns), count: rows)
    }

    public func resize(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
        erase()
    }

    public func erase() {
        cells = Array(repeating: Array(repeating: " ", count: columns), count: rows)
        roles = Array(repeating: Array(repeating: .normal, count: columns), count: rows)
        cursor = nil
    }

    public func put(_ text: String, row: Int, column: Int, role: Role) {
        guard row >= 0, row < rows else { return }
        var col = column
        for character in text {
            let width = DisplayWidth.of(String(character))
            if width == 0 {
                if col > 0 && col - 1 < columns { cells[row][col - 1] += String(character) }
                continue
            }
            guard col >= 0, col + width <= columns else { break }
            cells[row][col] = String(character)
            roles[row][col] = role
            if width == 2 {
                cells[row][col + 1] = ""
                roles[row][col + 1] = role
            }
            col += width
        }
    }

    public func setCursor(row: Int, column: Int, visible: Bool) {
        cursor = visible ? (row, column) : nil
    }

    public func present() {}

    /// The screen as lines of text, trailing spaces removed.
    public var text: String {
        cells.map { line in
            var s = line.joined()
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }.joined(separator: "\n")
    }

    /// The role of the cell at a position.
    public func role(row: Int, column: Int) -> Role { roles[row][column] }

    /// Whether any cell on `row` has `role`.
    public func rowHasRole(_ row: Int, _ role: Role) -> Bool { roles[row].contains(role) }
}
