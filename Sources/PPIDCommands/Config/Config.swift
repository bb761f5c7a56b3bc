import PPIDDomain
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

    /// The settings, with every line that could not be read in ``problems``. A file that is not
    /// UTF-8 gives one problem naming its first bad line (and no settings: none of it is trusted).
    static func load(environment: [String: String] = ProcessInfo.processInfo.environment) -> Config {
        let path = path(environment: environment)
        guard let data = FileManager.default.contents(atPath: path) else { return Config() }
        guard let text = String(data: data, encoding: .utf8) else {
            var config = Config()
            config.problems.append("\(path):\(firstNonUTF8Line(data)): not UTF-8 text (save the file as UTF-8)")
            return config
        }
        return parse(text, source: path)
    }

    /// The settings, or an error naming the file and each bad line: a broken config is refused, not
    /// half-used (a wrong `db` line would otherwise send the officer to the default database unseen).
    static func loadChecked(environment: [String: String] = ProcessInfo.processInfo.environment, language: Language) throws -> Config {
        let config = load(environment: environment)
        guard config.problems.isEmpty else {
            throw CommandError(message: language.pick(
                "Berkas konfigurasi tidak dapat dipakai; perbaiki baris berikut:\n  " + config.problems.joined(separator: "\n  "),
                "The config file cannot be used; fix these lines:\n  " + config.problems.joined(separator: "\n  ")))
        }
        return config
    }

    /// The 1-based number of the first line of `data` that is not valid UTF-8.
    static func firstNonUTF8Line(_ data: Data) -> Int {
        var line = 1
        var start = data.startIndex
        while start <= data.endIndex {
            let end = data[start...].firstIndex(of: 0x0A) ?? data.endIndex
            if String(data: data[start..<end], encoding: .utf8) == nil { return line }
            guard end < data.endIndex else { break }
            start = data.index(after: end)
            line += 1
        }
        return line
    }

    static let knownKeys: Set<String> = ["db", "theme", "lang", "templates", "letters", "letter_city", "letter_address", "signatory_name", "signatory_position", "letter_number_format", "server", "token_file", "server_ca", "sync_interval",
                                         "report_narrative", "incomplete_clock", "fees", "fees_decree"]

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
            if parts[0] == "incomplete_clock" && parts[1] != "receipt" && parts[1] != "completion" {
                config.problems.append("\(source):\(index + 1): incomplete_clock is 'receipt' (the default) or 'completion'")
                continue
            }
            config.values[parts[0]] = parts[1]
        }
        return config
    }

    subscript(key: String) -> String? { values[key] }
}
