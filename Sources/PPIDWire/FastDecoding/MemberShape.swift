import Foundation

/// The members a JSON body's objects may have, for an API that refuses a member it does not know
/// rather than ignoring it (a client's typo, a newer client's field). Checked on the same tape the
/// body is then decoded from, so a strict body costs one parse.
public indirect enum MemberShape: Sendable {
    /// An object with these members, each with its own shape.
    case object(Members)
    /// An array whose items have this shape.
    case array(MemberShape)
    /// One of several objects, told apart by their `kind` member.
    case byKind([String: MemberShape])
    /// Null, or this shape.
    case nullable(MemberShape)
    /// Not checked further (a scalar, or a shape the domain's decoder checks).
    case any
}

extension MemberShape {
    /// An object's allowed members by name, and their names' bytes, so a body's keys are matched
    /// by length and bytes rather than each made a string and hashed (a push has thousands).
    public struct Members: Sendable, ExpressibleByDictionaryLiteral {
        public let byName: [String: MemberShape]
        let names: [[UInt8]]
        let shapes: [MemberShape]

        public init(_ byName: [String: MemberShape]) {
            self.byName = byName
            let members = Array(byName)
            names = members.map { Array($0.key.utf8) }
            shapes = members.map(\.value)
        }

        public init(dictionaryLiteral elements: (String, MemberShape)...) {
            self.init(Dictionary(elements, uniquingKeysWith: { first, _ in first }))
        }

        /// The position of the member whose name is `key`'s bytes, if it is one.
        func position(of key: UnsafeBufferPointer<UInt8>) -> Int? {
            for (position, name) in names.enumerated() where name.count == key.count {
                let same = name.withUnsafeBufferPointer { name in
                    guard let a = name.baseAddress, let b = key.baseAddress else { return true }
                    return memcmp(a, b, key.count) == 0
                }
                if same { return position }
            }
            return nil
        }
    }
}

/// A strict body read: its value, or the path of the first member it may not have.
public enum StrictDecoded<Value> {
    case value(Value)
    case unknownMember(String)
}

extension WireDecoding {
    /// Decodes `data` after checking that its objects have no member `shape` does not allow. A text
    /// that is not JSON goes to Foundation's decoder, whose error says what is wrong with it.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data, allowing shape: MemberShape) throws -> StrictDecoded<T> {
        if let tape = try? tape(data) {
            if let unknown = tape.firstUnknown(shape, at: 0, path: "") { return .unknownMember(unknown) }
            if let value = try? TapeDecoder(tape: tape).value(T.self, at: 0) { return .value(value) }
        } else if let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
                  let unknown = shape.firstUnknown(in: object, path: "") {
            // JSON the tape does not hold (a number beyond its reach, say): checked the slow way.
            return .unknownMember(unknown)
        }
        return .value(try WireCoding.decoder().decode(T.self, from: data))
    }
}

extension MemberShape {
    /// The first member not allowed in a value from `JSONSerialization`, members in key order.
    func firstUnknown(in value: Any, path: String) -> String? {
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
                guard let shape = members.byName[key] else { return memberPath }
                if let value = object[key], let found = shape.firstUnknown(in: value, path: memberPath) { return found }
            }
            return nil
        }
    }
}

extension JSONTape {
    /// The first member not allowed under the node `node`, members in key order (as
    /// ``MemberShape/firstUnknown(in:path:)`` finds it), or nil. A body is first walked without
    /// writing a key as a validated string, sorting members or writing paths (``isClean(_:at:)``);
    /// only a body that fails that is walked again to name its first offending member.
    func firstUnknown(_ shape: MemberShape, at node: Int, path: String) -> String? {
        if isClean(shape, at: node) { return nil }
        return firstUnknownNamed(shape, at: node, path: path)
    }

    /// Whether every object under `node` has only members `shape` allows, none twice.
    func isClean(_ shape: MemberShape, at node: Int) -> Bool {
        switch shape {
        case .any:
            return true
        case let .nullable(inner):
            return kind(node) == .null || isClean(inner, at: node)
        case let .byKind(kinds):
            guard kind(node) == .object, let kindNode = member(of: node, named: "kind"), kind(kindNode) == .string,
                  let name = try? string(kindNode), let inner = kinds[name] else { return true }
            return isClean(inner, at: node)
        case let .array(item):
            guard kind(node) == .array else { return true }
            var element = node + 1
            for _ in 0..<Int(nodes[node].count) {
                guard isClean(item, at: element) else { return false }
                element = Int(nodes[element].after)
            }
            return true
        case let .object(members):
            guard kind(node) == .object else { return true }
            var seen = [Bool](repeating: false, count: members.names.count)
            var index = node + 1
            for _ in 0..<Int(nodes[node].count) {
                guard let position = memberPosition(index, in: members), !seen[position] else { return false }
                seen[position] = true
                let inner = members.shapes[position]
                if case .any = inner {} else if !isClean(inner, at: index + 1) { return false }
                index = Int(nodes[index + 1].after)
            }
            return true
        }
    }

    /// Which of `members` the key at `node` names: without escapes, compared as the bytes they are
    /// (ill-formed UTF-8 matches no member); with them, unescaped first (rare in a key).
    private func memberPosition(_ node: Int, in members: MemberShape.Members) -> Int? {
        let item = nodes[node]
        guard item.kind == .string else { return nil }
        if item.escaped {
            guard let key = try? string(node) else { return nil }
            return Array(key.utf8).withUnsafeBufferPointer { members.position(of: $0) }
        }
        return bytes.withUnsafeBufferPointer { buffer in
            members.position(of: UnsafeBufferPointer(rebasing: buffer[Int(item.start)..<Int(item.end)]))
        }
    }

    private func firstUnknownNamed(_ shape: MemberShape, at node: Int, path: String) -> String? {
        switch shape {
        case .any:
            return nil
        case let .nullable(inner):
            return kind(node) == .null ? nil : firstUnknownNamed(inner, at: node, path: path)
        case let .byKind(kinds):
            guard kind(node) == .object, let kindNode = member(of: node, named: "kind"), kind(kindNode) == .string,
                  let name = try? string(kindNode), let inner = kinds[name] else { return nil }
            return firstUnknownNamed(inner, at: node, path: path)
        case let .array(item):
            guard kind(node) == .array else { return nil }
            var element = node + 1
            for index in 0..<Int(nodes[node].count) {
                if let found = firstUnknownNamed(item, at: element, path: "\(path)[\(index)]") { return found }
                element = Int(nodes[element].after)
            }
            return nil
        case let .object(members):
            guard kind(node) == .object else { return nil }
            var entries: [(key: String, value: Int)] = []
            entries.reserveCapacity(Int(nodes[node].count))
            var index = node + 1
            var sorted = true
            for _ in 0..<Int(nodes[node].count) {
                guard let key = try? string(index) else { return nil }
                if let last = entries.last, last.key > key { sorted = false }
                entries.append((key, index + 1))
                index = Int(nodes[index + 1].after)
            }
            if !sorted { entries.sort { $0.key < $1.key } }
            var previous: String?
            // A member's path is written only when it is reported or walked into: most members
            // are scalars, and a push body has thousands.
            func memberPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
            for (key, value) in entries {
                guard let inner = members.byName[key] else { return memberPath(key) }
                // A member given twice: readers differ on which one counts, so neither is taken.
                if key == previous { return memberPath(key) }
                previous = key
                if case .any = inner { continue }
                if let found = firstUnknownNamed(inner, at: value, path: memberPath(key)) { return found }
            }
            return nil
        }
    }
}
