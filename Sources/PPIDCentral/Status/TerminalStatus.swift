import Foundation
import PPIDDomain

/// One enrolled terminal as the administrator's status shows it: who it is, when it last pulled
/// and pushed, how far behind the server it is, what was refused, and which version it runs.
public struct TerminalStatus: Hashable, Sendable, Codable {
    public let unit: String
    public let officer: String
    public let name: String
    public let series: String?
    public let label: String
    public let revoked: Bool
    /// Seconds since 1970 of the last pull (nil: never synced).
    public let lastPull: Double?
    public let lastPush: Double?
    /// Events of its scope past the cursor it last pulled to, not counting those it pushed itself.
    public let cursorLag: Int64
    public let accepted: Int
    public let refused: Int
    /// Events refused in its last push: the officer has conflicts to look at.
    public let refusedInLastPush: Int
    public let version: String?
}

extension CentralStore {
    /// Notes a pull by `principal`'s terminal up to `cursor`: in memory, written within a second
    /// (``flushPullNotes()``), so a pull itself writes nothing.
    public func notePull(by principal: Principal, cursor: Int64, version: String?) throws(CentralError) {
        guard let token = principal.tokenID else { return }
        pullNotes.note(token: token, at: clock().timeIntervalSince1970, cursor: cursor, version: version) { [weak self] in
            try? self?.flushPullNotes()
        }
    }

    /// Writes the pulls noted since the last write, in one transaction.
    public func flushPullNotes() throws(CentralError) {
        let notes = pullNotes.take()
        guard !notes.isEmpty else { return }
        try write { db in
            for (token, note) in notes.sorted(by: { $0.key < $1.key }) {
                try db.execute("""
                    INSERT INTO terminal_activity(token_id, last_pull_at, last_cursor, version) VALUES (?1, ?2, ?3, ?4)
                    ON CONFLICT(token_id) DO UPDATE SET last_pull_at = \(db.greatest)(COALESCE(terminal_activity.last_pull_at, 0), excluded.last_pull_at),
                        last_cursor = \(db.greatest)(terminal_activity.last_cursor, excluded.last_cursor),
                        version = COALESCE(excluded.version, terminal_activity.version)
                    """, [token, note.at, note.cursor, note.version])
            }
        }
    }

    /// Notes a push by `principal`'s terminal and what became of it, in the push's own
    /// transaction (``push(_:sent:as:version:)``), so it costs no second commit.
    static func notePush(by principal: Principal, accepted: Int, refused: Int, version: String?, at now: Double,
                         in db: any SQLSession) throws {
        guard let token = principal.tokenID else { return }
        try db.execute("""
            INSERT INTO terminal_activity(token_id, last_push_at, accepted_total, refused_total, refused_last_push, version)
            VALUES (?1, ?2, ?3, ?4, ?4, ?5)
            ON CONFLICT(token_id) DO UPDATE SET last_push_at = ?2,
                accepted_total = terminal_activity.accepted_total + excluded.accepted_total,
                refused_total = terminal_activity.refused_total + excluded.refused_total, refused_last_push = excluded.refused_last_push,
                version = COALESCE(excluded.version, terminal_activity.version)
            """, [token, now, accepted, refused, version])
    }

    /// Every terminal (token) of every unit, by unit and series.
    public func terminalStatus() throws(CentralError) -> [TerminalStatus] {
        try flushPullNotes()
        return try read { db in
            let rows = try db.rows("""
                SELECT o.unit, o.login, o.name, t.series, t.label, t.revoked_at IS NOT NULL, a.last_pull_at, a.last_push_at,
                       COALESCE(a.last_cursor, 0), COALESCE(a.accepted_total, 0), COALESCE(a.refused_total, 0),
                       COALESCE(a.refused_last_push, 0), a.version, u.is_main, t.id
                FROM tokens t JOIN officers o ON o.login = t.officer JOIN units u ON u.code = o.unit
                LEFT JOIN terminal_activity a ON a.token_id = t.id
                ORDER BY o.unit, t.id
                """)
            return try rows.map { row in
                let unit: String = try row[0]
                let cursor: Int64 = try row[8]
                let token: Int64 = try row[14]
                // Events of its scope past its cursor that it did not push itself.
                let lag = (try row.get(13, as: Bool.self))
                    ? try db.value("SELECT count(*) FROM ledger WHERE sequence > ? AND pushed_token IS DISTINCT FROM ?",
                                   [cursor, token], as: Int64.self) ?? 0
                    : try db.value("SELECT count(*) FROM ledger WHERE unit = ? AND sequence > ? AND pushed_token IS DISTINCT FROM ?",
                                   [unit, cursor, token], as: Int64.self) ?? 0
                return TerminalStatus(unit: unit, officer: try row[1], name: try row[2], series: try row[3], label: try row[4],
                                      revoked: try row[5], lastPull: try row[6], lastPush: try row[7], cursorLag: lag,
                                      accepted: try row[9], refused: try row[10], refusedInLastPush: try row[11], version: try row[12])
            }
        }
    }
}
