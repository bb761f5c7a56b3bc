import PPIDDomain

/// The help: the keys of what lies beneath (a form's, a detail's) and the pane's actions, from the
/// action table and the overlay bindings. Letters filter it; arrows and page keys scroll it, so
/// every action is reachable on a small screen.
struct HelpOverlay {
    var filter = ""
    /// The first row shown.
    var scroll = 0

    /// Handles a key; returns whether the help stays open. `count` says how many rows a filter leaves.
    mutating func handle(_ key: Key, count: (String) -> Int, visible: Int) -> Bool {
        switch key {
        case .escape, .control("g"), .enter: return false
        case .character("q") where filter.isEmpty: return false
        case .backspace: filter = String(filter.dropLast()); scroll = 0
        case .down: scroll += 1
        case .up: scroll -= 1
        case .pageDown, .control("d"): scroll += visible
        case .pageUp, .control("u"): scroll -= visible
        case .home: scroll = 0
        case .end: scroll = count(filter)
        case let .character(c): filter.append(c); scroll = 0
        default: break
        }
        scroll = max(0, min(scroll, max(0, count(filter) - visible)))
        return true
    }

    func draw(in frame: Frame, rows: [HelpRow], paneTitle: String) {
        let visible = frame.listRows
        // Where the view is comes before the typing hint, so it survives a narrow screen.
        let position = rows.count > visible ? "  \(scroll + 1)-\(min(rows.count, scroll + visible))/\(rows.count) ↑↓ PgDn" : ""
        let title = frame.t("Bantuan — \(paneTitle)", "Help — \(paneTitle)") + position
            + (filter.isEmpty ? frame.t("   (ketik untuk menyaring, Esc kembali)", "   (type to filter, Esc back)") : "   /" + filter)
        frame.line(title, row: 1, role: .title)
        for (index, row) in rows.dropFirst(scroll).prefix(visible).enumerated() {
            let keys = row.keys.map { $0.label(frame.language) }.joined(separator: " ")
            let text = DisplayWidth.pad(keys, 16) + DisplayWidth.pad(row.command.isEmpty ? "" : ":" + row.command, 14) + row.text
            frame.line("  " + text, row: 2 + index, role: .normal)
        }
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

    init<Command>(_ binding: OverlayBinding<Command>, _ language: Language) {
        self.init(keys: binding.keys, command: "", text: binding.help(language))
    }

    /// Whether it matches what the officer typed into the help.
    func matches(_ filter: String) -> Bool {
        let needle = filter.lowercased()
        return needle.isEmpty || text.lowercased().contains(needle) || command.contains(needle)
            || keys.contains { $0.label.lowercased() == needle }
    }
}
