import Foundation

/// A scrollable page of text: a request's detail, "why this date", the audit trail, the messages.
/// Its own keys scroll and go back (``OverlayBindings/detail``); the actions marked to work on a
/// detail act on the case it shows.
struct DetailOverlay {
    var title: String
    var lines: [(text: String, role: Role)]
    var scroll = 0
    /// The case shown, so actions from the detail apply to it.
    var requestID: String?
    /// The DIP entry shown, so `e` edits it.
    var documentID: UUID?

    init(title: String, lines: [(text: String, role: Role)], requestID: String? = nil, documentID: UUID? = nil) {
        self.title = title
        self.lines = lines
        self.requestID = requestID
        self.documentID = documentID
    }

    /// The detail's own key: true when it stays open, false when it closes; nil when the key is not
    /// one of its own (an action may take it).
    mutating func handle(_ key: Key, visible: Int) -> Bool? {
        guard let command = OverlayBindings.detailCommand(for: key) else { return nil }
        switch command {
        case .back: return false
        case let .scroll(delta): scroll += delta
        case let .page(delta): scroll += delta * visible
        case .top: scroll = 0
        case .bottom: scroll = lines.count
        }
        scroll = max(0, min(scroll, max(0, lines.count - visible)))
        return true
    }

    func draw(in frame: Frame) {
        for (index, line) in lines.dropFirst(scroll).prefix(frame.listRows + 1).enumerated() {
            frame.line(line.text, row: 1 + index, role: line.role)
        }
    }
}
