import Foundation
import GRDB

/// A half-filled form kept in the database so an SSH drop, a kill or a crash loses nothing.
public struct Draft: Hashable, Sendable {
    /// Which form: `request.register`, `request.<uuid>.decide`, ...
    public let form: String
    public let officer: String
    public let savedAt: Date
    /// The form's fields, as the form encodes them.
    public let body: String
}

extension LocalStore {
    /// Saves (replaces) the draft of a form.
    public func saveDraft(form: String, body: String) throws(StoreError) {
        try write { db in
            try db.execute(sql: """
                INSERT INTO drafts(form, officer, saved_at, body) VALUES (?, ?, ?, ?)
                ON CONFLICT(form) DO UPDATE SET officer = excluded.officer, saved_at = excluded.saved_at, body = excluded.body
                """, arguments: [form, self.workstation.officer, self.clock().timeIntervalSince1970, body])
        }
    }

    /// Every kept draft, newest first.
    public func drafts() throws(StoreError) -> [Draft] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT form, officer, saved_at, body FROM drafts ORDER BY saved_at DESC").map { row in
                Draft(form: row[0], officer: row[1], savedAt: Date(timeIntervalSince1970: row[2]), body: row[3])
            }
        }
    }

    /// Removes a draft once its form was submitted or discarded.
    public func deleteDraft(form: String) throws(StoreError) {
        try write { db in try db.execute(sql: "DELETE FROM drafts WHERE form = ?", arguments: [form]) }
    }
}
