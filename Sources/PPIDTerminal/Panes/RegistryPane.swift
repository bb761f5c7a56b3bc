import Foundation
import PPIDDomain
import PPIDStore

/// The DIP pane: the list of entries (all, or one category), a search, and how it draws.
struct RegistryPane {
    var window: KeysetWindow<DIPRow, ListCursor>
    var category: DIPCategory?
    var search: SearchResultsState<DIPRow>?

    init(store: LocalStore, category: DIPCategory? = nil) {
        self.category = category
        window = Self.window(store: store, category: category)
    }

    static func window(store: LocalStore, category: DIPCategory?) -> KeysetWindow<DIPRow, ListCursor> {
        KeysetWindow(
            fetch: { cursor, direction, limit in try store.dipEntries(category: category, after: cursor, direction: direction, limit: limit) },
            cursorOf: { LocalStore.cursor(of: $0) })
    }

    var selected: DIPRow? { search?.selectedRow ?? window.selectedRow }

    /// Shows one category (nil: all) from the start.
    mutating func setCategory(_ category: DIPCategory?, store: LocalStore) throws {
        self.category = category
        window = Self.window(store: store, category: category)
        try window.loadStart()
    }

    mutating func move(_ delta: Int, visible: Int) throws {
        if search != nil { search?.move(delta, visible: visible) } else { try window.move(delta, visible: visible) }
    }

    mutating func jump(toEnd: Bool, visible: Int) throws {
        if search != nil { search?.move(toEnd ? Int.max / 2 : -Int.max / 2, visible: visible) }
        else if toEnd { try window.loadEnd(visible: visible) } else { try window.loadStart() }
    }

    /// The tab's label: the search when one is active, else the category when one is chosen.
    func label(_ language: Language) -> String? { search.map { "/" + $0.query } ?? category?.text(language) }

    func draw(in frame: Frame) {
        let visible: [DIPRow]
        let selectedID: String?
        if let search {
            visible = Array(search.visible(frame.listRows))
            selectedID = search.selectedRow?.uuidString
        } else {
            visible = Array(window.visibleRows(frame.listRows))
            selectedID = window.selectedRow?.uuidString
        }
        let columns = frame.columns
        let holder = columns >= 110 ? 22 : 0
        let number = Frame.numberWidth(visible.map(\.number), header: frame.t("Nomor", "Number"), minimum: 18)
        let widths = [number, 14, max(1, columns - number - 14 - holder - (holder > 0 ? 3 : 2)), holder]
        frame.put(columns: [(frame.t("Nomor", "Number"), widths[0], false), (frame.t("Kategori", "Category"), widths[1], false),
                            (frame.t("Judul", "Title"), widths[2], false), (frame.t("Pejabat/unit", "Held by"), widths[3], false)].filter { $0.1 > 0 },
                  row: 1, role: .title)
        if visible.isEmpty {
            frame.screen.put(search != nil ? frame.t("Tidak ada hasil. Esc: kembali ke daftar.", "No results. Esc: back to the list.")
                             : frame.t("Daftar kosong. Tekan a untuk menambah entri.", "The list is empty. Press a to add an entry."),
                             row: 3, column: 2, role: .dim)
        }
        for (offset, row) in visible.enumerated() {
            let isSelected = row.uuidString == selectedID
            let title = row.isRetired ? "(" + frame.t("dihapus", "retired") + ") " + row.title : row.title
            frame.put(columns: [(row.number, widths[0], false), (row.category.text(frame.language), widths[1], false), (title, widths[2], false),
                                (row.holder, widths[3], false)].filter { $0.1 > 0 },
                      row: 2 + offset, role: row.isRetired ? .dim : .normal,
                      roles: [isSelected ? .selected : nil, row.category == .exempt ? .dueSoon : nil, nil, .dim])
        }
    }
}
