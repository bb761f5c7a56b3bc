import ArgumentParser
import Foundation
import PPIDDomain
import PPIDStore
import PPIDTerminal

/// What every act on registered requests shares: the cases by registration number, the store,
/// the config's letters, and the lifecycle's refusal asked before anything is recorded.
struct RequestActOptions: ParsableArguments {
    @Argument(help: "Nomor registrasi (satu atau lebih) / Registration numbers (one or more).")
    var numbers: [String] = []
    @Flag(help: "Keluaran JSON / JSON output.") var json = false
    @Flag(help: "Jangan buat surat / Write no letters.") var noLetters = false
    @OptionGroup var store: StoreOptions
    @OptionGroup var languageOption: LanguageOption

    var language: Language { languageOption.language }
}

/// The acts on registered requests, each through the same acts layer and lifecycle as the app's
/// forms (``ExtensionSubmission``, ``DecisionSubmission``, ``RequestLifecycle/refusal(of:for:on:)``),
/// so every rule and message is the app's. Several numbers are one transaction: all or nothing.
enum RequestActRunner {
    /// Records `event(values)` on every numbered request, after the lifecycle admitted `act` on
    /// each; prints what happened (or JSON) and the letters written.
    static func run(_ options: RequestActOptions, act: RequestAct, single: Bool = false, options fieldOptions: [String: String] = [:],
                    done: (Language) -> String, event: () throws(ActRefusal) -> RequestEvent) throws {
        let language = options.language
        guard !options.numbers.isEmpty else {
            throw CommandError(message: language.pick("Sebutkan nomor registrasi permohonan, mis. 0007/PPID-HUMAS/XII/2026.",
                                                      "Name the request's registration number, e.g. 0007/PPID-HUMAS/XII/2026."))
        }
        if single && options.numbers.count > 1 {
            throw CommandError(message: language.pick("Tindakan ini untuk satu permohonan sekaligus.", "This act is for one request at a time."))
        }
        let (local, config) = try options.store.openForActs(language)
        // Every case found, and admitted by its lifecycle, before any event is made.
        var records: [RequestRecord] = []
        for number in options.numbers {
            guard let row = try withStore(language, { () throws(StoreError) in try local.request(number: number) }),
                  case let .request(record)? = try withStore(language, { () throws(StoreError) in try local.caseRecord(row.id) }) else {
                throw CommandError(message: language.pick("\(number): tidak ada permohonan dengan nomor ini di \(local.path).",
                                                          "\(number): no request has this number in \(local.path)."))
            }
            if let rejection = RequestLifecycle.refusal(of: act, for: record, on: local.today) {
                throw CommandError(message: "\(number): " + rejection.text(language))
            }
            records.append(record)
        }
        let made: RequestEvent
        do throws(ActRefusal) {
            made = try event()
        } catch {
            // Every field's reason at once, each under the option that gives it.
            throw CommandError(message: error.problems.map { problem in
                (problem.field.flatMap { fieldOptions[$0] }.map { $0 + ": " } ?? "") + problem.text(language)
            }.joined(separator: "\n"))
        }
        let events = records.map { DomainEvent.request($0.id, made) }
        let recorded = try withStore(language) { () throws(StoreError) in try local.recordAll(events) }
        var letters: [String] = []
        var letterProblem: String?
        if !options.noLetters {
            do {
                letters = try LetterSetup.desk(store: local, config: config).writeLetters(for: events, records: recorded, store: local)
            } catch {
                letterProblem = (error as? any OfficerFacingError)?.text(language) ?? "\(error)"
            }
        }
        let cases = recorded.compactMap { record -> ActedCase? in
            guard case let .request(r) = record else { return nil }
            return ActedCase(id: r.id.uuidString, number: r.registration.registrationNumber, state: r.state.rawValue,
                             due: r.effectiveDue.iso)
        }
        if options.json {
            print(try JSONOutput.line(ActAnswer(cases: cases, letters: letters, letterProblem: letterProblem)))
        } else {
            for acted in cases {
                print("\(acted.number)\t\(RequestState(rawValue: acted.state)?.text(language) ?? acted.state)\t\(acted.due)")
            }
            print(done(language))
            for path in letters { print(language.pick("Surat: ", "Letter: ") + path) }
            if let letterProblem {
                FileHandle.standardError.write(Data((language.pick("Surat gagal dibuat (tindakan tetap tercatat): ",
                                                                   "The letter could not be made (the act is recorded): ") + letterProblem + "\n").utf8))
            }
        }
    }
}

extension RequestActRunner {
    /// The first named request and the unit's today, for an act's defaults (the decision's form and
    /// delivery day); nil when it is not found (the act itself then says so).
    static func firstRecord(_ options: RequestActOptions) throws -> (record: RequestRecord, today: CivilDate)? {
        guard let number = options.numbers.first else { return nil }
        let language = options.language
        let config = try Config.loadChecked(language: language)
        let local = try options.store.falling(backTo: config).open(language)
        guard let row = try withStore(language, { () throws(StoreError) in try local.request(number: number) }),
              case let .request(record)? = try withStore(language, { () throws(StoreError) in try local.caseRecord(row.id) }) else { return nil }
        return (record, local.today)
    }

    /// The unit's fee schedule from the config (`fees = FILE`), nil when it names none.
    static func feeSchedule(_ options: RequestActOptions) throws -> FeeSchedule? {
        try FeeScheduleFile.load(try Config.loadChecked(language: options.language), language: options.language)
    }
}

/// What a request act prints with `--json`.
struct ActAnswer: Encodable {
    let cases: [ActedCase]
    let letters: [String]
    let letterProblem: String?
}

struct ActedCase: Encodable {
    let id: String
    let number: String
    let state: String
    let due: String
}

extension RequestCommand {
    struct Process: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "process",
            abstract: "Mulai proses permohonan / Start processing requests.")
        @OptionGroup var act: RequestActOptions

        func run() throws {
            try RequestActRunner.run(act, act: .startProcessing, done: { $0.pick("Diproses.", "In process.") }) { .processingStarted }
        }
    }

    struct Forward: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "forward",
            abstract: "Teruskan ke unit lain atau badan publik lain / Forward to another unit or another public body.")
        @Option(help: "Kode unit tujuan di badan publik ini / A unit of this body.") var toUnit: String?
        @Option(help: "Nama badan publik lain yang menguasai / Another public body holding it.") var toBody: String?
        @Option(help: "Catatan / Note.") var note: String = ""
        @OptionGroup var act: RequestActOptions

        func run() throws {
            var submission = ForwardSubmission()
            submission.target = toBody != nil && toUnit == nil ? "body" : "unit"
            submission.destination = toUnit ?? toBody ?? ""
            submission.note = note
            try RequestActRunner.run(act, act: .forward, single: true,
                                     options: ["destination": "--to-unit | --to-body", "note": "--note", "target": "--to-unit | --to-body"],
                                     done: { $0.pick("Diteruskan.", "Forwarded.") }) { () throws(ActRefusal) in try submission.event() }
        }
    }

    struct Extend: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "extend",
            abstract: "Perpanjang 7 hari kerja dengan alasan tertulis (Pasal 22 ayat 8) / Extend by 7 working days with a written reason.")
        @Option(help: "Alasan tertulis / The written reason.") var reason: String = ""
        @OptionGroup var act: RequestActOptions

        func run() throws {
            let submission = ExtensionSubmission(reason: reason)
            try RequestActRunner.run(act, act: .extend, options: ["reason": "--reason"],
                                     done: { $0.pick("Diperpanjang.", "Extended.") }) { () throws(ActRefusal) in try submission.event() }
        }
    }

    struct Decide: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "decide",
            abstract: "Pemberitahuan tertulis (Pasal 22 ayat 7) / The written notice.")
        @Option(help: "full|part|refused|notHeld|notDocumented") var outcome: String = "full"
        @Option(help: "Dasar pengecualian: huruf Pasal 17 (a-j) atau other / Exemption basis: a Pasal 17 letter or 'other'.")
        var basis: String = ""
        @Option(help: "UU lain, bila --basis other atau j / The other statute, with --basis other or j.") var statute: String = ""
        @Option(help: "Angka huruf Pasal 17 (a.1-5, c.1-7, e.1-7, f.1-4, h.1-5) / The letter's numbered point.") var subpoint: String = ""
        @Option(help: "Akibat yang timbul bila dibuka (uji konsekuensi) / The harm if disclosed.") var harm: String = ""
        @Option(help: "Kepentingan yang dilindungi / The interest protected.") var interest: String = ""
        @Option(help: "Bagian yang dikecualikan / What is withheld.") var withheld: String = ""
        @Option(help: "Dikecualikan sampai TTTT-BB-HH / Withheld until YYYY-MM-DD.") var until: String = ""
        @Option(help: "Badan yang menguasai (bila notHeld) / The body holding it (with notHeld).") var holder: String = ""
        @Option(help: "Biaya (Rp) / Cost in rupiah.") var cost: String = "0"
        @Option(help: "Rincian dari standar biaya unit, KODE=JUMLAH dipisah koma (mis. A4=120,CD=1); biaya = jumlahnya / Items of the unit's fee schedule; the cost is their sum.")
        var fees: String = ""
        @Option(help: "Cara pembayaran, wajib bila ada biaya / How to pay, required with a cost.") var payment: String = ""
        @Option(help: "Bentuk informasi (diberikan): melihat|membaca|mendengarkan|mencatat|salinan-elektronik|salinan-cetak (bawaan: cara memperoleh yang diminta) / The form (a grant; default: as requested).")
        var form: String?
        @Option(help: "Disampaikan paling lambat TTTT-BB-HH (diberikan; bawaan: hari ini) / Delivered by (a grant; default: today).")
        var deliveryBy: String?
        @Option(help: "Catatan / Note.") var note: String = ""
        @OptionGroup var act: RequestActOptions

        func run() throws {
            // A grant states its form and delivery time (Pasal 22(7)): by default the form requested and today.
            let target = try RequestActRunner.firstRecord(act)
            var submission = DecisionSubmission(["outcome": outcome, "fees": fees, "basis": basis, "statute": statute, "harm": harm,
                                                 "interest": interest, "withheld": withheld, "until": until,
                                                 "holder": holder, "cost": cost, "note": note, "payment": payment, "subPoint": subpoint,
                                                 "form": form ?? target?.record.registration.obtainMethod.rawValue ?? "",
                                                 "deliveryBy": deliveryBy ?? target?.today.iso ?? ""])
            let options = ["outcome": "--outcome", "basis": "--basis", "statute": "--statute", "harm": "--harm", "interest": "--interest",
                           "withheld": "--withheld", "until": "--until", "holder": "--holder", "cost": "--cost", "note": "--note",
                           "payment": "--payment", "form": "--form", "deliveryBy": "--delivery-by", "subPoint": "--subpoint",
                           "fees": "--fees"]
            submission.schedule = try RequestActRunner.feeSchedule(act)
            try RequestActRunner.run(act, act: .decide, single: true, options: options,
                                     done: { $0.pick("Pemberitahuan tertulis dicatat.", "Written notice recorded.") }) { () throws(ActRefusal) in
                try submission.event()
            }
        }
    }

    struct Deliver: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "deliver",
            abstract: "Catat penyampaian kepada pemohon / Record delivery to the requester.")
        @Option(help: "ambil-langsung|pos|kurir|faksimili|email") var method: String = DeliveryMethod.email.rawValue
        @Option(help: "Catatan / Note.") var note: String = ""
        @OptionGroup var act: RequestActOptions

        func run() throws {
            let submission = DeliverySubmission(["method": method, "note": note])
            try RequestActRunner.run(act, act: .deliver, options: ["method": "--method", "note": "--note"],
                                     done: { $0.pick("Penyampaian dicatat.", "Delivery recorded.") }) { () throws(ActRefusal) in
                try submission.event()
            }
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "close", abstract: "Tutup permohonan / Close requests.")
        @OptionGroup var act: RequestActOptions

        func run() throws {
            try RequestActRunner.run(act, act: .close, done: { $0.pick("Ditutup.", "Closed.") }) { .closed }
        }
    }

    struct Incomplete: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "incomplete",
            abstract: "Catat permohonan belum lengkap; surat meminta kelengkapan / Note a request incomplete; a letter asks for what it lacks.")
        @Option(help: "Yang belum lengkap / What it lacks.") var missing: String = ""
        @OptionGroup var act: RequestActOptions

        func run() throws {
            let submission = IncompleteSubmission(missing: missing)
            try RequestActRunner.run(act, act: .noteIncomplete, single: true, options: ["missing": "--missing"],
                                     done: { $0.pick("Dicatat belum lengkap.", "Noted incomplete.") }) { () throws(ActRefusal) in
                try submission.event()
            }
        }
    }

    struct Complete: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "complete",
            abstract: "Catat pemohon melengkapi permohonan / Record that the requester supplied what was missing.",
            discussion: "Kebijakan unit (config: incomplete_clock = receipt|completion; bawaan receipt): tenggat tetap dari tanggal diterima, atau dihitung ulang dari hari dilengkapi. / The unit's policy: the deadline stays from receipt (default), or counts from completion.")
        @Flag(help: "Tenggat dihitung dari hari ini (menimpa config) / Count the deadline from today (overrides the config).") var restartClock = false
        @OptionGroup var act: RequestActOptions

        func run() throws {
            let config = try Config.loadChecked(language: act.language)
            let restarts = restartClock || config["incomplete_clock"] == "completion"
            try RequestActRunner.run(act, act: .complete, single: true,
                                     done: { $0.pick("Kelengkapan dicatat.", "Completion recorded.") }) { .completed(restartsClock: restarts) }
        }
    }

    struct Comply: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "comply",
            abstract: "Catat informasi diberikan sesuai perintah (keberatan, KI, pengadilan; Pasal 52) / Record information given as ordered.")
        @Option(help: "keberatan|komisi-informasi|pengadilan") var order: String = ComplianceOrder.objection.rawValue
        @Option(help: "Catatan / Note.") var note: String = ""
        @OptionGroup var act: RequestActOptions

        func run() throws {
            let submission = ComplianceSubmission(["order": order, "note": note])
            try RequestActRunner.run(act, act: .comply, options: ["order": "--order", "note": "--note"],
                                     done: { $0.pick("Pemenuhan perintah dicatat.", "Compliance recorded.") }) { () throws(ActRefusal) in
                try submission.event()
            }
        }
    }

    struct Pay: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "pay",
            abstract: "Catat pembayaran biaya pemberitahuan tertulis (Pasal 21) / Record a payment of the notice's cost.")
        @Option(help: "Jumlah (Rp), bawaan: seluruh sisa / Amount in rupiah, default: all that is owed.") var amount: String = ""
        @Option(help: "Tanggal bayar TTTT-BB-HH, bawaan hari ini / The day paid, default today.") var on: String = ""
        @Option(help: "Nomor kuitansi atau bukti transfer / The receipt or transfer reference.") var reference: String = ""
        @OptionGroup var act: RequestActOptions

        func run() throws {
            let target = try RequestActRunner.firstRecord(act)
            let submission = PaymentSubmission(["amount": amount, "paidOn": on, "reference": reference])
            try RequestActRunner.run(act, act: .recordPayment, single: true,
                                     options: ["amount": "--amount", "paidOn": "--on", "reference": "--reference"],
                                     done: { $0.pick("Pembayaran dicatat.", "Payment recorded.") }) { () throws(ActRefusal) in
                try submission.event(owed: target?.record.owedRupiah ?? 0, today: target?.today ?? CivilDate(daysSinceEpoch: 0))
            }
        }
    }

    struct Withdraw: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "withdraw",
            abstract: "Catat penarikan oleh pemohon / Record the requester's withdrawal.")
        @Option(help: "Alasan pemohon, bila ada / The requester's reason, if given.") var reason: String = ""
        @OptionGroup var act: RequestActOptions

        func run() throws {
            let submission = WithdrawalSubmission(reason: reason)
            try RequestActRunner.run(act, act: .withdraw, single: true, options: ["reason": "--reason"],
                                     done: { $0.pick("Penarikan dicatat.", "Withdrawal recorded.") }) { () throws(ActRefusal) in
                try submission.event()
            }
        }
    }
}
