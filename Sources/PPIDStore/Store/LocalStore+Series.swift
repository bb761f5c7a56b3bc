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
