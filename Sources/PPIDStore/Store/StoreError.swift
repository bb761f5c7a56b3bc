import GRDB
import PPIDDomain

/// What can go wrong with the local database, with what to do about it.
public enum StoreError: OfficerFacingError {
    /// The file is not a SQLite database, or is damaged.
    case corrupt(path: String)
    /// Another process holds the write lock for too long.
    case locked(path: String)
    /// The file or its folder cannot be written.
    case readOnly(path: String)
    /// The file was written by a newer version of ppid.
    case newerSchema(path: String)
    /// A SQLite file of another program (or a ppid-central database): refused before anything is written.
    case notOurDatabase(path: String)
    /// The disk (or the file's size limit) is full; the change was not saved.
    case diskFull(path: String)
    /// The folder for the file cannot be created.
    case cannotCreateFolder(path: String, reason: String)
    /// The domain refused the change; nothing was written.
    case rejected(EventRejection)
    /// No such case in this database.
    case notFound(String)
    /// Any other SQLite error, with its code and message.
    case database(path: String, message: String)
    /// The terminal syncs with a server but has no number series yet: its token file is missing or
    /// was issued before series existed.
    case notEnrolled
    /// Stored data that cannot be decoded (written by a broken or foreign program).
    case undecodable(what: String, reason: String)

    public func text(_ language: Language) -> String {
        switch self {
        case .notEnrolled:
            language.pick("Terminal ini tersambung ke server tetapi belum punya seri nomor, jadi nomor tidak dapat diberikan. Pasang berkas token terminal ini (ppid-central token issue --output) di 'token_file', lalu coba lagi.",
                          "This terminal syncs with a server but has no number series yet, so no number can be given. Install this terminal's token file (ppid-central token issue --output) as 'token_file', then try again.")
        case let .corrupt(path):
            language.pick("Berkas '\(path)' bukan basis data ppid atau rusak. Pulihkan dari cadangan, atau jalankan dengan --db ke berkas lain.",
                          "'\(path)' is not a ppid database or is damaged. Restore it from a backup, or run with --db pointing to another file.")
        case let .locked(path):
            language.pick("Basis data '\(path)' sedang dikunci proses lain. Tunggu sebentar lalu coba lagi.",
                          "The database '\(path)' is locked by another process. Wait a moment and try again.")
        case let .readOnly(path):
            language.pick("Basis data '\(path)' tidak dapat ditulis. Periksa izin berkas dan foldernya.",
                          "The database '\(path)' cannot be written. Check the permissions of the file and its folder.")
        case let .newerSchema(path):
            language.pick("Basis data '\(path)' dibuat oleh versi ppid yang lebih baru. Perbarui ppid sebelum membukanya.",
                          "The database '\(path)' was written by a newer ppid. Update ppid before opening it.")
        case let .notOurDatabase(path):
            language.pick("Berkas \(path) adalah basis data program lain, bukan basis data ppid; tidak ada yang diubah. Beri --db ke berkas lain.",
                          "The file \(path) is another program's database, not a ppid database; nothing was changed. Give --db another file.")
        case let .diskFull(path):
            language.pick("Disk penuh: perubahan tidak disimpan di '\(path)'; data sebelumnya utuh. Kosongkan ruang lalu ulangi.",
                          "The disk is full: the change was not saved to '\(path)'; earlier data is intact. Free some space and try again.")
        case let .cannotCreateFolder(path, reason):
            language.pick("Folder '\(path)' tidak dapat dibuat: \(reason).", "Cannot create the folder '\(path)': \(reason).")
        case let .rejected(rejection):
            rejection.text(language)
        case let .notFound(what):
            language.pick("Tidak ditemukan: \(what).", "Not found: \(what).")
        case let .database(path, message):
            language.pick("Galat basis data '\(path)': \(message)", "Database error in '\(path)': \(message)")
        case let .undecodable(what, reason):
            language.pick("Data tersimpan tidak terbaca (\(what)): \(reason)", "Stored data cannot be read (\(what)): \(reason)")
        }
    }

    /// Translates a GRDB error into the officer's terms.
    public static func from(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .corrupt(path: path)
            case .SQLITE_BUSY, .SQLITE_LOCKED: return .locked(path: path)
            case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM: return .readOnly(path: path)
            case .SQLITE_FULL: return .diskFull(path: path)
            default: return .database(path: path, message: error.message ?? "\(error.resultCode)")
            }
        }
        return .database(path: path, message: "\(error)")
    }
}
