import PPIDDomain

/// Tokens are `ppid.<series>.<secret>`: the series is public (it is printed on every number the
/// terminal gives), the secret is 43 URL-safe base64 characters, which hold no dot.
extension TerminalSeries {
    /// The series a token carries (`ppid.B.<secret>`), or nil for a token without one.
    public static func carried(by token: String) -> TerminalSeries? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "ppid", !parts[2].isEmpty else { return nil }
        return TerminalSeries(code: String(parts[1]))
    }

    /// A token for this series around `secret` (URL-safe base64, which has no dots).
    public func token(secret: String) -> String { "ppid.\(code).\(secret)" }
}
