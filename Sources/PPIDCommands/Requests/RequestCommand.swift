import ArgumentParser
import Foundation
import PPIDDomain
import PPIDLetters
import PPIDStore

/// `ppid request`: register and list requests without a screen, for scripts, bulk imports and checks.
/// The same rules and messages as the app's form: both go through ``RequestSubmission``.
struct RequestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request",
        abstract: "Permohonan tanpa layar: daftar, proses, putuskan, sampaikan, tutup / Requests without a screen: register, process, decide, deliver, close.",
        subcommands: [Register.self, List.self, Process.self, Forward.self, Extend.self, Decide.self, Deliver.self, Close.self, Withdraw.self, Comply.self, Incomplete.self, Complete.self, Pay.self]
    )

    struct Register: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "register",
            abstract: "Daftarkan permohonan; cetak nomor registrasi dan tenggat / Register a request; print its number and due date.")

        @Option(help: "Nama pemohon / The requester's name.") var name: String
        @Option(help: "NIK pemohon perorangan, 16 angka / A person's NIK.") var nik: String?
        @Option(help: "Akta atau dokumen badan hukum (pemohon badan hukum) / An entity's document; makes the requester an entity.")
        var entityDocument: String?
        @Flag(help: "Pemohon kelompok orang (NIK perwakilannya) / A group of persons (its representative's NIK).") var group = false
        @Option(help: "Kuasa pemohon / A proxy who files for the requester.") var proxy: String?
        @Option(help: "Surat kuasa, wajib dengan --proxy / The proxy's power of attorney.") var powerOfAttorney: String?
        @Option(help: "Email.") var email: String?
        @Option(help: "Telepon / Phone.") var phone: String?
        @Option(help: "Alamat / Address.") var address: String?
        @Option(help: "Pekerjaan / Occupation.") var occupation: String?
        @Option(help: "Rincian informasi yang diminta / The information requested.") var information: String
        @Option(help: "Tujuan penggunaan / Purpose.") var purpose: String
        @Option(help: "langsung|surat|email|faksimili|telepon|portal|aplikasi") var channel: String = Channel.inPerson.rawValue
        @Option(help: "melihat|membaca|mendengarkan|mencatat|salinan-elektronik|salinan-cetak") var obtain: String = ObtainMethod.softCopy.rawValue
        @Option(help: "ambil-langsung|pos|kurir|faksimili|email") var delivery: String = DeliveryMethod.email.rawValue
        @Option(help: ArgumentHelp("Diterima: YYYY-MM-DD[THH:MM] waktu unit, tidak di masa depan (bawaan: sekarang) / When it reached the unit, in the unit's time; never in the future (default: now)."))
        var received: String?
        @Flag(help: "Keluaran JSON / JSON output.") var json = false
        @Flag(help: "Jangan buat tanda bukti / Write no receipt.") var noLetters = false
        @OptionGroup var store: StoreOptions
        @OptionGroup var languageOption: LanguageOption

        func run() throws {
            let language = languageOption.language
            let (local, config) = try store.openForActs(language)
            var submission = RequestSubmission()
            submission.kind = entityDocument != nil ? Requester.Kind.entity.rawValue : (group ? Requester.Kind.group.rawValue : Requester.Kind.person.rawValue)
            submission.proxyName = proxy ?? ""
            submission.powerOfAttorney = powerOfAttorney ?? ""
            submission.name = name
            submission.nik = nik ?? ""
            submission.entityDocument = entityDocument ?? ""
            submission.email = email ?? ""
            submission.phone = phone ?? ""
            submission.address = address ?? ""
            submission.occupation = occupation ?? ""
            submission.information = information
            submission.purpose = purpose
            submission.channel = channel
            submission.obtain = obtain
            submission.delivery = delivery
            if let received {
                guard let instant = ReceivedTime.parse(received, zone: local.profile.zone) else {
                    throw CommandError(message: language.pick(
                        "--received: tulis YYYY-MM-DD atau YYYY-MM-DDTHH:MM (waktu unit), mis. 2026-12-01T09:30.",
                        "--received: write YYYY-MM-DD or YYYY-MM-DDTHH:MM (the unit's time), e.g. 2026-12-01T09:30."))
                }
                submission.receivedAt = instant
            }
            let registration: RequestRegistration
            do {
                registration = try submission.registration(id: local.newCaseID(), unit: local.profile.code, now: Date())
            } catch {
                let option = error.problem == .rule(.missingField(.contact)) ? "--address | --phone | --email: " : Self.option(for: error.field)
                throw CommandError(message: option + error.text(language))
            }
            let record = try withStore(language) { () throws(StoreError) in try local.registerRequest(registration) }
            // The proof of the request with its registration number (Pasal 22(4)), from the letter templates.
            var receipt: String?
            if !noLetters {
                do {
                    receipt = try LetterSetup.desk(store: local, config: config).write(.requestReceipt, subject: .request(record), store: local)
                } catch {
                    let text = (error as? any OfficerFacingError)?.text(language) ?? "\(error)"
                    FileHandle.standardError.write(Data((language.pick("Tanda bukti gagal dibuat (permohonan tetap terdaftar): ",
                                                                       "The receipt could not be made (the request is registered): ") + text + "\n").utf8))
                }
            }
            if json {
                let answer = RegisteredAnswer(id: record.id.uuidString, number: record.registration.registrationNumber,
                                              unit: record.registration.unit, received: record.receivedOn.iso,
                                              due: record.noticeDue.iso, receipt: receipt)
                print(try JSONOutput.line(answer))
            } else {
                print(language.pick("Terdaftar \(record.registration.registrationNumber); pemberitahuan paling lambat \(record.noticeDue.iso).",
                                    "Registered \(record.registration.registrationNumber); notice due \(record.noticeDue.iso)."))
                if let receipt { print(language.pick("Tanda bukti: ", "Receipt: ") + receipt) }
            }
        }

        /// The option a refused field is given with, to start the message: `--nik: `.
        static func option(for field: String?) -> String {
            guard let field else { return "" }
            let options = ["name": "--name", "nik": "--nik", "entityDocument": "--entity-document", "email": "--email",
                           "phone": "--phone", "address": "--address", "occupation": "--occupation",
                           "information": "--information", "purpose": "--purpose", "channel": "--channel",
                           "obtain": "--obtain", "delivery": "--delivery", "received": "--received", "kind": "--entity-document",
                           "powerOfAttorney": "--power-of-attorney"]
            return options[field].map { $0 + ": " } ?? ""
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list",
            abstract: "Daftar permohonan yang berjalan (atau semua) / The open requests (or all).")

        @Option(help: "Hanya keadaan ini / Only this state: terdaftar|diproses|diteruskan|diperpanjang|diputuskan|disampaikan|selesai|ditarik")
        var state: String?
        @Flag(help: "Semua permohonan, yang selesai juga / Every request, closed ones too.") var all = false
        @Flag(help: "Keluaran JSON / JSON output.") var json = false
        @OptionGroup var store: StoreOptions
        @OptionGroup var languageOption: LanguageOption

        func run() throws {
            let language = languageOption.language
            var filter: RequestFilter = all ? .all : .open
            if let state {
                guard let parsed = RequestState(rawValue: state) else {
                    throw CommandError(message: language.pick(
                        "--state: '\(state)' tidak dikenal; gunakan salah satu dari \(RequestState.allCases.map(\.rawValue).joined(separator: ", ")).",
                        "--state: '\(state)' is unknown; use one of \(RequestState.allCases.map(\.rawValue).joined(separator: ", "))."))
                }
                filter = .state(parsed)
            }
            let config = try Config.loadChecked(language: language)
            let local = try store.falling(backTo: config).open(language)
            let rows = try withStore(language) { () throws(StoreError) in try local.requestListing(filter: filter) }
            if json {
                print(try JSONOutput.line(rows))
                return
            }
            if rows.isEmpty { print(language.pick("Tidak ada permohonan.", "No requests.")) }
            for row in rows {
                print([row.number, row.received, row.extendedDue ?? row.due, row.state, row.registeredBy, row.subject]
                    .joined(separator: "\t"))
            }
        }
    }
}

/// What `ppid request register --json` prints.
struct RegisteredAnswer: Encodable {
    let id: String
    let number: String
    let unit: String
    let received: String
    let due: String
    /// The receipt's text file, when one was written.
    let receipt: String?
}

/// One JSON document on one line, keys sorted, for scripts.
enum JSONOutput {
    static func line(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
