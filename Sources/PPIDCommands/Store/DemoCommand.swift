import ArgumentParser
import Foundation
import PPIDDomain
import PPIDStore

/// `ppid demo`: builds a demo workspace so a newcomer sees a living screen at once.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Buat ruang kerja contoh / Build a demo workspace.",
        discussion: "Nama, perihal, kanal, status, keberatan, dan entri DIP yang realistis; tenggat tersebar di sekitar hari ini."
    )

    @Option(help: "Jumlah permohonan / Number of requests.")
    var requests: Int = 400

    @Option(help: "Jumlah entri DIP / Number of DIP entries.")
    var documents: Int = 300

    @Option(help: "Benih acak (hasil sama untuk benih sama) / Random seed.")
    var seed: UInt64 = 2008

    @Option(help: "Hari acuan TTTT-BB-HH (bawaan: hari ini) / The day to build around (default: today).")
    var today: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var languageOption: LanguageOption

    func validate() throws {
        try OptionCheck.range(requests, 0...10_000_000, option: "--requests", languageOption.language)
        try OptionCheck.range(documents, 0...10_000_000, option: "--documents", languageOption.language)
    }

    func run() throws {
        let language = languageOption.language
        let store = try store.open(language)
        let day: CivilDate
        if let today {
            guard let parsed = CivilDate(iso: today) else { throw CommandError(CalendarError.invalidDate(today), language: language) }
            day = parsed
        } else {
            day = store.today
        }
        if try withStore(language, { () throws(StoreError) in try store.eventCount() }) > 0 {
            throw CommandError(message: language.pick(
                "Basis data '\(store.path)' sudah berisi data; ruang kerja contoh hanya dibuat pada berkas baru. Gunakan --db ke berkas lain.",
                "The database '\(store.path)' already holds data; a demo workspace is only built in a new file. Use --db with another file."))
        }
        let started = Date()
        let interactive = isatty(2) == 1
        let summary = try withStore(language) { () throws(StoreError) in
            try store.generateDemo(DemoOptions(requests: requests, documents: documents, seed: seed, today: day)) { progress in
                guard interactive else { return }
                let line = "\r" + language.pick("Membuat", "Building") + ": \(progress.requestsDone)/\(requests) "
                    + language.pick("permohonan", "requests") + ", \(progress.documentsDone)/\(documents) DIP"
                FileHandle.standardError.write(Data(line.utf8))
            }
        }
        if interactive { FileHandle.standardError.write(Data("\n".utf8)) }
        let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
        print(language.pick(
            "Ruang kerja contoh di \(store.path): \(summary.requests) permohonan, \(summary.objections) keberatan, \(summary.disputes) sengketa, \(summary.documents) entri DIP, \(summary.events) peristiwa (\(seconds) detik).",
            "Demo workspace in \(store.path): \(summary.requests) requests, \(summary.objections) objections, \(summary.disputes) disputes, \(summary.documents) DIP entries, \(summary.events) events (\(seconds) s)."))
    }
}
