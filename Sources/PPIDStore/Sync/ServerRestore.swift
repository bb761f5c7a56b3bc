import Foundation
import GRDB
import PPIDDomain

/// After the central register is restored from an older backup, this terminal holds accepted
/// events the server no longer has: its cursor is past the server's last number. The terminal is
/// the last copy of them. It says so, sends its own events again (the server takes back those it
/// lost, with their original ids and numbers, and answers "accepted" to those it still holds), and
/// pulls the whole log again from the start (events it holds are recognised by id and take the
/// server's new numbers).
extension LocalStore {
    /// Prepares the recovery when the server's latest number is below this terminal's cursor:
    /// every event this terminal had accepted goes back to the outbox, the cursor goes back to 0,
    /// and the finding is kept for the status line and the audit trail. Returns how many events
    /// will be sent again.
    @discardableResult
    public func prepareRecoveryFromServerRestore(serverLatest: Int64, cursor: Int64) throws(StoreError) -> Int {
        try write { db in
            try db.execute(sql: "UPDATE outbox SET state = 'pending' WHERE state = 'accepted'")
            let requeued = db.changesCount
            try Self.setSyncValue("cursor", "0", in: db)
            try Self.setSyncValue("knownTop", "", in: db)
            try Self.setSyncValue("serverRestored", "\(serverLatest) \(cursor) \(requeued)", in: db)
            try audit(db, action: "sync.server-restored", subject: "\(serverLatest)",
                      detail: "cursor \(cursor), \(requeued) events sent again")
            return requeued
        }
    }

    /// The highest server number this terminal knows an event at, and that event's id, which a pull
    /// names to the server; nil before any.
    public func knownTop() throws(StoreError) -> (sequence: Int64, id: UUID)? {
        let parts = (try syncValue("knownTop") ?? "").split(separator: " ")
        guard parts.count == 2, let sequence = Int64(parts[0]), let id = UUID(uuidString: String(parts[1])) else { return nil }
        return (sequence, id)
    }

    /// What the last recovery from a restored server found, for the officer; nil when none happened.
    public func serverRestoreNote() throws(StoreError) -> ServerRestoreNote? {
        let parts = (try syncValue("serverRestored") ?? "").split(separator: " ").compactMap { Int64($0) }
        guard parts.count == 3 else { return nil }
        return ServerRestoreNote(serverLatest: parts[0], cursor: parts[1], resent: Int(parts[2]))
    }
}

/// The last recovery from a server restored from an older backup.
public struct ServerRestoreNote: Hashable, Sendable, Localized {
    public let serverLatest: Int64
    public let cursor: Int64
    public let resent: Int

    public func text(_ language: Language) -> String {
        language.pick("Server dipulihkan dari cadangan lama: nomor terakhirnya \(serverLatest), terminal ini sudah sampai \(cursor). "
                      + "\(resent) peristiwa terminal ini dikirim ulang; log ditarik ulang dari awal.",
                      "The server was restored from an older backup: its last number was \(serverLatest), this terminal had reached \(cursor). "
                      + "\(resent) of this terminal's events were sent again; the log was pulled again from the start.")
    }
}
