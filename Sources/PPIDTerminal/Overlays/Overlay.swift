import Foundation

/// What is drawn over the panes, topmost last. Each kind is its own type with its own state, keys
/// and drawing; the app routes a key to the topmost and composes the frame.
enum Overlay {
    case help(HelpOverlay)
    case command(CommandLineOverlay)
    case form(FormState)
    case detail(DetailOverlay)
    case confirm(ConfirmOverlay)
    case search(SearchOverlay)
    case choose(ChooseOverlay)
    /// The DIP search picker over a link form.
    case pick(DocumentPickerState)

    /// Whether it takes the bottom line only (the pane or the overlay beneath stays in view).
    var isBottomLine: Bool {
        switch self {
        case .command, .confirm, .search: true
        default: false
        }
    }
}
