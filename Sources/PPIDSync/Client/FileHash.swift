import Crypto
import Foundation

/// The identity of a file on the central server: the SHA-256 of its content, lowercase hex.
public enum CentralClientHash {
    public static func sha256(_ bytes: Data) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}
