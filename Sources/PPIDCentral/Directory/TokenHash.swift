import Crypto
import Foundation

/// API tokens: 32 random bytes, shown once; only their SHA-256 is stored.
public enum APIToken {
    /// A new token, `ppid_` followed by 43 URL-safe characters.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let encoded = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return "ppid_" + encoded
    }

    /// The stored form of a token: its SHA-256 in hex.
    public static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
