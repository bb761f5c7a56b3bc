import Foundation
import PPIDDomain

/// The narrative sections of the annual report (Perki 1/2021): policy, facilities, staff, budget,
/// obstacles and recommendations, from a text file the unit keeps. Each section starts with its
/// name in brackets on a line of its own (`[kebijakan]` or `[policy]`); the lines after it are its text.
struct ReportNarrative {
    /// The sections in the report's order: key, Indonesian and English headings, accepted names.
    static let sections: [(key: String, indonesian: String, english: String, names: Set<String>)] = [
        ("policy", "Kebijakan layanan informasi", "Information service policy", ["kebijakan", "policy"]),
        ("facilities", "Sarana dan prasarana", "Facilities", ["sarana", "facilities"]),
        ("staff", "Sumber daya manusia", "Staff", ["sdm", "staff"]),
        ("budget", "Anggaran", "Budget", ["anggaran", "budget"]),
        ("obstacles", "Kendala", "Obstacles", ["kendala", "obstacles"]),
        ("recommendations", "Rekomendasi dan rencana tindak lanjut", "Recommendations", ["rekomendasi", "recommendations"]),
    ]

    /// Each section's text by key.
    let texts: [String: String]

    /// Reads `path`; a section name it does not know is refused, naming the line and the names it knows.
    init(path: String, language: Language) throws {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CommandError(message: language.pick("--narrative: berkas \(path) tidak dapat dibaca.", "--narrative: cannot read the file \(path)."))
        }
        var texts: [String: String] = [:]
        var current: String?
        for (index, raw) in text.components(separatedBy: "\n").enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.hasPrefix("[") && line.hasSuffix("]") {
                let name = String(line.dropFirst().dropLast()).lowercased().trimmingCharacters(in: .whitespaces)
                guard let section = Self.sections.first(where: { $0.names.contains(name) }) else {
                    let known = Self.sections.map { "[\($0.names.sorted().first ?? $0.key)]" }.joined(separator: " ")
                    throw CommandError(message: language.pick("\(path):\(index + 1): bagian '\(name)' tidak dikenal (dikenal: \(known)).",
                                                              "\(path):\(index + 1): unknown section '\(name)' (known: \(known))."))
                }
                current = section.key
                continue
            }
            guard let current else { continue }
            texts[current] = (texts[current].map { $0 + "\n" } ?? "") + raw
        }
        self.texts = texts.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.value.isEmpty }
    }

    /// The sections present, in order, with their headings in `language`.
    func parts(_ language: Language) -> [(key: String, heading: String, text: String)] {
        Self.sections.compactMap { section in
            texts[section.key].map { (section.key, language.pick(section.indonesian, section.english), $0) }
        }
    }
}
