/// Text going into a CSV a spreadsheet will open.
public enum SpreadsheetCell {
    /// A cell a spreadsheet would take as a formula (`=`, `+`, `-`, `@`, tab or carriage return first)
    /// prefixed with `'`, which spreadsheets show as text: a requester named `=HYPERLINK(...)` stays a name.
    public static func neutralised(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return cell }
        return "'" + cell
    }
}
