import Foundation
import PPIDDomain

extension PushResponse {
    /// The answer as JSON, written directly: the same members as ``WireCoding``'s encoder writes
    /// (sorted keys, nil members left out), for a fraction of its time. A push of a thousand
    /// events answers a thousand outcomes, and Foundation's encoder spent more on them than the
    /// server spent storing the events.
    public func json() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(outcomes.count * 80 + 16)
        out.append(contentsOf: #"{"outcomes":["#.utf8)
        for (index, outcome) in outcomes.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: #"{"eventID":""#.utf8)
            out.append(contentsOf: outcome.eventID.text.utf8)
            out.append(UInt8(ascii: "\""))
            if let reason = outcome.reason {
                out.append(contentsOf: #","reason":"#.utf8)
                JSONText.appendString(reason, to: &out)
            }
            if let english = outcome.reasonEnglish {
                out.append(contentsOf: #","reasonEnglish":"#.utf8)
                JSONText.appendString(english, to: &out)
            }
            if let sequence = outcome.sequence {
                out.append(contentsOf: #","sequence":"#.utf8)
                out.append(contentsOf: String(sequence).utf8)
            }
            out.append(contentsOf: #","status":""#.utf8)
            out.append(contentsOf: outcome.status.rawValue.utf8)
            out.append(contentsOf: #""}"#.utf8)
        }
        out.append(contentsOf: "]}".utf8)
        return out
    }
}

extension Identity {
    /// The identity as JSON, written directly (sorted keys, nil members left out, as
    /// ``WireCoding``'s encoder writes it): every page of changes carries one, and Foundation's
    /// encoder was a tenth of an empty sync's time on the server.
    public func appendJSON(to out: inout [UInt8]) {
        out.append(contentsOf: #"{"isMain":"#.utf8)
        out.append(contentsOf: (isMain ? "true" : "false").utf8)
        if let name {
            out.append(contentsOf: #","name":"#.utf8)
            JSONText.appendString(name, to: &out)
        }
        out.append(contentsOf: #","officer":"#.utf8)
        JSONText.appendString(officer, to: &out)
        if let series {
            out.append(contentsOf: #","series":"#.utf8)
            JSONText.appendString(series, to: &out)
        }
        out.append(contentsOf: #","unit":"#.utf8)
        JSONText.appendString(unit, to: &out)
        out.append(UInt8(ascii: "}"))
    }
}

/// JSON string literals written by hand: quotes, backslashes and control characters escaped,
/// everything else as UTF-8.
public enum JSONText {
    /// Appends `text` as a JSON string literal.
    public static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            case 0x0A: out.append(contentsOf: #"\n"#.utf8)
            case 0x0D: out.append(contentsOf: #"\r"#.utf8)
            case 0x09: out.append(contentsOf: #"\t"#.utf8)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: #"\u00"#.utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
