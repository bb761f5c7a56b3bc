import Foundation
import PPIDDomain
import PPIDStore

/// The DIP search picker of the link form (Ctrl-F): type to search the list, Enter adds the
/// entry's number to the form, so no number is typed by hand.
struct DocumentPickerState {
    var query = ""
    var rows: [DIPRow] = []
    var selected = 0
    var total = 0
}

extension App {
    func openDocumentPicker() {
        overlays.append(.pick(DocumentPickerState()))
    }

    /// Keys of the picker; the form stays beneath it.
    func handlePicker(_ picker: DocumentPickerState, _ key: Key) {
        var picker = picker
        switch key {
        case .escape, .control("g"): return
        case .down, .control("n"): picker.selected = min(picker.selected + 1, max(0, picker.rows.count - 1))
        case .up, .control("p"): picker.selected = max(picker.selected - 1, 0)
        case .enter:
            guard picker.rows.indices.contains(picker.selected) else { return }
            addToForm(number: picker.rows[picker.selected].number)
            return
        case .backspace:
            picker.query = String(picker.query.dropLast())
            search(&picker)
        case let .character(c):
            picker.query.append(c)
            search(&picker)
        default: break
        }
        overlays.append(.pick(picker))
    }

    private func search(_ picker: inout DocumentPickerState) {
        picker.selected = 0
        guard !picker.query.trimmingCharacters(in: .whitespaces).isEmpty else {
            picker.rows = []
            picker.total = 0
            return
        }
        do {
            let result = try store.searchDIP(picker.query, limit: 200)
            picker.rows = result.rows
            picker.total = result.rows.count
        } catch {
            show(error)
        }
    }

    /// Adds `number` to the open form's DIP numbers, once.
    private func addToForm(number: String) {
        guard let index = overlays.lastIndex(where: { if case .form = $0 { true } else { false } }),
              case var .form(form) = overlays[index] else { return }
        let submission = LinkSubmission(numbers: form["numbers"])
        if !submission.list.contains(number) {
            form["numbers"] = (submission.list + [number]).joined(separator: ", ")
        }
        if let field = form.fields.firstIndex(where: { $0.key == "numbers" }) {
            form.fields[field].error = nil
            form.focus = field
            form.caret = form.fields[field].value.count
        }
        form.message = t("Ditambahkan: \(number). Ctrl-F lagi untuk entri lain, Ctrl-S menyimpan.",
                         "Added: \(number). Ctrl-F again for another entry, Ctrl-S saves.")
        overlays[index] = .form(form)
        saveDraft(form)
    }
}

extension DocumentPickerState {
    /// Draws the picker over the form: the query and its count, then the matching entries.
    func draw(in frame: Frame) {
        let picker = self
        let screen = frame.screen
        let columns = frame.columns
        let rows = frame.rows
        let unicode = frame.unicode
        func t(_ indonesian: String, _ english: String) -> String { frame.t(indonesian, english) }
        let width = min(columns - 2, 100)
        let left = max(0, (columns - width) / 2)
        let count = picker.query.isEmpty ? "" : "  (\(picker.total))"
        screen.put(DisplayWidth.pad(" " + t("Cari entri DIP: ", "Find a DIP entry: ") + picker.query + count, width, unicode: unicode),
                   row: 2, column: left, role: .header)
        let visible = max(1, rows - 7)
        let top = max(0, picker.selected - visible + 1)
        if picker.rows.isEmpty {
            let text = picker.query.isEmpty ? t("Ketik judul, nomor, atau isi.", "Type a title, number or content.")
                                            : t("Tidak ada entri yang cocok.", "No entry matches.")
            screen.put(DisplayWidth.pad("  " + text, width, unicode: unicode), row: 3, column: left, role: .dim)
        }
        for (offset, row) in picker.rows.dropFirst(top).prefix(visible).enumerated() {
            let index = top + offset
            let text = "  " + DisplayWidth.pad(row.number, 16, unicode: unicode) + " " + row.title
            screen.put(DisplayWidth.pad(text, width, unicode: unicode), row: 3 + offset, column: left,
                       role: index == picker.selected ? .selected : .status)
        }
    }
}
