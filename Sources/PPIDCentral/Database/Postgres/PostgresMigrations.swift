import Foundation

/// The central schema on PostgreSQL, one migration per version (never edit a shipped one): the same
/// tables as SQLite's v1-v8, with the ledger's head row that numbers appends across instances.
/// Several instances may start at once: each migrates under one advisory lock.
enum PostgresMigrations {
    static let migrations: [(identifier: String, sql: [String])] = [
        ("v1-register", [
            """
            CREATE TABLE ledger (
                sequence BIGINT PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                unit TEXT NOT NULL,
                case_uuid TEXT NOT NULL,
                payload BYTEA NOT NULL,
                pushed_by TEXT NOT NULL DEFAULT '',
                acted_as TEXT NOT NULL DEFAULT '',
                pushed_token BIGINT
            )
            """,
            "CREATE INDEX ledger_by_case ON ledger(case_uuid, sequence)",
            "CREATE INDEX ledger_by_unit ON ledger(unit, sequence)",
            // The last number handed out: locked by every appending transaction until it commits.
            "CREATE TABLE ledger_head (id INTEGER PRIMARY KEY CHECK (id = 1), last BIGINT NOT NULL)",
            "INSERT INTO ledger_head(id, last) VALUES (1, 0)",
            """
            CREATE FUNCTION ppid_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'append-only'; END $$
            """,
            "CREATE TRIGGER ledger_append_only BEFORE UPDATE OR DELETE ON ledger FOR EACH ROW EXECUTE FUNCTION ppid_ledger_append_only()",
            "CREATE TABLE case_units (case_uuid TEXT PRIMARY KEY, unit TEXT NOT NULL)",
            "CREATE TABLE units (code TEXT PRIMARY KEY, name TEXT NOT NULL, zone TEXT NOT NULL DEFAULT 'WIB', is_main BIGINT NOT NULL DEFAULT 0)",
            "CREATE TABLE officers (login TEXT PRIMARY KEY, name TEXT NOT NULL, unit TEXT NOT NULL REFERENCES units(code))",
            """
            CREATE TABLE tokens (
                id BIGSERIAL PRIMARY KEY,
                hash TEXT NOT NULL UNIQUE,
                officer TEXT NOT NULL REFERENCES officers(login),
                label TEXT NOT NULL DEFAULT '',
                created_at DOUBLE PRECISION NOT NULL,
                revoked_at DOUBLE PRECISION,
                series TEXT
            )
            """,
            "CREATE TABLE calendars (id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL UNIQUE, body TEXT NOT NULL, added_at DOUBLE PRECISION NOT NULL)",
            "CREATE TABLE reference_revision (id INTEGER PRIMARY KEY CHECK (id = 1), revision BIGINT NOT NULL)",
            "INSERT INTO reference_revision(id, revision) VALUES (1, 0)",
            "CREATE TABLE intake_counters (unit TEXT NOT NULL, year BIGINT NOT NULL, last_issued BIGINT NOT NULL, PRIMARY KEY (unit, year))",
            """
            CREATE TABLE case_numbers (
                unit TEXT NOT NULL, kind TEXT NOT NULL, year BIGINT NOT NULL, number TEXT NOT NULL, case_uuid TEXT NOT NULL,
                PRIMARY KEY (unit, kind, year, number)
            )
            """,
            """
            CREATE TABLE terminal_series (
                unit TEXT NOT NULL, code TEXT NOT NULL, ordinal BIGINT NOT NULL, token_id BIGINT NOT NULL REFERENCES tokens(id),
                PRIMARY KEY (unit, code)
            )
            """,
            "CREATE UNIQUE INDEX terminal_series_by_ordinal ON terminal_series(unit, ordinal)",
            """
            CREATE TABLE terminal_activity (
                token_id BIGINT PRIMARY KEY REFERENCES tokens(id),
                last_pull_at DOUBLE PRECISION, last_cursor BIGINT NOT NULL DEFAULT 0,
                last_push_at DOUBLE PRECISION, accepted_total BIGINT NOT NULL DEFAULT 0,
                refused_total BIGINT NOT NULL DEFAULT 0, refused_last_push BIGINT NOT NULL DEFAULT 0,
                version TEXT
            )
            """,
        ]),
        // A push looks up the numbers it issues by number alone: without this, each push read the whole table.
        ("v2-number-lookup", ["CREATE INDEX case_numbers_by_number ON case_numbers(number)"]),
        ("v3-portal", PortalSchema.postgres),
        ("v4-mail", MailSchema.postgres),
        ("v5-file-views", FileSchema.postgres),
    ]

    /// A key for `pg_advisory_xact_lock`: 'PPIC'.
    static let lockKey: Int64 = 0x5050_4943

    static func migrate(_ database: PostgresDatabase) throws {
        try database.write(appending: false) { session in
            try session.execute("SELECT pg_advisory_xact_lock(?)", [lockKey])
            try session.execute("CREATE TABLE IF NOT EXISTS ppid_migrations (identifier TEXT PRIMARY KEY, applied_at DOUBLE PRECISION NOT NULL)")
            let applied = Set(try session.rows("SELECT identifier FROM ppid_migrations").map { try $0.get(0, as: String.self) })
            let known = Set(migrations.map(\.identifier))
            if let unknown = applied.subtracting(known).sorted().first {
                throw CentralError.newerSchema(path: "\(database.location) (\(unknown))")
            }
            for migration in migrations where !applied.contains(migration.identifier) {
                for statement in migration.sql { try session.execute(statement, [SQLValue]()) }
                try session.execute("INSERT INTO ppid_migrations(identifier, applied_at) VALUES (?, ?)",
                                    [migration.identifier, Date().timeIntervalSince1970])
            }
        }
    }
}
