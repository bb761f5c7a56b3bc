/// A JSON text parsed once into a flat list of nodes ("tape"), in document order, that a decoder
/// walks without building strings for keys or dictionaries for objects.
///
/// An object's node is followed by its members as key and value nodes, alternately; an array's by
/// its elements. Every node knows where its subtree ends, so siblings are one step apart.
struct JSONTape {
    enum Kind: UInt8 {
        case object, array, string, number, trueValue, falseValue, null
    }

    struct Node {
        var kind: Kind
        /// A string with escapes in it: its text must be unescaped, not just copied.
        var escaped: Bool
        /// Bytes of the value: a string's contents without its quotes, a number's digits,
        /// an object's or array's text from its opening to past its closing bracket.
        var start: Int32
        var end: Int32
        /// The index of the first node after this one's subtree.
        var after: Int32
        /// Members of an object, elements of an array.
        var count: Int32
    }

    /// Why a text is not JSON the tape can hold.
    struct Malformed: Error {
        let offset: Int
        let reason: String
    }

    let bytes: [UInt8]
    private(set) var nodes: [Node] = []

    /// Deeper nesting is refused rather than risking the stack.
    static let maximumDepth = 256

    init(bytes: [UInt8]) throws(Malformed) {
        self.bytes = bytes
        nodes.reserveCapacity(bytes.count / 8)
        var parser = Parser(count: bytes.count)
        try bytes.withUnsafeBufferPointer { (buffer) throws(Malformed) in
            parser.base = buffer.baseAddress
            try parser.value(into: &nodes, depth: 0)
            parser.skipSpace()
            if parser.position != parser.count { throw parser.failure("text after the end of the JSON value") }
        }
    }

    private struct Parser {
        var base: UnsafePointer<UInt8>?
        let count: Int
        var position = 0

        init(count: Int) { self.count = count }

        func failure(_ reason: String) -> Malformed { Malformed(offset: position, reason: reason) }

        var current: UInt8? { position < count ? base![position] : nil }

        mutating func skipSpace() {
            while position < count {
                switch base![position] {
                case 0x20, 0x0A, 0x0D, 0x09: position += 1
                default: return
                }
            }
        }

        mutating func value(into nodes: inout [Node], depth: Int) throws(Malformed) {
            skipSpace()
            guard let byte = current else { throw failure("the text ends where a value should be") }
            switch byte {
            case UInt8(ascii: "{"): try container(into: &nodes, depth: depth, object: true)
            case UInt8(ascii: "["): try container(into: &nodes, depth: depth, object: false)
            case UInt8(ascii: "\""): try string(into: &nodes)
            case UInt8(ascii: "t"): try literal("true", .trueValue, into: &nodes)
            case UInt8(ascii: "f"): try literal("false", .falseValue, into: &nodes)
            case UInt8(ascii: "n"): try literal("null", .null, into: &nodes)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number(into: &nodes)
            default: throw failure("unexpected character")
            }
        }

        mutating func container(into nodes: inout [Node], depth: Int, object: Bool) throws(Malformed) {
            guard depth < JSONTape.maximumDepth else { throw failure("nested too deeply") }
            let index = nodes.count
            let start = position
            nodes.append(Node(kind: object ? .object : .array, escaped: false, start: Int32(start), end: 0, after: 0, count: 0))
            position += 1
            let closing = object ? UInt8(ascii: "}") : UInt8(ascii: "]")
            var members: Int32 = 0
            skipSpace()
            if current == closing {
                position += 1
            } else {
                while true {
                    if object {
                        skipSpace()
                        guard current == UInt8(ascii: "\"") else { throw failure("an object key must be a string") }
                        try string(into: &nodes)
                        skipSpace()
                        guard current == UInt8(ascii: ":") else { throw failure("expected ':' after an object key") }
                        position += 1
                    }
                    try value(into: &nodes, depth: depth + 1)
                    members += 1
                    skipSpace()
                    guard let next = current else { throw failure("the text ends inside an object or array") }
                    position += 1
                    if next == closing { break }
                    guard next == UInt8(ascii: ",") else { throw failure("expected ',' or the closing bracket") }
                }
            }
            nodes[index].end = Int32(position)
            nodes[index].after = Int32(nodes.count)
            nodes[index].count = members
        }

        mutating func string(into nodes: inout [Node]) throws(Malformed) {
            position += 1  // the opening quote
            let start = position
            var escaped = false
            while true {
                guard position < count else { throw failure("the text ends inside a string") }
                let byte = base![position]
                if byte == UInt8(ascii: "\"") { break }
                if byte == UInt8(ascii: "\\") {
                    escaped = true
                    position += 2
                    continue
                }
                if byte < 0x20 { throw failure("a control character inside a string") }
                position += 1
            }
            if escaped, JSONTape.unescape(UnsafeBufferPointer(start: base, count: count), start..<position) == nil {
                throw failure("an invalid escape in a string")
            }
            nodes.append(Node(kind: .string, escaped: escaped, start: Int32(start), end: Int32(position),
                              after: Int32(nodes.count + 1), count: 0))
            position += 1  // the closing quote
        }

        mutating func literal(_ word: StaticString, _ kind: Kind, into nodes: inout [Node]) throws(Malformed) {
            let length = word.utf8CodeUnitCount
            guard position + length <= count else { throw failure("the text ends inside a literal") }
            for offset in 0..<length where base![position + offset] != word.utf8Start[offset] {
                throw failure("unknown literal")
            }
            nodes.append(Node(kind: kind, escaped: false, start: Int32(position), end: Int32(position + length),
                              after: Int32(nodes.count + 1), count: 0))
            position += length
        }

        /// JSON's number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
        mutating func number(into nodes: inout [Node]) throws(Malformed) {
            let start = position
            if current == UInt8(ascii: "-") { position += 1 }
            guard let first = current, isDigit(first) else { throw failure("a number without digits") }
            if first == UInt8(ascii: "0") {
                position += 1
            } else {
                skipDigits()
            }
            if current == UInt8(ascii: ".") {
                position += 1
                guard let digit = current, isDigit(digit) else { throw failure("no digits after a decimal point") }
                skipDigits()
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                position += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
                guard let digit = current, isDigit(digit) else { throw failure("no digits in an exponent") }
                skipDigits()
            }
            nodes.append(Node(kind: .number, escaped: false, start: Int32(start), end: Int32(position),
                              after: Int32(nodes.count + 1), count: 0))
        }

        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

        mutating func skipDigits() {
            while let byte = current, isDigit(byte) { position += 1 }
        }
    }
}
