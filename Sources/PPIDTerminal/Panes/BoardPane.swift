import Foundation
import PPIDDomain
import PPIDStore

/// The deadline board: every open clock by due date as one list whose groups (overdue, today,
/// within 3 working days, later) are consecutive date ranges; their counts; how it draws.
struct BoardPane {
    var window: KeysetWindow<BoardItem, BoardCursor>
    var counts: [UrgencyGroup: Int] = [:]
    var bounds: UrgencyBounds

    init(store: LocalStore, bounds: UrgencyBounds) {
        self.bounds = bounds
        window = KeysetWindow(
            fetch: { cursor, direction, limit in
                try store.openClocks(after: cursor, direction: direction, limit: limit, today: bounds.today)
            },
            cursorOf: { LocalStore.cursor(of: $0) })
    }

    var selected: BoardItem? { window.selectedRow }

    mutating func move(_ delta: Int, visible: Int) throws { try window.move(delta, visible: visible) }

    mutating func jump(toEnd: Bool, visible: Int) throws {
        if toEnd { try window.loadEnd(visible: visible) } else { try window.loadStart() }
    }

    /// Each group and its count, for the status line.
    func summary(_ language: Language) -> String {
        UrgencyGroup.allCases.map { "\($0.text(language)) \(counts[$0] ?? 0)" }.joined(separator: " · ")
    }

    func draw(in frame: Frame) {
        let visible = window.visibleRows(frame.listRows)
        let columns = frame.columns
        // The number is never cut (objection numbers are long): the group column, which the due
        // date's colour and the status line's counts also tell, goes first on a narrow screen.
        let number = Frame.numberWidth(visible.map(\.number), header: frame.t("Nomor", "Number"), minimum: 22)
        let groupWidth = columns - 11 - 13 - number - 4 - 15 >= 20 ? 14 : 0
        let widths = [11, groupWidth, 13, number, max(1, columns - 11 - groupWidth - 13 - number - (groupWidth > 0 ? 4 : 3))]
        frame.put(columns: [(frame.t("Tenggat", "Due"), widths[0], false), (frame.t("Kelompok", "Group"), widths[1], false),
                            (frame.t("Jenis", "Clock"), widths[2], false), (frame.t("Nomor", "Number"), widths[3], false),
                            (frame.t("Perihal", "Subject"), widths[4], false)].filter { $0.1 > 0 },
                  row: 1, role: .title)
        if visible.isEmpty {
            frame.screen.put(frame.t("Tidak ada tenggat yang berjalan.", "No open deadlines."), row: 3, column: 2, role: .dim)
        }
        let selectedID = window.selectedRow?.id
        for (offset, item) in visible.enumerated() {
            let group = bounds.group(of: item.dueDate)
            let clock: String = if let step = item.disputeStep { step.text(frame.language) } else {
                switch item.clock {
            case .writtenNotice?: frame.t("Pemberitahuan", "Notice")
            case .extensionOfNotice?: frame.t("Perpanjangan", "Extended")
            case nil where item.kind == .orderUnfulfilled: frame.t("Perintah", "Order")
            case nil where item.kind == .annualReport: frame.t("Laporan", "Report")
            case nil: frame.t("Reklasifikasi", "Reclassify")
            case .commissionStart?, .commissionSettlement?: frame.t("Sengketa KI", "KI dispute")
            default: frame.t("Keberatan", "Objection")
                }
            }
            let groupRole = item.isProvisional && group == .later ? .provisional : Role.urgency(group)
            let parts: [(String, Int, Bool)] = [(item.dueDate.iso + (item.isProvisional ? "?" : ""), widths[0], false),
                                                (group.text(frame.language), widths[1], false), (clock, widths[2], false),
                                                (item.number, widths[3], false), (item.title, widths[4], false)]
            let roles: [Role?] = [item.id == selectedID ? .selected : groupRole, groupRole, nil, nil, nil]
            let shown = parts.indices.filter { widths[$0] > 0 }
            frame.put(columns: shown.map { parts[$0] }, row: 2 + offset, role: .normal, roles: shown.map { roles[$0] })
        }
    }
}
