import Foundation
import GRDB
import PPIDDomain

/// An event of the server's log this terminal could not read, as the officer sees it.
public struct SetAsideEntry: Hashable, Sendable {
    public let sequence: Int64
    public let unit: String
    /// The case's register number where this terminal holds the case.
    public let caseNumber: String?
    public let caseID: UUID?
    public let reason: String

    /// What the officer should do about it.
    public func advice(_ language: Language) -> String {
        language.pick("Perbarui ppid ke versi terbaru; peristiwa ini diterapkan otomatis pada sinkronisasi berikutnya. Sampai saat itu kasus \(caseNumber ?? "ini") mungkin belum mutakhir: periksa di server atau tanyakan ke PPID Utama.",
                      "Update ppid to the latest version; the event is applied by itself at the next sync. Until then case \(caseNumber ?? "this") may be out of date: check it on the server or ask the PPID Utama.")
    }
}

extension LocalStore {
    /// Events set aside, oldest first, with the case number where the case is held.
    public func setAsideEvents() throws(StoreError) -> [SetAsideEntry] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.sequence, s.unit, s.case_uuid, s.reason,
                       COALESCE((SELECT number FROM requests WHERE uuid = s.case_uuid),
                                (SELECT number FROM objections WHERE uuid = s.case_uuid),
                                (SELECT number FROM disputes WHERE uuid = s.case_uuid),
                                (SELECT number FROM dip_entries WHERE uuid = s.case_uuid))
                FROM set_aside s ORDER BY s.sequence
                """).map { row in
                SetAsideEntry(sequence: row[0], unit: row[1], caseNumber: row[4],
                              caseID: (row[2] as String?).flatMap(UUID.init(uuidString:)), reason: row[3])
            }
        }
    }

    /// How many events are set aside (the status line's count).
    public func setAsideCount() throws(StoreError) -> Int {
        try readOne { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM set_aside") ?? 0 }
    }

    /// Tries the set-aside events again (this version may read them now): each one read is added
    /// to the log and its case refolded; the others stay. Returns how many were applied.
    @discardableResult
    public func retrySetAside() throws(StoreError) -> Int {
        try write { db in
            var applied = 0
            for row in try Row.fetchAll(db, sql: "SELECT sequence, payload FROM set_aside ORDER BY sequence") {
                let sequence: Int64 = row[0]
                let payload: Data = row[1]
                guard let envelope = try? EventCoding.decoder().decode(EventEnvelope.self, from: payload) else { continue }
                _ = try self.append(envelope, payload: payload, origin: "central", serverSeq: sequence, terminal: "pusat",
                                    unlessHeld: true, in: db)
                try db.execute(sql: "DELETE FROM set_aside WHERE sequence = ?", arguments: [sequence])
                try self.reproject(envelope.event.caseID, in: db)
                try self.audit(db, action: "sync.set-aside.applied", subject: envelope.event.caseID.text, detail: "#\(sequence)")
                applied += 1
            }
            return applied
        }
    }

    /// Sets aside the server's events that this terminal's rules refused while folding (a bug, or a
    /// rule that changed): the case is shown without them, the officer sees which case, and they are
    /// tried again at each sync. This terminal's own pending events are not: they wait for the server.
    func setAsideUnapplied(_ rejected: [(EventEnvelope, EventRejection)], in db: Database) throws {
        for (envelope, rejection) in rejected {
            guard let row = try Row.fetchOne(db, sql: "SELECT server_seq, payload FROM events WHERE uuid = ? AND origin = 'central'",
                                             arguments: [envelope.meta.id.text]),
                  let sequence = row[0] as Int64? else { continue }
            let unit = (try UnitContexts.unit(of: envelope.event, in: db)) ?? profile.code
            try db.execute(sql: """
                INSERT OR IGNORE INTO set_aside(sequence, unit, case_uuid, payload, reason, at) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [sequence, unit, envelope.event.caseID.text, row[1] as Data,
                                 "not applicable here: " + rejection.text(.english), clock().timeIntervalSince1970])
        }
    }
}
