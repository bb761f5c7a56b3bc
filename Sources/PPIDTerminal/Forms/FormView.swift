import Foundation
import PPIDDomain

extension FormState {
    /// Draws the form: a label and a value per shown field, the focused field's hint or each
    /// field's error beside it, the form's message below. Returns where the caret is.
    func draw(in frame: Frame) -> (Int, Int)? {
        let form = self
        let screen = frame.screen
        let columns = frame.columns
        let rows = frame.rows
        let unicode = frame.unicode
        let title = form.title
        screen.put(DisplayWidth.pad(" " + title, columns, unicode: unicode), row: 1, column: 0, role: .header)
        let labelWidth = min(30, max(12, form.fields.map { DisplayWidth.of($0.label) }.max() ?? 12) + 2)
        let valueWidth = max(10, min(48, columns - labelWidth - 4 - 24))
        var row = 2
        var caret: (Int, Int)? = nil
        for index in form.shownIndices {
            guard row < rows - 3 else { break }
            let field = form.fields[index]
            let focused = index == form.focus
            let label = DisplayWidth.pad((field.required ? "*" : " ") + field.label, labelWidth, unicode: unicode)
            screen.put(label, row: row, column: 1, role: focused ? .title : .normal)
            var value = field.displayValue
            if case .choice = field.kind { value = (unicode ? "◂ " : "< ") + value + (unicode ? " ▸" : " >") }
            // Keep the caret visible in a long value.
            var shown = value
            var offset = 0
            if focused, case .choice = field.kind {} else if focused, form.caret > valueWidth - 1 {
                offset = form.caret - valueWidth + 1
                shown = String(Array(value).dropFirst(offset))
            }
            screen.put(DisplayWidth.pad(shown, valueWidth, unicode: unicode), row: row, column: 1 + labelWidth, role: .input)
            if focused, case .choice = field.kind {} else if focused {
                let before = String(Array(value).prefix(form.caret).dropFirst(offset))
                caret = (row, 1 + labelWidth + DisplayWidth.of(before))
            }
            let note = field.error.map { " " + $0 } ?? (focused && !field.hint.isEmpty ? " " + field.hint : "")
            if !note.isEmpty {
                let column = 2 + labelWidth + valueWidth
                if column < columns {
                    screen.put(DisplayWidth.fit(note, columns - column, unicode: unicode), row: row, column: column,
                               role: field.error != nil ? .error : .dim)
                }
            }
            row += 1
        }
        if let message = form.message {
            screen.put(DisplayWidth.fit(" " + message, columns, unicode: unicode), row: min(row + 1, rows - 3), column: 0, role: .error)
        }
        return caret
    }
}
