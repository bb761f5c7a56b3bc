import Foundation
import GRDB
import PPIDDomain

/// A local event waiting to be pushed to the central server.
public struct OutboxItem: Hashable, Sendable {
    public let seq: Int64
    public let envelope: EventEnvelope
    public let attempts: Int
}

/// A local event the central server refused: shown to the officer in the conflicts list.
public struct Conflict: Hashable, Sendable {
    public let envelope: EventEnvelope
    public let reason: String
}

extension LocalStore {
    /// The oldest pending local events, in log order.
    public func pendingOutbox(limit: Int = 500) throws(StoreError) -> [OutboxItem] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.seq, e.payload, o.attempts FROM outbox o JOIN events e ON e.uuid = o.event_uuid
                WHERE o.state = 'pending' ORDER BY e.seq LIMIT ?
                """, arguments: [limit]).map { row in
                OutboxItem(seq: row[0], envelope: try EventCoding.decode(row[1], seq: row[0]), attempts: row[2])
            }
        }
    }

    /// How many local events are not yet accepted by the server.
    public func pendingCount() throws(StoreError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM outbox WHERE state = 'pending'") ?? 0 }
    }

    /// Marks pushed events as accepted, with the server's sequence numbers, in one transaction.
    public func markAccepted(_ accepted: [(UUID, Int64)]) throws(StoreError) {
        try write { db in
            // The server recorded each under the token's officer: so does this log, from the start.
            let officer = self.cache.withLock { $0.enrolled?.login }
            for (id, serverSeq) in accepted {
                try db.execute(sql: "UPDATE outbox SET state = 'accepted', server_seq = ? WHERE event_uuid = ?",
                               arguments: [serverSeq, id.text])
                if let officer { try self.noteRecordedOfficer(id, officer: officer, in: db) }
            }
        }
    }

    /// Marks a pushed event as rejected and rebuilds its case's projection without it. Never silent:
    /// the event stays in the log and appears in ``conflicts()`` with the server's reason.
    public func markRejected(_ id: UUID, reason: String) throws(StoreError) {
        try write { db in
            try db.execute(sql: "UPDATE outbox SET state = 'rejected', reason = ? WHERE event_uuid = ?",
                           arguments: [reason, id.text])
            guard let caseUUID = try String.fetchOne(db, sql: "SELECT case_uuid FROM events WHERE uuid = ?",
                                                     arguments: [id.text]),
                  let caseID = UUID(uuidString: caseUUID) else { return }
            try self.reproject(caseID, in: db)
            try self.audit(db, action: "sync.rejected", subject: caseUUID, detail: reason)
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
                SELECT e.seq, e.payload, o.reason FROM outbox o JOIN events e ON e.uuid = o.event_uuid
                WHERE o.state = 'rejected' ORDER BY e.seq DESC
                """).map { row in
                Conflict(envelope: try EventCoding.decode(row[1], seq: row[0]), reason: row[2] ?? "")
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
