import Foundation
import GRDB
import PPIDDomain

/// A deadline that moved because the calendar changed.
public struct MovedDeadline: Hashable, Sendable {
    public let caseID: UUID
    public let number: String
    public let oldDue: CivilDate
    public let newDue: CivilDate
}

extension LocalStore {
    /// Adds a calendar file (a new decree, a revision, regional days, a closure) and, in the same
    /// transaction, recomputes every open deadline; each one that moves is recorded as a
    /// `deadlineMoved` event ("tenggat bergeser") with its old and new date and the reason.
    @discardableResult
    public func addCalendarFile(_ file: CalendarFile, body: String) throws(StoreError) -> [MovedDeadline] {
        do {
            return try write { db in
                try db.execute(sql: "INSERT INTO calendar_files(name, body, added_at) VALUES (?, ?, ?)",
                               arguments: [file.source, body, self.clock().timeIntervalSince1970])
                // Validate and record the moves with the new calendar.
                self.setCache(try Self.loadCache(db))
                let moved = try self.recomputeOpenDeadlines(in: db, reason: file.source)
                try self.audit(db, action: "calendar.add", subject: file.source, detail: "\(moved.count) tenggat bergeser")
                return moved
            }
        } catch {
            // The transaction rolled back: go back to the calendar the file holds.
            try? reloadCache()
            throw error
        }
    }

    /// Recomputes open request and objection deadlines with the current calendar.
    func recomputeOpenDeadlines(in db: Database, reason: String) throws -> [MovedDeadline] {
        let calendar = context.calendar
        var moved: [MovedDeadline] = []
        let reasonText = "Kalender berubah: \(reason)"
        let requests = try Row.fetchAll(db, sql: "SELECT uuid, number, counts_from, notice_due, extended_due, provisional FROM requests WHERE open = 1")
        for row in requests {
            guard let id = UUID(uuidString: row[0]), let countsFrom = CivilDate(iso: row[2]),
                  let oldNotice = CivilDate(iso: row[3]) else { continue }
            let oldExtended = (row[4] as String?).flatMap(CivilDate.init(iso:))
            let noticeDeadline = calendar.deadline(.writtenNotice, after: countsFrom)
            let notice = noticeDeadline.due
            let extendedDeadline = oldExtended == nil ? nil : calendar.deadline(.extensionOfNotice, after: notice)
            let extended = extendedDeadline?.due
            guard notice != oldNotice || extended != oldExtended else {
                // The date stands, but a decree now covering it makes it certain (no more '?').
                let provisional = noticeDeadline.isProvisional || (extendedDeadline?.isProvisional ?? false)
                if provisional != row[5] {
                    try db.execute(sql: "UPDATE requests SET provisional = ? WHERE uuid = ?", arguments: [provisional, row[0] as String])
                }
                continue
            }
            _ = try record(.request(id, .deadlineMoved(noticeDue: notice, extendedDue: extended, reason: reasonText)), in: db)
            moved.append(MovedDeadline(caseID: id, number: row[1], oldDue: oldExtended ?? oldNotice, newDue: extended ?? notice))
        }
        let objections = try Row.fetchAll(db, sql: "SELECT uuid, number, filed_on, answer_due, provisional FROM objections WHERE open = 1")
        for row in objections {
            guard let id = UUID(uuidString: row[0]), let filedOn = CivilDate(iso: row[2]),
                  let oldDue = CivilDate(iso: row[3]) else { continue }
            let answer = calendar.deadline(.objectionAnswer, after: filedOn)
            let due = answer.due
            guard due != oldDue else {
                if answer.isProvisional != row[4] {
                    try db.execute(sql: "UPDATE objections SET provisional = ? WHERE uuid = ?", arguments: [answer.isProvisional, row[0] as String])
                }
                continue
            }
            _ = try record(.objection(id, .deadlineMoved(answerDue: due, reason: reasonText)), in: db)
            moved.append(MovedDeadline(caseID: id, number: row[1], oldDue: oldDue, newDue: due))
        }
        return moved
    }
}
