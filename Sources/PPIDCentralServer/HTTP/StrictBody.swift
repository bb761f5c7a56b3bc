import Foundation

/// The members a request body's objects may have, read from the OpenAPI document itself
/// (`additionalProperties: false`): a member the API does not know is refused, not ignored, so a
/// client's typo or a newer client's field never passes silently, and the document and the
/// server cannot drift apart.
indirect enum StrictBody: Sendable {
    /// An object with these members, each with its own shape.
    case object([String: StrictBody])
    /// An array whose items have this shape.
    case array(StrictBody)
    /// One of several objects, told apart by their `kind` member.
    case byKind([String: StrictBody])
    /// Null, or this shape.
    case nullable(StrictBody)
    /// Not checked further (a scalar, or a shape the domain's decoder checks).
    case any

    static let push = fromDocument("PushRequest")
    static let intake = fromDocument("IntakeRequest")

    /// The shape of the document's schema `name` (`.any` when the document is not installed).
    static func fromDocument(_ name: String) -> StrictBody {
        guard let bytes = OpenAPIDocument.bytes,
              let document = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else { return .any }
        return compile(["$ref": "#/components/schemas/\(name)"], in: document, depth: 0)
    }

    private static func resolve(_ schema: Any, in document: [String: Any]) -> [String: Any] {
        guard let object = schema as? [String: Any] else { return [:] }
        guard let ref = object["$ref"] as? String, ref.hasPrefix("#/") else { return object }
        var node: Any = document
        for part in ref.dropFirst(2).split(separator: "/") { node = (node as? [String: Any])?[String(part)] ?? [:] }
        return resolve(node, in: document)
    }

    private static func compile(_ raw: Any, in document: [String: Any], depth: Int) -> StrictBody {
        guard depth < 32 else { return .any }
        let schema = resolve(raw, in: document)
        if let alternatives = schema["oneOf"] as? [Any] {
            let resolved = alternatives.map { resolve($0, in: document) }
            let nonNull = resolved.filter { ($0["type"] as? String) != "null" }
            if nonNull.count < resolved.count, nonNull.count == 1 { return .nullable(compile(nonNull[0], in: document, depth: depth + 1)) }
            var kinds: [String: StrictBody] = [:]
            for alternative in nonNull {
                guard let kind = ((alternative["properties"] as? [String: Any])?["kind"] as? [String: Any])?["const"] as? String else {
                    return .any
                }
                kinds[kind] = compile(alternative, in: document, depth: depth + 1)
            }
            return .byKind(kinds)
        }
        let types = (schema["type"] as? [String]) ?? [(schema["type"] as? String) ?? ""]
        if types.contains("object"), schema["additionalProperties"] as? Bool == false {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            return .object(properties.mapValues { compile($0, in: document, depth: depth + 1) })
        }
        if types.contains("array"), let items = schema["items"] { return .array(compile(items, in: document, depth: depth + 1)) }
        return .any
    }

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
        case let .nullable(shape):
            return value is NSNull ? nil : shape.firstUnknown(in: value, path: path)
        case let .byKind(kinds):
            // An unknown kind is the decoder's to refuse, with its own message.
            guard let kind = (value as? [String: Any])?["kind"] as? String, let shape = kinds[kind] else { return nil }
            return shape.firstUnknown(in: value, path: path)
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
