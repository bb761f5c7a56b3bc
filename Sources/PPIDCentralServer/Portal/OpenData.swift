import CSV
import Foundation
import PPIDCentral
import PPIDDomain
import PPIDWire

/// The DIP as open data: the same entries the pages show (exempt ones without their content), as
/// RFC 4180 CSV with Indonesian column names and as JSON.
enum OpenData {
    static let columns = ["id", "nomor", "unit", "nama_unit", "judul", "ringkasan", "pejabat_penguasa", "penanggung_jawab",
                          "waktu_tempat_pembuatan", "bentuk", "jangka_simpan", "kategori", "nomor_sk", "lokasi",
                          "dikecualikan", "dasar_pengecualian", "dikecualikan_sampai", "diperbarui"]

    static func csv(_ entries: [PublicDIPEntry], dip: PublicDIP) throws -> String {
        let writer = try CSVWriter(stream: .toMemory(), newline: .crlf)
        try writer.write(row: columns)
        for entry in entries {
            let row = [entry.id.uuidString.lowercased(), entry.number, entry.unit, dip.unitName(entry.unit), entry.title, entry.summary,
                       entry.holder, entry.responsible, entry.madeWhenWhere, entry.form.rawValue, entry.retention,
                       entry.category.rawValue, entry.decreeNumber, entry.location, entry.isExempt ? "ya" : "tidak",
                       entry.exemptionBasis ?? "", entry.exemptUntil?.iso ?? "", entry.updatedOn.iso]
            try writer.write(row: row.map(SpreadsheetCell.neutralised))
        }
        writer.stream.close()
        let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\r\n"
    }

    struct Document: Encodable {
        let through: Int64
        let units: [WireUnit]
        let entries: [PublicDIPEntry]
    }

    static func json(_ entries: [PublicDIPEntry], dip: PublicDIP) throws -> [UInt8] {
        Array(try WireCoding.encoder().encode(Document(through: dip.through, units: dip.units, entries: entries)))
    }
}
