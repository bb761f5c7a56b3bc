import Foundation
import PPIDDomain

/// The `:` command line: an action's name, completed with Tab (the completions show on the status
/// line while typing), earlier commands with ↑/↓.
struct CommandLineOverlay {
    var text = ""

    enum Outcome {
        case stay, cancel
        /// Run this command.
        case run(String)
    }

    mutating func handle(_ key: Key, completions: (String) -> [String], history: [String]) -> Outcome {
        switch key {
        case .escape, .control("g"): return .cancel
        case .enter: return .run(text)
        case .tab:
            let candidates = completions(text)
            if candidates.count == 1 { text = candidates[0] }
            else if let common = Self.commonPrefix(candidates), common.count > text.count { text = common }
        case .up:
            if let index = history.lastIndex(of: text), index > 0 { text = history[index - 1] }
            else if let last = history.last, !history.contains(text) { text = last }
        case .down:
            if let index = history.lastIndex(of: text), index + 1 < history.count { text = history[index + 1] }
        case .backspace:
            if text.isEmpty { return .cancel }
            text.removeLast()
        case let .character(c): text.append(c)
        default: break
        }
        return .stay
    }

    static func commonPrefix(_ words: [String]) -> String? {
        guard var prefix = words.first else { return nil }
        for word in words.dropFirst() {
            while !word.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }

    /// The bottom line; returns where the caret goes.
    func drawBottom(in frame: Frame) -> (Int, Int) {
        let row = frame.rows - 1
        frame.screen.put(":" + text, row: row, column: 0, role: .input)
        return (row, min(frame.columns - 1, 1 + DisplayWidth.of(text)))
    }

    /// The status line while typing: what Tab would complete to, with the help of the one left.
    func drawCompletions(in frame: Frame, candidates: [String], help: (String) -> String?) {
        let text: String
        if candidates.isEmpty {
            text = frame.t(" Tidak ada perintah yang cocok. Backspace untuk mengubah, Esc batal.", " No command matches. Backspace to change, Esc cancels.")
        } else if candidates.count == 1, let help = help(candidates[0]) {
            text = " Tab → :\(candidates[0])  \(help)"
        } else {
            text = " Tab: " + candidates.joined(separator: "  ")
        }
        frame.screen.put(DisplayWidth.pad(text, frame.columns, unicode: frame.unicode), row: frame.rows - 2, column: 0, role: .status)
    }
}
