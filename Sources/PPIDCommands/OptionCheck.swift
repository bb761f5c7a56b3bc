import ArgumentParser
import PPIDDomain

/// Range checks of numeric options, with a message that names the option (not some later field).
enum OptionCheck {
    static func range<T: Comparable>(_ value: T, _ range: ClosedRange<T>, option: String, _ language: Language) throws {
        guard range.contains(value) else {
            throw ValidationError(language.pick("\(option) harus antara \(range.lowerBound) dan \(range.upperBound) (diberi \(value)).",
                                                "\(option) must be between \(range.lowerBound) and \(range.upperBound) (given \(value))."))
        }
    }

    /// A year a register or report may cover.
    static func year(_ year: Int, _ language: Language) throws {
        try range(year, DomainLimits.years, option: "--year", language)
    }

    /// A quarter, when given.
    static func quarter(_ quarter: Int?, _ language: Language) throws {
        if let quarter { try range(quarter, 1...4, option: "--quarter", language) }
    }
}
