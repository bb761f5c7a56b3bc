import Foundation

/// A yes/no question before an action, on the bottom line.
struct ConfirmOverlay {
    var question: String
    var onYes: () -> Void

    /// Whether `key` answers yes (`y`, `Y`, Enter); anything else is no.
    static func isYes(_ key: Key) -> Bool { key == .character("y") || key == .character("Y") || key == .enter }

    func drawBottom(in frame: Frame) {
        frame.line(question, row: frame.rows - 1, role: .header)
    }
}

/// A pick-one list (filter, category), drawn over the pane.
struct ChooseOverlay {
    var title: String
    var options: [(label: String, action: () -> Void)]
    var selected = 0

    enum Outcome { case stay, cancel, chose(Int) }

    mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .escape, .control("g"), .character("q"): return .cancel
        case .character("j"), .down: selected = min(selected + 1, options.count - 1)
        case .character("k"), .up: selected = max(selected - 1, 0)
        case .enter, .character(" "): return .chose(selected)
        default: break
        }
        return .stay
    }

    func draw(in frame: Frame) {
        let width = min(frame.columns - 4, max(30, options.map { DisplayWidth.of($0.label) }.max() ?? 0) + 6)
        let left = max(0, (frame.columns - width) / 2)
        frame.screen.put(DisplayWidth.pad(" " + title, width, unicode: frame.unicode), row: 3, column: left, role: .header)
        for (index, option) in options.prefix(frame.listRows - 3).enumerated() {
            frame.screen.put(DisplayWidth.pad("  " + option.label, width, unicode: frame.unicode), row: 4 + index, column: left,
                             role: index == selected ? .selected : .status)
        }
    }
}

/// Search as you type, on the bottom line; the results replace the pane's list.
struct SearchOverlay {
    var text = ""

    enum Outcome {
        /// Still typing; `changed` when the query changed (search again).
        case stay(changed: Bool)
        /// Enter: keep the results, close the prompt.
        case done
        /// Esc: end the search.
        case cancel
        /// ↑/↓ in the results.
        case move(Int)
    }

    mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .escape, .control("g"): return .cancel
        case .enter: return .done
        case .backspace:
            text = String(text.dropLast())
            return .stay(changed: true)
        case .down, .control("n"): return .move(1)
        case .up, .control("p"): return .move(-1)
        case let .character(c):
            text.append(c)
            return .stay(changed: true)
        default: return .stay(changed: false)
        }
    }

    /// The bottom line; returns where the caret goes.
    func drawBottom(in frame: Frame) -> (Int, Int) {
        let row = frame.rows - 1
        let label = "/" + text
        frame.screen.put(label, row: row, column: 0, role: .input)
        let hint = frame.t("  (Enter: selesai, Esc: batal, ↑/↓: pilih)", "  (Enter: done, Esc: cancel, ↑/↓: choose)")
        frame.screen.put(hint, row: row, column: DisplayWidth.of(label), role: .dim)
        return (row, min(frame.columns - 1, DisplayWidth.of(label)))
    }
}
