import ArgumentParser
import Foundation
import PPIDDomain
import PPIDStore

/// `ppid dispute`: a dispute at the Komisi Informasi and after it, recorded by the officer: the
/// filing against an objection, mediation or adjudication, hearings, the Commission's decision,
/// the court and cassation with their rulings, a withdrawal; and the list with every clock. Through the acts layer and the dispute's lifecycle,
/// so the rules and messages are those of every other side (mediation only on grounds b-g, a
/// mediated agreement final).
struct DisputeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispute",
        abstract: "Sengketa di Komisi Informasi dan pengadilan / Disputes at the Information Commission and in court.",
        subcommands: [File.self, Step.self, Hearing.self, Decide.self, Court.self, CourtDecide.self, Cassation.self,
                      CassationDecide.self, Withdraw.self, List.self]
    )

    struct File: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "file",
            abstract: "Catat sengketa yang diajukan ke Komisi Informasi atas keberatan (Pasal 37) / Record a dispute filed against an objection.")
        @Argument(help: "Nomor keberatan / The objection's number.") var objection: String
        @Option(help: "Nomor register sengketa di Komisi Informasi / The Commission's register number.") var register: String = ""
        @Option(help: "Alasan mencatat setelah 14 hari kerja / Why it is recorded after the 14 working days.") var late: String = ""
        @Option(help: "Komisi Informasi (Pusat atau provinsi) / Which Information Commission.") var commission: String = ""
        @Flag(help: "Keluaran JSON / JSON output.") var json = false
        @OptionGroup var store: StoreOptions
        @OptionGroup var languageOption: LanguageOption

        func run() throws {
            let language = languageOption.language
            let local = try DisputeCommand.open(store, language)
            guard let id = try withStore(language, { () throws(StoreError) in try local.objectionID(number: objection) }),
                  case let .objection(record)? = try withStore(language, { () throws(StoreError) in try local.caseRecord(id) }) else {
                throw CommandError(message: language.pick("\(objection): tidak ada keberatan dengan nomor ini.", "\(objection): no objection has this number."))
            }
            let filing: DisputeFiling
            do throws(ActRefusal) {
                filing = try DisputeFilingSubmission(registerNumber: register, late: late, commission: commission)
                    .filing(id: local.newCaseID(), against: record)
            } catch {
                throw CommandError(message: DisputeCommand.message(error, ["registerNumber": "--register", "late": "--late", "commission": "--commission"], language))
            }
            let recorded = try withStore(language) { () throws(StoreError) in try local.record(.dispute(filing.id, .filed(filing))) }
            guard case let .dispute(dispute) = recorded else { return }
            try DisputeCommand.show(dispute, objectionNumber: objection, json: json, calendar: local.context.calendar, language)
        }
    }

    struct Step: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "step",
            abstract: "Komisi Informasi memulai mediasi atau ajudikasi (Pasal 38, 40) / The Commission starts mediation or adjudication.")
        @Argument(help: "Nomor register sengketa / The dispute's register number.") var number: String
        @Argument(help: "mediation|adjudication") var step: String
        @Flag(help: "Keluaran JSON / JSON output.") var json = false
        @OptionGroup var store: StoreOptions
        @OptionGroup var languageOption: LanguageOption

        func run() throws {
            try DisputeCommand.apply(number, ["step": step], store: store, json: json, languageOption.language)
        }
    }

    struct Hearing: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "hearing",
            abstract: "Catat sidang (mediasi, ajudikasi, pengadilan, kasasi) / Record a hearing held.")
        @Argument(help: "Nomor register sengketa / The dispute's register number.") var number: String
        @Option(help: "Tanggal sidang TTTT-BB-HH, bawaan hari ini / The day it was held, default today.") var on: String = ""
        @Option(help: "Sidang berikutnya TTTT-BB-HH / The next hearing set.") var next: String = ""
        @Option(help: "Catatan sidang / What was noted.") var note: String = ""
        @Flag(help: "Keluaran JSON / JSON output.") var json = false
        @OptionGroup var store: StoreOptions
        @OptionGroup var languageOption: LanguageOption

        func run() throws {
            try DisputeCommand.apply(number, ["step": "hearing", "heldOn": on, "nextOn": next, "note": note], store: store, json: json,
                                     languageOption.language, options: ["heldOn": "--on", "nextOn": "--next", "note": "--note"])
        }
    }

    struct Decide: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "decide",
            abstract: "Putusan Komisi Informasi atau kesepakatan mediasi / The Commission's decision or a mediated agreement.")
        @OptionGroup var ruling: RulingArguments

        func run() throws { try ruling.record(step: "decide") }
    }

    struct Court: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "court",
            abstract: "Gugatan atas putusan KI ke PTUN/PN (Pasal 47-48) / The decision taken to court.")
        @Argument(help: "Nomor register sengketa / The dispute's register number.") var number: String
        @Option(help: "Pengadilan, mis. PTUN Jakarta / The court.") var court: String = ""
        @Option(help: "Alasan mencatat setelah 14 hari kerja / Why it is recorded after the 14 working days.") var late: String = ""
        @Flag(help: "Keluaran JSON / JSON output.") var json = false
        @OptionGroup var store: StoreOptions
        @OptionGroup var languageOption: LanguageOption

        func run() throws {
            try DisputeCommand.apply(number, ["step": "court", "court": court, "late": late], store: store, json: json,
                                     languageOption.language, options: ["court": "--court", "late": "--late"])
        }
    }

    struct CourtDecide: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "court-decide",
            abstract: "Putusan PTUN/PN atas gugatan (Pasal 49) / The court's ruling.")
        @OptionGroup var ruling: RulingArguments

        func run() throws { try ruling.record(step: "court-decide") }
    }

    struct Cassation: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "cassation",
            abstract: "Kasasi ke Mahkamah Agung dalam 14 hari (Pasal 50) / Cassation filed at the Supreme Court.")
        @Argument(help: "Nomor register sengketa / The dispute's register number.") var number: String
        @Option(help: "Alasan mencatat setelah 14 hari / Why it is recorded after the 14 days.") var late: String = ""
        @Flag(help: "Keluaran JSON / JSON output.") var json = false
        @OptionGroup var store: StoreOptions
        @OptionGroup var languageOption: LanguageOption

        func run() throws {
            try DisputeCommand.apply(number, ["step": "cassation", "late": late], store: store, json: json, languageOption.language,
                                     options: ["late": "--late"])
        }
    }

    struct CassationDecide: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "cassation-decide",
            abstract: "Putusan kasasi Mahkamah Agung / The Supreme Court's ruling.")
        @OptionGroup var ruling: RulingArguments

        func run() throws { try ruling.record(step: "cassation-decide") }
    }

    struct Withdraw: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "withdraw", abstract: "Sengketa dicabut / The dispute withdrawn.")
        @Argument(help: "Nomor register sengketa / The dispute's register number.") var number: String
        @Option(help: "Alasan / Reason.") var reason: String = ""
        @Flag(help: "Keluaran JSON / JSON output.") var json = false
        @OptionGroup var store: StoreOptions
        @OptionGroup var languageOption: LanguageOption

        func run() throws {
            try DisputeCommand.apply(number, ["step": "withdraw", "reason": reason], store: store, json: json, languageOption.language,
                                     options: ["reason": "--reason"])
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Semua sengketa dan tenggatnya / Every dispute and its clocks.")
        @Flag(help: "Keluaran JSON / JSON output.") var json = false
        @OptionGroup var store: StoreOptions
        @OptionGroup var languageOption: LanguageOption

        func run() throws {
            let language = languageOption.language
            let local = try DisputeCommand.open(store, language)
            let all = try withStore(language) { () throws(StoreError) in try local.disputes() }
            let calendar = local.context.calendar
            if json {
                print(try JSONOutput.line(all.map { DisputeAnswer($0.record, objectionNumber: $0.objectionNumber, calendar: calendar) }))
                return
            }
            if all.isEmpty { print(language.pick("Tidak ada sengketa.", "No disputes.")) }
            for (record, objection) in all {
                let answer = DisputeAnswer(record, objectionNumber: objection, calendar: calendar)
                print([answer.number, objection, record.state.text(language), answer.startDue, answer.settleBy,
                       record.ruling?.outcome.text(language) ?? record.outcome?.text(language) ?? "",
                       answer.courtBy ?? answer.cassationBy ?? ""].joined(separator: "\t"))
            }
        }
    }

    // MARK: - Shared

    /// What every ruling records: the Commission's, the court's, the Supreme Court's.
    struct RulingArguments: ParsableArguments {
        @Argument(help: "Nomor register sengketa / The dispute's register number.") var number: String
        @Option(help: "dikabulkan|dikabulkan-sebagian|ditolak|tidak-dapat-diterima, bagi pemohon; mediasi-berhasil hanya pada decide / for the requester; mediasi-berhasil with decide only")
        var outcome: String = ""
        @Option(help: "Ringkasan putusan / Summary.") var summary: String = ""
        @Flag(help: "Keluaran JSON / JSON output.") var json = false
        @OptionGroup var store: StoreOptions
        @OptionGroup var languageOption: LanguageOption

        func record(step: String) throws {
            try DisputeCommand.apply(number, ["step": step, "outcome": outcome, "summary": summary], store: store, json: json,
                                     languageOption.language, options: ["outcome": "--outcome", "summary": "--summary"])
        }
    }

    static func open(_ store: StoreOptions, _ language: Language) throws -> LocalStore {
        try store.openForActs(language).store
    }

    /// Every refused field at once, each under the option that gives it.
    static func message(_ refusal: ActRefusal, _ options: [String: String], _ language: Language) -> String {
        refusal.problems.map { problem in
            (problem.field.flatMap { options[$0] }.map { $0 + ": " } ?? "") + problem.text(language)
        }.joined(separator: "\n")
    }

    /// Records a step on the dispute `number` and shows where it stands.
    static func apply(_ number: String, _ values: [String: String], store: StoreOptions, json: Bool, _ language: Language,
                      options: [String: String] = [:]) throws {
        let local = try open(store, language)
        guard let id = try withStore(language, { () throws(StoreError) in try local.disputeID(number: number) }) else {
            throw CommandError(message: language.pick("\(number): tidak ada sengketa dengan nomor register ini.", "\(number): no dispute has this register number."))
        }
        let event: DisputeEvent
        do throws(ActRefusal) {
            event = try DisputeStepSubmission(values).event(today: local.today)
        } catch {
            throw CommandError(message: message(error, options.merging(["step": "mediation|adjudication"]) { a, _ in a }, language))
        }
        let recorded = try withStore(language) { () throws(StoreError) in try local.record(.dispute(id, event)) }
        guard case let .dispute(dispute) = recorded else { return }
        let objection = try withStore(language) { () throws(StoreError) in try local.disputes() }.first { $0.record.id == id }?.objectionNumber ?? ""
        try show(dispute, objectionNumber: objection, json: json, calendar: local.context.calendar, language)
    }

    static func show(_ record: DisputeRecord, objectionNumber: String, json: Bool, calendar: WorkCalendar, _ language: Language) throws {
        let answer = DisputeAnswer(record, objectionNumber: objectionNumber, calendar: calendar)
        if json {
            print(try JSONOutput.line(answer))
            return
        }
        let ruling = record.ruling?.outcome ?? record.outcome
        print("\(answer.number): \(record.state.text(language))" + (ruling.map { " — " + $0.text(language) } ?? ""))
        print(language.pick("Komisi Informasi mulai paling lambat \(answer.startDue) (Pasal 38 ayat 1); selesai paling lambat \(answer.settleBy) (Pasal 38 ayat 2).",
                            "The Commission starts by \(answer.startDue) (Pasal 38(1)) and settles by \(answer.settleBy) (Pasal 38(2))."))
        if let courtBy = answer.courtBy {
            print(language.pick("Gugatan ke PTUN/PN paling lambat \(courtBy) (14 hari kerja sejak putusan diterima, Pasal 48 ayat 1).",
                                "To court (PTUN/PN) by \(courtBy) (14 working days after the decision is received, Pasal 48(1))."))
        }
        if let cassationBy = answer.cassationBy {
            print(language.pick("Kasasi ke Mahkamah Agung paling lambat \(cassationBy) (14 hari sejak putusan diterima, Pasal 50).",
                                "Cassation at the Supreme Court by \(cassationBy) (14 days after the ruling is received, Pasal 50)."))
        }
        if let hearing = record.hearings?.last {
            print(language.pick("Sidang terakhir \(hearing.heldOn.iso)", "Last hearing \(hearing.heldOn.iso)")
                  + (hearing.nextOn.map { language.pick("; berikutnya \($0.iso)", "; next \($0.iso)") } ?? "") + ".")
        }
    }
}

/// A dispute as `ppid dispute ... --json` prints it.
struct DisputeAnswer: Encodable {
    let id: String
    let number: String
    let objection: String
    let state: String
    let filed: String
    let startDue: String
    let settleBy: String
    let outcome: String?
    let decided: String?
    /// The last day to take the decision to court (Pasal 48(1)), once decided; nil after a mediated agreement (Pasal 39).
    let courtBy: String?
    let court: String?
    let commission: String?
    /// The court's ruling and its day, then the last day to file for cassation (Pasal 50) while open.
    let courtOutcome: String?
    let courtDecided: String?
    let cassationBy: String?
    let cassationOutcome: String?
    let cassationDecided: String?
    /// The ruling that stands now (the highest one given), nil while a court has the case.
    let ruling: String?
    let hearings: [Hearing]

    struct Hearing: Encodable {
        let held: String
        let next: String?
        let note: String
    }

    init(_ record: DisputeRecord, objectionNumber: String, calendar: WorkCalendar) {
        id = record.id.uuidString
        number = record.filing.registerNumber
        objection = objectionNumber
        state = record.state.rawValue
        filed = record.filedOn.iso
        startDue = record.startDue.iso
        settleBy = record.settlementDue.iso
        outcome = record.outcome?.rawValue
        decided = record.decidedOn?.iso
        courtBy = record.courtFilingDue(calendar)?.due.iso
        court = record.court
        commission = record.filing.commission
        courtOutcome = record.courtOutcome?.rawValue
        courtDecided = record.courtDecidedOn?.iso
        cassationBy = record.cassationFilingDue(calendar)?.due.iso
        cassationOutcome = record.cassationOutcome?.rawValue
        cassationDecided = record.cassationDecidedOn?.iso
        ruling = record.ruling?.outcome.rawValue
        hearings = (record.hearings ?? []).map { Hearing(held: $0.heldOn.iso, next: $0.nextOn?.iso, note: $0.note) }
    }
}
