import CSV
import Foundation
import PPIDDomain

/// A service report as labelled rows, ready for Markdown, CSV or HTML.
struct ReportTable {
    struct Line {
        let key: String
        let label: String
        let value: String
    }

    let title: String
    let sections: [(heading: String, lines: [Line])]

    init(reports: [ServiceReport], language: Language, body: String) {
        let first = reports.first
        title = language.pick("Laporan Layanan Informasi Publik", "Public Information Service Report")
            + " — \(body) — \(first?.period.text(language) ?? "")"
        sections = reports.map { report in
            (report.unit ?? language.pick("Seluruh badan publik", "Whole public body"), Self.lines(report, language))
        }
    }

    static func format(_ value: Double?) -> String {
        guard let value else { return "-" }
        return String(format: "%.1f", value)
    }

    static func lines(_ r: ServiceReport, _ l: Language) -> [Line] {
        var lines: [Line] = [
            Line(key: "requests.received", label: l.pick("Permohonan diterima", "Requests received"), value: "\(r.requestsReceived)"),
            Line(key: "requests.decided", label: l.pick("Pemberitahuan tertulis diterbitkan", "Written notices issued"), value: "\(r.decided)"),
            Line(key: "days.mean", label: l.pick("Rata-rata hari kerja sampai pemberitahuan", "Mean working days to the notice"), value: format(r.meanDays)),
            Line(key: "days.median", label: l.pick("Median hari kerja", "Median working days"), value: format(r.medianDays)),
            Line(key: "days.p90", label: l.pick("Persentil ke-90 hari kerja", "90th percentile working days"), value: format(r.p90Days)),
            Line(key: "days.within10", label: l.pick("Dalam 10 hari kerja", "Within 10 working days"), value: "\(r.withinTen)"),
            Line(key: "days.within17", label: l.pick("Dalam 17 hari kerja", "Within 17 working days"), value: "\(r.withinSeventeen)"),
            Line(key: "outcome.full", label: l.pick("Diberikan seluruhnya", "Granted in full"), value: "\(r.grantedInFull)"),
            Line(key: "outcome.part", label: l.pick("Diberikan sebagian", "Granted in part"), value: "\(r.grantedInPart)"),
            Line(key: "outcome.refused", label: l.pick("Ditolak", "Refused"), value: "\(r.refused)"),
        ]
        for (basis, count) in r.exemptionsByBasis.sorted(by: { $0.key < $1.key }) {
            let label = basis.hasPrefix("17") && basis.count == 3 ? "Pasal 17 huruf \(basis.last!)" : basis
            lines.append(Line(key: "exemption.\(basis)", label: "  " + l.pick("Dasar pengecualian: ", "Exemption basis: ") + label, value: "\(count)"))
        }
        lines += [
            Line(key: "outcome.notHeld", label: l.pick("Informasi tidak dikuasai", "Not held"), value: "\(r.notHeld)"),
            Line(key: "outcome.notDocumented", label: l.pick("Belum didokumentasikan", "Not yet documented"), value: "\(r.notYetDocumented)"),
            Line(key: "requests.withdrawn", label: l.pick("Ditarik pemohon", "Withdrawn"), value: "\(r.withdrawn)"),
            Line(key: "requests.open", label: l.pick("Masih berjalan", "Still open"), value: "\(r.stillOpen)"),
            Line(key: "objections.received", label: l.pick("Keberatan diterima", "Objections received"), value: "\(r.objectionsReceived)"),
        ]
        for ground in ObjectionGround.allCases where r.objectionsByGround[ground] != nil {
            lines.append(Line(key: "objections.ground.\(ground.rawValue)", label: "  " + ground.text(l), value: "\(r.objectionsByGround[ground]!)"))
        }
        let outcomes = ["granted": l.pick("Keberatan diterima atasan", "Objection granted"), "refusal-upheld": l.pick("Penolakan dikuatkan", "Refusal upheld"),
                        "settled": l.pick("Musyawarah", "Settled by agreement"), "pending": l.pick("Belum ditanggapi", "Not yet answered"),
                        "withdrawn": l.pick("Ditarik", "Withdrawn")]
        for (code, count) in r.objectionsByOutcome.sorted(by: { $0.key < $1.key }) {
            lines.append(Line(key: "objections.outcome.\(code)", label: "  " + (outcomes[code] ?? code), value: "\(count)"))
        }
        lines.append(Line(key: "disputes.filed", label: l.pick("Sengketa di Komisi Informasi", "Disputes at the Information Commission"), value: "\(r.disputesFiled)"))
        for (code, count) in r.disputesByOutcome.sorted(by: { $0.key < $1.key }) {
            lines.append(Line(key: "disputes.outcome.\(code)", label: "  " + code, value: "\(count)"))
        }
        return lines
    }

    var markdown: String {
        var out = "# \(title)\n"
        for section in sections {
            out += "\n## \(section.heading)\n\n| | |\n|---|---:|\n"
            for line in section.lines { out += "| \(line.label.replacingOccurrences(of: "|", with: "\\|")) | \(line.value) |\n" }
        }
        return out
    }

    /// RFC 4180: CRLF line ends, fields quoted where needed (by the CSV library).
    func csv(bom: Bool) throws -> String {
        let writer = try CSVWriter(stream: .toMemory(), newline: .crlf)
        try writer.write(row: ["unit", "key", "figure", "value"])
        for section in sections {
            for line in section.lines {
                try writer.write(row: [section.heading, line.key, line.label.trimmingCharacters(in: .whitespaces), line.value])
            }
        }
        writer.stream.close()
        let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return (bom ? "\u{FEFF}" : "") + String(decoding: data, as: UTF8.self) + "\r\n"
    }

    var html: String {
        func escape(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        var out = """
            <!DOCTYPE html>
            <html lang="id"><head><meta charset="utf-8"><title>\(escape(title))</title>
            <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:2em}
            td,th{border:1px solid #999;padding:.3em .6em}td.n{text-align:right}@media print{body{margin:0}}</style>
            </head><body><h1>\(escape(title))</h1>

            """
        for section in sections {
            out += "<h2>\(escape(section.heading))</h2>\n<table>\n"
            for line in section.lines { out += "<tr><td>\(escape(line.label))</td><td class=\"n\">\(escape(line.value))</td></tr>\n" }
            out += "</table>\n"
        }
        return out + "</body></html>\n"
    }
}
