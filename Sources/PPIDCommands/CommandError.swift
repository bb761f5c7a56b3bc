import PPIDDomain

/// An error from a subcommand, already in the officer's language. ArgumentParser prints it and exits non-zero.
struct CommandError: Error, CustomStringConvertible {
    let description: String

    init(_ error: any OfficerFacingError, language: Language) {
        description = error.text(language)
    }

    init(message: String) {
        description = message
    }
}
