import Foundation

/// Decodes the wire's JSON several times faster than Foundation's `JSONDecoder`, for the pages an
/// initial pull brings by the hundred thousand events: the text is parsed once into a ``JSONTape``
/// and values are read straight from its bytes, without dictionaries of keys.
///
/// What it does not read itself (a malformed text, a number it cannot place, a type with a form of
/// its own) goes to `JSONDecoder` with ``WireCoding``'s settings, so answers and errors are the same
/// as Foundation's, just sooner when all is well.
public enum WireDecoding {
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        if let value = try? fast(T.self, from: data) { return value }
        return try WireCoding.decoder().decode(T.self, from: data)
    }

    /// The tape decoder alone, without the fallback: what tests compare with Foundation's.
    static func fast<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        guard data.count < Int(Int32.max) else { throw JSONTape.Malformed(offset: 0, reason: "too large") }
        let tape = try JSONTape(bytes: [UInt8](data))
        return try TapeDecoder(tape: tape).value(T.self, at: 0)
    }
}
