import ArgumentParser
import Foundation

/// The `ppid` command: the terminal app and its scripting subcommands.
public struct PPIDCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "ppid",
        abstract: "Layanan informasi publik untuk PPID (UU 14/2008) / Public information service for PPID officers.",
        subcommands: [RunCommand.self, RequestCommand.self, DeadlineCommand.self, DemoCommand.self, UnitCommand.self, CalendarCommand.self, ReportCommand.self, RegisterCommand.self, LetterCommand.self, ObjectionCommand.self, DisputeCommand.self, FeesCommand.self, FileCommand.self, SyncCommand.self, BenchCommand.self, SelfTestCommand.self],
        defaultSubcommand: RunCommand.self
    )

    public init() {}

    /// Runs the command line: an officer-facing error prints its message alone on stderr and exits 1;
    /// usage errors and help go through ArgumentParser as usual.
    public static func runFromCommandLine(_ arguments: [String]? = nil) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Foundation.exit(0)
        } catch let error as CommandError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            Foundation.exit(1)
        } catch {
            exit(withError: error)
        }
    }
}
