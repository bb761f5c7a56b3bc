import Foundation

/// Reading scalar values out of the tape's nodes.
extension JSONTape {
    /// Why a node is not the value asked for.
    struct Mismatch: Error {
        let node: Int
        let expected: String
    }

    func kind(_ node: Int) -> Kind { nodes[node].kind }

    /// The node of the value under `name` in the object at `object`, if it has one; keys are
    /// compared without building strings.
    func member(of object: Int, named name: String) -> Int? {
        // The name's bytes and the text's are reached once for the whole search, not once per
        // member: a key of another length is passed over without touching its bytes.
        let wanted = name
        var name = name
        return name.withUTF8 { key in
            bytes.withUnsafeBufferPointer { text in
                nodes.withUnsafeBufferPointer { nodes in
                    var index = object + 1
                    for _ in 0..<nodes[object].count {
                        let item = nodes[index]
                        if item.escaped {
                            // Its text must be unescaped before it is compared (rare in a key).
                            if (try? string(index)) == wanted { return index + 1 }
                        } else if Int(item.end - item.start) == key.count {
                            guard let keyBase = key.baseAddress, let textBase = text.baseAddress else { return index + 1 }
                            if memcmp(textBase + Int(item.start), keyBase, key.count) == 0 { return index + 1 }
                        }
                        index = Int(nodes[index + 1].after)
                    }
                    return nil
                }
            }
        }
    }

    /// The node of each `events[i].envelope` object of a page or a push body, in order; nil when
    /// the text is not shaped as one.
    func envelopeNodes() -> [Int]? {
        guard kind(0) == .object, let events = member(of: 0, named: "events"), kind(events) == .array else { return nil }
        var envelopes: [Int] = []
        envelopes.reserveCapacity(Int(nodes[events].count))
        var element = events + 1
        for _ in 0..<nodes[events].count {
            guard kind(element) == .object, let envelope = member(of: element, named: "envelope"), kind(envelope) == .object else {
                return nil
            }
            envelopes.append(envelope)
            element = Int(nodes[element].after)
        }
        return envelopes
    }

    /// The bytes of each `events[i].envelope` object of a changes page, in order; nil when the
    /// text is not shaped as one.
    func envelopeRanges() -> [Range<Int>]? {
        envelopeNodes()?.map { Int(nodes[$0].start)..<Int(nodes[$0].end) }
    }

    func string(_ node: Int) throws(Mismatch) -> String {
        let item = nodes[node]
        guard item.kind == .string else { throw Mismatch(node: node, expected: "a string") }
        let start = Int(item.start), end = Int(item.end)
        let text: String?
        if item.escaped {
            text = unescaped(start..<end).flatMap { bytes in bytes.withUnsafeBufferPointer(Self.validString) }
        } else {
            text = bytes.withUnsafeBufferPointer { buffer in Self.validString(UnsafeBufferPointer(rebasing: buffer[start..<end])) }
        }
        guard let text else { throw Mismatch(node: node, expected: "a valid string") }
        return text
    }

    /// The text of valid UTF-8, or nil. ASCII (most of the wire's text) cannot be invalid and is
    /// taken at once: the standard library's validating initializer is generic over the encoding
    /// and, unspecialized, looked up its type metadata for every string of a page.
    static func validString(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var high: UInt8 = 0
        for byte in bytes { high |= byte }
        if high < 0x80 { return String(decoding: bytes, as: UTF8.self) }
        return String(validating: bytes, as: UTF8.self)
    }

    /// The bytes of a string with its escapes resolved, or nil when an escape is invalid.
    private func unescaped(_ range: Range<Int>) -> [UInt8]? {
        bytes.withUnsafeBufferPointer { Self.unescape($0, range) }
    }

    static func unescape(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [UInt8]? {
        var result: [UInt8] = []
        result.reserveCapacity(range.count)
        var index = range.lowerBound
        func hex4(at index: Int) -> UInt32? {
            guard index + 4 <= range.upperBound else { return nil }
            var value: UInt32 = 0
            for offset in 0..<4 {
                guard let digit = hexValue(bytes[index + offset]) else { return nil }
                value = value << 4 | UInt32(digit)
            }
            return value
        }
        while index < range.upperBound {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\") else {
                result.append(byte)
                index += 1
                continue
            }
            guard index + 1 < range.upperBound else { return nil }
            let code = bytes[index + 1]
            index += 2
            switch code {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): result.append(code)
            case UInt8(ascii: "b"): result.append(0x08)
            case UInt8(ascii: "f"): result.append(0x0C)
            case UInt8(ascii: "n"): result.append(0x0A)
            case UInt8(ascii: "r"): result.append(0x0D)
            case UInt8(ascii: "t"): result.append(0x09)
            case UInt8(ascii: "u"):
                guard var scalar = hex4(at: index) else { return nil }
                index += 4
                if (0xD800..<0xDC00).contains(scalar) {
                    // A high surrogate must be followed by an escaped low one.
                    guard index + 6 <= range.upperBound, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u"),
                          let low = hex4(at: index + 2), (0xDC00..<0xE000).contains(low) else { return nil }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                }
                guard let unicode = Unicode.Scalar(scalar) else { return nil }
                UTF8.encode(unicode) { result.append($0) }
            default: return nil
            }
        }
        return result
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    func bool(_ node: Int) throws(Mismatch) -> Bool {
        switch nodes[node].kind {
        case .trueValue: true
        case .falseValue: false
        default: throw Mismatch(node: node, expected: "true or false")
        }
    }

    /// A whole number; fractions, exponents and overflow are refused (the careful decoder decides those).
    func int64(_ node: Int) throws(Mismatch) -> Int64 {
        let item = nodes[node]
        guard item.kind == .number else { throw Mismatch(node: node, expected: "a number") }
        var index = Int(item.start)
        let end = Int(item.end)
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        var magnitude: UInt64 = 0
        while index < end {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { throw Mismatch(node: node, expected: "a whole number") }
            let (times, overflowed) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, carried) = times.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
            guard !overflowed, !carried else { throw Mismatch(node: node, expected: "a number in range") }
            magnitude = sum
            index += 1
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { throw Mismatch(node: node, expected: "a number in range") }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { throw Mismatch(node: node, expected: "a number in range") }
        return Int64(magnitude)
    }

    func integer<T: FixedWidthInteger>(_ node: Int, as type: T.Type) throws(Mismatch) -> T {
        let wide = try int64(node)
        guard let value = T(exactly: wide) else { throw Mismatch(node: node, expected: "a number in range of \(T.self)") }
        return value
    }

    func double(_ node: Int) throws(Mismatch) -> Double {
        let item = nodes[node]
        guard item.kind == .number else { throw Mismatch(node: node, expected: "a number") }
        // Whole numbers of up to 15 digits are exact as doubles: no text to parse.
        if item.end - item.start <= 15, let whole = try? int64(node) { return Double(whole) }
        let text = bytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[Int(item.start)..<Int(item.end)]), as: UTF8.self)
        }
        guard let value = Double(text), value.isFinite else { throw Mismatch(node: node, expected: "a finite number") }
        return value
    }

    /// A UUID in its 36-character text form, either case.
    func uuid(_ node: Int) throws(Mismatch) -> UUID {
        let item = nodes[node]
        guard item.kind == .string, !item.escaped, item.end - item.start == 36 else { throw Mismatch(node: node, expected: "a UUID") }
        var raw: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let parsed = bytes.withUnsafeBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            let text = base + Int(item.start)
            return withUnsafeMutableBytes(of: &raw) { out -> Bool in
                var offset = 0
                for byteIndex in 0..<16 {
                    if offset == 8 || offset == 13 || offset == 18 || offset == 23 {
                        guard text[offset] == UInt8(ascii: "-") else { return false }
                        offset += 1
                    }
                    guard let high = Self.hexValue(text[offset]), let low = Self.hexValue(text[offset + 1]) else { return false }
                    out[byteIndex] = high << 4 | low
                    offset += 2
                }
                return true
            }
        }
        guard parsed else { throw Mismatch(node: node, expected: "a UUID") }
        return UUID(uuid: raw)
    }
}
