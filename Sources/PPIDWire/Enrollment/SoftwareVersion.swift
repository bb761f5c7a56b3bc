/// The version of this software, sent by the terminal as `User-Agent: ppid/<version>` so the
/// central server's status can show which terminals still run an old one.
public enum SoftwareVersion {
    public static let current = "0.3.0"

    /// The User-Agent a terminal sends.
    public static var userAgent: String { "ppid/\(current)" }

    /// The version a User-Agent names (`ppid/0.3.0` → `0.3.0`), at most 32 visible ASCII characters; nil otherwise.
    public static func version(fromUserAgent agent: String?) -> String? {
        guard let agent, agent.hasPrefix("ppid/") else { return nil }
        let version = agent.dropFirst("ppid/".count).prefix { $0 != " " }
        guard !version.isEmpty, version.utf8.count <= 32, version.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else { return nil }
        return String(version)
    }
}
