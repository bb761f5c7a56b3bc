import Foundation
import NIOCore
import NIOPosix
import PPIDCentral

/// Runs Swift concurrency's tasks on the server's own event loops, for `serve` on SQLite.
///
/// A request's handler is a task: by default it runs on Swift's cooperative pool, and each read and
/// write of its connection hops to an event loop and back. With the event loops as the global
/// executor a request is handled where its bytes arrive: in a morning rush of empty pulls that is
/// about a quarter of the server's CPU. SQLite's short reads run in the task, as they did on the
/// cooperative pool; its writes wait on threads of their own (``BlockingWork``).
///
/// Not on PostgreSQL: its engine waits on PostgresNIO's futures, which an event loop may not do.
/// `PPID_COOPERATIVE_POOL=1` keeps Swift's own pool (to compare, or should a problem show).
public enum ConcurrencyOnEventLoops {
    /// Installs the event loops as the global executor when the command line runs the server on
    /// SQLite. Call once, from the main thread, before any task starts.
    public static func installForServe() {
        guard wanted(arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment) else { return }
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }

    /// Whether these arguments (without the program's name) run the server on SQLite, and the
    /// environment does not ask for Swift's own pool.
    static func wanted(arguments: [String], environment: [String: String]) -> Bool {
        guard environment["PPID_COOPERATIVE_POOL"] == nil,
              let serve = try? CentralCommand.parseAsRoot(arguments) as? ServeCommand else { return false }
        return !PostgresLocation.isURL(serve.database.path(demo: serve.demo))
    }
}
