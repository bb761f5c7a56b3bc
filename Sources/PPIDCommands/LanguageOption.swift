import ArgumentParser
import PPIDDomain

extension Language: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(code: argument)
    }
}

/// `--lang id|en`, shared by every subcommand.
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"), help: "Bahasa keluaran: id (bawaan) atau en / Output language: id (default) or en.")
    var language: Language = .indonesian
}
