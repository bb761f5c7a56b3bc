/// The number series of one enrolled terminal: a short code of capital letters (`A`, `B`, … `Z`,
/// `AA`, …) that the server assigns, unique within the unit, when it issues the terminal's token.
///
/// Every number the terminal gives (registrations, objections, letters) carries it, so two desks of
/// one unit can never give the same number, online or offline: the number is final when handed over.
/// The code travels inside the terminal's token (see PPIDWire): an enrolled terminal knows its series
/// from its token file alone, before it ever reached the server.
public struct TerminalSeries: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let code: String

    /// A code of 1 to 3 capital ASCII letters, or nil.
    public init?(code: String) {
        guard (1...3).contains(code.utf8.count), code.utf8.allSatisfy({ (0x41...0x5A).contains($0) }) else { return nil }
        self.code = code
    }

    /// The first series of a unit.
    public static let first = TerminalSeries(uncheckedCode: "A")

    private init(uncheckedCode: String) { code = uncheckedCode }

    public var description: String { code }

    /// The position in the order A…Z, AA…ZZ, AAA…: a series is issued once and never again.
    public var ordinal: Int {
        var value = 0
        for byte in code.utf8 { value = value * 26 + Int(byte - 0x40) }
        return value
    }

    /// The series after this one (`Z` → `AA`), or nil after `ZZZ`.
    public var next: TerminalSeries? { Self(ordinal: ordinal + 1) }

    /// The series at `ordinal` (1 is `A`), or nil outside 1…18,278.
    public init?(ordinal: Int) {
        guard ordinal >= 1 && ordinal <= 18_278 else { return nil }
        var rest = ordinal
        var letters: [UInt8] = []
        while rest > 0 {
            let digit = (rest - 1) % 26
            letters.insert(UInt8(0x41 + digit), at: 0)
            rest = (rest - 1) / 26
        }
        code = String(decoding: letters, as: UTF8.self)
    }

    public static func < (lhs: TerminalSeries, rhs: TerminalSeries) -> Bool { lhs.ordinal < rhs.ordinal }
}
