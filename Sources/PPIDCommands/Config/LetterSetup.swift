import Foundation
import PPIDLetters
import PPIDStore
import PPIDTerminal

/// The letter renderer and folder for a unit, from its profile and the config file.
enum LetterSetup {
    static func desk(store: LocalStore, config: Config, environment: [String: String] = ProcessInfo.processInfo.environment) -> LetterDesk {
        let configHome = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
        let templates = config["templates"] ?? configHome + "/ppid/templates"
        let settings = LetterSettings(city: config["letter_city"] ?? "Jakarta", signatoryName: config["signatory_name"] ?? store.officerName,
                                      signatoryPosition: config["signatory_position"] ?? "PPID Pelaksana", address: config["letter_address"] ?? "")
        let profile = store.profile
        let renderer = LetterRenderer(templatesFolder: templates, settings: settings, unitCode: profile.code, unitName: profile.name,
                                      body: profile.body)
        let folder = config["letters"] ?? StoreLocation.defaultFolder(environment: environment) + "/letters"
        return LetterDesk(renderer: renderer, folder: folder,
                          numberFormat: config["letter_number_format"] ?? LetterDesk.standardNumberFormat)
    }
}
