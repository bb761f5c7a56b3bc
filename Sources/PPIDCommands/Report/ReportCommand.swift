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

    @Option(help: "Semester 1-2 / Half-year 1-2.")
    var semester: Int?

    @Option(help: "Bulan 1-12 / Month 1-12.")
    var month: Int?

    @Option(help: "Berkas narasi: [kebijakan] [sarana] [sdm] [anggaran] [kendala] [rekomendasi] (bawaan: report_narrative di config) / The narrative file.")
    var narrative: String?

    @Option(help: "Kode unit (bawaan: setiap unit dan seluruh badan) / Unit code (default: each unit and the body).")
    var unit: String?

    @Option(help: "md, csv atau html / md, csv or html.")
    var format: Format = .md

    @Flag(help: "Tambah BOM UTF-8 pada CSV (untuk Excel) / Add a UTF-8 BOM to CSV (for Excel).")
    var bom = false

    @Option(help: "Catat laporan tahunan --year sudah disampaikan pada TTTT-BB-HH (hari ini: 'today'); tenggatnya hilang dari papan / Record the year's report submitted on that day: its clock leaves the board.")
    var submitted: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var languageOption: LanguageOption

    func validate() throws {
        try OptionCheck.year(year, languageOption.language)
        try OptionCheck.quarter(quarter, languageOption.language)
        if let semester { try OptionCheck.range(semester, 1...2, option: "--semester", languageOption.language) }
        if let month { try OptionCheck.range(month, 1...12, option: "--month", languageOption.language) }
        if [quarter, semester, month].compactMap({ $0 }).count > 1 {
            throw CommandError(message: languageOption.language.pick("Pilih satu: --quarter, --semester atau --month.",
                                                                     "Choose one: --quarter, --semester or --month."))
        }
    }

    func run() throws {
        if let submitted { return try recordSubmitted(submitted) }
        print(try output(), terminator: "")
    }

    /// Records the year's annual report submitted (due 31 March of the next year, Perki 1/2021).
    func recordSubmitted(_ day: String) throws {
        let language = languageOption.language
        let config = try Config.loadChecked(language: language)
        let local = try store.falling(backTo: config).open(language)
        let today = local.today
        guard let date = day == "today" ? today : CivilDate(iso: day), date <= today, date.year > year else {
            throw CommandError(message: language.pick(
                "--submitted: tanggal TTTT-BB-HH (atau 'today') setelah tahun \(year) berakhir, tidak setelah hari ini.",
                "--submitted: a date YYYY-MM-DD (or 'today') after the year \(year) ended, not after today."))
        }
        guard quarter == nil, semester == nil, month == nil else {
            throw CommandError(message: language.pick("--submitted untuk laporan tahunan: tanpa --quarter, --semester atau --month.",
                                                      "--submitted is for the annual report: without --quarter, --semester or --month."))
        }
        try withStore(language) { () throws(StoreError) in try local.recordAnnualReportSubmitted(year: year, on: date, note: "") }
        let due = "\(year + 1)-03-31"
        print(language.pick("Laporan tahunan \(year) dicatat disampaikan \(date.iso)" + (date.iso > due ? " (lewat batas \(due))." : "."),
                            "The \(year) annual report recorded submitted on \(date.iso)" + (date.iso > due ? " (after its \(due) deadline)." : ".")))
    }

    func output() throws -> String {
        let language = languageOption.language
        guard let period = ReportPeriod(year: year, quarter: quarter, semester: semester, month: month) else {
            throw CommandError(message: language.pick("Periode tidak sah: --quarter 1-4, --semester 1-2 atau --month 1-12, satu saja.",
                                                      "Not a period: --quarter 1-4, --semester 1-2 or --month 1-12, only one."))
        }
        let config = try Config.loadChecked(language: language)
        let narrativeFile = narrative ?? config["report_narrative"]
        let story = try narrativeFile.map { try ReportNarrative(path: $0, language: language) }
        let local = try store.falling(backTo: config).open(language)
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
            reports = [ServiceReport.compute(period: period, unit: unit, requests: requests, objections: objections, disputes: disputes,
                                             calendar: calendar, asOf: local.today)]
        } else {
            reports = ServiceReport.perUnit(period: period, units: units, requests: requests, objections: objections,
                                            disputes: disputes, calendar: calendar, asOf: local.today)
        }
        let table = ReportTable(reports: reports, language: language, body: local.profile.body.isEmpty ? local.profile.name : local.profile.body,
                                narrative: story?.parts(language) ?? [])
        switch format {
        case .md: return table.markdown
        case .csv: return try table.csv(bom: bom)
        case .html: return table.html
        }
    }
}
