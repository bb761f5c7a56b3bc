import Foundation

/// The ranges every value the domain takes must lie in. A value from the network, a file or the
/// command line is checked against these where it enters, so that no later computation (a
/// deadline, a zone conversion, a sum) ever meets a value it cannot handle.
public enum DomainLimits {
    /// Legal dates the register holds: receipts, deadlines, exemption ends, decrees.
    public static let dates: ClosedRange<CivilDate> = CivilDate(daysSinceEpoch: -25_567)...CivilDate(daysSinceEpoch: 376_199)  // 1900-01-01...2999-12-31

    /// Instants an event may carry: one day inside ``dates`` at both ends, so that the local date in
    /// any zone (UTC-12 to UTC+14) is still within ``dates``.
    public static let instants: ClosedRange<Date> = {
        let first = Date(timeIntervalSince1970: TimeInterval(dates.lowerBound.adding(days: 1).daysSinceEpoch) * 86_400)
        let last = Date(timeIntervalSince1970: TimeInterval(dates.upperBound.daysSinceEpoch) * 86_400)
        return first...last
    }()

    /// Years a command-line option or a report period may name.
    public static var years: ClosedRange<Int> { dates.lowerBound.year...dates.upperBound.year }

    /// Bytes of UTF-8 in a name, a number, a code or any other one-line text.
    public static let shortText = 256
    /// Bytes of UTF-8 in a unit code.
    public static let unitCode = 32
    /// Bytes of UTF-8 in an officer's login.
    public static let officerLogin = 64
    /// Bytes of UTF-8 in a free text: the information requested, a reason, a statement, a summary.
    public static let longText = 8_192
    /// DIP entries one request may be linked to in one event.
    public static let linkedDocuments = 200
    /// Exempted parts one partial grant may list.
    public static let exemptions = 20
    /// The highest cost a notice may state, in rupiah.
    public static let costRupiah = 0...1_000_000_000
    /// Lines of a fee schedule charged in one notice, and how many of one item.
    public static let feeCharges = 50
    public static let feeQuantity = 1...100_000
    /// How far an event's claimed time may lie ahead of the server's clock, or before the case's
    /// latest event, before it is refused: clocks of terminals drift.
    public static let clockSkew: TimeInterval = 300

    /// `dates` in words, for messages.
    static var datesText: String { "\(dates.lowerBound.iso)…\(dates.upperBound.iso)" }
}

/// A value outside its range, named by its field: what a form, a command or the server says when
/// something cannot be taken as given.
public struct FieldProblem: OfficerFacingError, Hashable {
    public enum Kind: Hashable, Sendable {
        /// More bytes than the field holds.
        case tooLong(maximumBytes: Int)
        /// More items than the list holds.
        case tooMany(maximum: Int)
        /// A number, date or instant outside its range (given in words).
        case outOfRange(String)
        /// Control characters (escape sequences, NUL) in a text.
        case controlCharacters
        /// The value contradicts another one (an id that is not the case's, a unit that is not the event's).
        case mismatch(expected: String)
    }

    /// The field's path, such as `registration.requester.name`.
    public let field: String
    public let kind: Kind

    public init(field: String, kind: Kind) {
        self.field = field
        self.kind = kind
    }

    public func text(_ language: Language) -> String {
        switch kind {
        case let .tooLong(maximum):
            language.pick("Isian '\(field)' terlalu panjang: paling banyak \(maximum) bita.",
                          "The field '\(field)' is too long: at most \(maximum) bytes.")
        case let .tooMany(maximum):
            language.pick("Isian '\(field)' terlalu banyak: paling banyak \(maximum).",
                          "The field '\(field)' has too many items: at most \(maximum).")
        case let .outOfRange(range):
            language.pick("Isian '\(field)' di luar rentang yang diterima (\(range)).",
                          "The field '\(field)' is outside the accepted range (\(range)).")
        case .controlCharacters:
            language.pick("Isian '\(field)' memuat karakter kendali; hapus karakter tersebut.",
                          "The field '\(field)' contains control characters; remove them.")
        case let .mismatch(expected):
            language.pick("Isian '\(field)' tidak cocok: seharusnya \(expected).",
                          "The field '\(field)' does not match: it should be \(expected).")
        }
    }
}

/// Range checks of single values, each throwing the ``FieldProblem`` that names the field.
public enum FieldCheck {
    /// A one-line text: at most `maximum` bytes, no control characters at all.
    public static func line(_ text: String, _ field: @autoclosure () -> String,
                            maximum: Int = DomainLimits.shortText) throws(FieldProblem) {
        guard text.utf8.count <= maximum else { throw FieldProblem(field: field(), kind: .tooLong(maximumBytes: maximum)) }
        for byte in text.utf8 where byte < 0x20 || byte == 0x7F {
            throw FieldProblem(field: field(), kind: .controlCharacters)
        }
        try noC1Controls(text, field())
    }

    /// A free text: at most `maximum` bytes; line breaks and tabs allowed, other controls not.
    public static func text(_ text: String, _ field: @autoclosure () -> String,
                            maximum: Int = DomainLimits.longText) throws(FieldProblem) {
        guard text.utf8.count <= maximum else { throw FieldProblem(field: field(), kind: .tooLong(maximumBytes: maximum)) }
        for byte in text.utf8 where (byte < 0x20 && byte != 0x0A && byte != 0x09 && byte != 0x0D) || byte == 0x7F {
            throw FieldProblem(field: field(), kind: .controlCharacters)
        }
        try noC1Controls(text, field())
    }

    /// C1 controls (U+0080-U+009F) include CSI, which a terminal takes as the start of an escape sequence.
    private static func noC1Controls(_ text: String, _ field: @autoclosure () -> String) throws(FieldProblem) {
        // Encoded in UTF-8 as C2 80-C2 9F: looked for byte-wise, without decoding the text.
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if previous == 0xC2 && (0x80...0x9F).contains(byte) { throw FieldProblem(field: field(), kind: .controlCharacters) }
            previous = byte
        }
    }

    /// A legal date within ``DomainLimits/dates``.
    public static func date(_ date: CivilDate, _ field: @autoclosure () -> String) throws(FieldProblem) {
        guard DomainLimits.dates.contains(date) else {
            throw FieldProblem(field: field(), kind: .outOfRange(DomainLimits.datesText))
        }
    }

    /// An instant within ``DomainLimits/instants`` (which also excludes infinities and NaN).
    public static func instant(_ instant: Date, _ field: @autoclosure () -> String) throws(FieldProblem) {
        guard DomainLimits.instants.contains(instant) else {
            throw FieldProblem(field: field(), kind: .outOfRange(DomainLimits.datesText))
        }
    }

    /// A count of items at most `maximum`.
    public static func count(_ count: Int, _ field: @autoclosure () -> String, maximum: Int) throws(FieldProblem) {
        guard count <= maximum else { throw FieldProblem(field: field(), kind: .tooMany(maximum: maximum)) }
    }

    /// A whole number within `range`.
    public static func number(_ value: Int, _ field: @autoclosure () -> String, range: ClosedRange<Int>) throws(FieldProblem) {
        guard range.contains(value) else {
            throw FieldProblem(field: field(), kind: .outOfRange("\(range.lowerBound)…\(range.upperBound)"))
        }
    }

    /// Two values that must be equal, such as the case id of an event and the id in its payload.
    public static func same<T: Equatable>(_ value: T, _ expected: T, _ field: @autoclosure () -> String,
                                          describe: (T) -> String = { "\($0)" }) throws(FieldProblem) {
        guard value == expected else { throw FieldProblem(field: field(), kind: .mismatch(expected: describe(expected))) }
    }
}
