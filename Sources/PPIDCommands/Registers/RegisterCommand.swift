import ArgumentParser
import Foundation
import PPIDDomain
import PPIDStore

/// `ppid register requests|objections`: a register for a period, as CSV.
struct RegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Register permohonan atau keberatan sebagai CSV / The request or objection register as CSV."
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable { case requests, objections }

    @Argument(help: "requests atau objections")
    var kind: Kind

    @Option(help: "Tahun / Year.")
    var year: Int

    @Option(help: "Triwulan 1-4 / Quarter 1-4.")
    var quarter: Int?

    @Flag(name: .customLong("include-personal-data"),
          help: "Sertakan NIK, alamat, telepon, email tanpa samaran (dicatat di jejak audit) / Include unmasked personal data (recorded).")
    var includePersonalData = false

    @Flag(help: "Tambah BOM UTF-8 (untuk Excel) / Add a UTF-8 BOM (for Excel).")
    var bom = false

    @Option(help: "Tulis ke berkas ini (bawaan: keluaran standar) / Write to this file (default: standard output).")
    var output: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var languageOption: LanguageOption

    func validate() throws {
        try OptionCheck.year(year, languageOption.language)
        try OptionCheck.quarter(quarter, languageOption.language)
    }

    func run() throws {
        let text = try csv()
        if let output {
            do {
                try text.write(toFile: output, atomically: true, encoding: .utf8)
                chmod(output, includePersonalData ? 0o600 : 0o644)
            } catch {
                throw CommandError(message: languageOption.language.pick("Tidak dapat menulis '\(output)': \(error.localizedDescription)",
                                                                        "Cannot write '\(output)': \(error.localizedDescription)"))
            }
        } else {
            print(text, terminator: "")
        }
    }

    func csv() throws -> String {
        let language = languageOption.language
        guard let period = ReportPeriod(year: year, quarter: quarter) else {
            throw CommandError(message: language.pick("--quarter harus 1 sampai 4.", "--quarter must be 1 to 4."))
        }
        let local = try store.open(language)
        return try withStore(language) { () throws(StoreError) -> String in
            // Who registered each request, by full name where the server's directory has it.
            let officers = try local.officerDirectory()
            let registeredBy = Dictionary(try local.requestListing(filter: .all).map { ($0.id, $0.registeredBy) }) { first, _ in first }
            let records = try local.reportRecords(for: period)
            if includePersonalData {
                try local.recordAudit(action: "personal-data.export", subject: "register.\(kind.rawValue)",
                                      detail: "\(period.text(.indonesian))" + (output.map { " -> \($0)" } ?? ""))
            }
            do {
                switch kind {
                case .requests:
                    let rows = records.requests.filter { period.contains($0.receivedOn) }
                        .sorted { ($0.receivedOn, $0.registration.registrationNumber) < ($1.receivedOn, $1.registration.registrationNumber) }
                        .map { record in
                            RegisterTable.requestRow(record, personal: includePersonalData, language)
                                + [registeredBy[record.id.uuidString].map { officers[$0]?.name ?? $0 } ?? ""]
                        }
                    return try RegisterTable.csv(header: RegisterTable.requestHeader(language), rows: rows, bom: bom)
                case .objections:
                    var rows: [[String]] = []
                    for objection in records.objections.filter({ period.contains($0.filedOn) }).sorted(by: { $0.filedOn < $1.filedOn }) {
                        var request: RequestRecord? = nil
                        if case let .request(r)? = try local.caseRecord(objection.filing.requestID) { request = r }
                        rows.append(RegisterTable.objectionRow(objection, request: request, personal: includePersonalData, language))
                    }
                    return try RegisterTable.csv(header: RegisterTable.objectionHeader(language), rows: rows, bom: bom)
                }
            } catch let error as StoreError {
                throw error
            } catch {
                throw StoreError.database(path: local.path, message: "\(error)")
            }
        }
    }
}
