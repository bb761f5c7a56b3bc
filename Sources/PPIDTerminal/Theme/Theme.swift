import Foundation

import PPIDDomain

/// A terminal colour: one of the eight ANSI colours, bright or not, with an optional 256-colour index.
public struct ThemeColor: Hashable, Sendable {
    /// 0-7 (black, red, green, yellow, blue, magenta, cyan, white), or -1 for the terminal's default.
    public let base: Int
    public let bright: Bool
    /// The colour to use on a 256-colour terminal.
    public let extended: Int?

    public static let `default` = ThemeColor(base: -1, bright: false, extended: nil)

    /// The colour number for a terminal with `colors` colours, and whether bold must stand in for brightness.
    public func number(forTerminalWith colors: Int) -> (color: Int, needsBold: Bool) {
        if base < 0 && extended == nil { return (-1, false) }
        if colors >= 256, let extended { return (extended, false) }
        if base < 0 { return (-1, false) }
        if bright { return colors >= 16 ? (base + 8, false) : (base, true) }
        return (base, false)
    }
}

/// How one role looks.
public struct RoleStyle: Hashable, Sendable {
    public var foreground: ThemeColor = .default
    public var background: ThemeColor = .default
    public var bold = false
    public var underline = false
    public var reverse = false
    public var dim = false
}

/// A theme: a style for every ``Role``, read from a `.theme` file.
public struct Theme: Sendable {
    public let name: String
    public let styles: [Role: RoleStyle]

    public func style(_ role: Role) -> RoleStyle { styles[role] ?? RoleStyle() }

    /// Parses a theme file; a bad line throws with the file, line and problem.
    public init(name: String, source: String, text: String) throws(ThemeError) {
        var styles: [Role: RoleStyle] = [:]
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            func fail(_ problem: ThemeProblem) -> ThemeError { ThemeError(source: source, line: index + 1, problem: problem) }
            let parts = trimmed.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw fail(.expectedRoleEqualsStyle) }
            let roleName = parts[0].trimmingCharacters(in: .whitespaces)
            guard let role = Role(rawValue: roleName) else {
                throw fail(.unknownRole(roleName, known: Role.allCases.map(\.rawValue).joined(separator: " ")))
            }
            styles[role] = try Self.parseStyle(parts[1].trimmingCharacters(in: .whitespaces), fail: fail)
        }
        self.name = name
        self.styles = styles
    }

    private static let colorNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    private static func parseStyle(_ text: String, fail: (ThemeProblem) -> ThemeError) throws(ThemeError) -> RoleStyle {
        var style = RoleStyle()
        var tokens = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)[...]
        func color(_ token: String) throws(ThemeError) -> ThemeColor? {
            let pieces = token.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            var name = pieces[0].lowercased()
            var extended: Int? = nil
            if pieces.count == 2 {
                guard let n = Int(pieces[1]), (0...255).contains(n) else { throw fail(.badColourIndex(pieces[1])) }
                extended = n
            } else if pieces.count > 2 {
                throw fail(.unreadableColour(token))
            }
            if name == "default" { return ThemeColor(base: -1, bright: false, extended: extended) }
            var bright = false
            if name.hasPrefix("bright-") { bright = true; name.removeFirst("bright-".count) }
            guard let base = colorNames.firstIndex(of: name) else { return nil }
            return ThemeColor(base: base, bright: bright, extended: extended)
        }
        let attributes: Set<String> = ["bold", "underline", "reverse", "dim"]
        if let first = tokens.first, !attributes.contains(first) {
            guard let fg = try color(first) else { throw fail(.unknownColour(first)) }
            style.foreground = fg
            tokens = tokens.dropFirst()
            if tokens.first == "on" {
                tokens = tokens.dropFirst()
                guard let token = tokens.first else { throw fail(.missingBackground) }
                guard let bg = try color(token) else { throw fail(.unknownColour(token)) }
                style.background = bg
                tokens = tokens.dropFirst()
            }
        }
        for token in tokens {
            switch token {
            case "bold": style.bold = true
            case "underline": style.underline = true
            case "reverse": style.reverse = true
            case "dim": style.dim = true
            default: throw fail(.unknownAttribute(token))
            }
        }
        return style
    }
}

/// A problem in a theme file.
public struct ThemeError: OfficerFacingError, Equatable {
    public let source: String
    public let line: Int
    public let problem: ThemeProblem

    public func text(_ language: Language) -> String {
        let where_ = line > 0 ? "\(source):\(line)" : source
        return language.pick("Tema \(where_): \(problem.text(.indonesian)). Tema bawaan dipakai.",
                             "Theme \(where_): \(problem.text(.english)). Using the default theme.")
    }
}

/// What is wrong in a theme file, in either language.
public enum ThemeProblem: Equatable, Sendable, Localized {
    case noSuchTheme(known: String)
    case expectedRoleEqualsStyle
    case unknownRole(String, known: String)
    case badColourIndex(String)
    case unreadableColour(String)
    case unknownColour(String)
    case missingBackground
    case unknownAttribute(String)

    public func text(_ language: Language) -> String {
        switch self {
        case let .noSuchTheme(known):
            language.pick("tema tidak ada (bawaan: \(known))", "no such theme (built in: \(known))")
        case .expectedRoleEqualsStyle: language.pick("diharapkan 'peran = gaya'", "expected 'role = style'")
        case let .unknownRole(role, known):
            language.pick("peran '\(role)' tidak dikenal (dikenal: \(known))", "unknown role '\(role)' (known: \(known))")
        case let .badColourIndex(text):
            language.pick("'\(text)' bukan indeks warna 0-255", "'\(text)' is not a colour index 0-255")
        case let .unreadableColour(text): language.pick("warna '\(text)' tidak terbaca", "cannot read colour '\(text)'")
        case let .unknownColour(text): language.pick("warna '\(text)' tidak dikenal", "unknown colour '\(text)'")
        case .missingBackground: language.pick("'on' memerlukan warna latar", "'on' needs a background colour")
        case let .unknownAttribute(token):
            language.pick("atribut '\(token)' tidak dikenal (pakai bold, underline, reverse, dim)",
                          "unknown attribute '\(token)' (use bold, underline, reverse, dim)")
        }
    }
}
