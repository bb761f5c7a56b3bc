import Foundation
import PPIDDomain
import PPIDLetters
import PPIDWire

/// A letter in the outbox, as the officer and the mail worker see it.
public struct OutboxMail: Sendable, Hashable {
    public enum State: String, Sendable { case pending, sent, failed }
    public let id: Int64
    public let caseID: String
    /// The letter kind (`pemberitahuan`, `tanda-bukti-permohonan`...).
    public let kind: String
    public let unit: String
    public let recipient: String
    public let subject: String
    public let body: String
    public let state: State
    public let attempts: Int
    public let nextAttemptAt: Date
    public let lastError: String?
    public let createdAt: Date
    public let sentAt: Date?
}

extension CentralStore {
    /// After this many failed attempts a letter is given up (failed), for the officer to see.
    public static let mailAttempts = 8

    static func enqueue(_ letters: [MailLetter], at now: Double, in db: any SQLSession) throws {
        for letter in letters {
            _ = try db.execute("""
                INSERT INTO mail_outbox(case_uuid, kind, unit, recipient, subject, body, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, [SQLValue.text(letter.caseID.uuidString), .text(letter.kind.rawValue), .text(letter.unit), .text(letter.recipient),
                      .text(letter.subject), .text(letter.body), .double(now), .double(now)])
        }
    }

    /// The body name letters are headed with: the PPID Utama's unit name.
    static func bodyName(in db: any SQLSession) throws -> String {
        try db.value("SELECT name FROM units WHERE is_main = 1 ORDER BY code LIMIT 1", as: String.self) ?? "Badan Publik"
    }

    /// The letters an accepted event calls for, queued in the same transaction.
    static func queueLetters(for envelope: EventEnvelope, record: CaseRecord, unit code: String, at now: Date,
                             trackingCode: String? = nil, in db: any SQLSession) throws {
        // Most requests registered at a counter have no email: nothing to read for them.
        if case let .request(request) = record, request.registration.requester.email.trimmingCharacters(in: .whitespaces).isEmpty { return }
        guard let unit = try Self.unit(code, in: db) else { return }
        var request: RequestRecord?
        if case let .objection(objection) = record,
           case let .request(found)? = try Self.fold(caseID: objection.filing.requestID.uuidString, in: db,
                                                    context: try Self.context(forUnit: code, in: db)) {
            request = found
        }
        let letters = MailLetters.letters(for: envelope, record: record, unit: unit, body: try bodyName(in: db), request: request,
                                          trackingCode: trackingCode)
        try enqueue(letters, at: now.timeIntervalSince1970, in: db)
    }

    /// Takes the next letter due for sending, leased to this worker for `lease` seconds (another
    /// instance's worker skips it meanwhile); nil when none is due.
    public func claimDueMail(lease: TimeInterval = 120) throws(CentralError) -> OutboxMail? {
        let now = clock().timeIntervalSince1970
        return try write { db in
            guard let id = try db.value("""
                SELECT id FROM mail_outbox WHERE state = 'pending' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)
                ORDER BY next_attempt_at, id LIMIT 1
                """, [now, now], as: Int64.self) else { return nil }
            _ = try db.execute("UPDATE mail_outbox SET claimed_until = ? WHERE id = ?", [SQLValue.double(now + lease), .int(id)])
            return try Self.mail(id: id, in: db)
        }
    }

    /// Records that the relay accepted a letter. A written notice accepted for delivery is the day the
    /// requester received it (for the objection window): the request is marked delivered by email,
    /// unless the unit has already recorded a delivery.
    public func markMailSent(_ id: Int64) throws(CentralError) {
        let now = clock()
        try writeLedger { db in
            guard let mail = try Self.mail(id: id, in: db), mail.state == .pending else { return }
            _ = try db.execute("UPDATE mail_outbox SET state = 'sent', sent_at = ?, claimed_until = NULL, attempts = attempts + 1 WHERE id = ?",
                               [SQLValue.double(now.timeIntervalSince1970), .int(id)])
            guard mail.kind == LetterKind.notice.rawValue else { return }
            let context = try Self.context(forUnit: mail.unit, in: db)
            guard case let .request(request)? = try Self.fold(caseID: mail.caseID, in: db, context: context),
                  request.state == .decided, request.deliveredOn == nil else { return }
            let envelope = EventEnvelope(meta: EventMeta(id: TimeOrderedID.make(at: now), officer: Self.portalActor, instant: now, zone: context.zone),
                                         event: .request(request.id, .delivered(method: .email, note: "email \(mail.recipient)")))
            guard (try? DomainRules.apply(envelope, to: .request(request), context: context)) != nil else { return }
            try PushBatch.appendMade(envelope, unit: mail.unit, zone: context.zone,
                                     as: Principal(officer: Self.portalActor, unit: mail.unit, isMain: false), in: db)
        }
    }

    /// Records a failed attempt: retried with backoff (1, 2, 4... minutes, at most an hour), or
    /// given up at once when the relay refused for good (a 5xx: no such mailbox) or after
    /// ``mailAttempts`` attempts.
    public func markMailFailed(_ id: Int64, reason: String, permanent: Bool) throws(CentralError) {
        let now = clock().timeIntervalSince1970
        try write { db in
            guard let mail = try Self.mail(id: id, in: db), mail.state == .pending else { return }
            let attempts = mail.attempts + 1
            let giveUp = permanent || attempts >= Self.mailAttempts
            let delay = min(3600, 60 * pow(2, Double(attempts - 1)))
            _ = try db.execute("""
                UPDATE mail_outbox SET state = ?, attempts = ?, last_error = ?, next_attempt_at = ?, claimed_until = NULL WHERE id = ?
                """, [SQLValue.text(giveUp ? "failed" : "pending"), .int(Int64(attempts)), .text(String(reason.prefix(500))),
                      .double(now + delay), .int(id)])
        }
    }

    /// Puts a failed (or waiting) letter back to be sent now.
    public func retryMail(_ id: Int64) throws(CentralError) -> Bool {
        let now = clock().timeIntervalSince1970
        return try write { db in
            try db.execute("UPDATE mail_outbox SET state = 'pending', next_attempt_at = ?, claimed_until = NULL WHERE id = ? AND state <> 'sent'",
                           [SQLValue.double(now), .int(id)]) > 0
        }
    }

    /// The outbox, newest first: every letter, or those in `state`; of one unit, or all.
    public func mailOutbox(state: OutboxMail.State? = nil, unit: String? = nil, limit: Int = 200) throws(CentralError) -> [OutboxMail] {
        try read { db in
            var sql = "SELECT \(Self.mailColumns) FROM mail_outbox WHERE 1 = 1"
            var arguments: [SQLValue] = []
            if let state { sql += " AND state = ?"; arguments.append(.text(state.rawValue)) }
            if let unit { sql += " AND unit = ?"; arguments.append(.text(unit)) }
            sql += " ORDER BY id DESC LIMIT ?"
            arguments.append(.int(Int64(limit)))
            return try db.rows(sql, arguments).map(Self.mail(from:))
        }
    }

    static let mailColumns = """
        id, case_uuid, kind, unit, recipient, subject, body, state, attempts, next_attempt_at, last_error, created_at, sent_at
        """

    static func mail(id: Int64, in db: any SQLSession) throws -> OutboxMail? {
        try db.row("SELECT \(mailColumns) FROM mail_outbox WHERE id = ?", [id]).map(mail(from:))
    }

    /// A letter from a row of ``mailColumns``.
    static func mail(from row: SQLRow) throws -> OutboxMail {
        OutboxMail(id: try row[0], caseID: try row[1], kind: try row[2], unit: try row[3], recipient: try row[4], subject: try row[5],
                   body: try row[6], state: OutboxMail.State(rawValue: try row[7]) ?? .pending, attempts: Int(try row.get(8, as: Int64.self)),
                   nextAttemptAt: Date(timeIntervalSince1970: try row[9]), lastError: try row[10],
                   createdAt: Date(timeIntervalSince1970: try row[11]), sentAt: (try row.get(12, as: Double?.self)).map(Date.init(timeIntervalSince1970:)))
    }
}

extension CentralStore {
    /// The letters mailed for a case (a request's, or an objection's), oldest first, for an officer
    /// of its unit or the PPID Utama; nil for no such case.
    public func caseMail(_ caseID: UUID, for principal: Principal) throws(CentralError) -> [OutboxMail]? {
        try read { db in
            guard try Self.accessibleUnit(ofCase: caseID, for: principal, in: db) != nil else { return nil }
            return try db.rows("SELECT \(Self.mailColumns) FROM mail_outbox WHERE case_uuid = ? ORDER BY id", [caseID.uuidString])
                .map(Self.mail(from:))
        }
    }
}
