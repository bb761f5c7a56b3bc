import Foundation

/// Who is at the keyboard and where: recorded with every event and audit row.
public struct Workstation: Hashable, Sendable {
    public var officer: String
    public var terminal: String

    public init(officer: String, terminal: String) {
        self.officer = officer
        self.terminal = terminal
    }

    /// The current user and terminal: `$PPID_OFFICER` or `$USER`, and the tty, SSH client or host name.
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> Workstation {
        let officer = environment["PPID_OFFICER"] ?? environment["USER"] ?? "petugas"
        var terminal = ProcessInfo.processInfo.hostName
        if let tty = ttyname(0) { terminal += ":" + String(cString: tty) }
        if let ssh = environment["SSH_CLIENT"]?.split(separator: " ").first { terminal += " ssh:" + ssh }
        return Workstation(officer: officer, terminal: terminal)
    }
}
