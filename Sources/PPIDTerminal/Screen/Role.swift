/// What a piece of text means on screen; a theme decides how each role looks.
public enum Role: String, Hashable, Sendable, CaseIterable {
    case normal
    case overdue
    case dueToday = "due-today"
    case dueSoon = "due-soon"
    case provisional
    case selected
    case marked
    case header
    case status
    case border
    case dim
    case error
    case title
    case input
}
