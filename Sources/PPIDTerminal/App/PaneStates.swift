import Foundation
import PPIDDomain
import PPIDStore

/// The requests pane: a keyset window over the list, the filter, marks and a search.
struct RequestsPaneState {
    var window: KeysetWindow<RequestRow, ListCursor>
    var filter: RequestFilter = .all
    var order: RequestOrder = .dueDate
    var marks: Set<String> = []
    var lastMarked: String?
    /// Search results replace the list while a search is active.
    var search: SearchResultsState<RequestRow>?

    var selected: RequestRow? { search?.selectedRow ?? window.selectedRow }
}

/// The DIP pane.
struct RegistryPaneState {
    var window: KeysetWindow<DIPRow, ListCursor>
    var category: DIPCategory?
    var search: SearchResultsState<DIPRow>?

    var selected: DIPRow? { search?.selectedRow ?? window.selectedRow }
}

/// The deadline board: every open clock by due date, in groups.
struct BoardPaneState {
    var window: KeysetWindow<BoardItem, BoardCursor>
    var counts: [UrgencyGroup: Int] = [:]
    var bounds: UrgencyBounds
}

/// The results of a search, with their own selection.
struct SearchResultsState<Row> {
    var query: String
    var rows: [Row]
    var isRanked: Bool
    var hasMore: Bool
    var selected = 0
    var top = 0

    var selectedRow: Row? { rows.indices.contains(selected) ? rows[selected] : nil }

    mutating func move(_ delta: Int, visible: Int) {
        guard !rows.isEmpty else { return }
        selected = min(max(0, selected + delta), rows.count - 1)
        if selected < top { top = selected }
        if selected >= top + visible { top = selected - visible + 1 }
    }
}

/// A scrollable page of text: a request's detail, "why this date", the help, the audit trail.
struct DetailState {
    var title: String
    var lines: [(text: String, role: Role)]
    var scroll = 0
    /// The case shown, so actions from the detail apply to it.
    var requestID: String?
    /// The DIP entry shown, so `e` edits it.
    var documentID: UUID?
}

/// A yes/no question before an action.
struct ConfirmState {
    var question: String
    var onYes: () -> Void
}

/// A pick-one list (filter, category).
struct ChooseState {
    var title: String
    var options: [(label: String, action: () -> Void)]
    var selected = 0
}

/// What is drawn over the panes, topmost last.
enum Overlay {
    /// The help of the pane: `filter` narrows it as the officer types; `scroll` is the first row shown.
    case help(filter: String, scroll: Int = 0)
    case command(text: String)
    case form(FormState)
    case detail(DetailState)
    case confirm(ConfirmState)
    case search(text: String)
    case choose(ChooseState)
    /// The DIP search picker over a link form.
    case pick(DocumentPickerState)
}
