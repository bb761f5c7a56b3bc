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
    case help, commandLine, quit, repaint, sync
    case paneRequests, paneRegistry, paneDeadlines, nextPane, previousPane
    case moveDown, moveUp, top, bottom, pageDown, pageUp
    case open, back, search, searchNext, searchPrevious, filter
    case mark, rangeMark, unmarkAll, undo, redo
    case register, startProcessing, forward, extend, decide, deliver, close, withdraw
    case fileObjection, answerObjection, revealPersonalData
    case addDocument, editDocument, linkDocuments, category
    case conflicts, audit, language, report, registers
}

/// One row of the action table.
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

    public func help(_ language: Language) -> String { language.pick(indonesian, english) }
}

/// The single definition of every action: keys, command name, panes and help text.
public enum ActionTable {
    public static let all: [ActionSpec] = [
        spec(.help, [.character("?"), .function(1)], "help", [], "Bantuan untuk panel ini", "Help for this pane"),
        spec(.commandLine, [.character(":")], "command", [], "Baris perintah (Tab melengkapi)", "Command line (Tab completes)"),
        spec(.quit, [.character("q")], "q", [], "Keluar (dengan konfirmasi) / kembali", "Quit (after confirming) / back"),
        spec(.repaint, [.control("l")], "redraw", [], "Gambar ulang layar", "Repaint the screen"),
        spec(.sync, [.character("R")], "sync", [], "Sinkronkan sekarang", "Sync now"),
        spec(.paneRequests, [.character("1")], "requests", [], "Panel Permohonan", "Requests pane"),
        spec(.paneRegistry, [.character("2")], "dip", [], "Panel Daftar Informasi Publik", "Public information list pane"),
        spec(.paneDeadlines, [.character("3")], "deadlines", [], "Panel Tenggat", "Deadlines pane"),
        spec(.nextPane, [.tab], "next", [], "Panel berikutnya", "Next pane"),
        spec(.previousPane, [.backTab], "previous", [], "Panel sebelumnya", "Previous pane"),
        spec(.moveDown, [.character("j"), .down], "down", [], "Turun satu baris", "Down one row"),
        spec(.moveUp, [.character("k"), .up], "up", [], "Naik satu baris", "Up one row"),
        spec(.top, [.character("g"), .home], "top", [], "Ke baris pertama", "To the first row"),
        spec(.bottom, [.character("G"), .end], "bottom", [], "Ke baris terakhir", "To the last row"),
        spec(.pageDown, [.control("d"), .pageDown], "pagedown", [], "Satu halaman ke bawah", "One page down"),
        spec(.pageUp, [.control("u"), .pageUp], "pageup", [], "Satu halaman ke atas", "One page up"),
        spec(.open, [.enter], "open", [], "Buka rincian (di Tenggat: mengapa tanggal ini)", "Open the detail (on Deadlines: why this date)"),
        spec(.back, [.escape, .character("h")], "back", [], "Kembali", "Back"),
        spec(.search, [.character("/")], "search", [], "Cari (teks penuh, sambil mengetik)", "Search (full text, as you type)"),
        spec(.searchNext, [.character("n")], "next-match", [], "Hasil berikutnya", "Next match"),
        spec(.searchPrevious, [.character("N")], "previous-match", [], "Hasil sebelumnya", "Previous match"),
        spec(.filter, [.character("\\")], "filter", [.requests], "Saring menurut status", "Filter by state"),
        spec(.category, [.character("c")], "category", [.registry], "Saring menurut kategori DIP", "Filter by DIP category"),
        spec(.mark, [.character(" ")], "mark", [.requests], "Tandai / lepas tanda baris", "Mark / unmark the row"),
        spec(.rangeMark, [.character("V")], "range", [.requests], "Tandai rentang sejak tanda terakhir", "Mark the range since the last mark"),
        spec(.unmarkAll, [.character("U")], "unmark", [.requests], "Lepas semua tanda", "Unmark all"),
        spec(.undo, [.character("u")], "undo", [], "Batalkan (tanda; tindakan hukum tidak dapat dibatalkan)", "Undo (marks; legal acts cannot be undone)"),
        spec(.redo, [.control("r")], "redo", [], "Ulangi", "Redo"),
        spec(.register, [.character("a")], "register", [.requests], "Daftarkan permohonan (langsung, surat, email, telepon)", "Register a request (walk-in, letter, email, phone)"),
        spec(.startProcessing, [.character("s")], "process", [.requests, .deadlines], "Mulai proses", "Start processing", marked: true),
        spec(.forward, [.character("f")], "forward", [.requests, .deadlines], "Teruskan ke unit lain / badan publik lain", "Forward within the body or to another body"),
        spec(.extend, [.character("x")], "extend", [.requests, .deadlines], "Perpanjang 7 hari kerja (alasan wajib)", "Extend by 7 working days (reason required)", marked: true),
        spec(.decide, [.character("d")], "decide", [.requests, .deadlines], "Putuskan: pemberitahuan tertulis", "Decide: the written notice"),
        spec(.deliver, [.character("v")], "deliver", [.requests, .deadlines], "Catat penyampaian", "Record delivery", marked: true),
        spec(.close, [.character("C")], "close", [.requests, .deadlines], "Tutup permohonan", "Close the request", marked: true),
        spec(.withdraw, [.character("w")], "withdraw", [.requests, .deadlines], "Catat penarikan oleh pemohon", "Record withdrawal by the requester"),
        spec(.fileObjection, [.character("o")], "objection", [.requests, .deadlines], "Daftarkan keberatan (Pasal 35)", "Register an objection (Pasal 35)"),
        spec(.answerObjection, [.character("A")], "answer", [.deadlines], "Tanggapan atasan PPID atas keberatan", "The atasan PPID's answer to an objection"),
        spec(.revealPersonalData, [.character("p")], "personal", [.requests], "Tampilkan data pribadi lengkap (dicatat)", "Show full personal data (recorded)"),
        spec(.linkDocuments, [.character("l")], "link", [.requests], "Kaitkan dengan entri DIP", "Link to DIP entries"),
        spec(.addDocument, [.character("a")], "add", [.registry], "Tambah entri DIP", "Add a DIP entry"),
        spec(.editDocument, [.character("e")], "edit", [.registry], "Ubah entri DIP", "Edit the DIP entry"),
        spec(.conflicts, [.character("!")], "conflicts", [], "Daftar konflik sinkronisasi", "Sync conflicts"),
        spec(.audit, [], "audit", [], "Jejak audit terbaru", "Latest audit trail"),
        spec(.language, [], "lang", [], "Ganti bahasa (id/en)", "Switch language (id/en)"),
        spec(.report, [], "report", [], "Laporan layanan informasi tahun ini", "This year's service report"),
        spec(.registers, [], "registers", [], "Register permohonan dan keberatan tahun ini", "This year's request and objection registers"),
    ]

    private static func spec(_ id: ActionID, _ keys: [Key], _ command: String, _ panes: Set<Pane>,
                             _ indonesian: String, _ english: String, marked: Bool = false) -> ActionSpec {
        ActionSpec(id: id, keys: keys, command: command, panes: panes, indonesian: indonesian, english: english,
                   appliesToMarked: marked)
    }

    /// The action a key does in a pane, if any.
    public static func action(for key: Key, in pane: Pane) -> ActionSpec? {
        all.first { $0.keys.contains(key) && ($0.panes.isEmpty || $0.panes.contains(pane)) }
    }

    /// The actions available in a pane, pane-specific first.
    public static func available(in pane: Pane) -> [ActionSpec] {
        all.filter { $0.panes.contains(pane) } + all.filter(\.panes.isEmpty)
    }

    /// Command names starting with `prefix`, for completion.
    public static func completions(_ prefix: String, in pane: Pane) -> [String] {
        available(in: pane).map(\.command).filter { $0.hasPrefix(prefix) }.sorted()
    }

    /// The action named on the command line.
    public static func command(_ name: String, in pane: Pane) -> ActionSpec? {
        available(in: pane).first { $0.command == name } ?? all.first { $0.command == name }
    }
}
