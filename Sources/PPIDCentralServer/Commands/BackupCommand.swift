import ArgumentParser
import Foundation
import PPIDCentral
import PPIDWire

/// `ppid-central backup --to FILE`: a consistent copy of a SQLite register, taken while the server
/// runs (SQLite's online backup). On PostgreSQL the administrator's own tools do it (`pg_dump -Fc`),
/// and this says so.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Salin basis data pusat (SQLite) selagi server berjalan. / Copy the central database (SQLite) while the server runs.")
    @OptionGroup var database: DatabaseOption
    @Option(help: "Berkas salinan baru (tidak boleh sudah ada). / The new backup file (must not exist).") var to: String

    func run() throws {
        let store = try database.open()
        let target = HomePath.expand(to)
        try perform { () throws(CentralError) in try store.backup(to: target) }
        let latest = try perform { () throws(CentralError) in try store.latestSequence() }
        print("Salinan ditulis ke \(target) (peristiwa sampai nomor \(latest)). / Backup written to \(target) (events up to \(latest)).")
    }
}
