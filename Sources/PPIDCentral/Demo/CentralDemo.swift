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
        return logins
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
