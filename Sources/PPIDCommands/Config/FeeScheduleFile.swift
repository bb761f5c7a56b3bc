import CSV
import Foundation
import PPIDDomain

/// The unit's fee schedule (standar biaya), a CSV file the config names with `fees = FILE`:
/// a header `kode,uraian,satuan,tarif` and one line per item (`A4,Fotokopi A4,lembar,500`).
/// `fees_decree` names the decree that set it, which the notice and an objection on ground f cite.
enum FeeScheduleFile {
    static let header = ["kode", "uraian", "satuan", "tarif"]

    /// The schedule the config names, nil when it names none; a file that cannot be used is refused
    /// with its line and what to fix, never half-read.
    static func load(_ config: Config, language: Language) throws -> FeeSchedule? {
        guard let path = config["fees"], !path.isEmpty else { return nil }
        let expanded = (path as NSString).expandingTildeInPath
        guard let data = FileManager.default.contents(atPath: expanded), let text = String(data: data, encoding: .utf8) else {
            throw CommandError(message: language.pick("Standar biaya \(expanded) tidak dapat dibaca (config 'fees'): periksa nama berkas dan simpan sebagai CSV UTF-8.",
                                                      "The fee schedule \(expanded) cannot be read (config 'fees'): check the name and save it as UTF-8 CSV."))
        }
        return try parse(text, source: expanded, decree: config["fees_decree"], language: language)
    }

    static func parse(_ text: String, source: String, decree: String?, language: Language) throws -> FeeSchedule {
        func refuse(_ line: Int, _ indonesian: String, _ english: String) -> CommandError {
            CommandError(message: "\(source):\(line): " + language.pick(indonesian, english))
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true, trimFields: true)
        } catch {
            throw refuse(1, "bukan CSV yang sah (\(error)).", "not valid CSV (\(error)).")
        }
        guard reader.headerRow?.map({ $0.lowercased() }) == header else {
            throw refuse(1, "baris pertama harus 'kode,uraian,satuan,tarif'.", "the first line must be 'kode,uraian,satuan,tarif'.")
        }
        var items: [FeeItem] = []
        var line = 1
        while let row = reader.next() {
            line += 1
            if row.allSatisfy(\.isEmpty) { continue }
            guard row.count == 4, !row[0].isEmpty, !row[1].isEmpty, !row[2].isEmpty else {
                throw refuse(line, "isi keempat kolom: kode, uraian, satuan, tarif.", "fill all four columns: code, description, unit, rate.")
            }
            guard let rate = Int(row[3].replacingOccurrences(of: ".", with: "")), DomainLimits.costRupiah.contains(rate) else {
                throw refuse(line, "tarif '\(row[3])' bukan angka rupiah.", "rate '\(row[3])' is not a number of rupiah.")
            }
            guard !items.contains(where: { $0.code.caseInsensitiveCompare(row[0]) == .orderedSame }) else {
                throw refuse(line, "kode '\(row[0])' sudah ada di atas.", "code '\(row[0])' appears twice.")
            }
            for (value, field) in [(row[0], "kode"), (row[1], "uraian"), (row[2], "satuan")] {
                do throws(FieldProblem) { try FieldCheck.line(value, field) } catch {
                    throw refuse(line, error.text(.indonesian), error.text(.english))
                }
            }
            items.append(FeeItem(code: row[0], description: row[1], unit: row[2], rateRupiah: rate))
        }
        if let error = reader.error {
            throw refuse(line + 1, "CSV rusak (\(error)).", "broken CSV (\(error)).")
        }
        guard !items.isEmpty else { throw refuse(1, "tidak ada satu pun tarif.", "no rates in it.") }
        return FeeSchedule(items: items, decree: decree.flatMap { $0.isEmpty ? nil : $0 })
    }
}
