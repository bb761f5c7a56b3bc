import PPIDDomain

/// A key binding of an overlay (a detail page, a form): keys, help and hint words in one record,
/// from which the overlay's dispatch, its part of `?` and its hint line are made.
struct OverlayBinding<Command: Sendable>: Sendable {
    let keys: [Key]
    let command: Command
    let indonesian: String
    let english: String
    /// The hint line's words (Indonesian, English); nil when not on it.
    let hint: (String, String)?
    /// The keys as the hint line writes them, when not the first two keys' labels.
    var hintKeys: String? = nil

    func help(_ language: Language) -> String { language.pick(indonesian, english) }

    func hintText(_ language: Language) -> String? {
        guard let hint else { return nil }
        return (hintKeys ?? keys.prefix(2).map { $0.label(language) }.joined(separator: "/")) + " " + language.pick(hint.0, hint.1)
    }
}

/// What a key does on a detail page (besides the actions marked to work there).
enum DetailCommand: Sendable {
    case scroll(Int), page(Int), top, bottom, back
}

/// What a key does in a form (besides typing into the focused field).
enum FormCommand: Sendable {
    case next, previous, save, cancel, left, right, home, end, clear, backspace, delete, pickDocument, sync
}

enum OverlayBindings {
    static let detail: [OverlayBinding<DetailCommand>] = [
        OverlayBinding(keys: [.character("j"), .down], command: .scroll(1), indonesian: "Gulir turun", english: "Scroll down", hint: ("gulir", "scroll")),
        OverlayBinding(keys: [.character("k"), .up], command: .scroll(-1), indonesian: "Gulir naik", english: "Scroll up", hint: nil),
        OverlayBinding(keys: [.pageDown, .control("d"), .character(" ")], command: .page(1), indonesian: "Satu halaman ke bawah", english: "One page down", hint: nil),
        OverlayBinding(keys: [.pageUp, .control("u")], command: .page(-1), indonesian: "Satu halaman ke atas", english: "One page up", hint: nil),
        OverlayBinding(keys: [.character("g"), .home], command: .top, indonesian: "Ke awal", english: "To the top", hint: nil),
        OverlayBinding(keys: [.character("G"), .end], command: .bottom, indonesian: "Ke akhir", english: "To the end", hint: nil),
        OverlayBinding(keys: [.escape, .character("q"), .character("h"), .left, .control("g")], command: .back,
                       indonesian: "Kembali", english: "Back", hint: ("kembali", "back")),
    ]

    static let form: [OverlayBinding<FormCommand>] = [
        OverlayBinding(keys: [.tab, .down], command: .next, indonesian: "Isian berikutnya", english: "Next field", hint: ("berikutnya", "next")),
        OverlayBinding(keys: [.backTab, .up], command: .previous, indonesian: "Isian sebelumnya", english: "Previous field", hint: ("sebelumnya", "previous")),
        OverlayBinding(keys: [.left], command: .left, indonesian: "Pilihan sebelumnya / kursor ke kiri", english: "Previous choice / caret left",
                       hint: ("pilihan", "choices"), hintKeys: "←/→"),
        OverlayBinding(keys: [.right], command: .right, indonesian: "Pilihan berikutnya / kursor ke kanan", english: "Next choice / caret right", hint: nil),
        OverlayBinding(keys: [.control("s"), .enter], command: .save, indonesian: "Simpan (Enter di isian terakhir)",
                       english: "Save (Enter on the last field)", hint: ("simpan", "save")),
        OverlayBinding(keys: [.escape, .control("g")], command: .cancel, indonesian: "Batalkan formulir", english: "Cancel the form", hint: ("batal", "cancel")),
        OverlayBinding(keys: [.control("f")], command: .pickDocument, indonesian: "Cari entri DIP untuk dikaitkan",
                       english: "Find DIP entries to link", hint: ("cari DIP", "find DIP")),
        OverlayBinding(keys: [.function(5)], command: .sync, indonesian: "Sinkronkan sekarang (formulir tetap terbuka)",
                       english: "Sync now (the form stays open)", hint: ("sinkron", "sync")),
        OverlayBinding(keys: [.home, .control("a")], command: .home, indonesian: "Ke awal isian", english: "To the field's start", hint: nil),
        OverlayBinding(keys: [.end, .control("e")], command: .end, indonesian: "Ke akhir isian", english: "To the field's end", hint: nil),
        OverlayBinding(keys: [.control("u")], command: .clear, indonesian: "Kosongkan isian", english: "Clear the field", hint: nil),
        OverlayBinding(keys: [.backspace], command: .backspace, indonesian: "Hapus ke kiri", english: "Delete left", hint: nil),
        OverlayBinding(keys: [.delete], command: .delete, indonesian: "Hapus ke kanan", english: "Delete right", hint: nil),
    ]

    /// The form's help key (F1: `?` is a character a field may need).
    static let formHelp: [OverlayBinding<FormCommand>] = [
        OverlayBinding(keys: [.function(1)], command: .next, indonesian: "Bantuan: tombol formulir ini", english: "Help: this form's keys",
                       hint: ("bantuan", "help")),
    ]

    /// The form binding a key has in `form`; Ctrl-F only where the form picks DIP entries, and
    /// Enter saves only on the last field (elsewhere it moves on).
    static func formCommand(for key: Key, in form: FormState) -> FormCommand? {
        if key == .enter { return form.isOnLastField ? .save : .next }
        return formBindings(for: form).first { $0.keys.contains(key) }?.command
    }

    static func formBindings(for form: FormState) -> [OverlayBinding<FormCommand>] {
        self.form.filter { binding in
            if case .pickDocument = binding.command { return form.picksDocuments }
            return true
        }
    }

    static func detailCommand(for key: Key) -> DetailCommand? { detail.first { $0.keys.contains(key) }?.command }
}
