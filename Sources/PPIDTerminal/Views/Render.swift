import Foundation
import PPIDDomain
import PPIDStore

extension App {
    /// Draws the whole frame into `screen`. Only what changed reaches the terminal (curses diffs it).
    public func render(on screen: Screen) {
        rows = screen.rows
        columns = screen.columns
        screen.erase()
        guard rows >= Self.minimumRows, columns >= Self.minimumColumns else {
            let text = t("Layar terlalu kecil: minimal \(Self.minimumColumns)×\(Self.minimumRows), sekarang \(columns)×\(rows).",
                         "Terminal too small: at least \(Self.minimumColumns)×\(Self.minimumRows), now \(columns)×\(rows).")
            var line = 0
            var rest = Substring(text)
            while !rest.isEmpty && line < rows {
                let width = max(1, columns)
                screen.put(String(rest.prefix(width)), row: line, column: 0, role: .error)
                rest = rest.dropFirst(width)
                line += 1
            }
            screen.present()
            return
        }
        drawTabs(screen)
        var cursor: (Int, Int)? = nil
        if let overlay = overlays.last(where: { if case .command = $0 { return false }; if case .confirm = $0 { return false }; if case .search = $0 { return false }; return true }) {
            switch overlay {
            case let .help(filter, scroll): drawHelp(screen, filter: filter, scroll: scroll)
            case let .form(form): cursor = drawForm(screen, form)
            case let .detail(detail): drawDetail(screen, detail)
            case let .choose(choice):
                drawPane(screen)
                drawChoice(screen, choice)
            case let .pick(picker):
                if let form = openForm { _ = drawForm(screen, form) }
                drawPicker(screen, picker)
            default: drawPane(screen)
            }
        } else {
            drawPane(screen)
        }
        drawStatus(screen)
        if let bottom = drawBottom(screen) { cursor = bottom }
        if let cursor { screen.setCursor(row: cursor.0, column: cursor.1, visible: true) }
        else { screen.setCursor(row: 0, column: 0, visible: false) }
        screen.present()
    }

    var line: String { unicode ? "─" : "-" }

    func drawTabs(_ screen: Screen) {
        var column = 0
        let overdue = board.counts[.overdue] ?? 0
        let counts: [String] = [
            requests.search.map { "\($0.rows.count)\($0.hasMore ? "+" : "")" } ?? "",
            registry.search.map { "\($0.rows.count)\($0.hasMore ? "+" : "")" } ?? "",
            overdue > 0 ? "\(overdue)!" : "",
        ]
        screen.put(String(repeating: " ", count: columns), row: 0, column: 0, role: .status)
        // The active filter is part of its pane's name, so the officer always sees what a list holds.
        // A search replaces the list: the tab then names the search instead (it covers every request).
        let filters: [String?] = [requests.search.map { "/" + $0.query } ?? requests.filter.text(language),
                                  registry.search.map { "/" + $0.query } ?? registry.category?.text(language), nil]
        for candidate in Pane.allCases {
            // The long name of the DIP where it fits; every tab must fit 80 columns with its filter.
            let name = candidate == .registry && columns < 110 ? "DIP" : candidate.title(language)
            var title = " \(candidate.rawValue + 1) \(name)"
            if let filter = filters[candidate.rawValue] { title += ": " + filter }
            if !counts[candidate.rawValue].isEmpty { title += " [\(counts[candidate.rawValue])]" }
            title += " "
            if column + DisplayWidth.of(title) > columns { break }
            screen.put(title, row: 0, column: column, role: candidate == pane ? .header : .status)
            column += DisplayWidth.of(title) + 1
        }
        let unit = " \(store.profile.code) "
        if column + DisplayWidth.of(unit) < columns {
            screen.put(unit, row: 0, column: columns - DisplayWidth.of(unit), role: .status)
        }
    }

    func drawPane(_ screen: Screen) {
        switch pane {
        case .requests: drawRequests(screen)
        case .registry: drawRegistry(screen)
        case .deadlines: drawBoard(screen)
        }
    }

    /// A row of columns, each fitted to its width, separated by one space.
    func put(columns parts: [(String, Int, Bool)], row: Int, screen: Screen, role: Role, roles: [Role?]? = nil) {
        var column = 0
        for (index, part) in parts.enumerated() {
            let text = DisplayWidth.pad(part.0, part.1, alignRight: part.2, unicode: unicode)
            screen.put(text, row: row, column: column, role: roles?[index] ?? role)
            column += part.1 + 1
            if column < columns { screen.put(" ", row: row, column: column - 1, role: role) }
        }
        if column < columns { screen.put(String(repeating: " ", count: columns - column), row: row, column: column, role: role) }
    }

    // MARK: Requests

    /// The widths of mark, number, received, requester, subject, state and due. The number is the
    /// officer's handle on a case and is never cut: it gets its full width first, then the dates
    /// and state; the requester is dropped before the subject is squeezed below 16 columns.
    func requestColumns(numberWidth: Int) -> [Int] {
        let state = columns >= 120 ? 12 : 11
        let fixed = 1 + numberWidth + 10 + state + 11
        let rest = columns - fixed - 6  // the spaces between the seven columns
        if rest >= 16 + 1 + 10 {
            let requester = min(18, max(10, rest / 3))
            return [1, numberWidth, 10, requester, rest - requester - 1, state, 11]
        }
        return [1, numberWidth, 10, 0, max(1, rest + 1), state, 11]
    }

    /// The width a column of numbers needs: the widest shown (and its header), so none is cut.
    func numberWidth(_ numbers: [String], header: String, minimum: Int = 12) -> Int {
        max(minimum, DisplayWidth.of(header), numbers.map(DisplayWidth.of).max() ?? 0)
    }

    func drawRequests(_ screen: Screen) {
        let visible: [RequestRow]
        let selectedID: String?
        if let search = requests.search {
            visible = Array(search.rows[min(search.top, search.rows.count)..<min(search.rows.count, search.top + listRows)])
            selectedID = search.selectedRow?.uuidString
        } else {
            visible = Array(requests.window.visibleRows(listRows))
            selectedID = requests.window.selectedRow?.uuidString
        }
        let widths = requestColumns(numberWidth: numberWidth(visible.map(\.number), header: t("No. registrasi", "Registration no.")))
        let header: [(String, Int, Bool)] = [("", widths[0], false), (t("No. registrasi", "Registration no."), widths[1], false),
                                             (t("Diterima", "Received"), widths[2], false), (t("Pemohon", "Requester"), widths[3], false),
                                             (t("Perihal", "Subject"), widths[4], false), (t("Status", "State"), widths[5], false),
                                             (t("Tenggat", "Due"), widths[6], false)].filter { $0.1 > 0 }
        put(columns: header, row: 1, screen: screen, role: .title)
        let bounds = board.bounds
        if visible.isEmpty {
            let empty = requests.search != nil ? t("Tidak ada hasil. Esc: kembali ke daftar.", "No results. Esc: back to the list.")
                : t("Belum ada permohonan. Tekan a untuk mendaftarkan.", "No requests yet. Press a to register one.")
            screen.put(empty, row: 3, column: 2, role: .dim)
        }
        for (offset, row) in visible.enumerated() {
            let isSelected = row.uuidString == selectedID
            let marked = requests.marks.contains(row.uuidString)
            var dueRole: Role = .normal
            if row.state.awaitsNotice { dueRole = role(for: bounds.group(of: row.dueDate)) }
            if row.isProvisional && row.state.awaitsNotice && dueRole == .normal { dueRole = .provisional }
            let due = row.dueDate.iso + (row.isProvisional ? "?" : (row.isExtended ? "+" : " "))
            let pointer = isSelected ? (unicode ? "▸" : ">") : (marked ? (unicode ? "●" : "*") : " ")
            let parts: [(String, Int, Bool)] = [(pointer, widths[0], false), (row.number, widths[1], false),
                                                (row.receivedOn.iso, widths[2], false), (row.maskedRequester, widths[3], false),
                                                (row.subject, widths[4], false), (row.state.text(language), widths[5], false),
                                                (due, widths[6], false)].enumerated().filter { widths[$0.offset] > 0 }.map(\.element)
            // The selection highlights the pointer and the number only: moving one row then rewrites
            // a few cells, not two whole rows (under 200 bytes over SSH).
            let base: Role = marked ? .marked : .normal
            var roles = [Role?](repeating: nil, count: parts.count)
            roles[parts.count - 1] = dueRole
            if isSelected { roles[0] = .selected; roles[1] = .selected }
            put(columns: parts, row: 2 + offset, screen: screen, role: base, roles: roles)
        }
    }

    // MARK: Registry

    func drawRegistry(_ screen: Screen) {
        let visible: [DIPRow]
        let selectedID: String?
        if let search = registry.search {
            visible = Array(search.rows[min(search.top, search.rows.count)..<min(search.rows.count, search.top + listRows)])
            selectedID = search.selectedRow?.uuidString
        } else {
            visible = Array(registry.window.visibleRows(listRows))
            selectedID = registry.window.selectedRow?.uuidString
        }
        let holder = columns >= 110 ? 22 : 0
        let number = numberWidth(visible.map(\.number), header: t("Nomor", "Number"), minimum: 18)
        let widths = [number, 14, max(1, columns - number - 14 - holder - (holder > 0 ? 3 : 2)), holder]
        put(columns: [(t("Nomor", "Number"), widths[0], false), (t("Kategori", "Category"), widths[1], false),
                      (t("Judul", "Title"), widths[2], false), (t("Pejabat/unit", "Held by"), widths[3], false)].filter { $0.1 > 0 },
            row: 1, screen: screen, role: .title)
        if visible.isEmpty {
            screen.put(registry.search != nil ? t("Tidak ada hasil. Esc: kembali ke daftar.", "No results. Esc: back to the list.")
                       : t("Daftar kosong. Tekan a untuk menambah entri.", "The list is empty. Press a to add an entry."),
                       row: 3, column: 2, role: .dim)
        }
        for (offset, row) in visible.enumerated() {
            let isSelected = row.uuidString == selectedID
            let title = row.isRetired ? "(" + t("dihapus", "retired") + ") " + row.title : row.title
            put(columns: [(row.number, widths[0], false), (row.category.text(language), widths[1], false), (title, widths[2], false),
                          (row.holder, widths[3], false)].filter { $0.1 > 0 },
                row: 2 + offset, screen: screen, role: row.isRetired ? .dim : .normal,
                roles: [isSelected ? .selected : nil, row.category == .exempt ? .dueSoon : nil, nil, .dim])
        }
    }

    // MARK: Deadlines

    func drawBoard(_ screen: Screen) {
        let visible = board.window.visibleRows(listRows)
        // The number is never cut (objection numbers are long): the group column, which the due
        // date's colour and the status line's counts also tell, goes first on a narrow screen.
        let number = numberWidth(visible.map(\.number), header: t("Nomor", "Number"), minimum: 22)
        let groupWidth = columns - 11 - 13 - number - 4 - 15 >= 20 ? 14 : 0
        let widths = [11, groupWidth, 13, number, max(1, columns - 11 - groupWidth - 13 - number - (groupWidth > 0 ? 4 : 3))]
        put(columns: [(t("Tenggat", "Due"), widths[0], false), (t("Kelompok", "Group"), widths[1], false), (t("Jenis", "Clock"), widths[2], false),
                      (t("Nomor", "Number"), widths[3], false), (t("Perihal", "Subject"), widths[4], false)].filter { $0.1 > 0 },
            row: 1, screen: screen, role: .title)
        if visible.isEmpty {
            screen.put(t("Tidak ada tenggat yang berjalan.", "No open deadlines."), row: 3, column: 2, role: .dim)
        }
        let selectedID = board.window.selectedRow?.id
        for (offset, item) in visible.enumerated() {
            let group = board.bounds.group(of: item.dueDate)
            let clock: String = switch item.clock {
            case .writtenNotice: t("Pemberitahuan", "Notice")
            case .extensionOfNotice: t("Perpanjangan", "Extended")
            default: t("Keberatan", "Objection")
            }
            let groupRole = item.isProvisional && group == .later ? .provisional : role(for: group)
            let isSelected = item.id == selectedID
            let parts: [(String, Int, Bool)] = [(item.dueDate.iso + (item.isProvisional ? "?" : ""), widths[0], false),
                                                (group.text(language), widths[1], false), (clock, widths[2], false),
                                                (item.number, widths[3], false), (item.title, widths[4], false)]
            let roles: [Role?] = [isSelected ? .selected : groupRole, groupRole, nil, nil, nil]
            let shown = parts.indices.filter { widths[$0] > 0 }
            put(columns: shown.map { parts[$0] }, row: 2 + offset, screen: screen, role: .normal, roles: shown.map { roles[$0] })
        }
    }

    // MARK: Status and bottom line

    func drawStatus(_ screen: Screen) {
        let row = rows - 2
        // While the command line is open, the status line shows what Tab would complete to, with
        // each candidate's help when few remain, so the officer sees the choices as they type.
        if case let .command(text)? = overlays.last {
            drawCompletions(screen, row: row, prefix: text.trimmingCharacters(in: .whitespaces))
            return
        }
        var parts = ["\(store.profile.code)", store.officerName]
        if let activity = syncActivity?() {
            parts.append(activity)
        } else {
            parts.append(t("sinkron: ", "sync: ") + (lastSync ?? t("belum pernah", "never")))
            if let error = lastSyncError, !error.isEmpty { parts.append(t("sinkron gagal (!)", "sync failed (!)")) }
        }
        parts.append(t("\(pending) tertunda", "\(pending) pending"))
        if conflictCount > 0 { parts.append(t("\(conflictCount) konflik (!)", "\(conflictCount) conflicts (!)")) }
        if !requests.marks.isEmpty { parts.append(t("\(requests.marks.count) ditandai", "\(requests.marks.count) marked")) }
        if pane == .deadlines {
            parts.append(UrgencyGroup.allCases.map { "\($0.text(language)) \(board.counts[$0] ?? 0)" }.joined(separator: " · "))
        }
        let left = " " + parts.joined(separator: " · ")
        let right = t("? bantuan  : perintah ", "? help  : command ")
        screen.put(DisplayWidth.pad(left, columns, unicode: unicode), row: row, column: 0, role: .status)
        if DisplayWidth.of(left) + DisplayWidth.of(right) + 1 < columns {
            screen.put(right, row: row, column: columns - DisplayWidth.of(right), role: .status)
        }
    }

    func drawCompletions(_ screen: Screen, row: Int, prefix: String) {
        let candidates = ActionTable.completions(prefix, in: pane)
        let text: String
        if candidates.isEmpty {
            text = t(" Tidak ada perintah yang cocok. Backspace untuk mengubah, Esc batal.", " No command matches. Backspace to change, Esc cancels.")
        } else if candidates.count == 1, let spec = ActionTable.command(candidates[0], in: pane) {
            text = " Tab → :\(candidates[0])  \(spec.help(language))"
        } else {
            text = " Tab: " + candidates.joined(separator: "  ")
        }
        screen.put(DisplayWidth.pad(text, columns, unicode: unicode), row: row, column: 0, role: .status)
    }

    /// The last line: a prompt, the command line, or the last message. Returns where the cursor goes.
    func drawBottom(_ screen: Screen) -> (Int, Int)? {
        let row = rows - 1
        switch overlays.last {
        case let .command(text)?:
            screen.put(":" + text, row: row, column: 0, role: .input)
            return (row, min(columns - 1, 1 + DisplayWidth.of(text)))
        case let .search(text)?:
            let label = "/" + text
            screen.put(label, row: row, column: 0, role: .input)
            let hint = t("  (Enter: selesai, Esc: batal, ↑/↓: pilih)", "  (Enter: done, Esc: cancel, ↑/↓: choose)")
            screen.put(hint, row: row, column: DisplayWidth.of(label), role: .dim)
            return (row, min(columns - 1, DisplayWidth.of(label)))
        case let .confirm(question)?:
            screen.put(DisplayWidth.fit(question.question, columns, unicode: unicode), row: row, column: 0, role: .header)
            return nil
        default:
            if let message {
                screen.put(DisplayWidth.fit(message.text, columns, unicode: unicode), row: row, column: 0, role: message.isError ? .error : .normal)
            } else {
                screen.put(DisplayWidth.fit(hint(), columns, unicode: unicode), row: row, column: 0, role: .dim)
            }
            return nil
        }
    }

    /// The hint line, made from the bindings of what has the keys: the open form, a detail page, or the pane.
    func hint() -> String {
        switch overlays.last {
        case let .form(form)?:
            return (OverlayBindings.formBindings(for: form) + OverlayBindings.formHelp).compactMap { $0.hintText(language) }.joined(separator: " · ")
        case .detail?:
            let own = OverlayBindings.detail.compactMap { $0.hintText(language) }
            let acts = detailActions
            return ([t("? bantuan", "? help")] + own + acts.filter { $0.id != .help }.compactMap { $0.hintText(language) }).joined(separator: " · ")
        case .pick?:
            return t("ketik mencari · ↑/↓ pilih · Enter tambahkan · Esc kembali", "type to search · ↑/↓ choose · Enter adds · Esc back")
        default:
            return ActionTable.hints(in: pane, language).joined(separator: " · ")
        }
    }

    /// The actions that work on the open detail page: a request's acts on a request, `e` on an entry.
    var detailActions: [ActionSpec] {
        guard case let .detail(detail)? = overlays.last else { return [] }
        return ActionTable.all.filter { spec in
            guard spec.inDetail else { return false }
            switch spec.id {
            case .editDocument: return detail.documentID != nil
            case .help, .messages: return true
            default: return detail.requestID != nil
            }
        }
    }

    // MARK: Overlays

    /// The rows the help shows for `filter`: the bindings of what lies under it (a form's keys, a
    /// detail page's keys and the acts that work there), then the pane's actions, in table order.
    func helpRows(filter: String) -> [HelpRow] {
        var rows: [HelpRow] = []
        let under = overlays.last { if case .help = $0 { return false }; return true }
        switch under {
        case let .form(form)?:
            rows += OverlayBindings.formBindings(for: form).map { HelpRow(keys: $0.keys, command: "", text: $0.help(language)) }
            rows += OverlayBindings.formHelp.map { HelpRow(keys: $0.keys, command: "", text: $0.help(language)) }
        case .detail?:
            rows += OverlayBindings.detail.map { HelpRow(keys: $0.keys, command: "", text: $0.help(language)) }
            rows += detailActions.filter { $0.id != .help }.map { HelpRow($0, language) }
        default: break
        }
        rows += ActionTable.available(in: pane).map { HelpRow($0, language) }
        let needle = filter.lowercased()
        return rows.filter { row in
            needle.isEmpty || row.text.lowercased().contains(needle) || row.command.contains(needle)
                || row.keys.contains { $0.label.lowercased() == needle }
        }
    }

    func drawHelp(_ screen: Screen, filter: String, scroll: Int = 0) {
        let actions = helpRows(filter: filter)
        // Where the view is comes before the typing hint, so it survives a narrow screen.
        let position = actions.count > listRows ? "  \(scroll + 1)-\(min(actions.count, scroll + listRows))/\(actions.count) ↑↓ PgDn" : ""
        let title = t("Bantuan — \(pane.title(language))", "Help — \(pane.title(language))") + position
            + (filter.isEmpty ? t("   (ketik untuk menyaring, Esc kembali)", "   (type to filter, Esc back)") : "   /" + filter)
        screen.put(DisplayWidth.fit(title, columns, unicode: unicode), row: 1, column: 0, role: .title)
        for (index, row) in actions.dropFirst(scroll).prefix(listRows).enumerated() {
            let keys = row.keys.map { $0.label(language) }.joined(separator: " ")
            let text = DisplayWidth.pad(keys, 16) + DisplayWidth.pad(row.command.isEmpty ? "" : ":" + row.command, 14) + row.text
            screen.put(DisplayWidth.fit("  " + text, columns, unicode: unicode), row: 2 + index, column: 0, role: .normal)
        }
    }

    func drawDetail(_ screen: Screen, _ detail: DetailState) {
        for (index, line) in detail.lines.dropFirst(detail.scroll).prefix(listRows + 1).enumerated() {
            screen.put(DisplayWidth.fit(line.text, columns, unicode: unicode), row: 1 + index, column: 0, role: line.role)
        }
    }

    func drawChoice(_ screen: Screen, _ choice: ChooseState) {
        let width = min(columns - 4, max(30, choice.options.map { DisplayWidth.of($0.label) }.max() ?? 0) + 6)
        let left = max(0, (columns - width) / 2)
        screen.put(DisplayWidth.pad(" " + choice.title, width, unicode: unicode), row: 3, column: left, role: .header)
        for (index, option) in choice.options.prefix(listRows - 3).enumerated() {
            screen.put(DisplayWidth.pad("  " + option.label, width, unicode: unicode), row: 4 + index, column: left,
                       role: index == choice.selected ? .selected : .status)
        }
    }

    /// Draws a form; returns where the caret is.
    func drawForm(_ screen: Screen, _ form: FormState) -> (Int, Int)? {
        let title = form.title + (form.count > 1 ? "" : "")
        screen.put(DisplayWidth.pad(" " + title, columns, unicode: unicode), row: 1, column: 0, role: .header)
        let labelWidth = min(30, max(12, form.fields.map { DisplayWidth.of($0.label) }.max() ?? 12) + 2)
        let valueWidth = max(10, min(48, columns - labelWidth - 4 - 24))
        var row = 2
        var caret: (Int, Int)? = nil
        for index in form.shownIndices {
            guard row < rows - 3 else { break }
            let field = form.fields[index]
            let focused = index == form.focus
            let label = DisplayWidth.pad((field.required ? "*" : " ") + field.label, labelWidth, unicode: unicode)
            screen.put(label, row: row, column: 1, role: focused ? .title : .normal)
            var value = field.displayValue
            if case .choice = field.kind { value = (unicode ? "◂ " : "< ") + value + (unicode ? " ▸" : " >") }
            // Keep the caret visible in a long value.
            var shown = value
            var offset = 0
            if focused, case .choice = field.kind {} else if focused, form.caret > valueWidth - 1 {
                offset = form.caret - valueWidth + 1
                shown = String(Array(value).dropFirst(offset))
            }
            screen.put(DisplayWidth.pad(shown, valueWidth, unicode: unicode), row: row, column: 1 + labelWidth, role: .input)
            if focused, case .choice = field.kind {} else if focused {
                let before = String(Array(value).prefix(form.caret).dropFirst(offset))
                caret = (row, 1 + labelWidth + DisplayWidth.of(before))
            }
            let note = field.error.map { " " + $0 } ?? (focused && !field.hint.isEmpty ? " " + field.hint : "")
            if !note.isEmpty {
                let column = 2 + labelWidth + valueWidth
                if column < columns {
                    screen.put(DisplayWidth.fit(note, columns - column, unicode: unicode), row: row, column: column,
                               role: field.error != nil ? .error : .dim)
                }
            }
            row += 1
        }
        if let message = form.message {
            screen.put(DisplayWidth.fit(" " + message, columns, unicode: unicode), row: min(row + 1, rows - 3), column: 0, role: .error)
        }
        return caret
    }
}

/// One row of the help: keys, the `:` name (empty for an overlay's own keys) and what it does.
struct HelpRow {
    let keys: [Key]
    let command: String
    let text: String

    init(keys: [Key], command: String, text: String) {
        self.keys = keys
        self.command = command
        self.text = text
    }

    init(_ spec: ActionSpec, _ language: Language) {
        keys = spec.keys
        command = spec.command
        text = spec.help(language) + (spec.appliesToMarked ? language.pick(" (berlaku untuk yang ditandai)", " (applies to marked rows)") : "")
    }
}
