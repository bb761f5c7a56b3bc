/// The statements every sync runs, named once: the PostgreSQL engine prepares each on a connection
/// the first time it runs there (parsed and planned once, not at every run), where a morning
/// rush's four hundred pulls spent more of PostgreSQL's time planning three small queries each
/// than running them. SQLite caches its statements by text anyway.
///
/// Only statements whose parameters always bind the same types belong here: a prepared statement
/// keeps the types it was first planned with.
enum HotStatements {
    /// A live token's principal, by the token's hash.
    static let principalByTokenHash = """
        SELECT o.login, o.unit, u.is_main, o.name, t.series, t.id FROM tokens t JOIN officers o ON o.login = t.officer
        JOIN units u ON u.code = o.unit WHERE t.hash = ? AND t.revoked_at IS NULL
        """
    /// A page of one unit's changes: unit, cursor, limit.
    static let unitPage = "SELECT sequence, unit, payload FROM ledger WHERE unit = ? AND sequence > ? ORDER BY sequence LIMIT ?"
    /// A page of the whole body's changes: cursor, limit.
    static let bodyPage = "SELECT sequence, unit, payload FROM ledger WHERE sequence > ? ORDER BY sequence LIMIT ?"
    /// A page of one unit's changes (unit, cursor, limit), and in one more row without a payload:
    /// the log's last number, the reference revision, whether the token is still the principal's
    /// (hash, token id, login, unit, is-main, name, series: 1 when it is), and the event at the
    /// client's known number (twice). See ``PageQuestion``.
    static let unitPageConfirmed = confirmed(page: unitPage)
    /// The same for the whole body's changes (cursor, limit, then as above).
    static let bodyPageConfirmed = confirmed(page: bodyPage)

    private static func confirmed(page: String) -> String {
        """
        SELECT sequence, unit, payload, CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS TEXT), CAST(NULL AS TEXT)
        FROM (\(page)) page
        UNION ALL
        SELECT (SELECT max(sequence) FROM ledger), NULL, NULL, (SELECT revision FROM reference_revision WHERE id = 1),
        (SELECT count(*) FROM tokens t JOIN officers o ON o.login = t.officer JOIN units u ON u.code = o.unit
         WHERE t.hash = ? AND t.revoked_at IS NULL AND t.id = ? AND o.login = ? AND o.unit = ? AND u.is_main = ? AND o.name = ?
         AND coalesce(t.series, '') = ?),
        (SELECT uuid FROM ledger WHERE sequence = ?), (SELECT unit FROM ledger WHERE sequence = ?)
        """
    }

    /// The log's last number and the reference data's revision.
    static let heads = "SELECT (SELECT max(sequence) FROM ledger), (SELECT revision FROM reference_revision WHERE id = 1)"
    /// The ledger's head, read and locked by an appending transaction.
    static let ledgerHead = "SELECT last FROM ledger_head WHERE id = 1"
    static let lockedLedgerHead = "SELECT last FROM ledger_head WHERE id = 1 FOR UPDATE"
    /// Whether a unit exists; a unit's zone; the calendars.
    static let unitKnown = "SELECT 1 FROM units WHERE code = ?"
    static let unitZone = "SELECT zone FROM units WHERE code = ?"
    static let calendars = "SELECT name, body FROM calendars ORDER BY id"

    static let all: Set<String> = [principalByTokenHash, unitPage, bodyPage, unitPageConfirmed, bodyPageConfirmed, heads, ledgerHead, lockedLedgerHead, unitKnown, unitZone, calendars]
}
