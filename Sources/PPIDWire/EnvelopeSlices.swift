import Foundation

/// Finds, in a changes page's JSON, the bytes of each event's `envelope` value, in order, so a
/// client can store the event exactly as the server sent it instead of encoding it again (which
/// costs as much as decoding). A small scanner of JSON syntax; nil when the text is not a page.
public enum EnvelopeSlices {
    public static func find(in bytes: UnsafeRawBufferPointer) -> [Range<Int>]? {
        var scanner = Scanner(bytes: bytes)
        guard scanner.expect(UInt8(ascii: "{")) else { return nil }
        var result: [Range<Int>]? = nil
        repeat {
            scanner.skipSpace()
            if scanner.peek == UInt8(ascii: "}") { break }
            guard let key = scanner.string(), scanner.expect(UInt8(ascii: ":")) else { return nil }
            if key == "events" {
                guard let slices = scanner.envelopes() else { return nil }
                result = slices
            } else if !scanner.skipValue() {
                return nil
            }
        } while scanner.expect(UInt8(ascii: ","))
        return result
    }

    struct Scanner {
        let bytes: UnsafeRawBufferPointer
        var index = 0

        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        }

        mutating func expect(_ byte: UInt8) -> Bool {
            skipSpace()
            guard peek == byte else { return false }
            index += 1
            return true
        }

        /// A string's raw contents (escapes kept: keys here are plain).
        mutating func string() -> String? {
            guard expect(UInt8(ascii: "\"")) else { return nil }
            let start = index
            guard skipStringBody() else { return nil }
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<(index - 1)]), as: UTF8.self)
        }

        /// After the opening quote: up to and past the closing one.
        mutating func skipStringBody() -> Bool {
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: "\\") { index += 1 } else if byte == UInt8(ascii: "\"") { return true }
            }
            return false
        }

        mutating func skipValue() -> Bool {
            skipSpace()
            guard let first = peek else { return false }
            switch first {
            case UInt8(ascii: "\""):
                index += 1
                return skipStringBody()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    index += 1
                    switch byte {
                    case UInt8(ascii: "\""): if !skipStringBody() { return false }
                    case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        depth -= 1
                        if depth == 0 { return true }
                    default: break
                    }
                }
                return false
            default:
                let start = index
                while index < bytes.count, !",}] \n\r\t".utf8.contains(bytes[index]) { index += 1 }
                return index > start
            }
        }

        /// The `events` array: for each element, the range of its `envelope` value.
        mutating func envelopes() -> [Range<Int>]? {
            guard expect(UInt8(ascii: "[")) else { return nil }
            var slices: [Range<Int>] = []
            skipSpace()
            if peek == UInt8(ascii: "]") { index += 1; return slices }
            repeat {
                guard expect(UInt8(ascii: "{")) else { return nil }
                var found: Range<Int>? = nil
                repeat {
                    guard let key = string(), expect(UInt8(ascii: ":")) else { return nil }
                    skipSpace()
                    let start = index
                    guard skipValue() else { return nil }
                    if key == "envelope" { found = start..<index }
                } while expect(UInt8(ascii: ","))
                guard expect(UInt8(ascii: "}")), let found else { return nil }
                slices.append(found)
            } while expect(UInt8(ascii: ","))
            return expect(UInt8(ascii: "]")) ? slices : nil
        }
    }
}
