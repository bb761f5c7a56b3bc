import Foundation
import PPIDDomain
import PPIDStore

/// Why a sync did not complete, in words an officer can act on. Nothing local is lost in any of
/// these: changes stay in the queue and the next sync resumes from the stored cursor.
public enum SyncError: OfficerFacingError, Equatable {
    case notConfigured
    case badServerAddress(String)
    case tokenFileMissing(path: String)
    case tokenFileExposed(path: String)
    /// The token file holds something that is not a token (control characters, spaces, too long).
    case tokenFileInvalid(path: String)
    /// An answer larger than the client takes (the server's pages are far smaller).
    case answerTooLarge(limitBytes: Int)
    /// The server's answers contradict themselves (a cursor that goes back, a page that never ends).
    case inconsistentServer(String)
    case unreachable(server: String, detail: String)
    case timedOut(server: String)
    case unauthorized
    case forbidden(String)
    case serverFailed(status: Int, message: String)
    case malformedAnswer(String)
    case wrongUnit(token: String, database: String)
    case store(String)
    /// The file of trusted certificates (`server_ca`) cannot be read.
    case certificatesUnreadable(path: String)
    /// The server's certificate is not trusted, or the TLS handshake failed.
    case untrustedServer(server: String, detail: String)

    public func text(_ language: Language) -> String {
        switch self {
        case .notConfigured:
            language.pick("Server pusat belum diatur. Isi 'server' dan 'token_file' di ~/.config/ppid/config, atau beri --server dan --token-file.",
                          "No central server is set. Put 'server' and 'token_file' in ~/.config/ppid/config, or give --server and --token-file.")
        case let .badServerAddress(address):
            language.pick("Alamat server '\(address)' tidak sah; contoh: http://ppid.example.go.id:8080",
                          "The server address '\(address)' is not valid; e.g. http://ppid.example.go.id:8080")
        case let .tokenFileMissing(path):
            language.pick("Berkas token \(path) tidak ada atau kosong. Minta token kepada admin PPID Utama ('ppid-central token issue').",
                          "The token file \(path) is missing or empty. Ask the PPID Utama admin for a token ('ppid-central token issue').")
        case let .tokenFileExposed(path):
            language.pick("Berkas token \(path) dapat dibaca pengguna lain. Jalankan: chmod 600 \(path)",
                          "The token file \(path) is readable by other users. Run: chmod 600 \(path)")
        case let .tokenFileInvalid(path):
            language.pick("Berkas token \(path) tidak berisi token yang sah (ada spasi, karakter kendali, atau terlalu panjang). Tulis ulang dengan 'ppid-central token issue --output'.",
                          "The token file \(path) does not hold a valid token (spaces, control characters, or too long). Write it again with 'ppid-central token issue --output'.")
        case let .answerTooLarge(limit):
            language.pick("Jawaban server terlalu besar (lebih dari \(limit >> 20) MiB). Tidak ada yang diubah; laporkan ke admin PPID Utama.",
                          "The answer was too large (over \(limit >> 20) MiB). Nothing was changed; tell the PPID Utama administrator.")
        case let .inconsistentServer(detail):
            language.pick("Jawaban server tidak konsisten (\(detail)). Sinkron dihentikan tanpa mengubah apa pun; laporkan ke admin PPID Utama.",
                          "The server's answers are inconsistent (\(detail)). The sync stopped without changing anything; tell the PPID Utama administrator.")
        case let .unreachable(server, detail):
            language.pick("Server \(server) tidak dapat dihubungi (\(detail)). Perubahan tetap tersimpan dan dikirim saat sinkron berikutnya.",
                          "The server \(server) cannot be reached (\(detail)). Changes are kept and sent at the next sync.")
        case let .timedOut(server):
            language.pick("Server \(server) tidak menjawab tepat waktu. Perubahan tetap tersimpan; coba lagi nanti.",
                          "The server \(server) did not answer in time. Changes are kept; try again later.")
        case .unauthorized:
            language.pick("Token ditolak server (401): tidak berlaku atau dicabut. Minta token baru kepada admin PPID Utama.",
                          "The server refused the token (401): not valid or revoked. Ask the PPID Utama admin for a new one.")
        case let .forbidden(message):
            language.pick("Server menolak: \(message)", "The server refused: \(message)")
        case let .serverFailed(status, message):
            language.pick("Server menjawab galat \(status): \(message). Perubahan tetap tersimpan; sinkron berikutnya mencoba lagi.",
                          "The server answered error \(status): \(message). Changes are kept; the next sync tries again.")
        case let .malformedAnswer(detail):
            language.pick("Jawaban server tidak dapat dibaca (\(detail)). Tidak ada yang diubah; sinkron berikutnya mencoba lagi.",
                          "The server's answer could not be read (\(detail)). Nothing was changed; the next sync tries again.")
        case let .wrongUnit(token, database):
            language.pick("Token ini untuk unit \(token), tetapi basis data ini milik unit \(database). Gunakan token unit \(database) atau basis data lain (--db).",
                          "This token is for unit \(token), but this database belongs to unit \(database). Use a token of \(database) or another database (--db).")
        case let .store(message):
            message
        case let .certificatesUnreadable(path):
            language.pick("Berkas sertifikat \(path) ('server_ca') tidak dapat dibaca. Periksa jalurnya, atau hapus baris itu untuk memakai sertifikat sistem.",
                          "The certificate file \(path) ('server_ca') cannot be read. Check the path, or remove the line to use the system's certificates.")
        case let .untrustedServer(server, detail):
            language.pick("Sambungan aman ke \(server) gagal: sertifikat server tidak dipercaya atau tidak cocok (\(detail)). Jangan lanjutkan dengan sertifikat lain; tanyakan sertifikat CA badan publik kepada admin PPID Utama dan pasang sebagai 'server_ca'.",
                          "The secure connection to \(server) failed: its certificate is not trusted or does not match (\(detail)). Ask the PPID Utama admin for the body's CA certificate and set it as 'server_ca'.")
        }
    }

    /// Whether trying again soon may help (the link or the server), as opposed to a setting to fix.
    public var isTransient: Bool {
        switch self {
        case .unreachable, .timedOut, .serverFailed, .malformedAnswer: true
        default: false
        }
    }

    static func from(_ error: StoreError) -> SyncError { .store(error.text(.indonesian)) }
}
