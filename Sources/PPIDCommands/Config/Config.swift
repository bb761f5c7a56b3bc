import Foundation

/// The officer's settings file, `${XDG_CONFIG_HOME:-~/.config}/ppid/config`: `key = value` lines,
/// `#` comments. Known keys: `db`, `theme`, `lang`, and for letters `templates`, `letters`, `letter_city`,
/// `letter_address`, `signatory_name`, `signatory_position`, `letter_number_format`; for sync `server`, `token_file`
/// (a file only its owner can read) and `sync_interval` (seconds between background syncs). Command-line options and environment variables
/// take precedence over it.
struct Config {
    var values: [String: String] = [:]
    /// Lines that could not be read, as "file:line: problem", shown to the officer.
    var problems: [String] = []

    static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
        return base + "/ppid/config"
    }

    static func load(environment: [String: String] = ProcessInfo.processInfo.environment) -> Config {
        let path = path(environment: environment)
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return Config() }
        return parse(text, source: path)
    }

    static let knownKeys: Set<String> = ["db", "theme", "lang", "templates", "letters", "letter_city", "letter_address", "signatory_name", "signatory_position", "letter_number_format", "server", "token_file", "sync_interval"]

    static func parse(_ text: String, source: String) -> Config {
        var config = Config()
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else {
                config.problems.append("\(source):\(index + 1): expected 'key = value'")
                continue
            }
            guard knownKeys.contains(parts[0]) else {
                config.problems.append("\(source):\(index + 1): unknown key '\(parts[0])' (known: \(knownKeys.sorted().joined(separator: ", ")))")
                continue
            }
            config.values[parts[0]] = parts[1]
        }
        return config
    }

    subscript(key: String) -> String? { values[key] }
}
