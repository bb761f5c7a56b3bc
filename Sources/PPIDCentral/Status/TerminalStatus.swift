import Foundation
import GRDB
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
    /// Notes a pull by `principal`'s terminal up to `cursor`.
    public func notePull(by principal: Principal, cursor: Int64, version: String?) throws(CentralError) {
        guard let token = principal.tokenID else { return }
        let now = clock().timeIntervalSince1970
        try write { db in
            try db.execute(sql: """
                INSERT INTO terminal_activity(token_id, last_pull_at, last_cursor, version) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT(token_id) DO UPDATE SET last_pull_at = ?2, last_cursor = max(last_cursor, ?3),
                    version = COALESCE(?4, version)
                """, arguments: [token, now, cursor, version])
        }
    }

    /// Notes a push by `principal`'s terminal and what became of it.
    public func notePush(by principal: Principal, accepted: Int, refused: Int, version: String?) throws(CentralError) {
        guard let token = principal.tokenID else { return }
        let now = clock().timeIntervalSince1970
        try write { db in
            try db.execute(sql: """
                INSERT INTO terminal_activity(token_id, last_push_at, accepted_total, refused_total, refused_last_push, version)
                VALUES (?1, ?2, ?3, ?4, ?4, ?5)
                ON CONFLICT(token_id) DO UPDATE SET last_push_at = ?2, accepted_total = accepted_total + ?3,
                    refused_total = refused_total + ?4, refused_last_push = ?4, version = COALESCE(?5, version)
                """, arguments: [token, now, accepted, refused, version])
        }
    }

    /// Every terminal (token) of every unit, by unit and series.
    public func terminalStatus() throws(CentralError) -> [TerminalStatus] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT o.unit, o.login, o.name, t.series, t.label, t.revoked_at IS NOT NULL, a.last_pull_at, a.last_push_at,
                       COALESCE(a.last_cursor, 0), COALESCE(a.accepted_total, 0), COALESCE(a.refused_total, 0),
                       COALESCE(a.refused_last_push, 0), a.version, u.is_main, t.id
                FROM tokens t JOIN officers o ON o.login = t.officer JOIN units u ON u.code = o.unit
                LEFT JOIN terminal_activity a ON a.token_id = t.id
                ORDER BY o.unit, t.id
                """)
            return try rows.map { row in
                let unit: String = row[0]
                let cursor: Int64 = row[8]
                let token: Int64 = row[14]
                // Events of its scope past its cursor that it did not push itself.
                let lag = (row[13] as Bool)
                    ? try Int64.fetchOne(db, sql: "SELECT count(*) FROM ledger WHERE sequence > ? AND pushed_token IS NOT ?",
                                         arguments: [cursor, token]) ?? 0
                    : try Int64.fetchOne(db, sql: "SELECT count(*) FROM ledger WHERE unit = ? AND sequence > ? AND pushed_token IS NOT ?",
                                         arguments: [unit, cursor, token]) ?? 0
                return TerminalStatus(unit: unit, officer: row[1], name: row[2], series: row[3], label: row[4], revoked: row[5],
                                      lastPull: row[6], lastPush: row[7], cursorLag: lag,
                                      accepted: row[9], refused: row[10], refusedInLastPush: row[11], version: row[12])
            }
        }
    }
}
