import Foundation
import PPIDDomain

/// Why the ledger refused one pushed event, in both languages: what the terminal lists as a conflict.
struct LedgerRefusal: Error {
    let indonesian: String
    let english: String

    init(_ indonesian: String, _ english: String) {
        self.indonesian = indonesian
        self.english = english
    }

    init(_ error: some OfficerFacingError) {
        self.init(error.text(.indonesian), error.text(.english))
    }

    static func otherUnit(_ principal: Principal) -> LedgerRefusal {
        LedgerRefusal("Perkara ini milik unit lain; token ini hanya untuk unit \(principal.unit).",
                      "This case belongs to another unit; this token is for unit \(principal.unit) only.")
    }

    static func unknownUnit(_ code: String) -> LedgerRefusal {
        LedgerRefusal("Unit '\(code)' tidak dikenal server pusat.", "Unit '\(code)' is not known to the central server.")
    }

    static func idInUse(_ id: UUID) -> LedgerRefusal {
        LedgerRefusal("Id peristiwa \(id.uuidString) sudah dipakai peristiwa lain; peristiwa ini tidak diterima.",
                      "The event id \(id.uuidString) is already used by another event; this one is not accepted.")
    }

    static func unknownCase(_ what: String, _ id: UUID) -> LedgerRefusal {
        LedgerRefusal("\(what) \(id.uuidString) tidak ada di server pusat.", "The \(what) \(id.uuidString) does not exist on the central server.")
    }

    static func numberInUse(_ number: String, other: String) -> LedgerRefusal {
        LedgerRefusal("Nomor \(number) sudah dipakai perkara lain (\(other)); perkara ini tidak diterima dengan nomor yang sama.",
                      "The number \(number) is already used by another case (\(other)); this case is not accepted with the same number.")
    }

    static func inFuture(_ field: String, _ instant: Date) -> LedgerRefusal {
        LedgerRefusal("Waktu '\(field)' (\(instant)) lebih dari \(Int(DomainLimits.clockSkew / 60)) menit di depan jam server. Periksa jam terminal.",
                      "The time '\(field)' (\(instant)) is more than \(Int(DomainLimits.clockSkew / 60)) minutes ahead of the server's clock. Check the terminal's clock.")
    }

    static func beforeCase(_ instant: Date, latest: Date) -> LedgerRefusal {
        LedgerRefusal("Waktu peristiwa (\(instant)) sebelum peristiwa terakhir perkara ini (\(latest)).",
                      "The event's time (\(instant)) is before this case's latest event (\(latest)).")
    }

    static func localDate(_ claimed: CivilDate, actual: CivilDate, zone: UnitZone) -> LedgerRefusal {
        LedgerRefusal("Tanggal lokal \(claimed.iso) tidak sesuai waktu peristiwa; di zona \(zone) tanggalnya \(actual.iso).",
                      "The local date \(claimed.iso) does not match the event's time; in zone \(zone) that is \(actual.iso).")
    }
}
