import ArgumentParser
import Foundation
import PPIDDomain
import PPIDStore

/// `--db PATH`, shared by every subcommand that opens the unit's database.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp(
        "Berkas basis data / The database file.",
        discussion: "Bawaan / default: ${XDG_DATA_HOME:-~/.local/share}/ppid/default.sqlite"))
    var path: String?

    /// The file to open: `--db`, else `$PPID_DB`, else the default per-user file.
    var resolvedPath: String {
        path ?? ProcessInfo.processInfo.environment["PPID_DB"] ?? StoreLocation.defaultPath()
    }

    /// These options with the config file's `db` as the fallback when neither `--db` nor `$PPID_DB` is given.
    func falling(backTo config: Config, environment: [String: String] = ProcessInfo.processInfo.environment) -> StoreOptions {
        var options = self
        if options.path == nil && environment["PPID_DB"] == nil, let configured = config["db"] { options.path = configured }
        return options
    }

    /// Opens the database an act is recorded in: the config checked, its `db` as the fallback, and
    /// the terminal's enrollment (series, officer) prepared, as every act subcommand needs.
    func openForActs(_ language: Language) throws -> (store: LocalStore, config: Config) {
        let config = try Config.loadChecked(language: language)
        let local = try falling(backTo: config).open(language)
        Enrollment.prepare(local, config: config)
        return (local, config)
    }

    /// Opens the database, turning failure into a message in `language`.
    func open(_ language: Language) throws -> LocalStore {
        do {
            return try LocalStore(path: resolvedPath)
        } catch {
            throw CommandError(error, language: language)
        }
    }
}

/// Runs a store operation, turning a store error into a message in `language`.
func withStore<T>(_ language: Language, _ body: () throws(StoreError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw CommandError(error, language: language)
    }
}
