/// Keys of the explicit event format: any name, as a coding key.
struct NamedKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension KeyedDecodingContainer where Key == NamedKey {
    func value<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T { try decode(T.self, forKey: NamedKey(name)) }
    func optional<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T? { try decodeIfPresent(T.self, forKey: NamedKey(name)) }
    /// Whether the object is in the explicit format (it names its `kind`), rather than Swift's own enum coding.
    var isExplicit: Bool { contains(NamedKey("kind")) }
}

extension KeyedEncodingContainer where Key == NamedKey {
    mutating func put<T: Encodable>(_ value: T, _ name: String) throws { try encode(value, forKey: NamedKey(name)) }
    /// Optional values are written as null, so every field of a kind is always present.
    mutating func put<T: Encodable>(_ value: T?, _ name: String) throws {
        if let value { try encode(value, forKey: NamedKey(name)) } else { try encodeNil(forKey: NamedKey(name)) }
    }
}

/// A kind the explicit format does not have.
func unknownKind(_ kind: String, in decoder: any Decoder, of type: String) -> DecodingError {
    DecodingError.dataCorrupted(DecodingError.Context(codingPath: decoder.codingPath,
                                                      debugDescription: "unknown \(type) kind '\(kind)'"))
}
