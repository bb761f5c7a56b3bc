import Foundation
import Logging
import PPIDCentral

/// The server's mail worker: takes the letters due from the outbox one at a time (leased, so
/// several instances share the work), hands each to the relay, and records the outcome: sent, or
/// retried later with backoff, or given up with the relay's reason for the officer to see.
public struct MailDelivery: Sendable {
    public let store: CentralStore
    public let relay: SMTPRelay
    public let logger: Logger

    public init(store: CentralStore, relay: SMTPRelay, logger: Logger) {
        self.store = store
        self.relay = relay
        self.logger = logger
    }

    /// Sends every letter due now; returns how many were handed over.
    @discardableResult
    public func runOnce() async -> Int {
        var sent = 0
        while let mail = try? await offload({ try store.claimDueMail() }) {
            let client = SMTPClient(relay: relay)
            let outcome: Result<Void, MailFailure> = (try? await offload {
                do throws(MailFailure) {
                    try client.send(to: mail.recipient, subject: mail.subject, body: mail.body,
                                    messageID: "ppid-\(mail.id)-\(mail.caseID.lowercased())@\(relay.from.split(separator: "@").last ?? "ppid")")
                    return .success(())
                } catch {
                    return .failure(error)
                }
            }) ?? .failure(MailFailure(permanent: false, reason: "the mail worker was stopped"))
            switch outcome {
            case .success:
                sent += 1
                do { try await offload { try store.markMailSent(mail.id) } } catch {
                    logger.error("mail sent but not recorded", metadata: ["mail": "\(mail.id)", "error": "\(error)"])
                }
                logger.info("mail sent", metadata: ["mail": "\(mail.id)", "kind": "\(mail.kind)", "unit": "\(mail.unit)"])
            case let .failure(failure):
                try? await offload { try store.markMailFailed(mail.id, reason: failure.reason, permanent: failure.permanent) }
                logger.warning("mail not sent", metadata: ["mail": "\(mail.id)", "kind": "\(mail.kind)", "unit": "\(mail.unit)",
                                                           "permanent": "\(failure.permanent)", "reason": "\(failure.reason)"])
                // The relay is down: the rest waits for the next round rather than failing one by one.
                if !failure.permanent { return sent }
            }
        }
        return sent
    }

    /// Runs until cancelled, a round every `interval`.
    public func run(every interval: Duration = .seconds(5)) async {
        while !Task.isCancelled {
            await runOnce()
            try? await Task.sleep(for: interval)
        }
    }
}
