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

    /// Many pulls of units' principals in one statement, on PostgreSQL (``PageQuestion/askGathered(_:in:)``):
    /// twelve arrays, one element per pull (index, unit, cursor, limit, then the token to confirm as
    /// in ``unitPageConfirmed``, then the known number, -1 for none). Each row starts with its pull's
    /// index; a pull's page rows, then one row without a payload with its heads as above. Not
    /// prepared (a prepared statement takes no arrays here): parsed once per gathering, not per pull.
    static let gatheredUnitPages = """
        WITH q AS (
            SELECT * FROM unnest(?::bigint[], ?::text[], ?::bigint[], ?::bigint[], ?::text[], ?::bigint[], ?::text[], ?::text[],
                                 ?::bigint[], ?::text[], ?::text[], ?::bigint[])
            AS q(i, scope, after, lim, hash, token_id, login, unit, is_main, name, series, known)
        )
        SELECT q.i, p.sequence, p.unit, p.payload, CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS TEXT), CAST(NULL AS TEXT)
        FROM q CROSS JOIN LATERAL (
            SELECT sequence, unit, payload FROM ledger WHERE ledger.unit = q.scope AND ledger.sequence > q.after
            ORDER BY ledger.sequence LIMIT q.lim) p
        UNION ALL
        SELECT q.i, (SELECT max(sequence) FROM ledger), NULL, NULL, (SELECT revision FROM reference_revision WHERE id = 1),
        (SELECT count(*) FROM tokens t JOIN officers o ON o.login = t.officer JOIN units u ON u.code = o.unit
         WHERE t.hash = q.hash AND t.revoked_at IS NULL AND t.id = q.token_id AND o.login = q.login AND o.unit = q.unit
         AND u.is_main = q.is_main AND o.name = q.name AND coalesce(t.series, '') = q.series),
        (SELECT uuid FROM ledger WHERE sequence = q.known), (SELECT unit FROM ledger WHERE sequence = q.known)
        FROM q
        """

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
