import PPIDDomain

/// The panes of the app.
public enum Pane: Int, Hashable, Sendable, CaseIterable {
    case requests, registry, deadlines

    func title(_ language: Language) -> String {
        switch self {
        case .requests: language.pick("Permohonan", "Requests")
        case .registry: language.pick("Daftar Informasi Publik", "Public Information List")
        case .deadlines: language.pick("Tenggat", "Deadlines")
        }
    }
}

/// Everything the officer can do. Each is defined once in ``ActionTable``, from which the key map,
/// the `?` help and the `:` command line (with completion) are all built.
public enum ActionID: String, Hashable, Sendable, CaseIterable {
    case help, commandLine, quit, repaint, sync, messages
    case paneRequests, paneRegistry, paneDeadlines, nextPane, previousPane
    case moveDown, moveUp, top, bottom, pageDown, pageUp
    case open, back, search, searchNext, searchPrevious, filter
    case mark, rangeMark, unmarkAll, undo, redo
    case register, startProcessing, forward, extend, decide, deliver, close, withdraw, comply, incomplete, complete, pay
    case fileObjection, answerObjection, dispute, revealPersonalData
    case addDocument, editDocument, linkDocuments, category
    case conflicts, audit, language, report, registers, files
}

/// One row of the action table: everything about an action in one record, as lazygit's `Binding`
/// and tig's request table keep it. Dispatch, the `?` help, `:` completion and the hint line are
/// all generated from these records, so a key shown anywhere is a key that works.
public struct ActionSpec: Sendable {
    public let id: ActionID
    public let keys: [Key]
    /// The name on the `:` command line.
    public let command: String
    /// The panes where it applies; empty means everywhere.
    public let panes: Set<Pane>
    public let indonesian: String
    public let english: String
    /// Whether it applies to every marked row when rows are marked.
    public let appliesToMarked: Bool
    /// The short words on the pane's hint line (Indonesian, English); nil when not on it.
    let hint: (String, String)?
    /// Whether it also works on a request's or an entry's detail, acting on the case shown.
    let inDetail: Bool
    /// Why it cannot be done now, in the officer's language; nil when it can.
    let disabledReason: @Sendable (App) -> String?
    /// What it does.
    let handler: @Sendable (App) throws -> Void

    public func help(_ language: Language) -> String { language.pick(indonesian, english) }

    func hintText(_ language: Language) -> String? {
        guard let hint, let key = keys.first else { return nil }
        return key.label(language) + " " + language.pick(hint.0, hint.1)
    }
}

/// The single definition of every action: keys, command name, panes, help text, hint, enablement
/// and handler.
public enum ActionTable {
    public static let all: [ActionSpec] = [
        spec(.help, [.character("?"), .function(1)], "help", [], "Bantuan untuk panel ini", "Help for this pane", detail: true) {
            $0.overlays.append(.help(HelpOverlay()))
        },
        spec(.commandLine, [.character(":")], "command", [], "Baris perintah (Tab melengkapi)", "Command line (Tab completes)") {
            $0.overlays.append(.command(CommandLineOverlay()))
        },
        spec(.quit, [.character("q")], "q", [], "Keluar (dengan konfirmasi) / kembali", "Quit (after confirming) / back",
             hint: ("keluar", "quit")) { $0.askToQuit() },
        spec(.repaint, [.control("l")], "redraw", [], "Gambar ulang layar", "Repaint the screen") { _ in },
        spec(.sync, [.character("R"), .function(5)], "sync", [], "Sinkronkan sekarang (F5 juga di formulir)",
             "Sync now (F5 works in forms too)") { $0.syncNow() },
        spec(.messages, [.character("M")], "messages", [], "Riwayat pesan, utuh (sinkron, surat, alasan)",
             "Message history, in full (sync, letters, reasons)", detail: true) { $0.showMessages() },
        spec(.paneRequests, [.character("1")], "requests", [], "Panel Permohonan", "Requests pane") { $0.switchPane(.requests) },
        spec(.paneRegistry, [.character("2")], "dip", [], "Panel Daftar Informasi Publik", "Public information list pane") {
            $0.switchPane(.registry)
        },
        spec(.paneDeadlines, [.character("3")], "deadlines", [], "Panel Tenggat", "Deadlines pane") { $0.switchPane(.deadlines) },
        spec(.nextPane, [.tab], "next", [], "Panel berikutnya", "Next pane") { $0.cyclePane(1) },
        spec(.previousPane, [.backTab], "previous", [], "Panel sebelumnya", "Previous pane") { $0.cyclePane(-1) },
        spec(.moveDown, [.character("j"), .down], "down", [], "Turun satu baris", "Down one row") { try $0.move(1) },
        spec(.moveUp, [.character("k"), .up], "up", [], "Naik satu baris", "Up one row") { try $0.move(-1) },
        spec(.top, [.character("g"), .home], "top", [], "Ke baris pertama", "To the first row") { try $0.jump(toEnd: false) },
        spec(.bottom, [.character("G"), .end], "bottom", [], "Ke baris terakhir", "To the last row") { try $0.jump(toEnd: true) },
        spec(.pageDown, [.control("d"), .pageDown], "pagedown", [], "Satu halaman ke bawah", "One page down") { try $0.move($0.listRows) },
        spec(.pageUp, [.control("u"), .pageUp], "pageup", [], "Satu halaman ke atas", "One page up") { try $0.move(-$0.listRows) },
        spec(.open, [.enter], "open", [], "Buka rincian (di Tenggat: mengapa tanggal ini)", "Open the detail (on Deadlines: why this date)",
             hint: ("rincian", "detail")) { try $0.openSelected() },
        spec(.back, [.escape, .character("h")], "back", [], "Kembali (akhiri pencarian)", "Back (end the search)") { $0.clearSearch() },
        spec(.search, [.character("/")], "search", [.requests, .registry], "Cari (teks penuh, sambil mengetik)", "Search (full text, as you type)",
             hint: ("cari", "search")) { $0.overlays.append(.search(SearchOverlay())) },
        spec(.searchNext, [.character("n")], "next-match", [.requests, .registry], "Hasil berikutnya", "Next match") { $0.moveInSearch(1) },
        spec(.searchPrevious, [.character("N")], "previous-match", [.requests, .registry], "Hasil sebelumnya", "Previous match") {
            $0.moveInSearch(-1)
        },
        spec(.filter, [.character("\\")], "filter", [.requests], "Saring menurut status", "Filter by state",
             hint: ("saring", "filter")) { $0.chooseFilter() },
        spec(.category, [.character("c")], "category", [.registry], "Saring menurut kategori DIP", "Filter by DIP category",
             hint: ("kategori", "category")) { $0.chooseCategory() },
        spec(.mark, [.character(" ")], "mark", [.requests], "Tandai / lepas tanda baris", "Mark / unmark the row",
             hint: ("tandai", "mark")) { $0.toggleMark() },
        spec(.rangeMark, [.character("V")], "range", [.requests], "Tandai rentang sejak tanda terakhir", "Mark the range since the last mark") {
            $0.markRange()
        },
        spec(.unmarkAll, [.character("U")], "unmark", [.requests], "Lepas semua tanda", "Unmark all") { $0.unmarkAll() },
        spec(.undo, [.character("u")], "undo", [], "Batalkan (tanda; tindakan hukum tidak dapat dibatalkan)", "Undo (marks; legal acts cannot be undone)") {
            $0.undoMarking()
        },
        spec(.redo, [.control("r")], "redo", [], "Ulangi", "Redo") { $0.redoMarking() },
        spec(.register, [.character("a")], "register", [.requests], "Daftarkan permohonan (langsung, surat, email, telepon)",
             "Register a request (walk-in, letter, email, phone)", hint: ("daftar", "register")) { try $0.openActionForm(.register) },
        requestAct(.startProcessing, "s", "process", "Mulai proses", "Start processing", marked: true),
        requestAct(.forward, "f", "forward", "Teruskan ke unit lain / badan publik lain", "Forward within the body or to another body"),
        requestAct(.extend, "x", "extend", "Perpanjang 7 hari kerja (alasan wajib)", "Extend by 7 working days (reason required)",
                   marked: true, hint: ("perpanjang", "extend")),
        requestAct(.decide, "d", "decide", "Putuskan: pemberitahuan tertulis", "Decide: the written notice", hint: ("putuskan", "decide")),
        requestAct(.deliver, "v", "deliver", "Catat penyampaian", "Record delivery", marked: true, hint: ("sampaikan", "deliver")),
        requestAct(.close, "C", "close", "Tutup permohonan", "Close the request", marked: true),
        requestAct(.withdraw, "w", "withdraw", "Catat penarikan oleh pemohon", "Record withdrawal by the requester"),
        requestAct(.fileObjection, "o", "objection", "Daftarkan keberatan (Pasal 35)", "Register an objection (Pasal 35)"),
        requestAct(.comply, "P", "comply", "Catat informasi diberikan sesuai perintah (Pasal 52)", "Record information given as ordered (Pasal 52)"),
        requestAct(.incomplete, "I", "incomplete", "Catat belum lengkap; surat meminta kelengkapan", "Note it incomplete; a letter asks for what it lacks"),
        requestAct(.pay, "$", "pay", "Catat pembayaran biaya (Pasal 21)", "Record a payment of the cost (Pasal 21)"),
        requestAct(.complete, "J", "complete", "Catat pemohon melengkapi", "Record that the requester supplied what was missing"),
        spec(.answerObjection, [.character("A")], "answer", [.deadlines], "Tanggapan atasan PPID atas keberatan",
             "The atasan PPID's answer to an objection", hint: ("tanggapi keberatan", "answer objection")) { try $0.openActionForm(.answerObjection) },
        spec(.dispute, [.character("K")], "dispute", [.deadlines], "Sengketa Komisi Informasi: catat atas keberatan, atau langkah berikutnya",
             "Information Commission dispute: record one over an objection, or its next step", hint: ("sengketa KI", "KI dispute"),
             disabled: { $0.disputeRefusal }) { try $0.openDisputeForm() },
        spec(.revealPersonalData, [.character("p")], "personal", [.requests], "Tampilkan data pribadi lengkap (dicatat)",
             "Show full personal data (recorded)", detail: true,
             disabled: { $0.requestTargets(for: .revealPersonalData).isEmpty ? $0.t("Pilih permohonan terlebih dahulu.", "Select a request first.") : nil }) {
            try $0.revealPersonalData()
        },
        requestAct(.linkDocuments, "l", "link", "Kaitkan dengan entri DIP", "Link to DIP entries"),
        spec(.files, [.character("B")], "files", [.requests, .deadlines], "Berkas permohonan di server: buka, lampirkan",
             "The request's files on the server: open, attach", detail: true, disabled: { $0.filesRefusal }) { try $0.showFiles() },
        spec(.addDocument, [.character("a")], "add", [.registry], "Tambah entri DIP", "Add a DIP entry", hint: ("tambah", "add")) {
            try $0.openActionForm(.addDocument)
        },
        spec(.editDocument, [.character("e")], "edit", [.registry], "Ubah entri DIP", "Edit the DIP entry", hint: ("ubah", "edit"), detail: true,
             disabled: { $0.documentTarget == nil ? $0.t("Pilih entri DIP terlebih dahulu.", "Select a DIP entry first.") : nil }) {
            try $0.editDocumentTarget()
        },
        spec(.conflicts, [.character("!")], "conflicts", [], "Konflik dan kegagalan sinkronisasi", "Sync conflicts and failures") {
            try $0.showConflicts()
        },
        spec(.audit, [], "audit", [], "Jejak audit terbaru", "Latest audit trail") { try $0.showAudit() },
        spec(.language, [], "lang", [], "Ganti bahasa (id/en)", "Switch language (id/en)") {
            $0.language = $0.language == .indonesian ? .english : .indonesian
        },
        spec(.report, [], "report", [], "Laporan layanan informasi tahun ini", "This year's service report") { try $0.showReport() },
        spec(.registers, [], "registers", [], "Register permohonan dan keberatan tahun ini", "This year's request and objection registers") {
            try $0.showRegisters()
        },
    ]

    private static func spec(_ id: ActionID, _ keys: [Key], _ command: String, _ panes: Set<Pane>,
                             _ indonesian: String, _ english: String, marked: Bool = false,
                             hint: (String, String)? = nil, detail: Bool = false,
                             disabled: @escaping @Sendable (App) -> String? = { _ in nil },
                             _ handler: @escaping @Sendable (App) throws -> Void) -> ActionSpec {
        ActionSpec(id: id, keys: keys, command: command, panes: panes, indonesian: indonesian, english: english,
                   appliesToMarked: marked, hint: hint, inDetail: detail, disabledReason: disabled, handler: handler)
    }

    /// An act on the selected (or marked) requests: on Requests and Deadlines and in a request's
    /// detail, refused before any form opens when the lifecycle would refuse it.
    private static func requestAct(_ id: ActionID, _ key: Character, _ command: String, _ indonesian: String, _ english: String,
                                   marked: Bool = false, hint: (String, String)? = nil) -> ActionSpec {
        spec(id, [.character(key)], command, [.requests, .deadlines], indonesian, english, marked: marked, hint: hint, detail: true,
             disabled: { $0.refusal(of: id, targets: $0.requestTargets(for: id)) }) { try $0.openActionForm(id) }
    }

    /// The action a key does in a pane, if any.
    public static func action(for key: Key, in pane: Pane) -> ActionSpec? {
        all.first { $0.keys.contains(key) && ($0.panes.isEmpty || $0.panes.contains(pane)) }
    }

    /// The action a key does on a detail page, if any: only those marked to work there.
    static func detailAction(for key: Key, in pane: Pane) -> ActionSpec? {
        all.first { $0.inDetail && $0.keys.contains(key) && ($0.panes.isEmpty || $0.panes.contains(pane) || $0.panes.contains(.requests)) }
    }

    /// The actions available in a pane, pane-specific first.
    public static func available(in pane: Pane) -> [ActionSpec] {
        all.filter { $0.panes.contains(pane) } + all.filter(\.panes.isEmpty)
    }

    /// The hint line of a pane: its actions that have a hint, in table order.
    static func hints(in pane: Pane, _ language: Language) -> [String] {
        [language.pick("? bantuan", "? help")]
            + available(in: pane).filter { $0.id != .quit && $0.id != .help }.compactMap { $0.hintText(language) }
            + [language.pick("q keluar", "q quit")]
    }

    /// Command names starting with `prefix`, for completion.
    public static func completions(_ prefix: String, in pane: Pane) -> [String] {
        available(in: pane).map(\.command).filter { $0.hasPrefix(prefix) }.sorted()
    }

    /// The action named on the command line (`quit` is another name of `q`).
    public static func command(_ name: String, in pane: Pane) -> ActionSpec? {
        let name = name == "quit" ? "q" : name
        return available(in: pane).first { $0.command == name } ?? all.first { $0.command == name }
    }
}
