import Foundation

/// The user's home as `$HOME` says (what a shell uses), not the password database's: a sandbox,
/// a service account or a test that sets `HOME` gets its files there.
public enum HomePath {
    public static var home: String {
        ProcessInfo.processInfo.environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    }

    /// `~` or `~/…` expanded with ``home``; any other path as it is.
    public static func expand(_ path: String) -> String {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return home + path.dropFirst() }
        return path
    }
}
