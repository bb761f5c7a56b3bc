import ArgumentParser
import Foundation
import PPIDDomain
import PPIDStore
import PPIDSync
import PPIDWire

/// `ppid file list|attach|open`: files on a request or an objection, kept on the central server by
/// content hash and fetched only when opened.
struct FileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "file",
        abstract: "Berkas pada permohonan atau keberatan, di server pusat / Files on a request or an objection, on the central server.",
        subcommands: [List.self, Attach.self, Open.self])

    /// The case a register number names in this database: a request, else an objection.
    static func caseID(_ number: String, store: LocalStore, language: Language) throws -> UUID {
        if let request = try withStore(language, { () throws(StoreError) in try store.request(number: number) }) { return request.id }
        if let objection = try withStore(language, { () throws(StoreError) in try store.objectionID(number: number) }) { return objection }
        throw CommandError(message: language.pick("Tidak ada permohonan atau keberatan bernomor \(number) di basis data ini; sinkronkan dulu (ppid sync).",
                                                  "No request or objection numbered \(number) in this database; sync first (ppid sync)."))
    }

    /// The case a number names in the terminal's database, and a client of the server it syncs with.
    static func connect(_ number: String, store: StoreOptions, sync: SyncOptions, language: Language) throws -> (UUID, CentralClient) {
        let config = try Config.loadChecked(language: language)
        let local = try store.falling(backTo: config).open(language)
        let id = try caseID(number, store: local, language: language)
        return (id, CentralClient(settings: try sync.settings(config, language: language)))
    }

    static func remote<T: Sendable>(_ language: Language, _ body: @escaping @Sendable () async throws(SyncError) -> T) throws -> T {
        do {
            return try runBlocking { try await body() }
        } catch let error as SyncError {
            throw CommandError(error, language: language)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Daftar berkas sebuah perkara dan surat yang dikirim lewat email / Lists a case's files and the letters mailed for it.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var sync: SyncOptions
        @OptionGroup var language: LanguageOption
        @Argument(help: "Nomor registrasi permohonan atau keberatan / The request's or objection's number.") var number: String

        func run() throws {
            let language = self.language.language
            let (id, client) = try FileCommand.connect(number, store: store, sync: sync, language: language)
            defer { Task { await client.shutdown() } }
            let files = try FileCommand.remote(language) { () async throws(SyncError) in try await client.files(of: id) }
            if files.isEmpty { print(language.pick("Belum ada berkas.", "No files yet.")) }
            for file in files {
                print("\(file.sha256.prefix(12))\t\(file.role)\t\(file.mediaType)\t\(file.size)\t\(file.name)")
            }
            // The letters mailed to the requester, and what became of them.
            let letters = try FileCommand.remote(language) { () async throws(SyncError) in try await client.mail(of: id) }
            let formatter = ISO8601DateFormatter()
            for letter in letters {
                let when = letter.sentAt.map { formatter.string(from: $0) } ?? ""
                print("email\t\(letter.kind)\t\(letter.recipient)\t\(letter.state)\t\(letter.attempts)\t\(when)" + (letter.lastError.map { "\t\($0)" } ?? ""))
            }
        }
    }

    struct Attach: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Melampirkan berkas (PDF, PNG, JPEG) / Attaches a file (PDF, PNG, JPEG).",
            discussion: """
                Peran / roles: released (dokumen yang diberikan, diunduh pemohon di portal / released with the notice, the requester downloads it),
                supporting (pendukung keberatan / an objection's), id-scan (identitas pemohon / the requester's identity), dip.
                """)
        @OptionGroup var store: StoreOptions
        @OptionGroup var sync: SyncOptions
        @OptionGroup var language: LanguageOption
        @Argument(help: "Nomor registrasi / The case's number.") var number: String
        @Argument(help: "Berkas / The file.") var file: String
        @Option(help: "released, supporting, id-scan atau dip / The file's role.") var role = "released"
        @Option(help: "Nama yang ditampilkan (bawaan: nama berkas) / The name shown (default: the file's).") var name: String?

        func validate() throws {
            guard FileRole(rawValue: role) != nil else {
                throw ValidationError("--role: released, supporting, id-scan, dip (diberi / given \(role))")
            }
        }

        func run() throws {
            let language = self.language.language
            guard let role = FileRole(rawValue: role) else { return }
            guard let bytes = FileManager.default.contents(atPath: file) else {
                throw CommandError(message: language.pick("Berkas \(file) tidak terbaca.", "Cannot read \(file)."))
            }
            // The same rules the server applies, before sending: a wrong file is said at once, offline.
            do throws(FileProblem) { _ = try FileRules.check(bytes, as: role) } catch {
                throw CommandError(message: "\(file): \(error.text(language))")
            }
            let (id, client) = try FileCommand.connect(number, store: store, sync: sync, language: language)
            defer { Task { await client.shutdown() } }
            let shown = name ?? (file as NSString).lastPathComponent
            let stored = try FileCommand.remote(language) { () async throws(SyncError) in
                try await client.attach(bytes, name: shown, role: role.rawValue, to: id)
            }
            print(language.pick("Terlampir: \(stored.name) (\(stored.mediaType), \(stored.size) bita, sha256 \(stored.sha256.prefix(12)))",
                                "Attached: \(stored.name) (\(stored.mediaType), \(stored.size) bytes, sha256 \(stored.sha256.prefix(12)))"))
        }
    }

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mengambil satu berkas dari server / Fetches one file from the server.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var sync: SyncOptions
        @OptionGroup var language: LanguageOption
        @Argument(help: "Nomor registrasi / The case's number.") var number: String
        @Argument(help: "Awal sha256 berkas (dari ppid file list) / The start of the file's sha256 (from ppid file list).") var sha256: String
        @Option(help: "Simpan ke / Save to.") var output: String

        func run() throws {
            let language = self.language.language
            let (id, client) = try FileCommand.connect(number, store: store, sync: sync, language: language)
            defer { Task { await client.shutdown() } }
            let prefix = sha256.lowercased()
            let files = try FileCommand.remote(language) { () async throws(SyncError) in try await client.files(of: id) }
            let matching = files.filter { $0.sha256.hasPrefix(prefix) }
            guard matching.count == 1, let file = matching.first else {
                throw CommandError(message: language.pick("\(matching.isEmpty ? "Tidak ada" : "Lebih dari satu") berkas berawalan \(sha256); lihat ppid file list \(number).",
                                                          "\(matching.isEmpty ? "No" : "More than one") file starts with \(sha256); see ppid file list \(number)."))
            }
            let bytes = try FileCommand.remote(language) { () async throws(SyncError) in try await client.fileContent(file.sha256, of: id) }
            guard CentralClientHash.sha256(bytes) == file.sha256 else {
                throw CommandError(message: language.pick("Isi berkas dari server tidak cocok dengan sha256-nya; coba lagi.",
                                                          "The file from the server does not match its sha256; try again."))
            }
            do { try bytes.write(to: URL(fileURLWithPath: output), options: .atomic) } catch {
                throw CommandError(message: language.pick("Tidak dapat menulis \(output): \(error.localizedDescription)", "Cannot write \(output): \(error.localizedDescription)"))
            }
            print(language.pick("Disimpan: \(output) (\(file.name))", "Saved: \(output) (\(file.name))"))
        }
    }
}
