import Foundation
import GRDB
import PPIDDomain

/// What went wrong on the central side, in words an administrator can act on.
public enum CentralError: OfficerFacingError, Equatable {
    case database(path: String, reason: String)
    case newerSchema(path: String)
    /// The file is a SQLite database of another program (or another ppid file): nothing was written to it.
    case notOurDatabase(path: String)
    /// The database file does not exist, and `--create` was not given.
    case missingDatabase(path: String)
    case unknownUnit(String)
    case unknownOfficer(String)
    case duplicate(what: String)
    case invalid(field: String, reason: String)
    case badCalendar(name: String, reason: String)
    case notPermitted(String)
    /// Every number series of the unit (A … ZZZ) has been issued.
    case seriesExhausted(unit: String)

    public func text(_ language: Language) -> String {
        switch self {
        case let .database(path, reason):
            language.pick("Basis data pusat \(path) tidak dapat dipakai: \(reason). Periksa berkas dan izinnya.",
                          "The central database \(path) cannot be used: \(reason). Check the file and its permissions.")
        case let .newerSchema(path):
            language.pick("Basis data \(path) dibuat oleh versi ppid-central yang lebih baru. Perbarui ppid-central.",
                          "The database \(path) was made by a newer ppid-central. Update ppid-central.")
        case let .notOurDatabase(path):
            language.pick("Berkas \(path) bukan basis data ppid-central (milik program lain); tidak ada yang diubah. Beri --db ke berkas lain.",
                          "The file \(path) is not a ppid-central database (it belongs to another program); nothing was changed. Give --db another file.")
        case let .missingDatabase(path):
            language.pick("Basis data pusat \(path) tidak ada. Periksa --db (atau PPID_CENTRAL_DB); untuk membuat yang baru, tambahkan --create.",
                          "The central database \(path) does not exist. Check --db (or PPID_CENTRAL_DB); to create a new one, add --create.")
        case let .unknownUnit(code):
            language.pick("Unit '\(code)' tidak dikenal. Buat dulu dengan 'ppid-central unit add'.",
                          "Unit '\(code)' is unknown. Create it first with 'ppid-central unit add'.")
        case let .unknownOfficer(login):
            language.pick("Petugas '\(login)' tidak dikenal. Buat dulu dengan 'ppid-central officer add'.",
                          "Officer '\(login)' is unknown. Create them first with 'ppid-central officer add'.")
        case let .duplicate(what):
            language.pick("\(what) sudah ada.", "\(what) already exists.")
        case let .invalid(field, reason):
            language.pick("Isian '\(field)' tidak sah: \(reason)", "Field '\(field)' is not valid: \(reason)")
        case let .badCalendar(name, reason):
            language.pick("Berkas kalender \(name) tidak sah: \(reason)", "The calendar file \(name) is not valid: \(reason)")
        case let .notPermitted(what):
            language.pick("Tidak diizinkan: \(what)", "Not permitted: \(what)")
        case let .seriesExhausted(unit):
            language.pick("Semua seri nomor unit \(unit) (A sampai ZZZ) sudah dipakai; token baru tidak dapat diterbitkan. Hubungi pengembang.",
                          "Every number series of unit \(unit) (A to ZZZ) has been issued; no new token can be issued. Contact the developers.")
        }
    }

    static func wrap(_ error: any Error, path: String) -> CentralError {
        if let error = error as? CentralError { return error }
        return .database(path: path, reason: "\(error)")
    }
}
