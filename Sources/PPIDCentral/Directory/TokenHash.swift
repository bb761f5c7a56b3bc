import Crypto
import Foundation
import PPIDWire

/// API tokens: `ppid.<series>.<secret>`, 32 random bytes shown once; only their SHA-256 is stored.
public enum APIToken {
    /// 32 random bytes in URL-safe base64 (43 characters, no dots): the secret part of a token.
    public static func generateSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The stored form of a token: its SHA-256 in hex.
    public static func hash(_ token: String) -> String {
        HexText.of(SHA256.hash(data: Data(token.utf8)))
    }
}
