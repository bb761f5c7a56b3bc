import Foundation
import PPIDDomain

/// A `Decoder` over a ``JSONTape``: one instance per document, moved from node to node as values
/// nest. Dates are seconds since 1970 and UUIDs their text, as ``WireCoding`` writes them.
///
/// It keeps no coding path: when it fails, ``WireDecoding`` decodes again with Foundation's
/// decoder, whose error names the place.
final class TapeDecoder: Decoder {
    let tape: JSONTape
    /// The node the next `T(from:)` reads.
    var node: Int

    init(tape: JSONTape) {
        self.tape = tape
        self.node = 0
    }

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard tape.kind(node) == .object else { throw JSONTape.Mismatch(node: node, expected: "an object") }
        return KeyedDecodingContainer(TapeKeyedContainer<Key>(decoder: self, object: node))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard tape.kind(node) == .array else { throw JSONTape.Mismatch(node: node, expected: "an array") }
        return TapeUnkeyedContainer(decoder: self, array: node)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        TapeSingleValueContainer(decoder: self, node: node)
    }

    /// Decodes the value at `index`: the types the wire writes in a form of its own first, then any other.
    func value<T: Decodable>(_ type: T.Type, at index: Int) throws -> T {
        if T.self == UUID.self { return try tape.uuid(index) as! T }
        if T.self == Date.self { return Date(timeIntervalSince1970: try tape.double(index)) as! T }
        if T.self == String.self { return try tape.string(index) as! T }
        // The wire's events, read without Codable when they are of a kind the reader knows.
        if T.self == WireEvent.self, let event = EnvelopeReader(tape: tape).wireEvent(at: index) as? T { return event }
        if T.self == EventEnvelope.self, let envelope = EnvelopeReader(tape: tape).envelope(at: index) as? T { return envelope }
        if T.self == Data.self || T.self == URL.self || T.self == Decimal.self {
            // Not on the wire; Foundation's decoder knows their forms.
            throw JSONTape.Mismatch(node: index, expected: "a type the fast decoder reads")
        }
        let saved = node
        node = index
        defer { node = saved }
        return try T(from: self)
    }
}

/// An object's members, found by comparing key bytes.
struct TapeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: TapeDecoder
    let object: Int

    var codingPath: [any CodingKey] { [] }
    var tape: JSONTape { decoder.tape }

    var allKeys: [Key] {
        var keys: [Key] = []
        var index = object + 1
        for _ in 0..<tape.nodes[object].count {
            if let text = try? tape.string(index), let key = Key(stringValue: text) { keys.append(key) }
            index = Int(tape.nodes[index + 1].after)
        }
        return keys
    }

    /// The node of the value under `key`, if the object has it.
    func find(_ key: Key) -> Int? { tape.member(of: object, named: key.stringValue) }

    func require(_ key: Key) throws -> Int {
        guard let index = find(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "no value for \(key.stringValue)"))
        }
        return index
    }

    func contains(_ key: Key) -> Bool { find(key) != nil }
    func decodeNil(forKey key: Key) throws -> Bool { tape.kind(try require(key)) == .null }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try tape.bool(try require(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try tape.string(try require(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try tape.double(try require(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try tape.double(try require(key))) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try tape.integer(try require(key), as: Int.self) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try tape.integer(try require(key), as: Int8.self) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try tape.integer(try require(key), as: Int16.self) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try tape.integer(try require(key), as: Int32.self) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try tape.int64(try require(key)) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try tape.integer(try require(key), as: UInt.self) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try tape.integer(try require(key), as: UInt8.self) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try tape.integer(try require(key), as: UInt16.self) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try tape.integer(try require(key), as: UInt32.self) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try tape.integer(try require(key), as: UInt64.self) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decoder.value(T.self, at: try require(key)) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        let index = try require(key)
        guard tape.kind(index) == .object else { throw JSONTape.Mismatch(node: index, expected: "an object") }
        return KeyedDecodingContainer(TapeKeyedContainer<NestedKey>(decoder: decoder, object: index))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        let index = try require(key)
        guard tape.kind(index) == .array else { throw JSONTape.Mismatch(node: index, expected: "an array") }
        return TapeUnkeyedContainer(decoder: decoder, array: index)
    }

    func superDecoder() throws -> any Decoder { throw JSONTape.Mismatch(node: object, expected: "no super decoder") }

    /// A decoder of the value under `key`, on the same tape.
    func superDecoder(forKey key: Key) throws -> any Decoder {
        let sub = TapeDecoder(tape: tape)
        sub.node = try require(key)
        return sub
    }
}

/// An array's elements, in order.
struct TapeUnkeyedContainer: UnkeyedDecodingContainer {
    let decoder: TapeDecoder
    let array: Int
    let count: Int?
    private(set) var currentIndex = 0
    /// The node of the next element.
    private var position: Int

    init(decoder: TapeDecoder, array: Int) {
        self.decoder = decoder
        self.array = array
        self.count = Int(decoder.tape.nodes[array].count)
        self.position = array + 1
    }

    var codingPath: [any CodingKey] { [] }
    var isAtEnd: Bool { currentIndex >= (count ?? 0) }
    var tape: JSONTape { decoder.tape }

    /// The next element's node, and a step past it.
    private mutating func next() throws -> Int {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: [], debugDescription: "the array has no more elements"))
        }
        let index = position
        position = Int(tape.nodes[index].after)
        currentIndex += 1
        return index
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { return false }
        if tape.kind(position) == .null {
            _ = try next()
            return true
        }
        return false
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try tape.bool(try next()) }
    mutating func decode(_ type: String.Type) throws -> String { try tape.string(try next()) }
    mutating func decode(_ type: Double.Type) throws -> Double { try tape.double(try next()) }
    mutating func decode(_ type: Float.Type) throws -> Float { Float(try tape.double(try next())) }
    mutating func decode(_ type: Int.Type) throws -> Int { try tape.integer(try next(), as: Int.self) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try tape.integer(try next(), as: Int8.self) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try tape.integer(try next(), as: Int16.self) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try tape.integer(try next(), as: Int32.self) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try tape.int64(try next()) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try tape.integer(try next(), as: UInt.self) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try tape.integer(try next(), as: UInt8.self) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try tape.integer(try next(), as: UInt16.self) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try tape.integer(try next(), as: UInt32.self) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try tape.integer(try next(), as: UInt64.self) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.value(T.self, at: try next()) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let index = try next()
        guard tape.kind(index) == .object else { throw JSONTape.Mismatch(node: index, expected: "an object") }
        return KeyedDecodingContainer(TapeKeyedContainer<NestedKey>(decoder: decoder, object: index))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let index = try next()
        guard tape.kind(index) == .array else { throw JSONTape.Mismatch(node: index, expected: "an array") }
        return TapeUnkeyedContainer(decoder: decoder, array: index)
    }

    mutating func superDecoder() throws -> any Decoder { throw JSONTape.Mismatch(node: array, expected: "no super decoder") }
}

/// One value: what custom `init(from:)`s such as a date's read.
struct TapeSingleValueContainer: SingleValueDecodingContainer {
    let decoder: TapeDecoder
    let node: Int

    var codingPath: [any CodingKey] { [] }
    var tape: JSONTape { decoder.tape }

    func decodeNil() -> Bool { tape.kind(node) == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try tape.bool(node) }
    func decode(_ type: String.Type) throws -> String { try tape.string(node) }
    func decode(_ type: Double.Type) throws -> Double { try tape.double(node) }
    func decode(_ type: Float.Type) throws -> Float { Float(try tape.double(node)) }
    func decode(_ type: Int.Type) throws -> Int { try tape.integer(node, as: Int.self) }
    func decode(_ type: Int8.Type) throws -> Int8 { try tape.integer(node, as: Int8.self) }
    func decode(_ type: Int16.Type) throws -> Int16 { try tape.integer(node, as: Int16.self) }
    func decode(_ type: Int32.Type) throws -> Int32 { try tape.integer(node, as: Int32.self) }
    func decode(_ type: Int64.Type) throws -> Int64 { try tape.int64(node) }
    func decode(_ type: UInt.Type) throws -> UInt { try tape.integer(node, as: UInt.self) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try tape.integer(node, as: UInt8.self) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try tape.integer(node, as: UInt16.self) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try tape.integer(node, as: UInt32.self) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try tape.integer(node, as: UInt64.self) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.value(T.self, at: node) }
}
