import Foundation
import PPIDDomain

/// Finds a theme by name or path: a file path, `~/.config/ppid/themes/NAME.theme`, or a built-in one.
public enum ThemeLoader {
    /// The theme to use, and a warning to show when the asked-for one could not be used.
    public static func load(_ nameOrPath: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> (theme: Theme, warning: ThemeError?) {
        let fallback = BuiltInThemes.theme(BuiltInThemes.defaultName)!
        guard let nameOrPath, !nameOrPath.isEmpty else { return (fallback, nil) }
        var candidates: [String] = []
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".theme") {
            candidates.append(nameOrPath)
        } else {
            let config = environment["XDG_CONFIG_HOME"].map { $0 + "/ppid" }
                ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config/ppid"
            candidates.append(config + "/themes/\(nameOrPath).theme")
        }
        for path in candidates {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            do throws(ThemeError) {
                return (try Theme(name: nameOrPath, source: path, text: text), nil)
            } catch {
                return (fallback, error)
            }
        }
        if let builtIn = BuiltInThemes.theme(nameOrPath) { return (builtIn, nil) }
        let known = BuiltInThemes.texts.keys.sorted().joined(separator: ", ")
        return (fallback, ThemeError(source: nameOrPath, line: 0, problem: .noSuchTheme(known: known)))
    }
}
