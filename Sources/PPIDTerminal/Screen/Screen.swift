/// The boundary between the views and the terminal. Views draw only through it, so tests render
/// them into a ``TextScreen`` and compare text snapshots; the app uses ``CursesScreen``.
public protocol Screen: AnyObject {
    /// Rows and columns available.
    var rows: Int { get }
    var columns: Int { get }
    /// Whether box-drawing and other non-ASCII symbols can be shown (a UTF-8 locale).
    var unicode: Bool { get }
    /// Clears the frame being built (not the terminal: only changes are sent on present).
    func erase()
    /// Writes `text` at a position, clipped to the screen's width. Text is measured in display columns.
    func put(_ text: String, row: Int, column: Int, role: Role)
    /// Where the text cursor shows, or nil to hide it.
    func setCursor(row: Int, column: Int, visible: Bool)
    /// Sends the frame to the terminal: only what changed since the last frame.
    func present()
}
