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

    /// A changes page, and each event's envelope as the server sent it (its bytes, in order), so a
    /// client stores the event without encoding it again (which costs as much as decoding). The
    /// envelopes come from the same parse as the page; when Foundation's decoder had to read the
    /// page, there are none, and the client encodes the events itself.
    public static func changesPage(from data: Data) throws -> (ChangesPage, [Data]?) {
        if let tape = try? tape(data), let page = try? TapeDecoder(tape: tape).value(ChangesPage.self, at: 0) {
            let envelopes = tape.envelopeRanges().flatMap { ranges in
                ranges.count == page.events.count ? ranges.map { Data(tape.bytes[$0]) } : nil
            }
            return (page, envelopes)
        }
        do {
            return (try WireCoding.decoder().decode(ChangesPage.self, from: data), nil)
        } catch {
            // One unreadable event must not stop the page: read the rest, set that one aside.
            if let page = LenientPage.read(data) { return (page, nil) }
            throw error
        }
    }

    /// The tape decoder alone, without the fallback: what tests compare with Foundation's.
    static func fast<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try TapeDecoder(tape: try tape(data)).value(T.self, at: 0)
    }

    static func tape(_ data: Data) throws(JSONTape.Malformed) -> JSONTape {
        guard data.count < Int(Int32.max) else { throw JSONTape.Malformed(offset: 0, reason: "too large") }
        return try JSONTape(bytes: [UInt8](data))
    }
}
