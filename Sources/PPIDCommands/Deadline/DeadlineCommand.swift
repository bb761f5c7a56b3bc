import ArgumentParser
import Foundation
import PPIDDomain

/// `ppid deadline`: compute statutory deadlines and explain them.
struct DeadlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadline",
        abstract: "Hitung tenggat menurut UU 14/2008 dan jelaskan / Compute statutory deadlines and explain them.",
        subcommands: [RequestDeadlineCommand.self, ObjectionDeadlineCommand.self, ObjectionWindowDeadlineCommand.self,
                      DisputeDeadlineCommand.self, CourtDeadlineCommand.self]
    )
}

/// The options shared by `deadline request` and `deadline objection`.
struct DeadlineOptions: ParsableArguments {
    @Argument(help: "Tanggal diterima, TTTT-BB-HH / Date received, YYYY-MM-DD.")
    var date: String

    @Option(help: "Waktu diterima, ISO 8601 (mis. 2026-03-02T16:30:00+07:00) / Instant of receipt.")
    var at: String?

    @Option(help: "Zona unit: WIB, WITA, WIT, atau nama IANA / The unit's zone.")
    var zone: String = "WIB"

    @Option(name: .customLong("calendar"), help: "Berkas kalender tambahan (boleh berulang) / Extra calendar file (repeatable).")
    var calendars: [String] = []

    @Flag(help: "Keluaran JSON satu objek / Print one JSON object.")
    var json = false

    @Flag(name: .customLong("cuti-bersama-working"), help: "Cuti bersama dihitung hari kerja / Count joint-leave days as working days.")
    var jointLeaveIsWorking = false

    @Flag(name: .customLong("deem-late-receipt"),
          help: "Diterima setelah jam kantor atau hari libur dianggap diterima hari kerja berikutnya / Deem late receipt as next working day.")
    var deemLateReceipt = false

    @Option(name: .customLong("office-closes"), help: "Jam tutup kantor untuk --deem-late-receipt / Office closing time (HH:MM).")
    var officeCloses: String = "16:00"

    @OptionGroup var languageOption: LanguageOption

    var language: Language { languageOption.language }

    /// Resolves the options into a calendar and a receipt, or a message naming what is wrong.
    func resolve() throws(CalendarError) -> (WorkCalendar, Receipt, UnitZone) {
        guard let civil = CivilDate(iso: date) else { throw .invalidDate(date) }
        guard DomainLimits.dates.contains(civil) else { throw .dateOutOfRange(date) }
        let zone = try UnitZone(parsing: zone)
        guard let closes = LocalTime(parsing: officeCloses) else { throw .invalidTime(officeCloses) }
        let calendar = try CalendarLoader.load(paths: calendars, jointLeaveIsWorking: jointLeaveIsWorking)
        var time: LocalTime? = nil
        if let at {
            let instant = try InstantParser.parse(at)
            guard DomainLimits.instants.contains(instant) else { throw .dateOutOfRange(at) }
            let moment = zone.localMoment(of: instant)
            guard moment.date == civil else { throw .instantDisagreesWithDate(instant: at, zone: zone.description, localDate: moment.date, given: civil) }
            time = moment.time
        }
        let policy = ReceiptPolicy(deemsLateReceiptNextWorkingDay: deemLateReceipt, officeCloses: closes)
        return (calendar, policy.receipt(on: civil, at: time, calendar: calendar), zone)
    }
}

/// `ppid deadline request <date>`: the written notice and the extended date.
struct RequestDeadlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request",
        abstract: "Tenggat pemberitahuan tertulis (10 hari kerja, +7 jika diperpanjang) / Notice deadline for a request."
    )

    @OptionGroup var options: DeadlineOptions

    func run() throws {
        print(try output())
    }

    /// What `run` prints.
    func output() throws -> String {
        let language = options.language
        do {
            let (calendar, receipt, zone) = try options.resolve()
            let deadlines = RequestDeadlines(receipt: receipt, calendar: calendar)
            let report = DeadlineReport.request(deadlines, zone: zone)
            return options.json ? try report.json(language) : report.text(language)
        } catch let error as CalendarError {
            throw CommandError(error, language: language)
        }
    }
}

/// `ppid deadline objection <date>`: the atasan PPID's answer deadline.
struct ObjectionDeadlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "objection",
        abstract: "Tenggat tanggapan atasan PPID atas keberatan (30 hari kerja) / Answer deadline for an objection."
    )

    @OptionGroup var options: DeadlineOptions

    func run() throws {
        print(try output())
    }

    /// What `run` prints.
    func output() throws -> String {
        let language = options.language
        do {
            let (calendar, receipt, zone) = try options.resolve()
            let answer = calendar.deadline(.objectionAnswer, after: receipt.countsFrom)
            let dispute = calendar.deadline(.disputeWindow, after: answer.due)
            let report = DeadlineReport.objection(receipt: receipt, answer: answer, disputeWindow: dispute, zone: zone)
            return options.json ? try report.json(language) : report.text(language)
        } catch let error as CalendarError {
            throw CommandError(error, language: language)
        }
    }
}
