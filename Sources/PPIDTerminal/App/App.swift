import Foundation
import PPIDDomain
import PPIDStore

/// The terminal app's state and behaviour, independent of curses: keys in, frames out. The event
/// loop feeds it keys and wake-ups; tests drive it directly and read the in-memory screen.
public final class App {
    let store: LocalStore
    public internal(set) var language: Language
    var unicode: Bool
    var pane: Pane = .requests
    var requests: RequestsPane
    var registry: RegistryPane
    var board: BoardPane
    var overlays: [Overlay] = []
    /// The panes whose list has been read: the others load when first shown.
    var loadedPanes: Set<Pane> = []
    /// One line at the bottom: the result of the last action, or an error. Every message is kept
    /// whole in ``messageLog`` (`M`), since the bottom line cuts it at the screen's width.
    var message: (text: String, isError: Bool)? {
        didSet {
            guard let message, message.text != oldValue?.text else { return }
            messageLog.append(LoggedMessage(at: Date(), text: message.text, isError: message.isError))
            if messageLog.count > 200 { messageLog.removeFirst(messageLog.count - 200) }
        }
    }
    var messageLog: [LoggedMessage] = []
    /// Whether the bottom line's message is a sync failure not yet read: it stays through keystrokes
    /// until the officer opens `!` or `M` (or another message takes its place).
    var messageIsUnreadFailure = false
    var commandHistory: [String] = []
    var undoMarks: [Set<String>] = []
    var redoMarks: [Set<String>] = []
    public internal(set) var shouldQuit = false
    /// Screen size the last frame was drawn for.
    var rows = 24
    var columns = 80
    var pending = 0
    var conflictCount = 0
    var lastSync: String?
    /// Writes letters for the actions that need them; nil where letters are not set up.
    public var letterDesk: LetterDesk?
    /// The unit's policy for an incomplete request: whether its clock restarts on completion
    /// (config `incomplete_clock = completion`); by default it runs from receipt.
    public var incompleteRestartsClock = false
    /// The unit's fee schedule (config `fees`): the decision form itemises a cost from it.
    public var feeSchedule: FeeSchedule?
    /// Called when the officer presses R; the sync layer sets it.
    public var onSync: (() -> String)?
    /// What a running sync is doing, for the status line (nil when none runs); the sync layer sets it.
    public var syncActivity: (() -> String?)?
    /// The next message about a finished sync (text, is an error); the sync layer sets it.
    public var syncMessages: (() -> (String, Bool)?)?
    /// The central server's files on cases (`B`); the sync layer sets it when sync is set up.
    public var fileDesk: (any CaseFileDesk)?
    /// The last sync's error, empty or nil after a success.
    var lastSyncError: String?
    /// The day the app treats as today (tests fix it).
    let todayOverride: CivilDate?

    /// The hits a search reads at a time.
    static let searchPage = 100

    public static let minimumRows = 16
    public static let minimumColumns = 60

    public init(store: LocalStore, language: Language, unicode: Bool = true, today: CivilDate? = nil) throws(StoreError) {
        self.store = store
        self.language = language
        self.unicode = unicode
        self.todayOverride = today
        let day = today ?? store.today
        // What needs the officer's action, by due date, soonest first: open clocks, and decided
        // requests still to deliver. `\` shows the others; the tab names the filter.
        requests = RequestsPane(store: store, filter: .needsAction)
        registry = RegistryPane(store: store)
        board = BoardPane(store: store, bounds: UrgencyBounds(today: day, calendar: store.context.calendar))
        try load()
    }

    var today: CivilDate { todayOverride ?? store.today }

    /// Rows available to a list: the screen less the tab bar, the column header, status and message lines.
    var listRows: Int { max(1, rows - 4) }

    // MARK: - Loading

    /// Loads what the first frame shows: the requests pane's first page and the counts the tab and
    /// status lines need. The other panes load when first shown, so a cold start reads no more than
    /// the rows on screen.
    func load() throws(StoreError) {
        do {
            try loadPane(pane)
        } catch {
            throw StoreError.from(error, path: store.path)
        }
        try refreshCounts()
    }

    func loadPane(_ pane: Pane) throws {
        guard !loadedPanes.contains(pane) else { return }
        switch pane {
        case .requests: try requests.window.loadStart()
        case .registry: try registry.window.loadStart()
        case .deadlines: try board.window.loadStart()
        }
        loadedPanes.insert(pane)
    }

    func refreshCounts() throws(StoreError) {
        board.bounds = UrgencyBounds(today: today, calendar: store.context.calendar)
        // A sum over the per-date counts the projections keep: never a count over the cases.
        board.counts = try store.boardCounts(bounds: board.bounds)
        pending = try store.pendingCount()
        conflictCount = try store.conflictCount() + store.setAsideCount()
        lastSync = try store.syncValue("lastSync")
        lastSyncError = try store.syncValue("lastError")
        if let next = syncMessages?() {
            message = (next.0, next.1)
            messageIsUnreadFailure = next.1
        }
    }

    /// Reloads every list around its selection: after a change here or in another process.
    public func refresh() {
        do {
            // Another process may have added a calendar or synced a decree: count with the one in force.
            try store.reloadSettingsIfChanged()
            if loadedPanes.contains(.requests) { try requests.window.reload(visible: listRows) }
            if loadedPanes.contains(.registry) { try registry.window.reload(visible: listRows) }
            if loadedPanes.contains(.deadlines) { try board.window.reload(visible: listRows) }
            try refreshCounts()
        } catch {
            show(error)
        }
    }

    // MARK: - Messages

    func show(_ error: any Error) {
        if let error = error as? any OfficerFacingError {
            message = (error.text(language), true)
        } else {
            message = ("\(error)", true)
        }
    }

    func say(_ text: String) {
        message = (text, false)
        messageIsUnreadFailure = false
    }

    /// The officer has read the sync failure (in `!` or `M`): the bottom line may let it go.
    func markFailureRead() {
        if messageIsUnreadFailure { message = nil }
        messageIsUnreadFailure = false
    }

    func t(_ indonesian: String, _ english: String) -> String { language.pick(indonesian, english) }

    // MARK: - Keys

    /// Handles one key. Returns whether the frame must be redrawn.
    @discardableResult
    public func handle(_ key: Key) -> Bool {
        if key == .resize { return true }
        // Ctrl-C leaves at once, from anywhere: every act is already committed and an open form
        // was kept as a draft at its last keystroke, so nothing is lost and nothing need be asked.
        if key == .control("c") {
            shouldQuit = true
            return true
        }
        if !overlays.isEmpty {
            handleOverlay(key)
            return true
        }
        if !messageIsUnreadFailure { message = nil }
        guard let action = ActionTable.action(for: key, in: pane) else {
            if case .character = key {
                message = (t("Tombol tidak dikenal di panel ini; tekan ? untuk bantuan.",
                             "That key does nothing here; press ? for help."), true)
            }
            return true
        }
        perform(action.id)
        return true
    }

    /// Runs an action by id (from a key, the detail page or the command line): refused with its
    /// reason when the action's record says it cannot be done now.
    func perform(_ id: ActionID) {
        guard let spec = ActionTable.all.first(where: { $0.id == id }) else { return }
        if let reason = spec.disabledReason(self) {
            message = (reason, true)
            return
        }
        do {
            try spec.handler(self)
        } catch {
            show(error)
        }
    }

    func askToQuit() {
        overlays.append(.confirm(ConfirmOverlay(question: t("Keluar dari ppid? (y/n)", "Quit ppid? (y/n)"), onYes: { [unowned self] in
            self.shouldQuit = true
        })))
    }

    func syncNow() {
        if let onSync { say(onSync()) } else {
            message = (t("Server pusat belum diatur: jalankan ppid dengan --server URL --token-file BERKAS, atau isi 'server' dan 'token_file' di ~/.config/ppid/config. Perubahan tetap tersimpan di antrean.",
                         "No central server is set: run ppid with --server URL --token-file FILE, or set 'server' and 'token_file' in ~/.config/ppid/config. Changes are kept in the queue."), true)
        }
    }

    func cyclePane(_ step: Int) {
        let count = Pane.allCases.count
        switchPane(Pane(rawValue: (pane.rawValue + step + count) % count) ?? .requests)
    }

    func unmarkAll() {
        remember()
        requests.marks.removeAll()
    }

    func undoMarking() {
        guard let previous = undoMarks.popLast() else {
            say(t("Tidak ada yang dapat dibatalkan. Tindakan hukum (mis. pemberitahuan yang sudah terbit) tidak dapat ditarik.",
                  "Nothing to undo. Legal acts (such as an issued notice) cannot be taken back."))
            return
        }
        redoMarks.append(requests.marks)
        requests.marks = previous
    }

    func redoMarking() {
        guard let next = redoMarks.popLast() else { say(t("Tidak ada yang dapat diulang.", "Nothing to redo.")); return }
        undoMarks.append(requests.marks)
        requests.marks = next
    }

    func switchPane(_ next: Pane) {
        do { try loadPane(next) } catch { show(error) }
        pane = next
    }

    // MARK: - Movement (each pane moves its own list, or its search)

    func move(_ delta: Int) throws {
        switch pane {
        case .requests: try requests.move(delta, visible: listRows)
        case .registry: try registry.move(delta, visible: listRows)
        case .deadlines: try board.move(delta, visible: listRows)
        }
    }

    func jump(toEnd: Bool) throws {
        switch pane {
        case .requests: try requests.jump(toEnd: toEnd, visible: listRows)
        case .registry: try registry.jump(toEnd: toEnd, visible: listRows)
        case .deadlines: try board.jump(toEnd: toEnd, visible: listRows)
        }
    }

    func moveInSearch(_ delta: Int) {
        switch pane {
        case .requests where requests.search != nil: requests.search?.move(delta, visible: listRows)
        case .registry where registry.search != nil: registry.search?.move(delta, visible: listRows)
        default: say(t("Belum ada pencarian: tekan / untuk mencari.", "No search yet: press / to search."))
        }
    }

    func clearSearch() {
        switch pane {
        case .requests: requests.search = nil
        case .registry: registry.search = nil
        case .deadlines: break
        }
    }

    // MARK: - Marks

    func remember() {
        undoMarks.append(requests.marks)
        if undoMarks.count > 50 { undoMarks.removeFirst() }
        redoMarks.removeAll()
    }

    func toggleMark() {
        guard let row = requests.selected else { return }
        remember()
        if requests.marks.contains(row.uuidString) { requests.marks.remove(row.uuidString) }
        else {
            requests.marks.insert(row.uuidString)
            requests.lastMarked = row.uuidString
        }
        try? move(1)
    }

    func markRange() {
        guard let row = requests.selected else { return }
        let rows = requests.rows
        guard let current = rows.firstIndex(where: { $0.uuidString == row.uuidString }) else { return }
        let anchor = requests.lastMarked.flatMap { id in rows.firstIndex { $0.uuidString == id } } ?? current
        remember()
        for index in min(anchor, current)...max(anchor, current) { requests.marks.insert(rows[index].uuidString) }
        requests.lastMarked = row.uuidString
    }

    // MARK: - Filters

    func chooseFilter() {
        var options: [(label: String, action: () -> Void)] = []
        let filters: [(String, RequestFilter)] = [(t("Perlu tindakan (bawaan)", "Needs action (the default)"), .needsAction),
                                                  (t("Semua", "All"), .all), (t("Masih berjalan", "Open"), .open)]
            + RequestState.allCases.map { ($0.text(language), .state($0)) }
        for (label, filter) in filters {
            options.append((label, { [unowned self] in self.setRequestFilter(filter) }))
        }
        overlays.append(.choose(ChooseOverlay(title: t("Saring permohonan", "Filter requests"), options: options)))
    }

    func setRequestFilter(_ filter: RequestFilter) {
        do { try requests.setFilter(filter, store: store) } catch { show(error) }
    }

    func chooseCategory() {
        var options: [(label: String, action: () -> Void)] = [(t("Semua kategori", "All categories"), { [unowned self] in self.setCategory(nil) })]
        for category in DIPCategory.allCases {
            options.append((category.text(language), { [unowned self] in self.setCategory(category) }))
        }
        overlays.append(.choose(ChooseOverlay(title: t("Kategori DIP", "DIP category"), options: options)))
    }

    func setCategory(_ category: DIPCategory?) {
        do { try registry.setCategory(category, store: store) } catch { show(error) }
    }

    // MARK: - Search

    func runSearch(_ text: String) {
        do {
            switch pane {
            case .requests:
                // A page now and the count of every hit up to the ranking cap; the rest are read as the
                // officer pages on, so every hit is reachable and a keystroke stays cheap.
                let result = try store.searchRequests(text, limit: Self.searchPage)
                requests.search = SearchResultsState(query: text, rows: result.rows, total: result.hitCount, isRanked: result.isRanked,
                                                     hasMore: result.hasMore) { [store] offset in
                    try store.searchRequests(text, limit: Self.searchPage, offset: offset).rows
                }
            case .registry:
                let result = try store.searchDIP(text, limit: Self.searchPage)
                registry.search = SearchResultsState(query: text, rows: result.rows, total: result.hitCount, isRanked: result.isRanked,
                                                     hasMore: result.hasMore) { [store] offset in
                    try store.searchDIP(text, limit: Self.searchPage, offset: offset).rows
                }
            case .deadlines:
                say(t("Pencarian tersedia di panel Permohonan dan DIP.", "Search is on the Requests and DIP panes."))
            }
        } catch {
            show(error)
        }
    }
}

extension App {
    /// Shows a message on the bottom line (for the launcher).
    public func announce(_ text: String) { say(text) }

    /// Shows a problem on the bottom line (for the launcher).
    public func show(_ error: ThemeError) { message = (error.text(language), true) }

    /// Reopens the most recent kept draft, so a form interrupted by an SSH drop or a crash comes back.
    public func offerDrafts() {
        guard let draft = try? store.drafts().first else { return }
        guard let kind = FormKind(draftKey: draft.form), let form = form(for: kind) else {
            try? store.deleteDraft(form: draft.form)
            return
        }
        openForm(form)
        // In the unit's zone and 24-hour time, whatever the machine's locale.
        let time = store.context.zone.clock(of: draft.savedAt)
        say(t("Draf formulir yang belum selesai dipulihkan (disimpan \(time)). Esc membuangnya.",
              "An unfinished form was restored (saved \(time)). Esc discards it."))
    }
}
