import Foundation

/// Which form is open and what it acts on: the typed identity of a form and of its kept draft.
enum FormKind: Hashable, Codable, Sendable {
    case register
    case forward(UUID)
    case extend([UUID])
    case decide(UUID)
    case deliver([UUID])
    case withdraw(UUID)
    case objection(UUID)
    case answer(UUID)
    case link(UUID)
    case newEntry
    case editEntry(UUID)
    case disputeFiling(UUID)
    case disputeStep(UUID)
    case comply(UUID)
    case incomplete(UUID)
    case pay(UUID)
    case attachFile(UUID)

    /// The key a draft is kept under: the kind as JSON, keys sorted, so one form has one draft.
    var draftKey: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "\(self)"
    }

    /// The kind a kept draft's key names: JSON, or the `extend:<uuid>,<uuid>` keys of earlier versions.
    init?(draftKey: String) {
        if let kind = try? JSONDecoder().decode(FormKind.self, from: Data(draftKey.utf8)) {
            self = kind
            return
        }
        let parts = draftKey.split(separator: ":", maxSplits: 1).map(String.init)
        guard let name = parts.first else { return nil }
        let ids = parts.count > 1 ? parts[1].split(separator: ",").compactMap { UUID(uuidString: String($0)) } : []
        switch (name, ids.first) {
        case ("register", _): self = .register
        case ("dip", _) where parts.count > 1 && parts[1] == "new": self = .newEntry
        case let ("dip", id?): self = .editEntry(id)
        case let ("forward", id?): self = .forward(id)
        case ("extend", _?): self = .extend(ids)
        case let ("decide", id?): self = .decide(id)
        case ("deliver", _?): self = .deliver(ids)
        case let ("withdraw", id?): self = .withdraw(id)
        case let ("objection", id?): self = .objection(id)
        case let ("answer", id?): self = .answer(id)
        case let ("link", id?): self = .link(id)
        default: return nil
        }
    }
}

/// What a kept draft holds: the values typed and the field in focus.
struct FormDraft: Codable, Hashable {
    var values: [String: String]
    var focus: Int

    /// Reads a draft's body: this type's JSON, or the flat `{field: value, "_focus": "3"}` of earlier versions.
    init?(body: String) {
        let data = Data(body.utf8)
        if let draft = try? JSONDecoder().decode(FormDraft.self, from: data) {
            self = draft
        } else if var flat = try? JSONDecoder().decode([String: String].self, from: data) {
            focus = flat.removeValue(forKey: "_focus").flatMap(Int.init) ?? 0
            values = flat
        } else {
            return nil
        }
    }

    init(values: [String: String], focus: Int) {
        self.values = values
        self.focus = focus
    }

    var body: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
