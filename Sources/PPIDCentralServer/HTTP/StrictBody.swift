import Foundation
import PPIDWire

/// The members a request body's objects may have, read from the OpenAPI document itself
/// (`additionalProperties: false`): a member the API does not know is refused, not ignored, so a
/// client's typo or a newer client's field never passes silently, and the document and the
/// server cannot drift apart.
enum StrictBody {
    static let push: MemberShape = fromDocument("PushRequest")
    /// Whether pushes are checked member by member: only then are envelopes kept as sent (without
    /// the document no member is checked, and an unknown one would be stored for later readers).
    static let pushIsStrict: Bool = { if case .any = push { false } else { true } }()
    static let intake: MemberShape = fromDocument("IntakeRequest")

    /// The shape of the document's schema `name` (`.any` when the document is not installed).
    static func fromDocument(_ name: String) -> MemberShape {
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

    private static func compile(_ raw: Any, in document: [String: Any], depth: Int) -> MemberShape {
        guard depth < 32 else { return .any }
        let schema = resolve(raw, in: document)
        if let alternatives = schema["oneOf"] as? [Any] {
            let resolved = alternatives.map { resolve($0, in: document) }
            let nonNull = resolved.filter { ($0["type"] as? String) != "null" }
            if nonNull.count < resolved.count, nonNull.count == 1 { return .nullable(compile(nonNull[0], in: document, depth: depth + 1)) }
            var kinds: [String: MemberShape] = [:]
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
            return .object(MemberShape.Members(properties.mapValues { compile($0, in: document, depth: depth + 1) }))
        }
        if types.contains("array"), let items = schema["items"] { return .array(compile(items, in: document, depth: depth + 1)) }
        return .any
    }
}
