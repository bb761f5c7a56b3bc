import PPIDDomain

/// A key the officer pressed, independent of curses.
public enum Key: Hashable, Sendable {
    case character(Character)
    /// Ctrl plus a letter, such as `.control("d")` for Ctrl-D.
    case control(Character)
    case up, down, left, right, home, end, pageUp, pageDown
    case enter, escape, tab, backTab, backspace, delete
    case resize
    case function(Int)

    /// Builds a key from a Unicode scalar as curses delivers it.
    public init(scalar: UInt32) {
        switch scalar {
        case 9: self = .tab
        case 10, 13: self = .enter
        case 27: self = .escape
        case 8, 127: self = .backspace
        case 1...26: self = .control(Character(Unicode.Scalar(scalar + 96)!))
        default: self = .character(Character(Unicode.Scalar(scalar) ?? "?"))
        }
    }

    /// How the help and the hint lines show the key in `language`.
    public func label(_ language: Language) -> String {
        switch self {
        case .character(" "): language.pick("Spasi", "Space")
        default: label
        }
    }

    /// How the help shows the key.
    public var label: String {
        switch self {
        case let .character(c): c == " " ? "Space" : String(c)
        case let .control(c): "Ctrl-\(c.uppercased())"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .resize: "resize"
        case let .function(n): "F\(n)"
        }
    }
}
