import Foundation

/// Reads a changes page whose events are not all readable: each event on its own, the unreadable
/// ones set aside with their sequence, unit, case id (where the envelope still names one) and
/// JSON. A page whose frame (cursor, identity, sequences) cannot be read is not a page: nil.
enum LenientPage {
    static func read(_ data: Data) -> ChangesPage? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let events = object["events"] as? [Any] else { return nil }
        let decoder = WireCoding.decoder()
        var frame = object
        frame["events"] = []
        guard let frameData = try? JSONSerialization.data(withJSONObject: frame),
              let empty = try? decoder.decode(ChangesPage.self, from: frameData) else { return nil }
        var good: [WireEvent] = []
        var aside: [SetAsideEvent] = []
        for element in events {
            // A hostile number (1e300, 2.5) is refused, never converted with a trap or a silent cut.
            guard let item = element as? [String: Any], let number = item["sequence"] as? NSNumber,
                  let sequence = Int64(exactly: number.doubleValue),
                  let unit = item["unit"] as? String, let envelope = item["envelope"],
                  let itemData = try? JSONSerialization.data(withJSONObject: item) else { return nil }
            do {
                good.append(try decoder.decode(WireEvent.self, from: itemData))
            } catch {
                let payload = (try? JSONSerialization.data(withJSONObject: envelope)) ?? Data()
                aside.append(SetAsideEvent(sequence: sequence, unit: unit, caseID: caseID(in: envelope), payload: payload,
                                           reason: String("\(error)".prefix(500))))
            }
        }
        return ChangesPage(events: good, nextCursor: empty.nextCursor, hasMore: empty.hasMore, identity: empty.identity,
                           reference: empty.reference, latest: empty.latest, cursorKnown: empty.cursorKnown, setAside: aside)
    }

    /// The case id of an envelope: `event.caseId`, or in the coding of earlier versions `event.<kind>._0`.
    static func caseID(in envelope: Any) -> UUID? {
        guard let event = (envelope as? [String: Any])?["event"] as? [String: Any] else { return nil }
        if let id = event["caseId"] as? String { return UUID(uuidString: id) }
        guard event.count == 1, let body = event.values.first as? [String: Any], let id = body["_0"] as? String else { return nil }
        return UUID(uuidString: id)
    }
}
