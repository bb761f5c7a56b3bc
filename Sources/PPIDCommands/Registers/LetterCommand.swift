import ArgumentParser
import Foundation
import PPIDDomain
import PPIDLetters
import PPIDStore

/// `ppid letter`: writes a letter for a case, lists the template variables, or exports the templates.
struct LetterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "letter",
        abstract: "Surat dari templat / Letters from templates.",
        subcommands: [Write.self, Variables.self, Templates.self],
        defaultSubcommand: Write.self
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case notice, refusal, `extension`, answer, receipt, `objection-receipt`
        var letter: LetterKind {
            switch self {
            case .notice: .notice
            case .refusal: .refusal
            case .extension: .extensionNotice
            case .answer: .objectionAnswer
            case .receipt: .requestReceipt
            case .`objection-receipt`: .objectionReceipt
            }
        }

        /// Whether the number given is an objection's.
        var isObjection: Bool { self == .answer || self == .`objection-receipt` }
    }

    struct Write: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "write",
            abstract: "Tulis surat untuk permohonan (atau keberatan, untuk 'answer' dan 'objection-receipt') / Write a letter for a request (or objection).")

        @Argument(help: "notice, refusal, extension, answer, receipt, objection-receipt") var kind: Kind
        @Argument(help: "Nomor registrasi permohonan atau nomor keberatan / The request's or objection's number.") var number: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var languageOption: LanguageOption

        func run() throws {
            let language = languageOption.language
            let config = try Config.loadChecked(language: language)
            let local = try store.falling(backTo: config).open(language)
            Enrollment.prepare(local, config: config)
            let desk = LetterSetup.desk(store: local, config: config)
            let subject: LetterSubject = try withStore(language) { () throws(StoreError) -> LetterSubject in
                if kind.isObjection {
                    let id = try local.objectionID(number: number)
                    guard let id, case let .objection(o)? = try local.caseRecord(id) else { throw .notFound(number) }
                    let request: RequestRecord? = if case let .request(r)? = try local.caseRecord(o.filing.requestID) { r } else { nil }
                    return .objection(o, request: request)
                }
                guard let row = try local.request(number: number), case let .request(r)? = try local.caseRecord(row.id) else {
                    throw .notFound(number)
                }
                return .request(r)
            }
            do {
                print(try desk.write(kind.letter, subject: subject, store: local))
            } catch let error as any OfficerFacingError {
                throw CommandError(error, language: language)
            }
        }
    }

    struct Variables: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "variables", abstract: "Daftar variabel templat / The template variables.")
        func run() {
            for (name, meaning) in LetterRenderer.variables { print("\(name)\n    \(meaning)") }
        }
    }

    struct Templates: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "templates",
            abstract: "Tulis templat bawaan ke folder untuk diubah / Write the built-in templates to a folder to edit.")
        @Option(help: "Folder tujuan / Destination folder.") var export: String
        func run() throws {
            try FileManager.default.createDirectory(atPath: export, withIntermediateDirectories: true)
            for kind in LetterKind.allCases {
                for format in LetterFormat.allCases {
                    let path = export + "/\(kind.rawValue).\(format.rawValue).mustache"
                    try LetterRenderer.builtIn(kind, format).write(toFile: path, atomically: true, encoding: .utf8)
                    print(path)
                }
            }
        }
    }
}
