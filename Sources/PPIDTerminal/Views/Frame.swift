import PPIDDomain
import PPIDStore

/// What a pane or an overlay draws with: the screen and its size, the rows a list has, the
/// language and the line drawing. The app makes one per frame; each view draws itself into it.
struct Frame {
    let screen: Screen
    let rows: Int
    let columns: Int
    let language: Language
    let unicode: Bool

    /// Rows available to a list: the screen less the tab bar, the column header, status and bottom lines.
    var listRows: Int { max(1, rows - 4) }

    func t(_ indonesian: String, _ english: String) -> String { language.pick(indonesian, english) }

    /// A row of columns, each fitted to its width, separated by one space. The space between two
    /// columns of the same role takes that role: a selection over the pointer and the number is
    /// then one run of colour, a few bytes less per keystroke over SSH.
    func put(columns parts: [(String, Int, Bool)], row: Int, role: Role, roles: [Role?]? = nil) {
        var column = 0
        for (index, part) in parts.enumerated() {
            let text = DisplayWidth.pad(part.0, part.1, alignRight: part.2, unicode: unicode)
            let own = roles?[index] ?? role
            screen.put(text, row: row, column: column, role: own)
            column += part.1 + 1
            let next = index + 1 < parts.count ? (roles?[index + 1] ?? role) : role
            if column < columns { screen.put(" ", row: row, column: column - 1, role: next == own ? own : role) }
        }
        if column < columns { screen.put(String(repeating: " ", count: columns - column), row: row, column: column, role: role) }
    }

    /// One line of text fitted to the screen's width.
    func line(_ text: String, row: Int, role: Role) {
        screen.put(DisplayWidth.fit(text, columns, unicode: unicode), row: row, column: 0, role: role)
    }

    /// The width a column of numbers needs: the widest shown (and its header), so none is cut.
    static func numberWidth(_ numbers: [String], header: String, minimum: Int = 12) -> Int {
        max(minimum, DisplayWidth.of(header), numbers.map(DisplayWidth.of).max() ?? 0)
    }
}

extension Role {
    /// The role that colours a due date of `group`.
    static func urgency(_ group: UrgencyGroup) -> Role {
        switch group {
        case .overdue: .overdue
        case .today: .dueToday
        case .soon: .dueSoon
        case .later: .normal
        }
    }
}
