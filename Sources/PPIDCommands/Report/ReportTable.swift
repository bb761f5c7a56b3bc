import Foundation
import PPIDDomain

/// A service report as labelled rows, ready for Markdown, CSV or HTML.
struct ReportTable {
    typealias Line = ServiceReport.Figure

    let title: String
    let sections: [(heading: String, lines: [Line])]
    /// The narrative sections before the figures.
    let narrative: [(key: String, heading: String, text: String)]

    init(reports: [ServiceReport], language: Language, body: String, narrative: [(key: String, heading: String, text: String)] = []) {
        self.narrative = narrative
        let first = reports.first
        title = language.pick("Laporan Layanan Informasi Publik", "Public Information Service Report")
            + " — \(body) — \(first?.period.text(language) ?? "")"
        sections = reports.map { report in
            (report.unit ?? language.pick("Seluruh badan publik", "Whole public body"), report.figures(language))
        }
    }

    var markdown: String {
        var out = "# \(title)\n"
        for part in narrative { out += "\n## \(part.heading)\n\n\(part.text)\n" }
        for section in sections {
            out += "\n## \(section.heading)\n\n| | |\n|---|---:|\n"
            for line in section.lines { out += "| \(line.label.replacingOccurrences(of: "|", with: "\\|")) | \(line.value) |\n" }
        }
        return out
    }

    /// RFC 4180 CSV, written the same way as the registers.
    func csv(bom: Bool) throws -> String {
        let rows = narrative.map { ["", "narrative.\($0.key)", $0.heading, $0.text] } + sections.flatMap { section in
            section.lines.map { [section.heading, $0.key, $0.label.trimmingCharacters(in: .whitespaces), $0.value] }
        }
        return try RegisterTable.csv(header: ["unit", "key", "figure", "value"], rows: rows, bom: bom)
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
        for part in narrative {
            out += "<h2>\(escape(part.heading))</h2>\n"
            for paragraph in part.text.components(separatedBy: "\n\n") { out += "<p>\(escape(paragraph))</p>\n" }
        }
        for section in sections {
            out += "<h2>\(escape(section.heading))</h2>\n<table>\n"
            for line in section.lines { out += "<tr><td>\(escape(line.label))</td><td class=\"n\">\(escape(line.value))</td></tr>\n" }
            out += "</table>\n"
        }
        return out + "</body></html>\n"
    }
}
