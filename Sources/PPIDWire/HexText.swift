/// Bytes as lowercase hexadecimal, two digits each: how hashes (a token's, a file's) are stored
/// and compared. Written by table, not by `String(format:)` per byte, which costs a formatted
/// print each: every request's token is hashed to find its officer.
public enum HexText {
    private static let digits = Array("0123456789abcdef".utf8)

    public static func of<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
