import Foundation
import PPIDDomain
import PPIDWire

/// A demo central server: a PPID Utama and two units with officers, tokens written to files a
/// terminal can use, and requests that arrived through the portal already dispatched. For trying
/// sync on one machine; never for a real body.
public enum CentralDemo {
    /// A demo officer and the file that holds their token.
    public struct Login: Sendable, Hashable {
        public let officer: String
        public let unit: String
        public let tokenFile: String
    }

    /// The demo units: the PPID Utama and two work units.
    public static let units: [(code: String, name: String, zone: String, isMain: Bool)] = [
        ("UTAMA", "PPID Utama Kementerian", "WIB", true),
        ("HUMAS", "Biro Hubungan Masyarakat", "WIB", false),
        ("KEU", "Biro Keuangan", "WIB", false),
    ]

    static let officers: [(login: String, name: String, unit: String)] = [
        ("utama", "Ratna Kusuma", "UTAMA"),
        ("humas1", "Rina Siregar", "HUMAS"),
        ("humas2", "Budi Santoso", "HUMAS"),
        ("keu1", "Dewi Lestari", "KEU"),
    ]

    /// Fills an empty store with the demo and writes one token file per officer (mode 0600) in `tokenFolder`.
    public static func install(into store: CentralStore, tokenFolder: String, requests: Int = 24,
                               now: Date = Date()) throws(CentralError) -> [Login] {
        if try !store.units().isEmpty {
            return try existingLogins(tokenFolder: tokenFolder)
        }
        for unit in units { try store.addUnit(code: unit.code, name: unit.name, zone: unit.zone, isMain: unit.isMain) }
        var logins: [Login] = []
        do {
            try FileManager.default.createDirectory(atPath: tokenFolder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw .invalid(field: "token folder", reason: "\(tokenFolder): \(error.localizedDescription)")
        }
        for officer in officers {
            try store.addOfficer(login: officer.login, name: officer.name, unit: officer.unit)
            let token = try store.issueToken(officer: officer.login, label: "demo")
            let file = (tokenFolder as NSString).appendingPathComponent("\(officer.login).token")
            try TokenFileWriter.write(token, to: file)
            logins.append(Login(officer: officer.login, unit: officer.unit, tokenFile: file))
        }
        let main = Principal(officer: "utama", unit: "UTAMA", isMain: true)
        let names = ["Siti Nasution", "Agus Pratama", "Maria Rumbiak", "Yusuf Hidayat", "Ni Luh Ayu", "Hendra Ginting",
                     "Fitri Rahayu", "Stefanus Lasut", "Indah Tanjung", "Wayan Saputra", "Aisyah Harahap", "Joko Wibowo"]
        let subjects = ["Laporan realisasi anggaran 2025", "Kontrak pengadaan jaringan irigasi", "Rencana strategis 2025-2029",
                        "Data penerima beasiswa daerah", "Laporan hasil pemeriksaan BPK", "Rincian perjalanan dinas pimpinan",
                        "Dokumen lelang revitalisasi pasar", "Statistik layanan informasi 2025"]
        for index in 0..<requests {
            let unit = index % 3 == 2 ? "KEU" : "HUMAS"
            let daysAgo = Double((index * 5) % 19)
            let intake = IntakeRequest(
                unit: unit, receivedAt: now.addingTimeInterval(-daysAgo * 86_400 - Double(index) * 600),
                channel: index % 2 == 0 ? .webPortal : .app,
                requester: Requester(name: names[index % names.count], nik: String(format: "317101%010d", 1000 + index),
                                     address: "Jl. Merdeka No. \(index + 1), Jakarta", email: "pemohon\(index)@contoh.id"),
                information: subjects[index % subjects.count], purpose: "Penelitian dan pengawasan publik")
            _ = try store.dispatch(intake, by: main)
        }
        try installDIP(into: store, now: now)
        return logins
    }

    /// The demo units' public information lists, pushed by their officers as a terminal would:
    /// entries of every category, an exempt one with its basis and end date, one retired.
    static func installDIP(into store: CentralStore, now: Date) throws(CentralError) {
        let zone = UnitZone.wib
        let today = zone.civilDate(of: now)
        func envelope(_ officer: String, _ event: DomainEvent, daysAgo: Int) -> EventEnvelope {
            let instant = now.addingTimeInterval(-Double(daysAgo) * 86_400)
            return EventEnvelope(meta: EventMeta(id: UUID(), officer: officer, instant: instant, localDate: zone.civilDate(of: instant)),
                                 event: event)
        }
        let lists: [(officer: String, unit: String, entries: [(String, String, DIPCategory, String, String)])] = [
            ("humas1", "HUMAS", [
                ("Profil dan struktur organisasi Kementerian", "Struktur organisasi, tugas dan fungsi setiap satuan kerja, serta profil singkat pejabat struktural.",
                 .periodic, "Biro Hubungan Masyarakat", "https://ppid.contoh.go.id/profil"),
                ("Siaran pers kegiatan Menteri 2026", "Kumpulan siaran pers kegiatan Menteri sepanjang 2026.", .periodic, "Biro Hubungan Masyarakat",
                 "https://ppid.contoh.go.id/siaran-pers"),
                ("Peringatan dini banjir di kawasan bendungan", "Informasi peringatan dini dan jalur evakuasi bagi warga di hilir bendungan.",
                 .immediate, "Biro Hubungan Masyarakat", "https://ppid.contoh.go.id/peringatan"),
                ("Standar layanan informasi publik", "Maklumat pelayanan, prosedur permohonan, keberatan dan biaya salinan.", .onRequest,
                 "PPID Pelaksana Humas", "Rak 3, Ruang PPID"),
            ]),
            ("keu1", "KEU", [
                ("Laporan realisasi anggaran 2025", "Realisasi belanja pegawai, barang dan modal per program, tahun anggaran 2025.", .periodic,
                 "Biro Keuangan", "https://ppid.contoh.go.id/lra-2025"),
                ("Daftar kontrak pengadaan barang dan jasa 2026", "Nomor kontrak, penyedia, nilai dan jangka waktu setiap kontrak 2026.",
                 .onRequest, "Biro Keuangan", "Rak 12, Arsip Keuangan"),
                ("Rincian gaji dan tunjangan pegawai per orang", "Daftar penghasilan setiap pegawai beserta nomor rekening.", .exempt,
                 "Biro Keuangan", "Arsip tertutup"),
                ("Dokumen rencana pengamanan sistem pembayaran", "Rencana pengamanan dan kata sandi sistem pembayaran.", .exempt,
                 "Biro Keuangan", "Arsip tertutup"),
            ]),
        ]
        for list in lists {
            let principal = Principal(officer: list.officer, unit: list.unit, isMain: false)
            var events: [WireEvent] = []
            for (index, item) in list.entries.enumerated() {
                let (title, summary, category, holder, location) = item
                let prefix = switch category {
                case .periodic: "B"
                case .immediate: "S"
                case .onRequest: "T"
                case .exempt: "D"
                }
                let exemption: Exemption? = category != .exempt ? nil : index % 2 == 0
                    ? Exemption(basis: .pasal17(.h), test: ConsequenceTest(
                        harm: "Mengungkap penghasilan dan rekening pribadi pegawai.", publicInterestWeighed: "Total belanja pegawai sudah terbuka di LRA.",
                        withheldPart: "Rincian per orang", until: nil), subPoint: 4)
                    : Exemption(basis: .pasal17(.c), test: ConsequenceTest(
                        harm: "Membuka celah serangan pada sistem pembayaran.", publicInterestWeighed: "Tidak ada kepentingan publik yang lebih besar.",
                        withheldPart: "Seluruh dokumen", until: today.adding(days: 3 * 365)), subPoint: 7)
                let entry = DIPEntry(number: "DIP-\(list.unit)-\(prefix)-\(String(format: "%03d", index + 1))", unit: list.unit, title: title,
                                     summary: summary, holder: holder, responsible: "Kepala \(holder)", madeWhenWhere: "2026, Jakarta",
                                     form: .soft, retention: "5 tahun", category: category, decreeNumber: "SK PPID 12/2026",
                                     location: location, exemption: exemption)
                events.append(WireEvent(envelope: envelope(list.officer, .dip(entry.id, .added(entry)), daysAgo: 30 - index),
                                        unit: list.unit, sequence: nil))
            }
            // One entry taken off the list: it is no longer published.
            let retired = DIPEntry(number: "DIP-\(list.unit)-B-900", unit: list.unit, title: "Agenda kegiatan 2024", summary: "Agenda 2024.",
                                   holder: "Sekretariat", category: .periodic)
            events.append(WireEvent(envelope: envelope(list.officer, .dip(retired.id, .added(retired)), daysAgo: 40), unit: list.unit, sequence: nil))
            events.append(WireEvent(envelope: envelope(list.officer, .dip(retired.id, .retired(reason: "Diganti agenda 2026")), daysAgo: 2),
                                    unit: list.unit, sequence: nil))
            events.sort { $0.envelope.meta.instant < $1.envelope.meta.instant }
            let answer = try store.push(PushRequest(events: events), as: principal)
            if let refused = answer.outcomes.first(where: { $0.status == .rejected }) {
                throw .invalid(field: "demo DIP", reason: refused.reasonEnglish ?? refused.reason ?? "refused")
            }
        }
    }

    static func existingLogins(tokenFolder: String) throws(CentralError) -> [Login] {
        officers.map { Login(officer: $0.login, unit: $0.unit, tokenFile: (tokenFolder as NSString).appendingPathComponent("\($0.login).token")) }
    }
}

/// Writes a token to a file only its owner can read (0600), as ssh does with keys.
public enum TokenFileWriter {
    /// Refuses a path whose folder does not exist or cannot be written, before any token is issued.
    public static func checkWritable(_ path: String) throws(CentralError) {
        let folder = (path as NSString).deletingLastPathComponent
        let directory = folder.isEmpty ? "." : folder
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
            throw .invalid(field: "--output", reason: "folder \(directory) tidak ada / does not exist")
        }
        guard FileManager.default.isWritableFile(atPath: directory) else {
            throw .invalid(field: "--output", reason: "folder \(directory) tidak dapat ditulisi / is not writable")
        }
    }

    public static func write(_ token: String, to path: String) throws(CentralError) {
        let previousMask = umask(0o077)
        defer { umask(previousMask) }
        do {
            try Data((token + "\n").utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            chmod(path, 0o600)
        } catch {
            throw .invalid(field: "token file", reason: "\(path): \(error.localizedDescription)")
        }
    }
}
