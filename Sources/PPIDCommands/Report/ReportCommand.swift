import ArgumentParser
import Foundation
import PPIDDomain
import PPIDStore

/// `ppid report`: the annual (or quarterly) public information service report, from the events.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Laporan layanan informasi publik / The public information service report."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, csv, html }

    @Option(help: "Tahun / Year.")
    var year: Int

    @Option(help: "Triwulan 1-4 / Quarter 1-4.")
    var quarter: Int?

    @Option(help: "Kode unit (bawaan: setiap unit dan seluruh badan) / Unit code (default: each unit and the body).")
    var unit: String?

    @Option(help: "md, csv atau html / md, csv or html.")
    var format: Format = .md

    @Flag(help: "Tambah BOM UTF-8 pada CSV (untuk Excel) / Add a UTF-8 BOM to CSV (for Excel).")
    var bom = false

    @OptionGroup var store: StoreOptions
    @OptionGroup var languageOption: LanguageOption

    func validate() throws {
        try OptionCheck.year(year, languageOption.language)
        try OptionCheck.quarter(quarter, languageOption.language)
    }

    func run() throws {
        print(try output(), terminator: "")
    }

    func output() throws -> String {
        let language = languageOption.language
        guard let period = ReportPeriod(year: year, quarter: quarter) else {
            throw CommandError(message: language.pick("--quarter harus 1 sampai 4.", "--quarter must be 1 to 4."))
        }
        let local = try store.open(language)
        let (requests, objections, disputes, units) = try withStore(language) { () throws(StoreError) in
            let records = try local.reportRecords(for: period)
            return (records.requests, records.objections, records.disputes, try local.units())
        }
        let calendar = local.context.calendar
        var reports: [ServiceReport] = []
        if let unit {
            guard units.contains(unit) else {
                let known = units.joined(separator: ", ")
                throw CommandError(message: language.pick("Unit '\(unit)' tidak ada di basis data ini (ada: \(known)).",
                                                          "No unit '\(unit)' in this database (there are: \(known))."))
            }
            reports = [ServiceReport.compute(period: period, unit: unit, requests: requests, objections: objections, disputes: disputes, calendar: calendar)]
        } else {
            reports = ServiceReport.perUnit(period: period, units: units, requests: requests, objections: objections,
                                            disputes: disputes, calendar: calendar)
        }
        let table = ReportTable(reports: reports, language: language, body: local.profile.body.isEmpty ? local.profile.name : local.profile.body)
        switch format {
        case .md: return table.markdown
        case .csv: return try table.csv(bom: bom)
        case .html: return table.html
        }
    }
}
