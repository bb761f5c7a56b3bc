/// The language the officer reads. Bahasa Indonesia is the default; English is available.
public enum Language: String, Sendable, CaseIterable, Codable {
    case indonesian = "id"
    case english = "en"

    /// Parses `id`, `en`, or a POSIX locale such as `en_US.UTF-8`; anything else is `nil`.
    public init?(code: String) {
        let lowered = code.lowercased()
        if lowered.hasPrefix("en") {
            self = .english
        } else if lowered.hasPrefix("id") || lowered.hasPrefix("in") {
            self = .indonesian
        } else {
            return nil
        }
    }

    /// Picks the Indonesian or the English text.
    @inlinable
    public func pick(_ indonesian: String, _ english: String) -> String {
        self == .english ? english : indonesian
    }
}

/// Something an officer can read in either language.
public protocol Localized: Sendable {
    /// The text in the given language.
    func text(_ language: Language) -> String
}

/// An error whose message tells an officer what is wrong and what to do, in either language.
public protocol OfficerFacingError: Error, Localized {}
