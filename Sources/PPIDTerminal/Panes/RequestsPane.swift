import Foundation
import PPIDDomain
import PPIDStore

/// The requests pane: its list (a keyset window in the chosen filter and order), the marks, a
/// search that replaces the list while active, and how it draws.
struct RequestsPane {
    var window: KeysetWindow<RequestRow, ListCursor>
    var filter: RequestFilter
    var order: RequestOrder = .dueDate
    var marks: Set<String> = []
    var lastMarked: String?
    /// Search results replace the list while a search is active.
    var search: SearchResultsState<RequestRow>?

    /// The list in `filter` by `order`, read from `store` a page at a time.
    init(store: LocalStore, filter: RequestFilter, order: RequestOrder = .dueDate) {
        self.filter = filter
        self.order = order
        window = Self.window(store: store, filter: filter, order: order)
    }

    static func window(store: LocalStore, filter: RequestFilter, order: RequestOrder) -> KeysetWindow<RequestRow, ListCursor> {
        KeysetWindow(
            fetch: { cursor, direction, limit in
                try store.requests(filter: filter, order: order, after: cursor, direction: direction, limit: limit)
            },
            cursorOf: { LocalStore.cursor(of: $0, order: order) })
    }

    var selected: RequestRow? { search?.selectedRow ?? window.selectedRow }

    /// The rows in list order (the search's when one is active).
    var rows: [RequestRow] { search?.rows ?? window.rows }

    /// Shows `filter`'s list from its start.
    mutating func setFilter(_ filter: RequestFilter, store: LocalStore) throws {
        self.filter = filter
        window = Self.window(store: store, filter: filter, order: order)
        try window.loadStart()
    }

    mutating func move(_ delta: Int, visible: Int) throws {
        if search != nil { search?.move(delta, visible: visible) } else { try window.move(delta, visible: visible) }
    }

    mutating func jump(toEnd: Bool, visible: Int) throws {
        if search != nil { search?.move(toEnd ? Int.max / 2 : -Int.max / 2, visible: visible) }
        else if toEnd { try window.loadEnd(visible: visible) } else { try window.loadStart() }
    }

    /// The tab's label for the list: the search when one is active, else the filter.
    func label(_ language: Language) -> String { search.map { "/" + $0.query } ?? filter.text(language) }

    /// The widths of mark, number, received, requester, subject, state and due. The number is the
    /// officer's handle on a case and is never cut: it gets its full width first, then the dates
    /// and state; the requester is dropped before the subject is squeezed below 16 columns.
    static func columnWidths(columns: Int, numberWidth: Int) -> [Int] {
        let state = columns >= 120 ? 12 : 11
        let fixed = 1 + numberWidth + 10 + state + 11
        let rest = columns - fixed - 6  // the spaces between the seven columns
        if rest >= 16 + 1 + 10 {
            let requester = min(18, max(10, rest / 3))
            return [1, numberWidth, 10, requester, rest - requester - 1, state, 11]
        }
        return [1, numberWidth, 10, 0, max(1, rest + 1), state, 11]
    }

    func draw(in frame: Frame, bounds: UrgencyBounds) {
        let visible: [RequestRow]
        let selectedID: String?
        if let search {
            visible = Array(search.visible(frame.listRows))
            selectedID = search.selectedRow?.uuidString
        } else {
            visible = Array(window.visibleRows(frame.listRows))
            selectedID = window.selectedRow?.uuidString
        }
        let numberHeader = frame.t("No. registrasi", "Registration no.")
        let widths = Self.columnWidths(columns: frame.columns, numberWidth: Frame.numberWidth(visible.map(\.number), header: numberHeader))
        let header: [(String, Int, Bool)] = [("", widths[0], false), (numberHeader, widths[1], false),
                                             (frame.t("Diterima", "Received"), widths[2], false), (frame.t("Pemohon", "Requester"), widths[3], false),
                                             (frame.t("Perihal", "Subject"), widths[4], false), (frame.t("Status", "State"), widths[5], false),
                                             (frame.t("Tenggat", "Due"), widths[6], false)].filter { $0.1 > 0 }
        frame.put(columns: header, row: 1, role: .title)
        if visible.isEmpty {
            let empty = search != nil ? frame.t("Tidak ada hasil. Esc: kembali ke daftar.", "No results. Esc: back to the list.")
                : frame.t("Tidak ada permohonan di sini (\\ menyaring). Tekan a untuk mendaftarkan.",
                          "No requests here (\\ filters). Press a to register one.")
            frame.screen.put(empty, row: 3, column: 2, role: .dim)
        }
        for (offset, row) in visible.enumerated() {
            let isSelected = row.uuidString == selectedID
            let marked = marks.contains(row.uuidString)
            var dueRole: Role = .normal
            if row.state.awaitsNotice { dueRole = Role.urgency(bounds.group(of: row.dueDate)) }
            if row.isProvisional && row.state.awaitsNotice && dueRole == .normal { dueRole = .provisional }
            let due = row.dueDate.iso + (row.isProvisional ? "?" : (row.isExtended ? "+" : " "))
            let pointer = isSelected ? (frame.unicode ? "▸" : ">") : (marked ? (frame.unicode ? "●" : "*") : " ")
            let parts: [(String, Int, Bool)] = [(pointer, widths[0], false), (row.number, widths[1], false),
                                                (row.receivedOn.iso, widths[2], false), (row.maskedRequester, widths[3], false),
                                                (row.subject, widths[4], false), (row.state.text(frame.language), widths[5], false),
                                                (due, widths[6], false)].enumerated().filter { widths[$0.offset] > 0 }.map(\.element)
            // The selection highlights the pointer and the number only: moving one row then rewrites
            // a few cells, not two whole rows (under 200 bytes over SSH).
            var roles = [Role?](repeating: nil, count: parts.count)
            roles[parts.count - 1] = dueRole
            if isSelected { roles[0] = .selected; roles[1] = .selected }
            frame.put(columns: parts, row: 2 + offset, role: marked ? .marked : .normal, roles: roles)
        }
    }
}
