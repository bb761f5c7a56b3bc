import Foundation

/// Identifiers that sort by creation time (UUID version 7, RFC 9562): 48 bits of Unix milliseconds,
/// then random bits. New rows land at the end of the log's indexes instead of at random places,
/// which keeps inserts fast in a database of millions of events.
public enum TimeOrderedID {
    /// A version-7 UUID for `instant`, with its random part from `random`.
    public static func make<R: RandomNumberGenerator>(at instant: Date, using random: inout R) -> UUID {
        let milliseconds = UInt64(max(0, instant.timeIntervalSince1970 * 1000))
        let a = random.next(), b = random.next()
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<6 { bytes[i] = UInt8(truncatingIfNeeded: milliseconds >> (8 * UInt64(5 - i))) }
        for i in 6..<8 { bytes[i] = UInt8(truncatingIfNeeded: a >> (8 * UInt64(i))) }
        for i in 8..<16 { bytes[i] = UInt8(truncatingIfNeeded: b >> (8 * UInt64(i - 8))) }
        bytes[6] = (bytes[6] & 0x0F) | 0x70
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }

    /// A version-7 UUID for `instant` with system randomness.
    public static func make(at instant: Date) -> UUID {
        var random = SystemRandomNumberGenerator()
        return make(at: instant, using: &random)
    }
}
