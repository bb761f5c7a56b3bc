import ArgumentParser
import Foundation
import PPIDDomain
import PPIDLetters
import PPIDStore

/// `ppid objection`: an objection (keberatan, Pasal 35-36) registered and answered without a
/// screen, through the same acts layer as the app's forms (``ObjectionSubmission``,
/// ``AnswerSubmission``) and the objection's lifecycle: the window from the notice's delivery, the
/// atasan's 30 days from the day received, ground a only against a refusal.
struct ObjectionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "objection",
        abstract: "Keberatan tanpa layar: daftarkan, tanggapi / Objections without a screen: register, answer.",
        subcommands: [File.self, Answer.self]
    )

    struct File: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "file",
            abstract: "Daftarkan keberatan atas permohonan (Pasal 35); cetak nomor dan tenggat tanggapan / Register an objection.")
        @Argument(help: "Nomor registrasi permohonan / The request's registration number.") var request: String
        @Option(help: "Alasan Pasal 35 ayat 1, huruf a-g, mis. a atau c,g / Grounds, letters a-g.") var grounds: String = ""
        @Option(help: "Diajukan oleh / Filed by.") var filedBy: String = ""
        @Flag(help: "Diajukan kuasa pemohon / Filed by a proxy.") var proxy = false
        @Option(help: "Surat kuasa, wajib dengan --proxy / The proxy's power of attorney.") var powerOfAttorney: String = ""
        @Option(help: "Uraian keberatan / Statement.") var statement: String = ""
        @Option(help: "Diterima TTTT-BB-HH, bila sebelum hari ini (keberatan lewat pos) / Received, when before today.") var received: String = ""
        @Option(help: "Alasan menerima setelah 30 hari kerja / Why it is accepted after the 30 working days.") var late: String = ""
        @Flag(help: "Keluaran JSON / JSON output.") var json = false
        @Flag(help: "Jangan buat tanda terima / Write no receipt.") var noLetters = false
        @OptionGroup var store: StoreOptions
        @OptionGroup var languageOption: LanguageOption

        func run() throws {
            let language = languageOption.language
            let (local, config) = try store.openForActs(language)
            guard let row = try withStore(language, { () throws(StoreError) in try local.request(number: request) }),
                  case let .request(record)? = try withStore(language, { () throws(StoreError) in try local.caseRecord(row.id) }) else {
                throw CommandError(message: language.pick("\(request): tidak ada permohonan dengan nomor ini.", "\(request): no request has this number."))
            }
            let submission = ObjectionSubmission(["grounds": grounds, "filedBy": filedBy, "proxy": proxy ? "yes" : "no",
                                                  "statement": statement, "late": late, "received": received,
                                                  "powerOfAttorney": powerOfAttorney])
            let filing: ObjectionFiling
            do throws(ActRefusal) {
                filing = try submission.filing(id: local.newCaseID(), against: record, today: local.today)
            } catch {
                let options = ["grounds": "--grounds", "filedBy": "--filed-by", "statement": "--statement", "late": "--late", "received": "--received",
                               "powerOfAttorney": "--power-of-attorney"]
                throw CommandError(message: DisputeCommand.message(error, options, language))
            }
            let filed = try withStore(language) { () throws(StoreError) in try local.fileObjection(filing) }
            var receipt: String?
            if !noLetters {
                receipt = try? LetterSetup.desk(store: local, config: config).write(.objectionReceipt, subject: .objection(filed, request: record), store: local)
            }
            if json {
                print(try JSONOutput.line(ObjectionAnswerJSON(filed, receipt: receipt)))
            } else {
                print(language.pick("Keberatan \(filed.filing.number) terdaftar (diterima \(filed.filedOn.iso)); tanggapan atasan PPID paling lambat \(filed.answerDue.iso).",
                                    "Objection \(filed.filing.number) registered (received \(filed.filedOn.iso)); the atasan PPID's answer is due \(filed.answerDue.iso)."))
                if let receipt { print(language.pick("Tanda terima: ", "Receipt: ") + receipt) }
            }
        }
    }

    struct Answer: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "answer",
            abstract: "Tanggapan tertulis atasan PPID (Pasal 36) / The atasan PPID's written answer.")
        @Argument(help: "Nomor keberatan / The objection's number.") var objection: String
        @Option(help: "granted|upheld|settled") var verdict: String = "granted"
        @Option(help: "Alasan tertulis (upheld) atau kesepakatan (settled) / Written reasons or the terms agreed.") var reasons: String = ""
        @Option(help: "Nama atasan PPID / The atasan's name.") var atasan: String = ""
        @Option(help: "Jabatan / Position.") var position: String = ""
        @Flag(help: "Keluaran JSON / JSON output.") var json = false
        @Flag(help: "Jangan buat surat / Write no letter.") var noLetters = false
        @OptionGroup var store: StoreOptions
        @OptionGroup var languageOption: LanguageOption

        func run() throws {
            let language = languageOption.language
            let (local, config) = try store.openForActs(language)
            guard let id = try withStore(language, { () throws(StoreError) in try local.objectionID(number: objection) }),
                  case let .objection(record)? = try withStore(language, { () throws(StoreError) in try local.caseRecord(id) }) else {
                throw CommandError(message: language.pick("\(objection): tidak ada keberatan dengan nomor ini.", "\(objection): no objection has this number."))
            }
            if let refusal = ObjectionLifecycle.refusal(of: .answer, for: record) { throw CommandError(message: "\(objection): " + refusal.text(language)) }
            let event: ObjectionEvent
            do throws(ActRefusal) {
                event = try AnswerSubmission(["verdict": verdict, "reasons": reasons, "atasan": atasan, "position": position]).event(for: record)
            } catch {
                let options = ["verdict": "--verdict", "reasons": "--reasons", "atasan": "--atasan", "position": "--position"]
                throw CommandError(message: DisputeCommand.message(error, options, language))
            }
            let recorded = try withStore(language) { () throws(StoreError) in try local.recordAll([.objection(id, event)]) }
            guard case let .objection(answered)? = recorded.first else { return }
            var letters: [String] = []
            if !noLetters {
                letters = (try? LetterSetup.desk(store: local, config: config).writeLetters(for: [.objection(id, event)], records: recorded, store: local)) ?? []
            }
            if json {
                print(try JSONOutput.line(ObjectionAnswerJSON(answered, receipt: letters.first)))
            } else {
                print("\(objection): " + (answered.answer?.verdict.text(language) ?? ""))
                if let answeredOn = answered.answeredOn, answeredOn > answered.answerDue {
                    print(language.pick("Terlambat: tenggatnya \(answered.answerDue.iso) (Pasal 36 ayat 2).",
                                        "Late: it was due \(answered.answerDue.iso) (Pasal 36(2))."))
                }
                for path in letters { print(language.pick("Surat: ", "Letter: ") + path) }
            }
        }
    }
}

/// An objection as `ppid objection ... --json` prints it.
struct ObjectionAnswerJSON: Encodable {
    let id: String
    let number: String
    let request: String
    let state: String
    let received: String
    let answerDue: String
    let answered: String?
    let verdict: String?
    /// The receipt (on filing) or the answer letter's text file.
    let letter: String?

    init(_ record: ObjectionRecord, receipt: String?) {
        id = record.id.uuidString
        number = record.filing.number
        request = record.filing.requestNumber
        state = record.state.rawValue
        received = record.filedOn.iso
        answerDue = record.answerDue.iso
        answered = record.answeredOn?.iso
        verdict = record.answer?.verdict.code
        letter = receipt
    }
}
