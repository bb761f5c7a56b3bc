import Foundation

/// An envelope as a terminal pushed it: its JSON bytes, and where the officer's name (the string,
/// quotes included) lies in them. The server stores these bytes with the token's officer put in
/// that place, rather than encoding the decoded envelope again (which costs more than all its
/// checks): the bytes passed the strict member check and decoded to the envelope it validated, so
/// every reader decodes the stored text to that same envelope.
public struct SentEnvelope: Sendable, Hashable {
    public let bytes: Data
    public let officer: Range<Int>

    public init(bytes: Data, officer: Range<Int>) {
        self.bytes = bytes
        self.officer = officer
    }

    /// The envelope's bytes with `officer` (a JSON string, quotes included) in place of the claimed name.
    public func stamped(officer json: Data) -> Data {
        var out = Data()
        out.reserveCapacity(bytes.count - officer.count + json.count)
        out.append(bytes[bytes.startIndex ..< bytes.startIndex + officer.lowerBound])
        out.append(json)
        out.append(bytes[bytes.startIndex + officer.upperBound ..< bytes.endIndex])
        return out
    }
}

extension WireDecoding {
    /// A push body read strictly (see ``decode(_:from:allowing:)``), with each event's envelope as
    /// sent. The envelopes come from the same parse; they are nil when Foundation's decoder had to
    /// read the body, and the server then encodes the events itself.
    public static func pushRequest(from data: Data, allowing shape: MemberShape) throws -> (StrictDecoded<PushRequest>, [SentEnvelope]?) {
        if let tape = try? tape(data) {
            if let unknown = tape.firstUnknown(shape, at: 0, path: "") { return (.unknownMember(unknown), nil) }
            if let value = try? TapeDecoder(tape: tape).value(PushRequest.self, at: 0) {
                let sent = tape.sentEnvelopes().flatMap { $0.count == value.events.count ? $0 : nil }
                return (.value(value), sent)
            }
        }
        return (try decode(PushRequest.self, from: data, allowing: shape), nil)
    }
}

extension JSONTape {
    /// Each `events[i].envelope` of a push body with its `meta.officer` string; nil when the text
    /// is not shaped as one.
    func sentEnvelopes() -> [SentEnvelope]? {
        guard let envelopes = envelopeNodes() else { return nil }
        var sent: [SentEnvelope] = []
        sent.reserveCapacity(envelopes.count)
        for envelope in envelopes {
            guard let meta = member(of: envelope, named: "meta"), kind(meta) == .object,
                  let officer = member(of: meta, named: "officer"), kind(officer) == .string else { return nil }
            let range = Int(nodes[envelope].start)..<Int(nodes[envelope].end)
            // A string node's bytes are its contents: the quotes are the byte before and after.
            let start = Int(nodes[officer].start) - 1 - range.lowerBound
            let end = Int(nodes[officer].end) + 1 - range.lowerBound
            guard start >= 0, end <= range.count else { return nil }
            // The decoder repairs ill-formed UTF-8; stored as sent, such bytes would read otherwise elsewhere.
            guard String(validating: bytes[range], as: UTF8.self) != nil else { return nil }
            sent.append(SentEnvelope(bytes: Data(bytes[range]), officer: start..<end))
        }
        return sent
    }
}
