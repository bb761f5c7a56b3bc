import Foundation
import PPIDDomain
import PPIDStore

/// Composing a frame: the tab line, the pane or the topmost full overlay, the status line and the
/// bottom line. Each pane and overlay draws itself; only what changed reaches the terminal.
extension App {
    /// Draws the whole frame into `screen`. Only what changed reaches the terminal (curses diffs it).
    public func render(on screen: Screen) {
        rows = screen.rows
        columns = screen.columns
        screen.erase()
        let frame = Frame(screen: screen, rows: rows, columns: columns, language: language, unicode: unicode)
        guard rows >= Self.minimumRows, columns >= Self.minimumColumns else {
            drawTooSmall(frame)
            screen.present()
            return
        }
        drawTabs(frame)
        var cursor: (Int, Int)? = nil
        // The topmost overlay that takes the screen (a prompt on the bottom line leaves it in view).
        switch overlays.last(where: { !$0.isBottomLine }) {
        case let .help(help)?: help.draw(in: frame, rows: helpRows(filter: help.filter), paneTitle: pane.title(language))
        case let .form(form)?: cursor = form.draw(in: frame)
        case let .detail(detail)?: detail.draw(in: frame)
        case let .choose(choice)?:
            drawPane(frame)
            choice.draw(in: frame)
        case let .pick(picker)?:
            if let form = openForm { _ = form.draw(in: frame) }
            picker.draw(in: frame)
        default: drawPane(frame)
        }
        drawStatus(frame)
        if let bottom = drawBottom(frame) { cursor = bottom }
        if let cursor { screen.setCursor(row: cursor.0, column: cursor.1, visible: true) }
        else { screen.setCursor(row: 0, column: 0, visible: false) }
        screen.present()
    }

    var line: String { unicode ? "─" : "-" }

    func drawTooSmall(_ frame: Frame) {
        let text = t("Layar terlalu kecil: minimal \(Self.minimumColumns)×\(Self.minimumRows), sekarang \(columns)×\(rows).",
                     "Terminal too small: at least \(Self.minimumColumns)×\(Self.minimumRows), now \(columns)×\(rows).")
        var line = 0
        var rest = Substring(text)
        while !rest.isEmpty && line < rows {
            let width = max(1, columns)
            frame.screen.put(String(rest.prefix(width)), row: line, column: 0, role: .error)
            rest = rest.dropFirst(width)
            line += 1
        }
    }

    /// The tab line: each pane with what its list holds (filter or search, and a count), the unit.
    func drawTabs(_ frame: Frame) {
        let screen = frame.screen
        var column = 0
        let overdue = board.counts[.overdue] ?? 0
        let counts: [String] = [requests.search?.countLabel ?? "", registry.search?.countLabel ?? "", overdue > 0 ? "\(overdue)!" : ""]
        // The active filter is part of its pane's name, so the officer always sees what a list holds.
        let labels: [String?] = [requests.label(language), registry.label(language), nil]
        screen.put(String(repeating: " ", count: columns), row: 0, column: 0, role: .status)
        for candidate in Pane.allCases {
            // The long name of the DIP where it fits; every tab must fit 80 columns with its filter.
            let name = candidate == .registry && columns < 110 ? "DIP" : candidate.title(language)
            var title = " \(candidate.rawValue + 1) \(name)"
            if let label = labels[candidate.rawValue] { title += ": " + label }
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

    func drawPane(_ frame: Frame) {
        switch pane {
        case .requests: requests.draw(in: frame, bounds: board.bounds)
        case .registry: registry.draw(in: frame)
        case .deadlines: board.draw(in: frame)
        }
    }

    // MARK: Status and bottom line

    func drawStatus(_ frame: Frame) {
        let row = rows - 2
        // While the command line is open, the status line shows what Tab would complete to.
        if case let .command(line)? = overlays.last {
            let candidates = ActionTable.completions(line.text.trimmingCharacters(in: .whitespaces), in: pane)
            line.drawCompletions(in: frame, candidates: candidates) { [pane, language] in
                ActionTable.command($0, in: pane)?.help(language)
            }
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
        if pane == .deadlines { parts.append(board.summary(language)) }
        let left = " " + parts.joined(separator: " · ")
        let right = t("? bantuan  : perintah ", "? help  : command ")
        frame.screen.put(DisplayWidth.pad(left, columns, unicode: unicode), row: row, column: 0, role: .status)
        if DisplayWidth.of(left) + DisplayWidth.of(right) + 1 < columns {
            frame.screen.put(right, row: row, column: columns - DisplayWidth.of(right), role: .status)
        }
    }

    /// The last line: a prompt, the command line, or the last message. Returns where the cursor goes.
    func drawBottom(_ frame: Frame) -> (Int, Int)? {
        switch overlays.last {
        case let .command(line)?: return line.drawBottom(in: frame)
        case let .search(prompt)?: return prompt.drawBottom(in: frame)
        case let .confirm(question)?:
            question.drawBottom(in: frame)
            return nil
        default:
            if let message {
                frame.line(message.text, row: rows - 1, role: message.isError ? .error : .normal)
            } else {
                frame.line(hint(), row: rows - 1, role: .dim)
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
        // The detail beneath the help too: the help lists what works on it.
        guard case let .detail(detail)? = overlays.last(where: { if case .help = $0 { return false }; return true }) else { return [] }
        return ActionTable.all.filter { spec in
            guard spec.inDetail else { return false }
            switch spec.id {
            case .editDocument: return detail.documentID != nil
            case .help, .messages: return true
            default: return detail.requestID != nil
            }
        }
    }

    /// The rows the help shows for `filter`: the bindings of what lies under it (a form's keys, a
    /// detail page's keys and the acts that work there), then the pane's actions, in table order.
    func helpRows(filter: String) -> [HelpRow] {
        var rows: [HelpRow] = []
        switch overlays.last(where: { if case .help = $0 { return false }; return true }) {
        case let .form(form)?:
            rows += (OverlayBindings.formBindings(for: form) + OverlayBindings.formHelp).map { HelpRow($0, language) }
        case .detail?:
            rows += OverlayBindings.detail.map { HelpRow($0, language) }
            rows += detailActions.filter { $0.id != .help }.map { HelpRow($0, language) }
        default: break
        }
        rows += ActionTable.available(in: pane).map { HelpRow($0, language) }
        return rows.filter { $0.matches(filter) }
    }
}
