import Foundation
import GRDB
import PPIDDomain

extension LocalStore {
    /// Records the series this terminal was enrolled with. Called whenever the token file is read,
    /// so a replaced token (a new series) takes effect from the next number on; the change is audited.
    public func adoptTerminalSeries(_ series: TerminalSeries) throws(StoreError) {
        guard series != terminalSeries else { return }
        try write { db in
            try db.execute(sql: """
                INSERT INTO settings(key, value) VALUES ('terminal_series', ?)
                ON CONFLICT(key) DO UPDATE SET value = excluded.value
                """, arguments: [series.code])
            try self.audit(db, action: "settings.series", subject: series.code)
        }
        try reloadCache()
    }

    /// Records the officer the server authenticated this terminal's token as: from now on changes
    /// are recorded under that login (the server stamps it anyway) and screens show the full name.
    public func adoptIdentity(login: String, name: String) throws(StoreError) {
        guard cache.withLock({ $0.enrolled?.login != login || $0.enrolled?.name != name }) else { return }
        try write { db in
            for (key, value) in [("enrolled_officer", login), ("enrolled_name", name)] {
                try db.execute(sql: "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                               arguments: [key, value])
            }
            try self.audit(db, action: "settings.officer", subject: login, detail: name)
        }
        try reloadCache()
    }

    /// Marks this terminal as one of several registers of its unit (sync is set up): from now on it
    /// gives no number until it knows its series, so no number it hands over can ever be a duplicate.
    public func requireSeries() { seriesRequired.withLock { $0 = true } }

    /// Throws ``StoreError/notEnrolled`` when numbers need a series this terminal does not have yet.
    func checkNumbering() throws(StoreError) {
        if seriesRequired.withLock({ $0 }) && terminalSeries == nil { throw .notEnrolled }
    }

    /// The counter a register keeps on this terminal: one per series, so each series starts at 1
    /// every year and an auditor reads it without gaps.
    func counterName(_ register: String) -> String {
        guard let series = terminalSeries else { return register }
        return register + "@" + series.code
    }
}

extension LocalStore {
    /// The body's officers by login (full name and unit), from the server's reference data: how
    /// history, audit trail and registers show who acted. Empty before the first sync.
    public func officerDirectory() throws(StoreError) -> [String: (name: String, unit: String)] {
        struct ReferenceOfficer: Decodable { let login: String; let name: String; let unit: String }
        guard let json = try syncValue("officers"),
              let officers = try? JSONDecoder().decode([ReferenceOfficer].self, from: Data(json.utf8)) else { return [:] }
        var directory: [String: (name: String, unit: String)] = [:]
        for officer in officers { directory[officer.login] = (officer.name, officer.unit) }
        return directory
    }
}
