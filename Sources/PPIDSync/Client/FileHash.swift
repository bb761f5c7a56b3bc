import Crypto
import Foundation
import PPIDWire

/// The identity of a file on the central server: the SHA-256 of its content, lowercase hex.
public enum CentralClientHash {
    public static func sha256(_ bytes: Data) -> String {
        HexText.of(SHA256.hash(data: bytes))
    }
}
