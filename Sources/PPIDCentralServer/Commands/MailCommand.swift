import ArgumentParser
import Foundation
import PPIDCentral

/// `ppid-central mail list|retry`: the letters mailed to requesters, and what became of them.
struct MailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail", abstract: "Surat lewat email kepada pemohon. / Letters mailed to requesters.", subcommands: [List.self, Retry.self],
        defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Kotak keluar, terbaru dahulu. / The outbox, newest first.")
        @OptionGroup var database: DatabaseOption
        @Option(help: "pending, sent atau failed. / pending, sent or failed.") var state: String?
        @Option(help: "Kode unit. / Unit code.") var unit: String?

        func validate() throws {
            if let state, OutboxMail.State(rawValue: state) == nil {
                throw ValidationError("--state harus pending, sent atau failed (diberi \(state)). / --state must be pending, sent or failed.")
            }
        }

        func run() throws {
            let store = try database.open()
            let mails = try perform { () throws(CentralError) in
                try store.mailOutbox(state: state.flatMap(OutboxMail.State.init(rawValue:)), unit: unit?.uppercased())
            }
            if mails.isEmpty { print("Kotak keluar kosong. / The outbox is empty."); return }
            let formatter = ISO8601DateFormatter()
            for mail in mails {
                let when = mail.sentAt.map { "sent \(formatter.string(from: $0))" }
                    ?? (mail.state == .failed ? "failed" : "next \(formatter.string(from: mail.nextAttemptAt))")
                print("\(mail.id)\t\(mail.state.rawValue)\t\(mail.unit)\t\(mail.kind)\t\(mail.recipient)\t\(mail.attempts) attempt(s)\t\(when)"
                      + (mail.lastError.map { "\t\($0)" } ?? ""))
            }
        }
    }

    struct Retry: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mengirim ulang sebuah surat sekarang. / Sends a letter again now.")
        @OptionGroup var database: DatabaseOption
        @Argument(help: "Nomor surat di kotak keluar. / The letter's id in the outbox.") var id: Int64

        func run() throws {
            let store = try database.open()
            guard try perform({ () throws(CentralError) in try store.retryMail(id) }) else {
                throw CentralError.invalid(field: "id", reason: "tidak ada surat \(id) yang belum terkirim / no unsent letter \(id)").exit()
            }
            print("Surat \(id) dikirim pada putaran berikutnya. / Letter \(id) goes on the next round.")
        }
    }
}
