import ArgumentParser
import Foundation
import PPIDDomain

/// `ppid fees`: the unit's fee schedule as the config names it (`fees = FILE`, `fees_decree`),
/// checked line by line: what the written notice may charge for copies and delivery (Pasal 21).
struct FeesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fees",
        abstract: "Standar biaya unit (Pasal 21: biaya ringan) / The unit's fee schedule.",
        discussion: """
            Config: fees = /path/biaya.csv (kode,uraian,satuan,tarif), fees_decree = "SK ...". \
            `ppid request decide --fees A4=120,CD=1` itemises a notice's cost from it.
            """)

    @Option(help: "Berkas standar biaya (bawaan: config 'fees') / The schedule file (default: config 'fees').") var file: String?
    @Flag(help: "Keluaran JSON / JSON output.") var json = false
    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        let language = languageOption.language
        var config = try Config.loadChecked(language: language)
        if let file { config.values["fees"] = file }
        guard let schedule = try FeeScheduleFile.load(config, language: language) else {
            throw CommandError(message: language.pick(
                "Unit belum punya standar biaya. Tulis berkas CSV 'kode,uraian,satuan,tarif' dan atur 'fees = BERKAS' di config.",
                "The unit has no fee schedule. Write a CSV file 'kode,uraian,satuan,tarif' and set 'fees = FILE' in the config."))
        }
        if json {
            print(try JSONOutput.line(schedule))
            return
        }
        if let decree = schedule.decree { print(language.pick("Ditetapkan dengan ", "Set by ") + decree) }
        for item in schedule.items {
            print("\(item.code)\t\(item.description)\tRp \(item.rateRupiah) / \(item.unit)")
        }
    }
}
