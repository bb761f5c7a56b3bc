import Foundation

/// The members a request body's objects may have, as the OpenAPI document declares them
/// (`additionalProperties: false`): a member the API does not know is refused, not ignored, so a
/// client's typo or a newer client's field never passes silently.
indirect enum StrictBody: Sendable {
    /// An object with these members, each with its own shape.
    case object([String: StrictBody])
    /// An array whose items have this shape.
    case array(StrictBody)
    /// Not checked further (a scalar, or a shape the domain's decoder checks).
    case any

    static let requester = StrictBody.object([
        "kind": .any, "name": .any, "nik": .any, "entityDocument": .any, "address": .any,
        "occupation": .any, "phone": .any, "email": .any,
    ])

    static let intake = StrictBody.object([
        "unit": .any, "receivedAt": .any, "channel": .any, "requester": requester, "information": .any,
        "purpose": .any, "obtainMethod": .any, "deliveryMethod": .any,
    ])

    static let meta = StrictBody.object(["id": .any, "officer": .any, "instant": .any, "localDate": .any])

    static let push = StrictBody.object([
        "events": .array(.object([
            "envelope": .object(["meta": meta, "event": .any]),
            "unit": .any,
            "sequence": .any,
        ])),
    ])

    /// The path of the first member not allowed, or nil (also nil for text that is not JSON: the
    /// decoder then says what is wrong with it).
    func firstUnknownMember(in data: Data) -> String? {
        guard let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return nil }
        return firstUnknown(in: value, path: "")
    }

    private func firstUnknown(in value: Any, path: String) -> String? {
        switch self {
        case .any:
            return nil
        case let .array(item):
            guard let items = value as? [Any] else { return nil }
            for (index, element) in items.enumerated() {
                if let found = item.firstUnknown(in: element, path: "\(path)[\(index)]") { return found }
            }
            return nil
        case let .object(members):
            guard let object = value as? [String: Any] else { return nil }
            for key in object.keys.sorted() {
                let memberPath = path.isEmpty ? key : "\(path).\(key)"
                guard let shape = members[key] else { return memberPath }
                if let value = object[key], let found = shape.firstUnknown(in: value, path: memberPath) { return found }
            }
            return nil
        }
    }
}
