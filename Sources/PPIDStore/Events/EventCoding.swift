import Foundation
import PPIDDomain

/// The JSON form of events in the log. One encoder per thread of use; both are cheap to make.
enum EventCoding {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return decoder
    }

    static func decode(_ data: Data, seq: Int64) throws -> EventEnvelope {
        do {
            return try decoder().decode(EventEnvelope.self, from: data)
        } catch {
            throw StoreError.undecodable(what: "event #\(seq)", reason: "\(error)")
        }
    }
}
