import Foundation
import Logging
import Testing
import PPIDCentral
@testable import PPIDCentralServer
import PPIDDomain
import PPIDWire

/// A real SMTP server on loopback (aiosmtpd from PyPI, writing a maildir), started by the test
/// and stopped by its own pid.
final class LoopbackSMTP: @unchecked Sendable {
    static var available: Bool {
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", "-c", "import aiosmtpd"]
        check.standardOutput = FileHandle.nullDevice
        check.standardError = FileHandle.nullDevice
        guard (try? check.run()) != nil else { return false }
        check.waitUntilExit()
        return check.terminationStatus == 0
    }

    let folder: String
    let port: Int
    let process = Process()

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ppid-smtp-\(UUID())").path
        port = Int.random(in: 20_000...29_999)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // `env` executes python3 in its own place: the pid is the server's.
        process.arguments = ["python3", "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:\(port)", "-c", "aiosmtpd.handlers.Mailbox", folder]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Ready when it accepts a connection.
        for _ in 0..<100 {
            if let connection = try? SMTPClient.Connection(host: "127.0.0.1", port: port, timeout: 1) {
                connection.close()
                return
            }
            usleep(50_000)
        }
    }

    func stop() {
        // aiosmtpd does not stop on SIGTERM: killed, by its own pid.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// The messages received: their decoded subject and body.
    func messages() -> [(to: String, subject: String, body: String)] {
        let new = folder + "/new"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: new)) ?? []).sorted()
        return names.compactMap { name in
            guard let text = try? String(contentsOfFile: new + "/" + name, encoding: .utf8) else { return nil }
            let parts = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
            let headers = parts.first ?? ""
            func header(_ key: String) -> String {
                headers.split(separator: "\n").first { $0.lowercased().hasPrefix(key.lowercased() + ":") }
                    .map { String($0.dropFirst(key.count + 1)).trimmingCharacters(in: .whitespaces) } ?? ""
            }
            var subject = header("Subject")
            if subject.hasPrefix("=?UTF-8?B?"), subject.hasSuffix("?="),
               let data = Data(base64Encoded: String(subject.dropFirst(10).dropLast(2))) {
                subject = String(decoding: data, as: UTF8.self)
            }
            let encoded = parts.dropFirst().joined(separator: "\n").replacingOccurrences(of: "\n", with: "")
            let body = Data(base64Encoded: encoded).map { String(decoding: $0, as: UTF8.self) } ?? ""
            return (header("To"), subject, body)
        }
    }
}

@Suite("Letters by email", .serialized, .enabled(if: LoopbackSMTP.available))
struct MailTests {
    static let scan = Data("%PDF-1.4\nktp\n".utf8)

    static func submission(email: String) -> RequestSubmission {
        var submission = RequestSubmission()
        submission.name = "Siti Nasution"
        submission.nik = "3171234567890002"
        submission.address = "Jakarta"
        submission.email = email
        submission.information = "Laporan keuangan 2025"
        submission.purpose = "Penelitian"
        return submission
    }

    @Test("The receipt and the written notice reach the requester's mailbox; the notice's day of delivery is recorded")
    func receiptAndNotice() async throws {
        let smtp = try LoopbackSMTP()
        defer { smtp.stop() }
        let fixture = try await Fixture.start()
        defer { Task { await fixture.stop() } }
        let delivery = MailDelivery(store: fixture.store, relay: try SMTPRelay(url: "smtp://127.0.0.1:\(smtp.port)", from: "ppid@contoh.go.id"),
                                    logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        let receipt = try fixture.store.submitPortalRequest(Self.submission(email: "siti@contoh.id"), unit: "HUMAS", idScan: (Self.scan, "ktp.pdf"))
        #expect(try fixture.store.mailOutbox(state: .pending).map(\.kind) == ["tanda-bukti-permohonan"])
        #expect(await delivery.runOnce() == 1)
        var messages = smtp.messages()
        #expect(messages.count == 1)
        #expect(messages.first?.to == "<siti@contoh.id>")
        #expect(messages.first?.subject == "Tanda bukti permohonan informasi publik \(receipt.registrationNumber)")
        #expect(messages.first?.body.contains(receipt.registrationNumber) == true && messages.first?.body.contains(receipt.trackingCode) == true)
        #expect(try fixture.store.mailOutbox(state: .sent).count == 1)

        // The unit decides: the notice is queued with the decision, in the same transaction.
        let instant = Date()
        let decided = WireEvent(envelope: EventEnvelope(meta: EventMeta(id: UUID(), officer: "rina", instant: instant,
                                                                        localDate: UnitZone.wib.civilDate(of: instant)),
                                                        event: .request(receipt.caseID, .decided(Decision(outcome: .grantedInFull, form: .softCopy)))),
                                unit: "HUMAS", sequence: nil)
        let pushed = try await fixture.call(.POST, "/v1/events", token: fixture.humas, body: try Events.push([decided]))
        #expect(try pushed.decode(PushResponse.self).outcomes.first?.status == .accepted)
        #expect(try fixture.store.mailOutbox(state: .pending).map(\.kind) == ["pemberitahuan"])
        #expect(await delivery.runOnce() == 1)
        messages = smtp.messages()
        #expect(messages.contains { $0.subject.hasPrefix("Pemberitahuan tertulis") && $0.body.contains("Diberikan seluruhnya") })
        // Handed to the relay: the requester received the notice today, which starts the objection window.
        guard case let .request(request)? = try fixture.store.caseRecord(receipt.caseID) else { Issue.record("no request"); return }
        #expect(request.state == .delivered)
        #expect(request.deliveredOn == UnitZone.wib.civilDate(of: Date()))
        #expect(request.objectionGroundsArose == request.deliveredOn)
        // The unit's terminals learn it on their next pull.
        let changes = String(decoding: try await fixture.call(.GET, "/v1/changes?after=0", token: fixture.humas).body, as: UTF8.self)
        #expect(changes.contains("request.delivered"))
    }

    @Test("A relay that is down: the letter waits and is retried with backoff; an address refused for good fails, for the officer to see")
    func failuresAndRetries() async throws {
        let fixture = try await Fixture.start()
        defer { Task { await fixture.stop() } }
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        // Nothing listens on this port.
        let down = MailDelivery(store: fixture.store, relay: try SMTPRelay(url: "smtp://127.0.0.1:9", from: "ppid@contoh.go.id"), logger: logger)
        _ = try fixture.store.submitPortalRequest(Self.submission(email: "siti@contoh.id"), unit: "HUMAS", idScan: (Self.scan, "ktp.pdf"))
        #expect(await down.runOnce() == 0)
        let waiting = try #require(try fixture.store.mailOutbox().first)
        #expect(waiting.state == .pending && waiting.attempts == 1 && waiting.lastError?.contains("cannot connect") == true)
        #expect(waiting.nextAttemptAt > Date().addingTimeInterval(50), "the next attempt waits a minute")
        #expect(await down.runOnce() == 0, "not due yet: not tried again at once")
        #expect(try fixture.store.mailOutbox().first?.attempts == 1)

        let smtp = try LoopbackSMTP()
        defer { smtp.stop() }
        let up = MailDelivery(store: fixture.store, relay: try SMTPRelay(url: "smtp://127.0.0.1:\(smtp.port)", from: "ppid@contoh.go.id"), logger: logger)
        #expect(try fixture.store.retryMail(waiting.id))
        #expect(await up.runOnce() == 1)
        #expect(try fixture.store.mailOutbox().first?.state == .sent)

        // An address no relay can take fails at once, with the reason.
        _ = try fixture.store.submitPortalRequest(Self.submission(email: "siti@contoh.id"), unit: "HUMAS", idScan: (Self.scan, "ktp.pdf"))
        let second = try #require(try fixture.store.mailOutbox(state: .pending).first)
        #expect(second.recipient == "siti@contoh.id")
        #expect(throws: MailFailure.self) {
            try SMTPClient(relay: up.relay).send(to: "bukan alamat", subject: "x", body: "x", messageID: "x@y")
        }
        try fixture.store.markMailFailed(second.id, reason: "550 no such mailbox", permanent: true)
        let failed = try #require(try fixture.store.mailOutbox(state: .failed).first)
        #expect(failed.id == second.id && failed.lastError == "550 no such mailbox")
        #expect(await up.runOnce() == 0, "a failed letter is not sent again unless retried")
        // The unit's officer sees it, with the relay's words; another unit does not.
        let seen = try await fixture.call(.GET, "/v1/mail?case=\(second.caseID)", token: fixture.humas)
        let letters = try seen.decode(MailList.self).mails
        #expect(letters.map(\.state) == ["failed"] && letters.first?.lastError == "550 no such mailbox" && letters.first?.kind == "tanda-bukti-permohonan")
        #expect(try await fixture.call(.GET, "/v1/mail?case=\(second.caseID)", token: fixture.keu).status == 403)
        #expect(try await fixture.call(.GET, "/v1/mail?case=\(UUID().uuidString)", token: fixture.humas).status == 404)
    }
}
