/// The pattern of a unit's register numbers, such as `{seq:4}/PPID-{unit}/{roman}/{year}`.
///
/// Placeholders: `{seq}` or `{seq:N}` (the sequence, zero-padded to N digits), `{terminal}` (the
/// enrolled terminal's series after a dash, `-B`; nothing on a terminal that is the unit's only
/// register), `{unit}`, `{month}` (two digits), `{roman}` (the month in Roman numerals), `{year}`.
///
/// A format without `{terminal}` still gets the series, right after the sequence: two terminals of
/// a unit can never render the same number.
public struct RegistrationNumberFormat: Hashable, Sendable, Codable {
    public let template: String

    /// The usual form: `0042/PPID-<UNIT>/XI/2026`.
    public static let standard = RegistrationNumberFormat(uncheckedTemplate: "{seq:4}{terminal}/PPID-{unit}/{roman}/{year}")

    private init(uncheckedTemplate: String) { template = uncheckedTemplate }

    /// Checks that the template has a sequence and a year (numbers restart each year) and known placeholders.
    public init(template: String) throws(NumberingError) {
        let placeholders = Self.placeholders(in: template)
        for name in placeholders {
            let base = name.split(separator: ":").first.map(String.init) ?? name
            guard ["seq", "terminal", "unit", "month", "roman", "year"].contains(base) else { throw .unknownPlaceholder(name) }
            if base == "seq", let width = name.split(separator: ":").dropFirst().first, Int(width) == nil {
                throw .unknownPlaceholder(name)
            }
        }
        guard placeholders.contains(where: { $0.hasPrefix("seq") }) else { throw .missingPlaceholder("seq") }
        guard placeholders.contains("year") else { throw .missingPlaceholder("year") }
        self.template = template
    }

    /// The number for sequence `sequence` of `unit`, issued on `date` by a terminal of `series`.
    public func render(sequence: Int, unit: String, date: CivilDate, series: TerminalSeries? = nil) -> String {
        let placesSeries = template.contains("{terminal}")
        var output = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            output += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            let parts = name.split(separator: ":")
            switch parts.first.map(String.init) ?? "" {
            case "seq":
                let digits = String(sequence)
                let width = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
                output += String(repeating: "0", count: max(0, width - digits.count)) + digits
                if !placesSeries, let series { output += "-" + series.code }
            case "terminal": if let series { output += "-" + series.code }
            case "unit": output += unit
            case "month": output += (date.month < 10 ? "0" : "") + String(date.month)
            case "roman": output += Self.roman[date.month - 1]
            case "year": output += String(date.year)
            default: output += "{\(name)}"
            }
            rest = rest[rest.index(after: close)...]
        }
        return output + rest
    }

    private static let roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]

    private static func placeholders(in template: String) -> [String] {
        var names: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}

/// What is wrong with a numbering template.
public enum NumberingError: OfficerFacingError, Hashable {
    case unknownPlaceholder(String)
    case missingPlaceholder(String)

    public func text(_ language: Language) -> String {
        switch self {
        case let .unknownPlaceholder(name):
            language.pick("Penanda '{\(name)}' tidak dikenal. Gunakan {seq}, {seq:4}, {terminal}, {unit}, {month}, {roman}, {year}.",
                          "Unknown placeholder '{\(name)}'. Use {seq}, {seq:4}, {terminal}, {unit}, {month}, {roman}, {year}.")
        case let .missingPlaceholder(name):
            language.pick("Format nomor wajib memuat {\(name)} agar nomor tidak pernah terulang.",
                          "The number format must contain {\(name)} so that numbers are never reused.")
        }
    }
}

/// The counter of one register for one unit and year. Numbers only go up: a withdrawn request keeps
/// its number, and the next request gets the next one.
public struct RegisterCounter: Hashable, Sendable, Codable {
    public let unit: String
    public let year: Int
    public private(set) var lastIssued: Int

    public init(unit: String, year: Int, lastIssued: Int = 0) {
        self.unit = unit
        self.year = year
        self.lastIssued = lastIssued
    }

    /// Takes the next sequence number.
    public mutating func issue() -> Int {
        lastIssued += 1
        return lastIssued
    }
}
