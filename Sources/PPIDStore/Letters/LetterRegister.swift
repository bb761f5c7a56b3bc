import Foundation
import GRDB
import PPIDDomain

/// One entry of the letter register: the number a letter of a case was given, once.
public struct LetterEntry: Hashable, Sendable {
    public let caseID: UUID
    public let kind: String
    public let number: String
    public let issuedAt: Date
    public let officer: String
    public let path: String
    /// Why the letter is void (its act was refused by the server), or nil for a letter in force.
    public let voidReason: String?
}

extension LocalStore {
    /// The number of the `kind` letter of a case: the one it was given the first time, so a reprint
    /// carries the same number; otherwise the next number of the letter register, recorded with it.
    public func letterNumber(case caseID: UUID, kind: String, template: String, date: CivilDate) throws(StoreError) -> String {
        let unit = profile.code
        let format = (try? RegistrationNumberFormat(template: template)) ?? .standard
        return try write { db in
            if let number = try String.fetchOne(db, sql: "SELECT number FROM letters WHERE case_uuid = ? AND kind = ? AND void_reason IS NULL",
                                                arguments: [caseID.uuidString, kind]) {
                return number
            }
            try self.checkNumbering()
            var number: String
            repeat {
                let sequence = try self.issueNumber(db, register: "letter", unit: unit, year: date.year)
                number = format.render(sequence: sequence, unit: unit, date: date, series: self.terminalSeries)
            } while try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM letters WHERE number = ?)", arguments: [number]) == true
            try db.execute(sql: "INSERT INTO letters(case_uuid, kind, number, issued_at, officer) VALUES (?, ?, ?, ?, ?)",
                           arguments: [caseID.uuidString, kind, number, self.clock().timeIntervalSince1970, self.officer])
            return number
        }
    }

    /// Notes where the letter's text file was written.
    public func noteLetterFile(number: String, path: String) throws(StoreError) {
        try write { db in
            try db.execute(sql: "UPDATE letters SET path = ? WHERE number = ?", arguments: [path, number])
            try self.audit(db, action: "letter.write", subject: number, detail: path)
        }
    }

    /// The kinds of letter an act produces (the raw values of PPIDLetters' `LetterKind`): voided
    /// with it when the server refuses the act.
    static func letterKinds(of event: DomainEvent) -> [String] {
        switch event {
        case .request(_, .decided): ["pemberitahuan", "penolakan"]
        case .request(_, .extended): ["perpanjangan"]
        case .objection(_, .answered): ["tanggapan-keberatan"]
        default: []
        }
    }

    /// Marks void the letters in force that `event` produced; returns them.
    func voidLetters(of event: DomainEvent, reason: String, in db: Database) throws -> [LetterEntry] {
        let kinds = Self.letterKinds(of: event)
        guard !kinds.isEmpty else { return [] }
        let marks = kinds.map { _ in "?" }.joined(separator: ", ")
        var arguments: StatementArguments = [event.caseID.uuidString]
        arguments += StatementArguments(kinds)
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM letters WHERE case_uuid = ? AND kind IN (\(marks)) AND void_reason IS NULL",
                                    arguments: arguments)
        var voided: [LetterEntry] = []
        for row in rows {
            try db.execute(sql: "UPDATE letters SET void_reason = ? WHERE id = ?", arguments: [reason, row["id"] as Int64])
            try audit(db, action: "letter.void", subject: row["number"], detail: reason)
            voided.append(LetterEntry(caseID: event.caseID, kind: row["kind"], number: row["number"],
                                      issuedAt: Date(timeIntervalSince1970: row["issued_at"]), officer: row["officer"],
                                      path: row["path"], voidReason: reason))
        }
        return voided
    }

    /// The letter register, newest first.
    public func letters() throws(StoreError) -> [LetterEntry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM letters ORDER BY issued_at DESC, id DESC").compactMap { row in
                guard let id = UUID(uuidString: row["case_uuid"]) else { return nil }
                return LetterEntry(caseID: id, kind: row["kind"], number: row["number"],
                                   issuedAt: Date(timeIntervalSince1970: row["issued_at"]), officer: row["officer"],
                                   path: row["path"], voidReason: row["void_reason"])
            }
        }
    }
}
