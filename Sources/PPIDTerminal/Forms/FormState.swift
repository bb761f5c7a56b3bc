import Foundation
import PPIDDomain

/// One field of a form.
struct FormField {
    enum Kind {
        case text
        /// A fixed set of options: (stored value, label).
        case choice([(value: String, label: String)])
        /// A date, `YYYY-MM-DD`.
        case date
    }

    let key: String
    let label: String
    var value: String
    let kind: Kind
    let required: Bool
    /// Shown beside the field when it is focused.
    let hint: String
    /// Whether the field applies given the other fields (e.g. the NIK only for a person).
    var isShown: (FormState) -> Bool = { _ in true }
    var error: String?
    /// Lines shown under the form while this field is focused: what each letter of a code means.
    var legend: [String] = []

    init(_ key: String, _ label: String, value: String = "", kind: Kind = .text, required: Bool = false, hint: String = "",
         shownWhen: @escaping (FormState) -> Bool = { _ in true }) {
        self.key = key
        self.label = label
        self.value = value
        self.kind = kind
        self.required = required
        self.hint = hint
        self.isShown = shownWhen
    }

    /// The label of the current choice.
    var displayValue: String {
        if case let .choice(options) = kind {
            return options.first { $0.value == value }?.label ?? value
        }
        return value
    }
}

/// What a form does on submit: nil when done (with a message), or the problem to show.
enum FormOutcome {
    case done(String)
    case failed(String)
    /// Field errors, by key; shown next to each field.
    case invalid([String: String])
    /// The acts layer's refusal: every field's reason, and any that names no field.
    case refused(ActRefusal)
}

/// A form being filled: fields, focus, the caret, and what submitting does.
struct FormState {
    /// What the form is and acts on; its draft is kept under this.
    let kind: FormKind
    let title: String
    var fields: [FormField]
    var focus = 0
    var caret = 0
    var message: String?
    /// How many cases the submit applies to (marked rows), shown in the title.
    var count = 1
    let submit: (FormState) -> FormOutcome
    /// The acts layer's verdict on the values without acting: every field's problem, checked with
    /// the required fields so all errors show on the first save. Nil when the values would do.
    var check: (FormState) -> ActRefusal? = { _ in nil }
    /// Whether Ctrl-F opens the DIP search picker, whose choice is added to the focused field.
    var picksDocuments = false

    init(_ kind: FormKind, title: String, fields: [FormField], submit: @escaping (FormState) -> FormOutcome) {
        self.kind = kind
        self.title = title
        self.fields = fields
        self.submit = submit
        caret = fields.first?.value.count ?? 0
    }

    subscript(key: String) -> String {
        get { fields.first { $0.key == key }?.value.trimmingCharacters(in: .whitespaces) ?? "" }
        set { if let i = fields.firstIndex(where: { $0.key == key }) { fields[i].value = newValue } }
    }

    /// The values of the fields that apply, trimmed, by key: what is submitted to the acts layer.
    var values: [String: String] {
        var values: [String: String] = [:]
        for i in shownIndices { values[fields[i].key] = fields[i].value.trimmingCharacters(in: .whitespaces) }
        return values
    }

    var shownIndices: [Int] { fields.indices.filter { fields[$0].isShown(self) } }

    var focusedField: FormField? { fields.indices.contains(focus) ? fields[focus] : nil }

    /// Checks the generic rules (required fields, dates); the submit closure checks the domain's.
    mutating func validateBasics(_ language: Language) -> Bool {
        var ok = true
        for i in fields.indices {
            fields[i].error = nil
            guard fields[i].isShown(self) else { continue }
            let value = fields[i].value.trimmingCharacters(in: .whitespaces)
            if fields[i].required && value.isEmpty {
                fields[i].error = language.pick("wajib diisi", "required")
                ok = false
            } else if case .date = fields[i].kind, !value.isEmpty, CivilDate(iso: value) == nil {
                fields[i].error = language.pick("tanggal TTTT-BB-HH", "date YYYY-MM-DD")
                ok = false
            }
        }
        return ok
    }

    // MARK: Editing

    mutating func moveFocus(_ delta: Int) {
        let shown = shownIndices
        guard let position = shown.firstIndex(of: focus) ?? shown.first.map({ _ in 0 }) else { return }
        let next = min(max(0, position + delta), shown.count - 1)
        focus = shown[next]
        caret = fields[focus].value.count
    }

    var isOnLastField: Bool { shownIndices.last == focus }

    mutating func type(_ character: Character) {
        guard fields.indices.contains(focus) else { return }
        switch fields[focus].kind {
        case let .choice(options):
            if character == " " { cycle(1, options) }
            else if let match = options.firstIndex(where: { $0.label.lowercased().hasPrefix(String(character).lowercased()) }) {
                fields[focus].value = options[match].value
            }
        case .text, .date:
            var value = Array(fields[focus].value)
            value.insert(character, at: min(caret, value.count))
            fields[focus].value = String(value)
            caret += 1
            fields[focus].error = nil
        }
    }

    mutating func backspace() {
        guard fields.indices.contains(focus), caret > 0 else { return }
        if case .choice = fields[focus].kind { return }
        var value = Array(fields[focus].value)
        value.remove(at: caret - 1)
        fields[focus].value = String(value)
        caret -= 1
    }

    mutating func deleteForward() {
        guard fields.indices.contains(focus) else { return }
        var value = Array(fields[focus].value)
        guard caret < value.count else { return }
        value.remove(at: caret)
        fields[focus].value = String(value)
    }

    mutating func clearField() {
        guard fields.indices.contains(focus) else { return }
        if case .choice = fields[focus].kind { return }
        fields[focus].value = ""
        caret = 0
    }

    mutating func horizontal(_ delta: Int) {
        guard fields.indices.contains(focus) else { return }
        if case let .choice(options) = fields[focus].kind {
            cycle(delta, options)
        } else {
            caret = min(max(0, caret + delta), fields[focus].value.count)
        }
    }

    mutating func caretHome() { caret = 0 }
    mutating func caretEnd() { caret = fields.indices.contains(focus) ? fields[focus].value.count : 0 }

    private mutating func cycle(_ delta: Int, _ options: [(value: String, label: String)]) {
        guard !options.isEmpty else { return }
        let index = options.firstIndex { $0.value == fields[focus].value } ?? 0
        fields[focus].value = options[(index + delta + options.count) % options.count].value
    }

    // MARK: Drafts

    /// The fields and focus, for the draft kept in the database.
    var draftBody: String {
        var values: [String: String] = [:]
        for field in fields { values[field.key] = field.value }
        return FormDraft(values: values, focus: focus).body
    }

    /// Puts a draft's values back into the fields.
    mutating func restore(draftBody: String) {
        guard let draft = FormDraft(body: draftBody) else { return }
        for i in fields.indices { if let value = draft.values[fields[i].key] { fields[i].value = value } }
        if fields.indices.contains(draft.focus) { focus = draft.focus }
        caret = fields.indices.contains(focus) ? fields[focus].value.count : 0
    }

    /// Marks every field the refusal names, keeping the marks already there; returns the reasons
    /// that name no shown field, for the form's message line.
    mutating func mark(_ refusal: ActRefusal, _ language: Language) -> [String] {
        var unplaced: [String] = []
        let shown = Set(shownIndices.map { fields[$0].key })
        for problem in refusal.problems {
            if let field = problem.field, shown.contains(field), let i = fields.firstIndex(where: { $0.key == field }) {
                if fields[i].error == nil { fields[i].error = problem.text(language) }
            } else {
                unplaced.append(problem.field.map { "\($0): " } .map { $0 + problem.text(language) } ?? problem.text(language))
            }
        }
        return unplaced
    }
}
