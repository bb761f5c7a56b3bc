import ArgumentParser
import Foundation
import PPIDDomain
import PPIDStore

/// `ppid unit`: shows or sets the unit this database belongs to.
struct UnitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unit",
        abstract: "Tampilkan atau atur satuan kerja / Show or set up the work unit.",
        subcommands: [Show.self, Set.self],
        defaultSubcommand: Show.self
    )

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show")
        @OptionGroup var store: StoreOptions
        @OptionGroup var languageOption: LanguageOption

        func run() throws {
            let local = try store.open(languageOption.language)
            let p = local.profile
            let l = languageOption.language
            print("\(l.pick("Kode", "Code")): \(p.code)\n\(l.pick("Nama", "Name")): \(p.name)\n\(l.pick("Badan publik", "Public body")): \(p.body)")
            print("\(l.pick("Zona", "Zone")): \(p.zone) (\(p.zone.identifier))")
            print(l.pick("Diterima setelah jam kantor dianggap hari kerja berikutnya", "Late receipt deemed next working day")
                  + ": \(p.receiptPolicy.deemsLateReceiptNextWorkingDay ? l.pick("ya", "yes") : l.pick("tidak", "no")) (\(p.receiptPolicy.officeCloses))")
            print(l.pick("Cuti bersama hari kerja", "Joint leave is working") + ": \(p.jointLeaveIsWorking ? l.pick("ya", "yes") : l.pick("tidak", "no"))")
            print(l.pick("Format nomor registrasi", "Registration number format") + ": \(p.requestNumberFormat)")
            print(l.pick("Kalender tambahan", "Extra calendars") + ": " + (local.calendarFileNames.isEmpty ? "-" : local.calendarFileNames.joined(separator: ", ")))
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set",
            abstract: "Atur profil satuan kerja / Set the unit's profile.")
        @Option(help: "Kode unit, mis. HUMAS / Unit code.") var code: String?
        @Option(help: "Nama unit / Unit name.") var name: String?
        @Option(help: "Badan publik / Public body.") var body: String?
        @Option(help: "Zona: WIB, WITA, WIT atau IANA / Zone.") var zone: String?
        @Option(name: .customLong("deem-late-receipt"), help: "yes/no") var deemLateReceipt: String?
        @Option(name: .customLong("office-closes"), help: "HH:MM") var officeCloses: String?
        @Option(name: .customLong("cuti-bersama-working"), help: "yes/no") var jointLeaveWorking: String?
        @Option(name: .customLong("number-format"), help: "mis. {seq:4}{terminal}/PPID-{unit}/{roman}/{year}") var numberFormat: String?
        @OptionGroup var store: StoreOptions
        @OptionGroup var languageOption: LanguageOption

        func yesNo(_ text: String?, _ option: String) throws -> Bool? {
            guard let text else { return nil }
            switch text.lowercased() {
            case "yes", "ya", "y", "true", "1": return true
            case "no", "tidak", "n", "false", "0": return false
            default: throw CommandError(message: languageOption.language.pick("\(option): tulis yes atau no.", "\(option): write yes or no."))
            }
        }

        func run() throws {
            let language = languageOption.language
            let local = try store.open(language)
            var profile = local.profile
            if let code {
                guard !code.isEmpty, code.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
                    throw CommandError(message: language.pick("--code: huruf, angka dan '-' saja.", "--code: letters, digits and '-' only."))
                }
                profile.code = code.uppercased()
            }
            if let name { profile.name = name }
            if let body { profile.body = body }
            if let zone {
                do { _ = try UnitZone(parsing: zone) } catch { throw CommandError(error, language: language) }
                profile.zoneName = zone
            }
            if let value = try yesNo(deemLateReceipt, "--deem-late-receipt") { profile.receiptPolicy.deemsLateReceiptNextWorkingDay = value }
            if let officeCloses {
                guard let time = LocalTime(parsing: officeCloses) else { throw CommandError(CalendarError.invalidTime(officeCloses), language: language) }
                profile.receiptPolicy.officeCloses = time
            }
            if let value = try yesNo(jointLeaveWorking, "--cuti-bersama-working") { profile.jointLeaveIsWorking = value }
            if let numberFormat {
                do { _ = try RegistrationNumberFormat(template: numberFormat) } catch { throw CommandError(error, language: language) }
                profile.requestNumberFormat = numberFormat
            }
            try withStore(language) { () throws(StoreError) in try local.saveProfile(profile) }
            print(language.pick("Profil satuan kerja disimpan.", "The unit's profile is saved."))
        }
    }
}

/// `ppid calendar add FILE`: adds a calendar file to the unit and recomputes open deadlines.
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Kalender kerja unit / The unit's work calendar.",
        subcommands: [Add.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add",
            abstract: "Tambah berkas kalender (SKB baru, revisi, libur daerah, penutupan) dan hitung ulang tenggat / Add a calendar file and recompute deadlines.")
        @Argument(help: "Berkas kalender / Calendar file.") var file: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var languageOption: LanguageOption

        func run() throws {
            let language = languageOption.language
            let parsed: CalendarFile
            do { parsed = try CalendarLoader.read(file) } catch { throw CommandError(error, language: language) }
            let body = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
            let local = try store.open(language)
            let moved = try withStore(language) { () throws(StoreError) in try local.addCalendarFile(parsed, body: body) }
            print(language.pick("Kalender \(file) ditambahkan; \(moved.count) tenggat bergeser.", "Calendar \(file) added; \(moved.count) deadlines moved."))
            for m in moved { print("  \(m.number): \(m.oldDue.iso) -> \(m.newDue.iso)") }
        }
    }
}
