import ArgumentParser
import Foundation
import PPIDDomain

/// One statutory clock counted from a starting day, with an optional second clock from the same
/// day (a dispute's 100 working days to settle): the answer of `ppid deadline objection-window`,
/// `dispute` and `court`, with the same options and JSON fields as `ppid deadline request`.
struct ClockReport {
    let startLabel: (Language) -> String
    let receipt: Receipt
    let zone: UnitZone
    let main: Deadline
    /// The second clock from the same start, under its JSON key.
    let second: (key: String, deadline: Deadline)?

    var isProvisional: Bool { main.isProvisional || (second?.deadline.isProvisional ?? false) }

    func text(_ language: Language) -> String {
        func dated(_ date: CivilDate) -> String { "\(date.weekday.text(language)), \(date.iso)" }
        func line(_ deadline: Deadline) -> String {
            "\(deadline.clock.text(language)) " + language.pick("paling lambat", "due by") + ": \(dated(deadline.due)) ("
                + "\(deadline.counted.count) " + language.pick("hari kerja", "working days") + ", UU 14/2008 \(deadline.clock.article))"
                + (deadline.isProvisional ? language.pick(" [sementara]", " [provisional]") : "")
        }
        var lines = ["\(startLabel(language)): \(dated(receipt.civilDate)) \(zone)"]
        if let reason = receipt.deemedBecause {
            lines.append(language.pick("Dianggap diterima", "Deemed received") + ": \(dated(receipt.countsFrom)), " + reason.text(language))
        }
        lines.append(line(main))
        if let second { lines.append(line(second.deadline)) }
        let uncovered = Set(main.uncoveredYears + (second?.deadline.uncoveredYears ?? [])).sorted()
        if !uncovered.isEmpty {
            let years = uncovered.map(String.init).joined(separator: ", ")
            lines.append(language.pick(
                "SEMENTARA: kalender libur tahun \(years) belum diketahui; tanggal dapat bergeser setelah SKB terbit (tambahkan --calendar).",
                "PROVISIONAL: the holiday calendar for \(years) is not known yet; the date may move once the decree is out (add --calendar)."))
        }
        lines.append("")
        lines.append(language.pick("Hari dihitung", "Days counted") + " (\(main.clock.text(language)), "
                     + language.pick("mulai setelah", "after") + " \(main.start.iso)):")
        var skipped = main.skipped[...]
        for (index, day) in main.counted.enumerated() {
            while let skip = skipped.first, skip.date < day {
                lines.append("   -  \(skip.date.iso) \(skip.date.weekday.text(language))  " + language.pick("dilewati", "skipped")
                             + ": \(skip.reason.text(language))")
                skipped = skipped.dropFirst()
            }
            let number = String(index + 1)
            lines.append(String(repeating: " ", count: 4 - number.count) + number + "  \(day.iso) \(day.weekday.text(language))")
        }
        return lines.joined(separator: "\n")
    }

    func json(_ language: Language) throws -> String {
        var object: [String: Any] = [
            "received": receipt.civilDate.iso,
            "due": main.due.iso,
            "provisional": isProvisional,
            "counted": main.counted.map(\.iso),
            "skipped": main.skipped.map { skip in
                var entry: [String: Any] = ["date": skip.date.iso, "reason": skip.reason.text(language), "kind": skip.reason.kind]
                if let basis = skip.reason.basis { entry["basis"] = basis }
                return entry
            },
            "zone": zone.identifier,
            "countsFrom": receipt.countsFrom.iso,
            "clock": main.clock.rawValue,
            "article": main.clock.article,
        ]
        if let second { object[second.key] = second.deadline.due.iso }
        let uncovered = Set(main.uncoveredYears + (second?.deadline.uncoveredYears ?? [])).sorted()
        if !uncovered.isEmpty { object["uncoveredYears"] = uncovered }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}

/// Runs one clock subcommand: resolve the options, count, print.
private func clockOutput(_ options: DeadlineOptions, startLabel: @escaping (Language) -> String, clock: StatutoryClock,
                         second: (String, StatutoryClock)? = nil) throws -> String {
    let language = options.language
    do {
        let (calendar, receipt, zone) = try options.resolve()
        let main = calendar.deadline(clock, after: receipt.countsFrom)
        let report = ClockReport(startLabel: startLabel, receipt: receipt, zone: zone, main: main,
                                 second: second.map { ($0.0, calendar.deadline($0.1, after: receipt.countsFrom)) })
        return options.json ? try report.json(language) : report.text(language)
    } catch let error as CalendarError {
        throw CommandError(error, language: language)
    }
}

/// `ppid deadline objection-window <date>`: the requester's 30 working days to object (Pasal 36(1)),
/// from the day the notice was received, or the day after the notice deadline passed.
struct ObjectionWindowDeadlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "objection-window",
        abstract: "Batas pemohon mengajukan keberatan (30 hari kerja sejak pemberitahuan diterima) / The requester's window to object.",
        discussion: "TANGGAL: hari pemberitahuan tertulis diterima pemohon, atau hari setelah tenggat pemberitahuan lewat tanpa pemberitahuan. / DATE: the day the notice reached the requester, or the day after the notice deadline passed without one."
    )

    @OptionGroup var options: DeadlineOptions

    func run() throws { print(try output()) }

    func output() throws -> String {
        try clockOutput(options, startLabel: { $0.pick("Alasan keberatan timbul", "Grounds arose") }, clock: .objectionWindow)
    }
}

/// `ppid deadline dispute <date>`: a dispute filed at the Komisi Informasi: the 14 working days to
/// start mediation or adjudication (Pasal 38(1)) and the 100 to settle (Pasal 38(2)), both from the filing.
struct DisputeDeadlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispute",
        abstract: "Sengketa di Komisi Informasi: 14 hari kerja untuk mulai, 100 untuk selesai / A dispute at the Commission: 14 working days to start, 100 to settle."
    )

    @OptionGroup var options: DeadlineOptions

    func run() throws { print(try output()) }

    func output() throws -> String {
        try clockOutput(options, startLabel: { $0.pick("Sengketa didaftarkan di Komisi Informasi", "Dispute filed with the Commission") },
                        clock: .commissionStart, second: ("settleBy", .commissionSettlement))
    }
}

/// `ppid deadline court <date>`: the Commission's decision received: 14 working days to file at the
/// PTUN (a public body) or the PN (Pasal 47-48(1)).
struct CourtDeadlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "court",
        abstract: "Batas gugatan ke PTUN/PN (14 hari kerja sejak putusan KI diterima) / The window to take a Commission decision to court."
    )

    @OptionGroup var options: DeadlineOptions

    func run() throws { print(try output()) }

    func output() throws -> String {
        try clockOutput(options, startLabel: { $0.pick("Putusan Komisi Informasi diterima", "Commission decision received") }, clock: .courtFiling)
    }
}
