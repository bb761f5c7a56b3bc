import ArgumentParser
import Foundation
import PPIDDomain
import PPIDStore
import PPIDSync
import PPIDTerminal

/// `ppid` with no subcommand: the terminal app. A database that does not exist yet is created with a
/// demo workspace (unless `--empty`), so a newcomer sees a living screen at once.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "Buka aplikasi terminal (bawaan) / Open the terminal app (the default)."
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "Tema: default-dark, light, high-contrast, monochrome, atau berkas .theme / Theme name or file.")
    var theme: String?

    @Option(name: .customLong("lang"), help: "Bahasa: id atau en (bawaan: dari LANG) / Language: id or en (default: from LANG).")
    var language: Language?

    @Flag(help: "Buat basis data baru tanpa data contoh / Create a new database without demo data.")
    var empty = false

    @OptionGroup var sync: SyncOptions

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let earlyLanguage = self.language ?? environment["PPID_LANG"].flatMap(Language.init(code:)) ?? Self.languageFromLocale(environment)
        let config = try Config.loadChecked(environment: environment, language: earlyLanguage)
        let language = self.language ?? environment["PPID_LANG"].flatMap(Language.init(code:))
            ?? config["lang"].flatMap(Language.init(code:)) ?? Self.languageFromLocale(environment)
        let store = self.store.falling(backTo: config, environment: environment)
        let path = store.resolvedPath
        let isNew = !FileManager.default.fileExists(atPath: path)
        let local = try store.open(language)
        sync.enroll(local, config: config)
        if isNew && !empty {
            _ = try withStore(language) { () throws(StoreError) in
                try local.generateDemo(DemoOptions(today: local.today))
            }
        }
        let (chosen, warning) = ThemeLoader.load(theme ?? environment["PPID_THEME"] ?? config["theme"], environment: environment)
        let app = try withStore(language) { () throws(StoreError) in try App(store: local, language: language) }
        app.letterDesk = LetterSetup.desk(store: local, config: config, environment: environment)
        app.incompleteRestartsClock = config["incomplete_clock"] == "completion"
        app.feeSchedule = try FeeScheduleFile.load(config, language: language)
        if let warning { app.show(warning) }
        else if isNew && !empty {
            // Said first and short (it must fit 80 columns): this is not the unit's data, and how to start a real unit.
            app.announce(language.pick("Ruang kerja contoh dibuat: data CONTOH. Unit nyata: ppid unit set, atau --empty.",
                                       "Demo workspace created: SAMPLE data. A real unit: ppid unit set, or --empty."))
        }
        app.offerDrafts()
        do {
            let session = try TerminalSession(app: app, theme: chosen)
            let background = startSync(app: app, store: local, config: config, language: language, waker: session.waker())
            session.run()
            background?.stop()
        } catch let error as TerminalError {
            throw CommandError(error, language: language)
        }
    }

    /// Background sync when a server is set: every `sync_interval` seconds (120 by default) and on R.
    func startSync(app: App, store: LocalStore, config: Config, language: Language,
                   waker: @escaping @Sendable () -> Void) -> BackgroundSync? {
        guard sync.isConfigured(config) else { return nil }
        let settings: SyncSettings
        do {
            settings = try sync.settings(config, language: language)
        } catch {
            let text = "\(error)"
            app.announce(text)
            app.onSync = { text }
            return nil
        }
        let seconds = config["sync_interval"].flatMap(Int.init).map { max(10, $0) } ?? 120
        let background = BackgroundSync(engine: SyncEngine(store: store, settings: settings), interval: .seconds(seconds),
                                        language: language, notify: waker)
        app.onSync = { background.syncNow() }
        app.syncActivity = { background.activity }
        app.syncMessages = { background.takeMessage() }
        app.fileDesk = ServerFileDesk(settings: settings, folder: ((store.path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("files"),
                                      language: language)
        background.start()
        return background
    }

    static func languageFromLocale(_ environment: [String: String]) -> Language {
        for key in ["PPID_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], !value.isEmpty, let language = Language(code: value) { return language }
        }
        return .indonesian
    }
}
