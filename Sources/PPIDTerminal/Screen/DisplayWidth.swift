/// Display widths of text in terminal columns: wide East Asian characters take two, combining
/// marks and zero-width characters none. Text is cut by columns, never by `Character` count.
public enum DisplayWidth {
    /// The columns one scalar takes.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value == 0 { return 0 }
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if value == 0x200B { return 0 }
        if isWide(value) { return 2 }
        return 1
    }

    /// The columns `text` takes.
    public static func of(_ text: String) -> Int {
        var width = 0
        for scalar in text.unicodeScalars { width += of(scalar) }
        return width
    }

    static func isWide(_ v: UInt32) -> Bool {
        (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v)
    }

    /// `text` cut to at most `width` columns; an ellipsis marks the cut (`~` without Unicode).
    public static func fit(_ text: String, _ width: Int, unicode: Bool = true) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        let mark = unicode ? "…" : "~"
        var result = ""
        var used = 0
        for character in text {
            let w = of(String(character))
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + mark
    }

    /// `text` fitted to exactly `width` columns: cut, or padded with spaces (on the right, or left).
    public static func pad(_ text: String, _ width: Int, alignRight: Bool = false, unicode: Bool = true) -> String {
        let fitted = fit(text, width, unicode: unicode)
        let padding = String(repeating: " ", count: max(0, width - of(fitted)))
        return alignRight ? padding + fitted : fitted + padding
    }
}
