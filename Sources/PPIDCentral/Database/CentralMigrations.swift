import Foundation
import GRDB
import PPIDDomain
import PPIDWire

/// The central schema, one migration per version; never edit a shipped one.
enum CentralMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-ledger") { db in
            try db.execute(sql: """
                CREATE TABLE ledger (
                    sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                    uuid TEXT NOT NULL UNIQUE,
                    unit TEXT NOT NULL,
                    case_uuid TEXT NOT NULL,
                    payload BLOB NOT NULL
                );
                CREATE INDEX ledger_by_case ON ledger(case_uuid, sequence);
                CREATE INDEX ledger_by_unit ON ledger(unit, sequence);
                CREATE TABLE case_units (case_uuid TEXT PRIMARY KEY NOT NULL, unit TEXT NOT NULL);
                CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger BEGIN SELECT RAISE(ABORT, 'append-only'); END;
                CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger BEGIN SELECT RAISE(ABORT, 'append-only'); END;
                """)
        }
        migrator.registerMigration("v2-directory") { db in
            try db.execute(sql: """
                -- Work units; the PPID Utama is the one with is_main = 1.
                CREATE TABLE units (
                    code TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    zone TEXT NOT NULL DEFAULT 'WIB',
                    is_main INTEGER NOT NULL DEFAULT 0
                );
                CREATE TABLE officers (
                    login TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    unit TEXT NOT NULL REFERENCES units(code)
                );
                -- Only the SHA-256 of a token is kept: a stolen database gives no way in.
                CREATE TABLE tokens (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    hash TEXT NOT NULL UNIQUE,
                    officer TEXT NOT NULL REFERENCES officers(login),
                    label TEXT NOT NULL DEFAULT '',
                    created_at REAL NOT NULL,
                    revoked_at REAL
                );
                CREATE TABLE calendars (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL UNIQUE,
                    body TEXT NOT NULL,
                    added_at REAL NOT NULL
                );
                -- Bumped on every change of units, officers or calendars, so clients fetch them only when new.
                CREATE TABLE reference_revision (id INTEGER PRIMARY KEY CHECK (id = 1), revision INTEGER NOT NULL);
                INSERT INTO reference_revision(id, revision) VALUES (1, 0);
                CREATE TABLE intake_counters (
                    unit TEXT NOT NULL, year INTEGER NOT NULL, last_issued INTEGER NOT NULL,
                    PRIMARY KEY (unit, year)
                );
                """)
        }
        migrator.registerMigration("v3-principals") { db in
            try db.execute(sql: """
                -- The officer whose token pushed the event: a replay is "accepted" only from them.
                ALTER TABLE ledger ADD COLUMN pushed_by TEXT NOT NULL DEFAULT '';
                -- Registration and objection numbers issued, unique within a unit, kind and year.
                CREATE TABLE case_numbers (
                    unit TEXT NOT NULL, kind TEXT NOT NULL, year INTEGER NOT NULL, number TEXT NOT NULL,
                    case_uuid TEXT NOT NULL,
                    PRIMARY KEY (unit, kind, year, number)
                ) WITHOUT ROWID;
                """)
            try backfillNumbers(db)
            try db.execute(sql: "PRAGMA application_id = \(CentralStore.applicationID)")
        }
        migrator.registerMigration("v4-terminal-series") { db in
            try db.execute(sql: """
                -- Each token enrolls one terminal and carries its number series, unique in the unit and
                -- never issued twice (a revoked token's series stays taken).
                ALTER TABLE tokens ADD COLUMN series TEXT;
                -- The role the pushing officer acted under: 'utama' (PPID Utama) or 'unit'.
                ALTER TABLE ledger ADD COLUMN acted_as TEXT NOT NULL DEFAULT '';
                -- The token (terminal) that pushed it: a terminal is not behind on its own events.
                ALTER TABLE ledger ADD COLUMN pushed_token INTEGER;
                CREATE TABLE terminal_series (
                    unit TEXT NOT NULL, code TEXT NOT NULL, ordinal INTEGER NOT NULL,
                    token_id INTEGER NOT NULL REFERENCES tokens(id),
                    PRIMARY KEY (unit, code)
                ) WITHOUT ROWID;
                CREATE UNIQUE INDEX terminal_series_by_ordinal ON terminal_series(unit, ordinal);
                -- What each enrolled terminal (token) last did, for the administrator's status.
                CREATE TABLE terminal_activity (
                    token_id INTEGER PRIMARY KEY REFERENCES tokens(id),
                    last_pull_at REAL, last_cursor INTEGER NOT NULL DEFAULT 0,
                    last_push_at REAL, accepted_total INTEGER NOT NULL DEFAULT 0,
                    refused_total INTEGER NOT NULL DEFAULT 0, refused_last_push INTEGER NOT NULL DEFAULT 0,
                    version TEXT
                );
                """)
        }
        migrator.registerMigration("v5-number-lookup") { db in
            // A push looks up the numbers it issues by number alone (before it knows every case's
            // unit): without this, each push read the whole table.
            try db.execute(sql: "CREATE INDEX case_numbers_by_number ON case_numbers(number)")
        }
        migrator.registerMigration("v6-portal") { db in
            try db.execute(sql: PortalSchema.sqlite)
        }
        migrator.registerMigration("v7-mail") { db in
            try db.execute(sql: MailSchema.sqlite)
        }
        migrator.registerMigration("v8-file-views") { db in
            try db.execute(sql: FileSchema.sqlite)
        }
        return migrator
    }

    /// Fills `case_numbers` from the events already in the ledger (first number wins, as it did).
    private static func backfillNumbers(_ db: Database) throws {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT l.unit, l.payload, u.zone FROM ledger l LEFT JOIN units u ON u.code = l.unit
            WHERE l.payload LIKE '%"registered"%' OR l.payload LIKE '%"filed"%' ORDER BY l.sequence
            """)
        let decoder = WireCoding.decoder()
        let session = SQLiteSession(db)
        while let row = try rows.next() {
            guard let envelope = try? decoder.decode(EventEnvelope.self, from: row[1] as Data) else { continue }
            let zone = (try? UnitZone(parsing: (row[2] as String?) ?? "WIB")) ?? .wib
            try LedgerChecks.recordNumbers(of: envelope, unit: row[0], zone: zone, in: session)
        }
    }
}
