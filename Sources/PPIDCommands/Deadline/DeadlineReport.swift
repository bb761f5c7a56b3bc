import Foundation
import PPIDDomain

/// A deadline answer ready to print: as text for people, or as one JSON object for scripts.
struct DeadlineReport {
    enum Kind { case request, objection }

    let kind: Kind
    let receipt: Receipt
    let zone: UnitZone
    /// The main deadline: the written notice, or the atasan's answer.
    let main: Deadline
    /// The follow-on: the extended notice date, or the window to go to the Komisi Informasi.
    let followOn: Deadline

    static func request(_ deadlines: RequestDeadlines, zone: UnitZone) -> DeadlineReport {
        DeadlineReport(kind: .request, receipt: deadlines.receipt, zone: zone,
                       main: deadlines.notice, followOn: deadlines.extended)
    }

    static func objection(receipt: Receipt, answer: Deadline, disputeWindow: Deadline, zone: UnitZone) -> DeadlineReport {
        DeadlineReport(kind: .objection, receipt: receipt, zone: zone, main: answer, followOn: disputeWindow)
    }

    var isProvisional: Bool {
        switch kind {
        case .request: main.isProvisional || followOn.isProvisional
        case .objection: main.isProvisional
        }
    }

    // MARK: - Text

    func text(_ language: Language) -> String {
        var lines: [String] = []
        func dated(_ date: CivilDate) -> String { "\(date.weekday.text(language)), \(date.iso)" }
        let receivedLabel = kind == .request
            ? language.pick("Permohonan diterima", "Request received")
            : language.pick("Keberatan diterima", "Objection received")
        var received = "\(receivedLabel): \(dated(receipt.civilDate))"
        if let time = receipt.time { received += " \(time)" }
        lines.append(received + " \(zone)")
        if let reason = receipt.deemedBecause {
            lines.append(language.pick("Dianggap diterima", "Deemed received") + ": \(dated(receipt.countsFrom)), "
                         + reason.text(language))
        }
        lines.append("\(main.clock.text(language)) " + language.pick("paling lambat", "due by") + ": "
                     + "\(dated(main.due)) (\(main.counted.count) " + language.pick("hari kerja", "working days")
                     + ", UU 14/2008 \(main.clock.article))")
        let followLabel = kind == .request
            ? language.pick("Jika diperpanjang", "If extended")
            : followOn.clock.text(language)
        lines.append("\(followLabel): \(dated(followOn.due)) (+\(followOn.counted.count) "
                     + language.pick("hari kerja", "working days") + ", \(followOn.clock.article)"
                     + (kind == .objection ? language.pick(", jika tanggapan diterima pada tenggatnya", ", if the answer comes on its due date") : "")
                     + ")" + (followOn.isProvisional ? language.pick(" [sementara]", " [provisional]") : ""))
        let uncovered = Set(main.uncoveredYears + (kind == .request ? followOn.uncoveredYears : [])).sorted()
        if !uncovered.isEmpty {
            let years = uncovered.map(String.init).joined(separator: ", ")
            lines.append(language.pick(
                "SEMENTARA: kalender libur tahun \(years) belum diketahui; tanggal dapat bergeser setelah SKB terbit (tambahkan --calendar).",
                "PROVISIONAL: the holiday calendar for \(years) is not known yet; the date may move once the decree is out (add --calendar)."))
        }
        lines.append("")
        lines.append(contentsOf: explanation(of: main, language: language))
        if kind == .request {
            lines.append("")
            lines.append(contentsOf: explanation(of: followOn, language: language))
        }
        return lines.joined(separator: "\n")
    }

    private func explanation(of deadline: Deadline, language: Language) -> [String] {
        var lines = [language.pick("Hari dihitung", "Days counted") + " (\(deadline.clock.text(language)), "
                     + language.pick("mulai setelah", "after") + " \(deadline.start.iso)):"]
        var skipped = deadline.skipped[...]
        for (index, day) in deadline.counted.enumerated() {
            while let skip = skipped.first, skip.date < day {
                lines.append("   -  \(skip.date.iso) \(pad(skip.date.weekday.text(language)))  "
                             + language.pick("dilewati", "skipped") + ": \(skip.reason.text(language))")
                skipped = skipped.dropFirst()
            }
            let number = String(index + 1)
            lines.append(String(repeating: " ", count: 4 - number.count) + number
                         + "  \(day.iso) \(day.weekday.text(language))")
        }
        return lines
    }

    private func pad(_ text: String) -> String {
        text + String(repeating: " ", count: max(0, 9 - text.count))
    }

    // MARK: - JSON

    func json(_ language: Language) throws -> String {
        var object: [String: Any] = [
            "received": receipt.civilDate.iso,
            "due": main.due.iso,
            "provisional": isProvisional,
            "counted": main.counted.map(\.iso),
            "skipped": skippedJSON(main, language),
            "zone": zone.identifier,
            "countsFrom": receipt.countsFrom.iso,
        ]
        if let reason = receipt.deemedBecause { object["deemedReceived"] = reason.text(language) }
        if !main.uncoveredYears.isEmpty || !followOn.uncoveredYears.isEmpty {
            object["uncoveredYears"] = Set(main.uncoveredYears + followOn.uncoveredYears).sorted()
        }
        switch kind {
        case .request:
            object["extendedDue"] = followOn.due.iso
            object["extension"] = [
                "due": followOn.due.iso,
                "counted": followOn.counted.map(\.iso),
                "skipped": skippedJSON(followOn, language),
            ] as [String: Any]
        case .objection:
            object["disputeWindow"] = [
                "due": followOn.due.iso,
                "provisional": followOn.isProvisional,
            ] as [String: Any]
        }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    private func skippedJSON(_ deadline: Deadline, _ language: Language) -> [[String: Any]] {
        deadline.skipped.map { skip in
            var entry: [String: Any] = ["date": skip.date.iso, "reason": skip.reason.text(language), "kind": skip.reason.kind]
            if let basis = skip.reason.basis { entry["basis"] = basis }
            return entry
        }
    }
}
