import ArgumentParser
import Foundation
import PPIDCentral

/// `ppid-central status`: which terminals synced when, how far behind they are, what was refused,
/// and which version each runs. The same figures are served to Prometheus at `/metrics`.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Sinkronisasi tiap terminal per unit. / Each terminal's sync, by unit.")
    @OptionGroup var database: DatabaseOption
    @Flag(help: "Keluaran JSON. / JSON output.") var json = false
    @Flag(help: "Tampilkan juga token yang dicabut. / Show revoked tokens too.") var all = false

    func run() throws {
        let store = try database.open()
        let terminals = try perform { () throws(CentralError) in try store.terminalStatus() }.filter { all || !$0.revoked }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(terminals), as: UTF8.self))
            return
        }
        if terminals.isEmpty { print("Belum ada terminal terdaftar (ppid-central token issue). / No terminal enrolled yet.") }
        let formatter = ISO8601DateFormatter()
        let when = { (time: Double?) in time.map { formatter.string(from: Date(timeIntervalSince1970: $0)) } ?? "belum / never" }
        print(["UNIT", "PETUGAS/OFFICER", "SERI", "TARIK/PULL", "KIRIM/PUSH", "TERTINGGAL/LAG", "DITOLAK/REFUSED", "VERSI"]
            .joined(separator: "\t"))
        for terminal in terminals {
            print([terminal.unit, terminal.officer + (terminal.revoked ? " (dicabut/revoked)" : ""), terminal.series ?? "-",
                   when(terminal.lastPull), when(terminal.lastPush), String(terminal.cursorLag),
                   "\(terminal.refusedInLastPush) (\(terminal.refused))", terminal.version ?? "-"].joined(separator: "\t"))
        }
    }
}
