import Foundation

extension WireDecoding {
    /// Where a changes page says the log goes on (`hasMore`, `nextCursor`), read from the end of
    /// its text without decoding it: a terminal asks for the next page while it reads this one.
    /// A hint only: the page, once read, decides; a wrong hint costs one request thrown away.
    public static func continuation(of data: Data) -> (hasMore: Bool, nextCursor: Int64)? {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> (Bool, Int64)? in
            let bytes = buffer.bindMemory(to: UInt8.self)
            guard let cursorAt = lastEnd(of: Array(#""nextCursor":"#.utf8), in: bytes),
                  let moreAt = lastEnd(of: Array(#""hasMore":"#.utf8), in: bytes) else { return nil }
            var index = cursorAt
            var cursor: Int64 = 0
            var digits = 0
            while index < bytes.count, let digit = Int64(exactly: Int(bytes[index]) - 48), (0...9).contains(digit), digits < 18 {
                cursor = cursor * 10 + digit
                digits += 1
                index += 1
            }
            guard digits > 0, moreAt < bytes.count else { return nil }
            return (bytes[moreAt] == UInt8(ascii: "t"), cursor)
        }
    }

    /// The index just past the last occurrence of `pattern` in `bytes`.
    private static func lastEnd(of pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count >= pattern.count else { return nil }
        var start = bytes.count - pattern.count
        while start >= 0 {
            if bytes[start] == pattern[0] {
                var matched = true
                for offset in 1..<pattern.count where bytes[start + offset] != pattern[offset] {
                    matched = false
                    break
                }
                if matched { return start + pattern.count }
            }
            start -= 1
        }
        return nil
    }
}
