import CNCursesW
import Foundation

/// The real terminal, through ncursesw. Only this type touches curses; keep every call on one thread.
public final class CursesScreen: Screen {
    public private(set) var unicode: Bool
    private var pairs: [Role: (pair: Int32, attrs: Int32)] = [:]
    private var buffer: [wchar_t] = []

    /// Why the terminal could not be used.
    public enum StartError: Error {
        case unknownTerminal(String)
    }

    /// Starts curses. `unicode` is whether the locale is UTF-8; `monochrome` ignores colours (NO_COLOR).
    public init(theme: Theme, unicode: Bool, monochrome: Bool, escapeDelay: Int) throws {
        self.unicode = unicode
        if ppid_curses_start(nil, Int32(escapeDelay)) != 0 {
            throw StartError.unknownTerminal(ProcessInfo.processInfo.environment["TERM"] ?? "")
        }
        apply(theme: theme, monochrome: monochrome)
    }

    /// Maps each role to a colour pair for this terminal's colour count.
    public func apply(theme: Theme, monochrome: Bool) {
        let colors = Int(ppid_color_count())
        let usable = !monochrome && colors >= 8 && ppid_color_pairs() > Int32(Role.allCases.count)
        pairs = [:]
        for (index, role) in Role.allCases.enumerated() {
            let style = theme.style(role)
            var attrs: Int32 = 0
            if style.bold { attrs |= Int32(PPID_ATTR_BOLD) }
            if style.underline { attrs |= Int32(PPID_ATTR_UNDERLINE) }
            if style.reverse { attrs |= Int32(PPID_ATTR_REVERSE) }
            if style.dim { attrs |= Int32(PPID_ATTR_DIM) }
            var pair: Int32 = 0
            if usable {
                let fg = style.foreground.number(forTerminalWith: colors)
                let bg = style.background.number(forTerminalWith: colors)
                if fg.needsBold { attrs |= Int32(PPID_ATTR_BOLD) }
                pair = Int32(index + 1)
                ppid_init_pair(pair, Int32(fg.color), Int32(bg.color))
            } else if role == .selected || role == .status || role == .header {
                // Without colours, these must still stand out.
                attrs |= Int32(PPID_ATTR_REVERSE)
            }
            pairs[role] = (pair, attrs)
        }
    }

    public var rows: Int { Int(ppid_rows()) }
    public var columns: Int { Int(ppid_cols()) }

    public func erase() { ppid_erase() }

    public func put(_ text: String, row: Int, column: Int, role: Role) {
        guard row >= 0, row < rows, column < columns else { return }
        buffer.removeAll(keepingCapacity: true)
        var width = 0
        let limit = columns - column
        for scalar in text.unicodeScalars {
            let w = DisplayWidth.of(scalar)
            if width + w > limit { break }
            // Outside a UTF-8 locale, anything beyond ASCII would print as garbage.
            buffer.append(unicode || scalar.isASCII ? wchar_t(bitPattern: scalar.value) : wchar_t(63))
            width += w
        }
        let style = pairs[role] ?? (0, 0)
        buffer.withUnsafeBufferPointer { pointer in
            ppid_put(Int32(row), Int32(column), pointer.baseAddress, Int32(pointer.count), style.pair, style.attrs)
        }
    }

    public func setCursor(row: Int, column: Int, visible: Bool) {
        ppid_cursor(Int32(row), Int32(column), visible ? 1 : 0)
    }

    public func present() { ppid_present() }

    /// Repaints everything on the next present (Ctrl-L).
    public func invalidate() { ppid_invalidate() }

    /// The next key, if one is waiting.
    public func readKey() -> Key? {
        var value: UInt32 = 0
        switch ppid_read_key(&value) {
        case 1: return Key(scalar: value)
        case 2:
            switch Int(value) {
            case Int(PPID_KEY_UP): return .up
            case Int(PPID_KEY_DOWN): return .down
            case Int(PPID_KEY_LEFT): return .left
            case Int(PPID_KEY_RIGHT): return .right
            case Int(PPID_KEY_HOME): return .home
            case Int(PPID_KEY_END): return .end
            case Int(PPID_KEY_PAGE_UP): return .pageUp
            case Int(PPID_KEY_PAGE_DOWN): return .pageDown
            case Int(PPID_KEY_BACKSPACE): return .backspace
            case Int(PPID_KEY_DELETE): return .delete
            case Int(PPID_KEY_ENTER): return .enter
            case Int(PPID_KEY_BACK_TAB): return .backTab
            case Int(PPID_KEY_RESIZE): return .resize
            case Int(PPID_KEY_F1): return .function(1)
            default: return nil
            }
        default: return nil
        }
    }

    /// Restores the terminal.
    public func stop() { ppid_curses_stop() }
}
