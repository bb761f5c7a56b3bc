import ArgumentParser
import Foundation
import PPIDDomain
import PPIDStore
import PPIDSync
import PPIDTerminal

/// `ppid sync`: pulls the server's changes and pushes this terminal's, with progress.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Sinkron dengan server PPID pusat / Sync with the central PPID server.",
        discussion: """
            Menarik perubahan dari server mulai dari posisi terakhir, lalu mengirim perubahan lokal yang menunggu.
            Yang ditolak server tidak hilang: tampil di daftar konflik (tombol ! di aplikasi).
            Pulls the server's changes from the last position, then pushes local changes waiting in the queue.
            What the server refuses is never lost: it shows in the conflicts list (the ! key in the app).
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var sync: SyncOptions
    @OptionGroup var language: LanguageOption
    @Option(help: "Peristiwa per halaman tarikan / Events per pulled page.") var pageSize = 2000
    @Option(help: "Upaya per permintaan sebelum menyerah / Attempts per request.") var attempts = 5
    @Flag(help: "Tanpa baris kemajuan / No progress line.") var quiet = false
    @Flag(help: "Hanya tampilkan perubahan yang ditolak server, dengan alasannya / Only list changes the server refused.")
    var conflicts = false

    func validate() throws {
        try OptionCheck.range(pageSize, 1...5000, option: "--page-size", language.language)
        try OptionCheck.range(attempts, 1...20, option: "--attempts", language.language)
    }

    func run() throws {
        let language = self.language.language
        let config = try Config.loadChecked(language: language)
        if conflicts {
            let local = try store.falling(backTo: config).open(language)
            let list = try withStore(language) { () throws(StoreError) in try local.conflicts() }
            let aside = try withStore(language) { () throws(StoreError) in try local.setAsideEvents() }
            if list.isEmpty && aside.isEmpty { print(language.pick("Tidak ada konflik.", "No conflicts.")) }
            for conflict in list {
                let lines = ConflictText.lines(conflict, language: language)
                print(lines.first ?? "")
                for line in lines.dropFirst() { print("    " + line) }
            }
            for entry in aside {
                for (index, line) in ConflictText.lines(entry, language: language).enumerated() { print(index == 0 ? line : "    " + line) }
            }
            return
        }
        var settings = try sync.settings(config, language: language)
        settings.pageSize = max(1, min(pageSize, 5000))
        settings.attempts = max(1, attempts)
        let local = try store.falling(backTo: config).open(language)
        sync.enroll(local, config: config)
        let engine = SyncEngine(store: local, settings: settings)
        let interactive = isatty(2) == 1 && !quiet
        let report: SyncReport
        do {
            report = try runBlocking {
                try await engine.runOnce { progress in
                    guard interactive else { return }
                    let line = switch progress.phase {
                    case .pulling: language.pick("menarik: \(progress.events) peristiwa baru (posisi \(progress.cursor))",
                                                 "pulling: \(progress.events) new events (position \(progress.cursor))")
                    case .pushing: language.pick("mengirim: \(progress.events) peristiwa", "pushing: \(progress.events) events")
                    }
                    FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
                }
            }
        } catch let error as SyncError {
            if interactive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            throw CommandError(error, language: language)
        }
        if interactive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        print(Self.describe(report, language: language))
        if report.rejected > 0 {
            print(language.pick("Lihat alasannya: ppid sync --conflicts, atau tombol ! di aplikasi.",
                                "See why: ppid sync --conflicts, or the ! key in the app."))
        }
    }

    static func describe(_ report: SyncReport, language: Language) -> String {
        var lines = [language.pick(
            "Sinkron selesai dalam \(String(format: "%.1f", report.seconds)) s: \(report.pulled) peristiwa diterima, \(report.accepted) terkirim, \(report.rejected) ditolak.",
            "Sync done in \(String(format: "%.1f", report.seconds)) s: \(report.pulled) events received, \(report.accepted) sent, \(report.rejected) refused.")]
        if let unit = report.adoptedUnit {
            lines.append(language.pick("Basis data ini kini milik unit \(unit) (dari token).", "This database now belongs to unit \(unit) (from the token)."))
        }
        if report.calendarsAdded > 0 {
            lines.append(language.pick("\(report.calendarsAdded) berkas kalender baru; \(report.deadlinesMoved) tenggat bergeser.",
                                       "\(report.calendarsAdded) new calendar files; \(report.deadlinesMoved) deadlines moved."))
        }
        if report.setAside > 0 {
            lines.append(language.pick("\(report.setAside) peristiwa dari server tidak dapat dibaca versi ini dan disisihkan; sisanya diterapkan. Lihat: ppid sync --conflicts.",
                                       "\(report.setAside) events from the server cannot be read by this version and were set aside; the rest applied. See: ppid sync --conflicts."))
        }
        if let restored = report.serverRestored {
            lines.append(language.pick(
                "Server dipulihkan dari cadangan lama (nomor terakhirnya \(restored.serverLatest), terminal ini sudah sampai \(restored.cursor)): \(restored.resent) peristiwa terminal ini dikirim ulang dan log ditarik ulang dari awal. Sinkronkan terminal lain juga.",
                "The server was restored from an older backup (its last number \(restored.serverLatest), this terminal had \(restored.cursor)): \(restored.resent) of this terminal's events were sent again and the log pulled again from the start. Sync the other terminals too."))
        }
        if report.setAsideApplied > 0 {
            lines.append(language.pick("\(report.setAsideApplied) peristiwa yang dulu disisihkan kini diterapkan.",
                                       "\(report.setAsideApplied) events set aside earlier are applied now."))
        }
        if report.retries > 0 {
            lines.append(language.pick("\(report.retries) permintaan diulang karena gangguan jaringan atau server.",
                                       "\(report.retries) requests were retried after network or server faults."))
        }
        lines.append(language.pick("\(report.roundTrips) permintaan, \(report.bytesReceived) bita diterima.",
                                   "\(report.roundTrips) requests, \(report.bytesReceived) bytes received."))
        return lines.joined(separator: "\n")
    }
}
