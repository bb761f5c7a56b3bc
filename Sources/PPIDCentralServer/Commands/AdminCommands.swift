import ArgumentParser
import Foundation
import PPIDCentral
import PPIDDomain
import PPIDWire

/// `ppid-central unit add|list`.
struct UnitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unit", abstract: "Unit kerja. / Work units.", subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Membuat unit. / Creates a unit.")
        @OptionGroup var database: DatabaseOption
        @Argument(help: "Kode unit, mis. HUMAS. / Unit code.") var code: String
        @Option(help: "Nama unit. / Unit name.") var name: String
        @Option(help: "Zona waktu: WIB, WITA, WIT atau IANA. / Time zone.") var zone = "WIB"
        @Flag(help: "Unit ini PPID Utama (melihat semua unit, mendistribusikan). / This unit is the PPID Utama.") var main = false

        func run() throws {
            let store = try database.open()
            try perform { () throws(CentralError) in try store.addUnit(code: code, name: name, zone: zone, isMain: main) }
            print("Unit \(code.uppercased()) dibuat. / created.")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Daftar unit. / Lists units.")
        @OptionGroup var database: DatabaseOption

        func run() throws {
            let store = try database.open()
            for unit in try perform({ () throws(CentralError) in try store.units() }) {
                print("\(unit.code)\t\(unit.zone)\t\(unit.isMain ? "PPID Utama" : "unit")\t\(unit.name)")
            }
        }
    }
}

/// `ppid-central officer add`.
struct OfficerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "officer", abstract: "Petugas. / Officers.", subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Membuat petugas sebuah unit. / Creates an officer of a unit.")
        @OptionGroup var database: DatabaseOption
        @Argument(help: "Nama masuk. / Login.") var login: String
        @Option(help: "Nama lengkap. / Full name.") var name: String
        @Option(help: "Kode unit. / Unit code.") var unit: String

        func run() throws {
            let store = try database.open()
            try perform { () throws(CentralError) in try store.addOfficer(login: login, name: name, unit: unit.uppercased()) }
            print("Petugas \(login) dibuat. / created.")
        }
    }
}

/// `ppid-central token issue|revoke`.
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Token API petugas. / Officers' API tokens.", subcommands: [Issue.self, Revoke.self])

    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Menerbitkan token; hanya hash-nya yang disimpan. / Issues a token; only its hash is kept.")
        @OptionGroup var database: DatabaseOption
        @Argument(help: "Nama masuk petugas. / Officer login.") var login: String
        @Option(help: "Tulis token ke berkas ini (mode 0600) alih-alih mencetaknya. / Write it to this file (0600).") var output: String?
        @Option(help: "Keterangan, mis. nama terminal. / Label.") var label = ""

        func run() throws {
            let store = try database.open()
            let path = output.map { HomePath.expand($0) }
            // The file's folder is checked first: a token issued but never written or shown would stay live unseen.
            if let path { try perform { () throws(CentralError) in try TokenFileWriter.checkWritable(path) } }
            let token = try perform { () throws(CentralError) in try store.issueToken(officer: login, label: label) }
            if let path, let output {
                do throws(CentralError) {
                    try TokenFileWriter.write(token, to: path)
                } catch {
                    _ = try? store.revokeToken(token)
                    throw CentralExit.failed(error)
                }
                print("Token untuk \(login) ditulis ke \(output) (0600). / written.")
            } else {
                print(token)
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mencabut semua token petugas. / Revokes an officer's tokens.")
        @OptionGroup var database: DatabaseOption
        @Argument(help: "Nama masuk petugas. / Officer login.") var login: String

        func run() throws {
            let store = try database.open()
            let count = try perform { () throws(CentralError) in try store.revokeTokens(officer: login) }
            print("\(count) token dicabut. / revoked.")
        }
    }
}

/// `ppid-central calendar FILE`.
struct CalendarLoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Memuat berkas kalender (SKB, revisi, libur daerah); terminal menerimanya saat sinkron. / Loads a calendar file.")
    @OptionGroup var database: DatabaseOption
    @Argument(help: "Berkas kalender. / Calendar file.") var file: String

    func run() throws {
        let store = try database.open()
        guard let body = try? String(contentsOfFile: HomePath.expand(file), encoding: .utf8) else {
            throw CentralError.invalid(field: "file", reason: "\(file) tidak dapat dibaca sebagai UTF-8 / cannot be read as UTF-8").exit()
        }
        let name = (file as NSString).lastPathComponent
        try perform { () throws(CentralError) in try store.addCalendar(name: name, body: body) }
        print("Kalender \(name) dimuat. / loaded.")
    }
}

/// `ppid-central dispatch`: registers a request centrally and sends it to a unit.
struct DispatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispatch", abstract: "Mencatat permohonan di pusat dan mendistribusikannya ke unit. / Registers and dispatches a request.")
    @OptionGroup var database: DatabaseOption
    @Option(help: "Unit tujuan. / Target unit.") var unit: String
    @Option(help: "Nama pemohon. / Requester's name.") var name: String
    @Option(help: "Rincian informasi yang diminta. / Information requested.") var information: String
    @Option(help: "Tujuan penggunaan. / Purpose.") var purpose: String
    @Option(help: "Saluran: portal, aplikasi, email, surat, langsung. / Channel.") var channel = "portal"
    @Option(help: "NIK pemohon perorangan (16 angka). / A person's NIK (16 digits).") var nik: String?
    @Option(help: "Dokumen badan hukum (untuk pemohon badan hukum). / An entity's registration document.") var entityDocument: String?
    @Option(help: "Alamat pemohon. / Address.") var address = ""
    @Option(help: "Surel pemohon. / Email.") var email = ""
    @Option(help: "Telepon pemohon. / Phone.") var phone = ""
    @Option(help: "Pekerjaan pemohon. / Occupation.") var occupation = ""
    @Option(help: "Cara memperoleh: melihat, membaca, mendengarkan, mencatat, salinan-elektronik, salinan-cetak. / How to obtain it.")
    var obtain = ObtainMethod.softCopy.rawValue
    @Option(help: "Cara menerima salinan: ambil-langsung, pos, kurir, faksimili, email. / How a copy is delivered.")
    var delivery = DeliveryMethod.email.rawValue
    @Option(help: "Diterima pada: TTTT-BB-HHTJJ:MM waktu unit, atau dengan zona (…Z, …+07:00); bawaan sekarang. / Received at: the unit's local time, or with a zone; default now.")
    var received: String?
    @Option(help: "Petugas PPID Utama yang mencatat. / The PPID Utama officer recording it.") var officer = "admin"

    func run() throws {
        guard let channel = Channel(rawValue: channel) else {
            throw CentralError.invalid(field: "--channel", reason: Channel.allCases.map(\.rawValue).joined(separator: ", ")).exit()
        }
        guard let obtainMethod = ObtainMethod(rawValue: obtain) else {
            throw CentralError.invalid(field: "--obtain", reason: ObtainMethod.allCases.map(\.rawValue).joined(separator: ", ")).exit()
        }
        guard let deliveryMethod = DeliveryMethod(rawValue: delivery) else {
            throw CentralError.invalid(field: "--delivery", reason: DeliveryMethod.allCases.map(\.rawValue).joined(separator: ", ")).exit()
        }
        let store = try database.open()
        let units = try perform { () throws(CentralError) in try store.units() }
        guard let main = units.first(where: \.isMain) else {
            throw CentralError.notPermitted("belum ada unit PPID Utama ('unit add --main') / no PPID Utama unit yet").exit()
        }
        guard let target = units.first(where: { $0.code == unit.uppercased() }) else { throw CentralError.unknownUnit(unit).exit() }
        let zone = (try? UnitZone(parsing: target.zone)) ?? .wib
        var receivedAt: Date? = nil
        if let received {
            guard let instant = ReceivedTime.parse(received, zone: zone) else {
                throw CentralError.invalid(field: "--received", reason: "TTTT-BB-HHTJJ:MM, mis. 2026-12-01T09:30 atau 2026-12-01T09:30+09:00 / e.g. 2026-12-01T09:30").exit()
            }
            receivedAt = instant
        }
        let requester = Requester(kind: entityDocument == nil ? .person : .entity, name: name, nik: nik, entityDocument: entityDocument,
                                  address: address, occupation: occupation, phone: phone, email: email)
        let intake = IntakeRequest(unit: target.code, receivedAt: receivedAt, channel: channel, requester: requester,
                                   information: information, purpose: purpose, obtainMethod: obtainMethod, deliveryMethod: deliveryMethod)
        let answer = try perform { () throws(CentralError) in
            try store.dispatch(intake, by: Principal(officer: officer, unit: main.code, isMain: true))
        }
        print("\(answer.registrationNumber) → \(answer.unit), pemberitahuan paling lambat / notice due \(answer.noticeDue)")
    }
}

/// `ppid-central generate`: fills a database with valid events for the sync benchmark (hidden).
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate", abstract: "Benchmark load: valid events for one unit.", shouldDisplay: false)
    @OptionGroup var database: DatabaseOption
    @Option(help: "Unit.") var unit = "HUMAS"
    @Option(help: "Events.") var events = 100_000
    @Option(help: "A whole body: this many units U001..., each with officers and a token per terminal.") var bodyUnits = 0
    @Option(help: "Terminals (officers, tokens) per unit of the body.") var terminalsPerUnit = 2
    @Option(help: "Where the body's token files go: U001-1.token, ..., utama.token, and <unit>-new.token for the history unit.")
    var tokenFolder: String?

    func run() throws {
        let store = try database.open()
        if bodyUnits > 0 {
            try makeBody(store)
            if events > 0 { try perform { () throws(CentralError) in try store.generateLoad(unit: unit, events: events) } }
            return
        }
        if try perform({ () throws(CentralError) in try store.units() }).isEmpty {
            try perform { () throws(CentralError) in
                try store.addUnit(code: "UTAMA", name: "PPID Utama", isMain: true)
                try store.addUnit(code: unit, name: "Unit \(unit)")
                try store.addUnit(code: "KEU", name: "Biro Keuangan")
            }
        }
        try perform { () throws(CentralError) in try store.generateLoad(unit: unit, events: events) }
    }

    /// The benchmark's body: the PPID Utama and `bodyUnits` units, `terminalsPerUnit` officers each,
    /// one token file per terminal.
    func makeBody(_ store: CentralStore) throws {
        let folder = HomePath.expand(tokenFolder ?? ".")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try perform { () throws(CentralError) in
            try store.addUnit(code: "UTAMA", name: "PPID Utama", isMain: true)
            try store.addOfficer(login: "utama", name: "PPID Utama", unit: "UTAMA")
            try TokenFileWriter.write(try store.issueToken(officer: "utama"), to: folder + "/utama.token")
            for index in 1...bodyUnits {
                let code = String(format: "U%03d", index)
                try store.addUnit(code: code, name: "Unit \(code)")
                for terminal in 1...max(1, terminalsPerUnit) {
                    let login = "\(code.lowercased())-\(terminal)"
                    try store.addOfficer(login: login, name: login, unit: code)
                    try TokenFileWriter.write(try store.issueToken(officer: login), to: folder + "/\(code)-\(terminal).token")
                }
            }
            let newcomer = "\(unit.lowercased())-new"
            try store.addOfficer(login: newcomer, name: newcomer, unit: unit)
            try TokenFileWriter.write(try store.issueToken(officer: newcomer), to: folder + "/\(unit)-new.token")
        }
    }
}
