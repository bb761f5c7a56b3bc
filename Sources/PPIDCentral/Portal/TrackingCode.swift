import Foundation

/// The secret a requester follows a portal request with: 160 random bits, written as 32 letters
/// and digits in groups of four (no 0/O or 1/I to misread). The server keeps only its SHA-256.
public enum TrackingCode {
    static let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    /// A new code, `XXXX-XXXX-…` (eight groups).
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let characters = (0..<32).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] }
        return stride(from: 0, to: 32, by: 4).map { String(characters[$0..<$0 + 4]) }.joined(separator: "-")
    }

    /// The code as typed, made comparable: capitals, without spaces or dashes; nil when it cannot be one.
    public static func normalized(_ typed: String) -> String? {
        let kept = typed.uppercased().filter { !$0.isWhitespace && $0 != "-" }
        guard kept.count == 32, kept.allSatisfy({ alphabet.contains($0) }) else { return nil }
        return kept
    }

    /// What the register stores: the SHA-256 of the normalized code.
    static func hash(_ normalized: String) -> String {
        CentralStore.sha256(Data(normalized.utf8))
    }
}
