import Foundation
import GRDB
import PPIDDomain

/// A local event waiting to be pushed, as stored: its envelope's bytes go on the wire as they are,
/// so a push neither decodes nor encodes what the terminal already wrote.
public struct OutboxPayload: Hashable, Sendable {
    public let seq: Int64
    public let id: UUID
    public let payload: Data
}

/// A local event the central server refused: shown to the officer in the conflicts list.
public struct Conflict: Hashable, Sendable {
    public let envelope: EventEnvelope
    /// The server's reason, in Indonesian (as the server gave it).
    public let reason: String
    /// The server's reason in English, where it gave one.
    public let reasonEnglish: String?
    /// The case's register number and requester (masked), as this terminal holds it now.
    public let caseNumber: String?
    public let requester: String?
    /// What the server holds for the case now, in words (its state and due date).
    public let held: String?
    /// Letters written for the refused act, now void.
    public let voidedLetters: [String]

    /// The server's reason in `language`.
    public func reason(_ language: Language) -> String {
        language == .english ? (reasonEnglish ?? reason) : reason
    }

    /// What the officer should do now, by the kind of act refused.
    public func advice(_ language: Language) -> String {
        let letters = voidedLetters.isEmpty ? "" : language.pick(
            " Surat \(voidedLetters.joined(separator: ", ")) BATAL: jangan diserahkan.",
            " Letter \(voidedLetters.joined(separator: ", ")) is VOID: do not hand it over.")
        return language.pick(
            "Periksa keadaan yang kini berlaku di server; bila tindakan ini masih perlu, ulangi dari layar kasus.",
            "Check what the server holds now; if the act is still needed, do it again from the case.") + letters
    }
}

extension LocalStore {
    /// The pending local events after log position `seq`, in log order, as stored: what a push
    /// sends. At most `limit` of them, and no more than `maximumBytes` of envelopes (at least one,
    /// whatever its size): a batch of long texts stays within what the server takes in one body.
    public func pendingOutboxPayloads(after seq: Int64, limit: Int, maximumBytes: Int = .max) throws(StoreError) -> [OutboxPayload] {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: Self.pendingOutboxQuery, arguments: [seq, limit])
            var batch: [OutboxPayload] = []
            var bytes = 0
            while let row = try rows.next() {
                let payload: Data = row[2]
                if !batch.isEmpty && bytes + payload.count > maximumBytes { break }
                let text: String = row[1]
                guard let id = UUID(uuidString: text) else { throw StoreError.undecodable(what: "event #\(row[0] as Int64)", reason: "id \(text)") }
                batch.append(OutboxPayload(seq: row[0], id: id, payload: payload))
                bytes += payload.count
            }
            return batch
        }
    }

    /// The next pending events after a log position: a range of the outbox's index by state and
    /// log position, then each event by its number; no sort, whatever else is pending.
    static let pendingOutboxQuery = """
        SELECT e.seq, e.uuid, e.payload FROM outbox o JOIN events e ON e.seq = o.event_seq
        WHERE o.state = 'pending' AND o.event_seq > ? ORDER BY o.event_seq LIMIT ?
        """

    /// How many local events are not yet accepted by the server.
    public func pendingCount() throws(StoreError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM outbox WHERE state = 'pending'") ?? 0 }
    }

    /// Marks pushed events as accepted, with the server's sequence numbers, in one transaction.
    public func markAccepted(_ accepted: [(UUID, Int64)]) throws(StoreError) {
        try write { db in
            // The server recorded each under the token's officer: so does this log, from the start.
            let officer = self.cache.withLock { $0.enrolled?.login }
            // One prepared statement for the batch: a push accepts events by the thousand.
            let update = try db.cachedStatement(sql: """
                UPDATE outbox SET state = 'accepted', server_seq = ?1, recorded_officer = coalesce(?3, recorded_officer)
                WHERE event_uuid = ?2
                """)
            for (id, serverSeq) in accepted {
                try update.execute(arguments: [serverSeq, id.text, officer])
            }
            if let top = accepted.max(by: { $0.1 < $1.1 }) { try Self.noteKnownTop(sequence: top.1, id: top.0, in: db) }
        }
    }

    /// Keeps the highest server number this terminal knows an event at (pulled, or its own accepted),
    /// with that event's id: a restored server that no longer holds it is found by it.
    static func noteKnownTop(sequence: Int64, id: UUID, in db: Database) throws {
        let current = Int64((try setting("knownTop", in: db) ?? "").split(separator: " ").first ?? "") ?? 0
        if sequence > current { try setSyncValue("knownTop", "\(sequence) \(id.text)", in: db) }
    }

    static func setting(_ key: String, in db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM sync_state WHERE key = ?", arguments: [key])
    }

    /// Marks a pushed event as rejected and rebuilds its case's projection without it. Never silent:
    /// the event stays in the log and appears in ``conflicts()`` with the server's reason. A letter
    /// written for the refused act is marked void in the letter register; the letters are returned
    /// so the caller marks their files too.
    @discardableResult
    public func markRejected(_ id: UUID, reason: String, reasonEnglish: String? = nil) throws(StoreError) -> [LetterEntry] {
        try write { db in
            try db.execute(sql: "UPDATE outbox SET state = 'rejected', reason = ?, reason_english = ? WHERE event_uuid = ?",
                           arguments: [reason, reasonEnglish, id.text])
            guard let row = try Row.fetchOne(db, sql: "SELECT seq, payload, case_uuid FROM events WHERE uuid = ?", arguments: [id.text]),
                  let caseID = UUID(uuidString: row["case_uuid"]) else { return [] }
            try self.reproject(caseID, in: db)
            try self.audit(db, action: "sync.rejected", subject: row["case_uuid"], detail: reason)
            let envelope = try EventCoding.decode(row["payload"], seq: row["seq"])
            return try self.voidLetters(of: envelope.event, reason: reason, in: db)
        }
    }

    /// How many local events the server refused (the status line's count, without decoding them).
    public func conflictCount() throws(StoreError) -> Int {
        try readOne { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM outbox WHERE state = 'rejected'") ?? 0 }
    }

    /// Local events the server refused, newest first.
    public func conflicts() throws(StoreError) -> [Conflict] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.seq, e.payload, o.reason, o.reason_english, e.case_uuid FROM outbox o JOIN events e ON e.uuid = o.event_uuid
                WHERE o.state = 'rejected' ORDER BY e.seq DESC
                """).map { row in
                let caseUUID: String = row[4]
                var number: String?, requester: String?, held: String?
                if let request = try Row.fetchOne(db, sql: """
                    SELECT number, requester_name, requester_kind, state, due_date FROM requests WHERE uuid = ?
                    """, arguments: [caseUUID]) {
                    number = request[0]
                    let name: String = request[1]
                    requester = (request[2] as String) == Requester.Kind.entity.rawValue ? name : PersonalDataMask.name(name)
                    held = "\(request[3] as String) · \(request[4] as String)"
                } else if let objection = try Row.fetchOne(db, sql: "SELECT number, state FROM objections WHERE uuid = ?", arguments: [caseUUID]) {
                    number = objection[0]
                    held = objection[1]
                }
                let letters = try String.fetchAll(db, sql: "SELECT number FROM letters WHERE case_uuid = ? AND void_reason IS NOT NULL",
                                                  arguments: [caseUUID])
                return Conflict(envelope: try EventCoding.decode(row[1], seq: row[0]), reason: row[2] ?? "", reasonEnglish: row[3],
                                caseNumber: number, requester: requester, held: held, voidedLetters: letters)
            }
        }
    }

    /// The position in the server's log up to which this database has pulled.
    public func syncCursor() throws(StoreError) -> Int64 {
        try read { db in try Self.syncCursor(in: db) }
    }

    static func syncCursor(in db: Database) throws -> Int64 {
        Int64(try String.fetchOne(db, sql: "SELECT value FROM sync_state WHERE key = 'cursor'") ?? "0") ?? 0
    }

    /// A value of the sync state (last sync time, last error), or nil.
    public func syncValue(_ key: String) throws(StoreError) -> String? {
        try read { db in try Self.syncValue(key, in: db) }
    }

    static func syncValue(_ key: String, in db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM sync_state WHERE key = ?", arguments: [key])
    }

    /// Stores a value of the sync state.
    public func setSyncValue(_ key: String, _ value: String) throws(StoreError) {
        try write { db in try Self.setSyncValue(key, value, in: db) }
    }

    static func setSyncValue(_ key: String, _ value: String, in db: Database) throws {
        try db.execute(sql: "INSERT INTO sync_state(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                       arguments: [key, value])
    }
}

extension LocalStore {
    /// Notes the officer the server recorded for one of this terminal's events. The log itself is
    /// append-only: the terminal's claim stays in it, and history and lists show the server's word.
    func noteRecordedOfficer(_ id: UUID, officer: String, in db: Database) throws {
        try db.execute(sql: """
            UPDATE outbox SET recorded_officer = ?1 WHERE event_uuid = ?2 AND recorded_officer IS NOT ?1
            """, arguments: [officer, id.text])
    }
}
