import ArgumentParser
import Foundation
import PPIDCentral
import PPIDDomain
import PPIDWire

/// `ppid-central`: the central PPID server and its administration.
public struct CentralCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "ppid-central",
        abstract: "Server PPID pusat: log peristiwa, unit, petugas, token, kalender, distribusi permohonan.",
        discussion: """
            Tanpa subperintah menjalankan server (sama dengan 'serve'). Coba: 'ppid-central --demo'.
            Without a subcommand it runs the server (same as 'serve'). Try: 'ppid-central --demo'.
            """,
        subcommands: [ServeCommand.self, UnitCommand.self, OfficerCommand.self, TokenCommand.self,
                      CalendarLoadCommand.self, DispatchCommand.self, StatusCommand.self, BackupCommand.self, GenerateCommand.self, MailCommand.self, ViewsCommand.self],
        defaultSubcommand: ServeCommand.self)

    public init() {}
}

/// Where the central database lives, shared by every subcommand.
struct DatabaseOption: ParsableArguments {
    @Option(name: .long, help: "Basis data pusat: berkas SQLite, atau postgres://USER[:PASSWORD]@HOST[:PORT]/DB. Bawaan: $PPID_CENTRAL_DB atau ~/.local/share/ppid-central/central.sqlite / The central database: a SQLite file, or a PostgreSQL URL.")
    var db: String?

    @Flag(help: "Buat basis data pusat bila belum ada (tanpa ini, berkas yang tidak ada ditolak). / Create the central database if it does not exist (without it, a missing file is refused).")
    var create = false

    func path(demo: Bool = false) -> String {
        if let db { return PostgresLocation.isURL(db) ? db : HomePath.expand(db) }
        if let env = ProcessInfo.processInfo.environment["PPID_CENTRAL_DB"], !env.isEmpty { return env }
        return (CentralPaths.dataFolder as NSString).appendingPathComponent(demo ? "demo.sqlite" : "central.sqlite")
    }

    /// Opens the database; a file that does not exist is created only with `--create` (or for the
    /// demo), so a forgotten `--db` never sends the admin's work into a new, empty database.
    func open(demo: Bool = false) throws -> CentralStore {
        let path = path(demo: demo)
        // A PostgreSQL database is the administrator's to create (createdb); its tables are made on first use.
        if !demo && !create && !PostgresLocation.isURL(path) && !FileManager.default.fileExists(atPath: path) {
            throw CentralExit.failed(.missingDatabase(path: path))
        }
        do {
            return try CentralStore(path: path)
        } catch {
            throw CentralExit.failed(error)
        }
    }
}

enum CentralPaths {
    static var dataFolder: String {
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (HomePath.home as NSString).appendingPathComponent(".local/share")
        return (base as NSString).appendingPathComponent("ppid-central")
    }
}

/// The language of the admin's messages: English when LANG says so, Indonesian otherwise.
var adminLanguage: Language {
    (ProcessInfo.processInfo.environment["LANG"] ?? "").lowercased().hasPrefix("en") ? .english : .indonesian
}

/// Prints an error the admin can act on and exits 1.
enum CentralExit {
    static func failed(_ error: CentralError) -> ExitCode {
        FileHandle.standardError.write(Data(("ppid-central: " + error.text(adminLanguage) + "\n").utf8))
        return ExitCode(1)
    }
}

extension CentralError {
    func exit() -> ExitCode { CentralExit.failed(self) }
}

func perform<T>(_ body: () throws(CentralError) -> T) throws -> T {
    do { return try body() } catch { throw CentralExit.failed(error) }
}

extension CentralCommand {
    /// Parses the command line and runs it; the server subcommand runs asynchronously.
    public static func runFromCommandLine() async {
        do {
            var command = try parseAsRoot()
            if let serve = command as? ServeCommand {
                try await serve.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
