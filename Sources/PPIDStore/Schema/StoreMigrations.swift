import GRDB

/// The schema, one migration per version. Never edit a shipped migration: add a new one.
enum StoreMigrations {
    /// The identifiers of every migration, in order.
    static let identifiers = ["v1-core", "v2-search", "v3-drafts", "v4-application-id", "v5-letter-register", "v6-recorded-officer",
                              "v7-first-screen", "v8-legal-process", "v9-court-stage", "v10-annual-report",
                              "v11-server-number", "v12-outbox-order"]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-core", migrate: core)
        migrator.registerMigration("v2-search", migrate: search)
        migrator.registerMigration("v3-drafts", migrate: drafts)
        migrator.registerMigration("v4-application-id") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        }
        migrator.registerMigration("v5-letter-register", migrate: letterRegister)
        migrator.registerMigration("v6-recorded-officer") { db in
            // The officer the server recorded for a local event (its token's), beside the log's claim.
            try db.execute(sql: "ALTER TABLE outbox ADD COLUMN recorded_officer TEXT")
            // The server's reason in English too, so the conflicts list speaks the officer's language.
            try db.execute(sql: "ALTER TABLE outbox ADD COLUMN reason_english TEXT")
            // Events of the server's log this terminal could not read or apply: kept, shown, retried.
            try db.execute(sql: """
                CREATE TABLE set_aside (
                    sequence INTEGER PRIMARY KEY,
                    unit TEXT NOT NULL,
                    case_uuid TEXT,
                    payload BLOB NOT NULL,
                    reason TEXT NOT NULL,
                    at REAL NOT NULL
                )
                """)
        }
        migrator.registerMigration("v7-first-screen") { db in
            // The board's counts per due date, kept in the projections' transaction (ClockCountSchema).
            try ClockCountSchema.create(in: db)
            // The default request list (what needs action), by due date, as a keyset scan of its own index.
            try db.execute(sql: """
                CREATE INDEX requests_action_by_due ON requests(due_date, rowid)
                WHERE \(LocalStore.needsActionCondition)
                """)
        }
        migrator.registerMigration("v8-legal-process") { db in
            // The day the information was given as an order required (Pasal 52): unfulfilled orders go on the board.
            try db.execute(sql: "ALTER TABLE requests ADD COLUMN complied_on TEXT")
            try OrderSchema.createV8(in: db)
            // The disputes still before the Commission, with both clocks: the board reads only these.
            try db.execute(sql: """
                CREATE INDEX disputes_open ON disputes(state, start_due, settlement_due) WHERE state IN ('didaftarkan', 'mediasi', 'ajudikasi')
                """)
            // The DIP entries whose exemption ends, by that date: the board lists the ended ones.
            try db.execute(sql: """
                CREATE INDEX dip_exemption_ends ON dip_entries(exempt_until, rowid) WHERE \(LocalStore.exemptionCondition)
                """)
        }
        migrator.registerMigration("v9-court-stage") { db in
            // Hearings, the court and cassation: the ruling that stands (orders follow it) and each
            // dispute's next step and date, which the board reads by its own index.
            try OrderSchema.upgradeV9(in: db)
        }
        migrator.registerMigration("v10-annual-report") { db in
            // The annual reports recorded submitted (Perki 1/2021: by 31 March): the board's report clock.
            try db.execute(sql: "CREATE TABLE annual_reports (year INTEGER PRIMARY KEY, submitted_on TEXT, note TEXT NOT NULL DEFAULT '')")
        }
        migrator.registerMigration("v11-server-number") { db in
            // The log's content stays append-only, but the server's number of a pulled event may be
            // taken again (a register restored from a backup numbers it anew): the trigger refused
            // that update too, and the pull that brought the new number failed at every sync.
            try db.execute(sql: """
                DROP TRIGGER events_no_update;
                CREATE TRIGGER events_no_update
                    BEFORE UPDATE OF seq, uuid, case_kind, case_uuid, name, officer, instant, local_date, terminal, origin, payload ON events
                    BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
                """)
        }
        migrator.registerMigration("v12-outbox-order") { db in
            // Each outbox row carries its event's place in the log, and the index by state keeps
            // each state's rows in that order: a push reads its next batch as a range of it. It
            // used to gather every pending event, look each up in the log and sort them all, for
            // each batch: a terminal back from days offline did that work once per batch.
            // The table is made anew for its state check, spelt without `IN`: SQLite builds a
            // temporary table for an `IN` list of three at every row it checks, which was most of
            // the cost of recording a push's answer.
            try db.execute(sql: """
                CREATE TABLE outbox_v12 (
                    event_uuid TEXT PRIMARY KEY NOT NULL REFERENCES events(uuid),
                    state TEXT NOT NULL CHECK (state = 'pending' OR state = 'accepted' OR state = 'rejected'),
                    server_seq INTEGER,
                    reason TEXT,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    recorded_officer TEXT,
                    reason_english TEXT,
                    event_seq INTEGER
                );
                INSERT INTO outbox_v12(event_uuid, state, server_seq, reason, attempts, recorded_officer, reason_english, event_seq)
                    SELECT o.event_uuid, o.state, o.server_seq, o.reason, o.attempts, o.recorded_officer, o.reason_english,
                           (SELECT seq FROM events WHERE events.uuid = o.event_uuid)
                    FROM outbox o;
                DROP TABLE outbox;
                ALTER TABLE outbox_v12 RENAME TO outbox;
                CREATE INDEX outbox_pending ON outbox(state, event_seq);
                """)
        }
        return migrator
    }

    /// The event log, the outbox and cursor, the audit trail, settings, counters, and projections.
    private static func core(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);

            -- Append-only: every change ever made, in local order.
            CREATE TABLE events (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                uuid TEXT NOT NULL UNIQUE,
                case_kind TEXT NOT NULL,
                case_uuid TEXT NOT NULL,
                name TEXT NOT NULL,
                officer TEXT NOT NULL,
                instant REAL NOT NULL,
                local_date TEXT NOT NULL,
                terminal TEXT NOT NULL,
                origin TEXT NOT NULL CHECK (origin IN ('local', 'central')),
                server_seq INTEGER,
                payload BLOB NOT NULL
            );
            CREATE INDEX events_by_case ON events(case_uuid, seq);
            CREATE TRIGGER events_no_update BEFORE UPDATE ON events
                BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
            CREATE TRIGGER events_no_delete BEFORE DELETE ON events
                BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;

            -- Local events not yet accepted by the central server, and what it answered.
            CREATE TABLE outbox (
                event_uuid TEXT PRIMARY KEY NOT NULL REFERENCES events(uuid),
                state TEXT NOT NULL CHECK (state IN ('pending', 'accepted', 'rejected')),
                server_seq INTEGER,
                reason TEXT,
                attempts INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX outbox_pending ON outbox(state, event_uuid);

            CREATE TABLE sync_state (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);

            -- Who did what, when, from which terminal. Rows can be neither changed nor removed.
            CREATE TABLE audit_log (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                at REAL NOT NULL,
                officer TEXT NOT NULL,
                terminal TEXT NOT NULL,
                action TEXT NOT NULL,
                subject TEXT NOT NULL,
                detail TEXT NOT NULL DEFAULT ''
            );
            CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'the audit trail cannot be changed'); END;
            CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'the audit trail cannot be changed'); END;

            -- Register numbers only go up, per register, unit and year.
            CREATE TABLE register_counters (
                register TEXT NOT NULL, unit TEXT NOT NULL, year INTEGER NOT NULL, last_issued INTEGER NOT NULL,
                PRIMARY KEY (register, unit, year)
            );

            -- Extra calendar files (decrees, revisions, regional days, closures), in the order added.
            CREATE TABLE calendar_files (
                id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, body TEXT NOT NULL, added_at REAL NOT NULL
            );

            -- Projections: current state, for fast screens. Rebuilt from the log at will.
            CREATE TABLE requests (
                rowid INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                number TEXT NOT NULL,
                unit TEXT NOT NULL,
                received_on TEXT NOT NULL,
                received_at REAL NOT NULL,
                channel TEXT NOT NULL,
                requester_name TEXT NOT NULL,
                requester_kind TEXT NOT NULL,
                nik TEXT,
                address TEXT NOT NULL,
                phone TEXT NOT NULL,
                email TEXT NOT NULL,
                subject TEXT NOT NULL,
                purpose TEXT NOT NULL,
                state TEXT NOT NULL,
                open INTEGER NOT NULL,
                notice_due TEXT NOT NULL,
                extended_due TEXT,
                due_date TEXT NOT NULL,
                provisional INTEGER NOT NULL,
                outcome TEXT,
                decided_on TEXT,
                delivered_on TEXT,
                closed_on TEXT,
                counts_from TEXT NOT NULL
            );
            CREATE INDEX requests_by_due ON requests(due_date, rowid);
            CREATE INDEX requests_open_by_due ON requests(due_date, rowid) WHERE open = 1;
            CREATE INDEX requests_by_state_due ON requests(state, due_date, rowid);
            CREATE INDEX requests_by_received ON requests(received_on, rowid);
            CREATE INDEX requests_by_number ON requests(number);

            CREATE TABLE objections (
                rowid INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                number TEXT NOT NULL,
                request_uuid TEXT NOT NULL,
                request_number TEXT NOT NULL,
                unit TEXT NOT NULL,
                filed_by TEXT NOT NULL,
                grounds TEXT NOT NULL,
                filed_on TEXT NOT NULL,
                state TEXT NOT NULL,
                open INTEGER NOT NULL,
                answer_due TEXT NOT NULL,
                provisional INTEGER NOT NULL,
                verdict TEXT,
                answered_on TEXT
            );
            CREATE INDEX objections_by_due ON objections(answer_due, rowid);
            CREATE INDEX objections_open_by_due ON objections(answer_due, rowid) WHERE open = 1;
            CREATE INDEX objections_by_request ON objections(request_uuid);

            CREATE TABLE disputes (
                rowid INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                objection_uuid TEXT NOT NULL,
                number TEXT NOT NULL,
                filed_on TEXT NOT NULL,
                state TEXT NOT NULL,
                start_due TEXT NOT NULL,
                settlement_due TEXT NOT NULL,
                outcome TEXT
            );

            CREATE TABLE dip_entries (
                rowid INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                number TEXT NOT NULL,
                unit TEXT NOT NULL,
                category TEXT NOT NULL,
                title TEXT NOT NULL,
                summary TEXT NOT NULL,
                holder TEXT NOT NULL,
                form TEXT NOT NULL,
                exemption_basis TEXT,
                exempt_until TEXT,
                retired INTEGER NOT NULL,
                updated_on TEXT NOT NULL
            );
            CREATE INDEX dip_by_category ON dip_entries(category, number, rowid);
            CREATE INDEX dip_by_number ON dip_entries(number, rowid);

            CREATE TABLE request_documents (
                request_uuid TEXT NOT NULL, dip_uuid TEXT NOT NULL, PRIMARY KEY (request_uuid, dip_uuid)
            ) WITHOUT ROWID;
            """)
    }

    /// Full-text search over the DIP and requests, and per-state counts kept by triggers.
    private static func search(_ db: Database) throws {
        try db.execute(sql: """

            CREATE VIRTUAL TABLE dip_fts USING fts5(
                title, summary, holder,
                content='dip_entries', content_rowid='rowid',
                tokenize='unicode61 remove_diacritics 2', prefix='2 3'
            );
            INSERT INTO dip_fts(dip_fts) VALUES('rebuild');
            CREATE VIRTUAL TABLE request_fts USING fts5(
                requester_name, subject, number,
                content='requests', content_rowid='rowid',
                tokenize='unicode61 remove_diacritics 2', prefix='2 3'
            );
            INSERT INTO request_fts(request_fts) VALUES('rebuild');
            CREATE TABLE request_state_counts (state TEXT PRIMARY KEY NOT NULL, n INTEGER NOT NULL);
            INSERT INTO request_state_counts SELECT state, count(*) FROM requests GROUP BY state;
            CREATE TABLE dip_category_counts (category TEXT PRIMARY KEY NOT NULL, n INTEGER NOT NULL);
            INSERT INTO dip_category_counts SELECT category, count(*) FROM dip_entries WHERE retired = 0 GROUP BY category;
            """)
        for trigger in SearchSchema.triggers { try db.execute(sql: trigger) }
    }

    /// SQLite's `application_id` of a unit's ppid database ('PPID').
    static let applicationID: Int32 = 0x5050_4944

    /// Refuses a file that holds another program's tables before any migration writes to it: a ppid
    /// database carries the application id, or (before it did) the record of the first migration.
    static func checkOwnership(_ db: Database, path: String) throws {
        let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        if id == applicationID { return }
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        if id == 0 && tables.isEmpty { return }
        // Killed between the migrator creating its table and the first migration committing.
        if id == 0, tables == ["grdb_migrations"],
           try Int.fetchOne(db, sql: "SELECT count(*) FROM grdb_migrations") == 0 {
            return
        }
        if id == 0, tables.contains("grdb_migrations"),
           try String.fetchOne(db, sql: "SELECT identifier FROM grdb_migrations WHERE identifier = 'v1-core'") != nil {
            return
        }
        throw StoreError.notOurDatabase(path: path)
    }

    /// The letter register: one number per letter of a case, kept when the letter is printed again;
    /// a letter whose act the server refused is marked void, never deleted.
    private static func letterRegister(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE letters (
                id INTEGER PRIMARY KEY,
                case_uuid TEXT NOT NULL,
                kind TEXT NOT NULL,
                number TEXT NOT NULL UNIQUE,
                issued_at REAL NOT NULL,
                officer TEXT NOT NULL,
                path TEXT NOT NULL DEFAULT '',
                void_reason TEXT
            );
            -- One letter in force per case and kind: a reprint finds it; a void one stays listed.
            CREATE UNIQUE INDEX letters_in_force ON letters(case_uuid, kind) WHERE void_reason IS NULL;
            """)
    }

    /// Half-filled forms of the terminal app, kept so an SSH drop loses nothing.
    private static func drafts(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE drafts (
                form TEXT PRIMARY KEY NOT NULL,
                officer TEXT NOT NULL,
                saved_at REAL NOT NULL,
                body TEXT NOT NULL
            );
            """)
    }
}

/// The triggers that keep the search indexes and the counts in step with the projections.
/// Frozen as of v2-search: the bulk loader drops and recreates them around a demo build.
enum SearchSchema {
    static let triggerNames = ["dip_fts_insert", "dip_fts_delete", "dip_fts_update", "request_fts_insert", "request_fts_delete", "request_fts_update", "request_counts_insert", "request_counts_delete", "request_counts_update", "dip_counts_insert", "dip_counts_delete", "dip_counts_update"]

    static let triggers = [
        """
        CREATE TRIGGER dip_fts_insert AFTER INSERT ON dip_entries BEGIN
        INSERT INTO dip_fts(rowid, title, summary, holder) VALUES (new.rowid, new.title, new.summary, new.holder);
        END;
        """,
        """
        CREATE TRIGGER dip_fts_delete AFTER DELETE ON dip_entries BEGIN
        INSERT INTO dip_fts(dip_fts, rowid, title, summary, holder) VALUES ('delete', old.rowid, old.title, old.summary, old.holder);
        END;
        """,
        """
        CREATE TRIGGER dip_fts_update AFTER UPDATE OF title, summary, holder ON dip_entries BEGIN
        INSERT INTO dip_fts(dip_fts, rowid, title, summary, holder) VALUES ('delete', old.rowid, old.title, old.summary, old.holder);
        INSERT INTO dip_fts(rowid, title, summary, holder) VALUES (new.rowid, new.title, new.summary, new.holder);
        END;
        """,
        """
        CREATE TRIGGER request_fts_insert AFTER INSERT ON requests BEGIN
        INSERT INTO request_fts(rowid, requester_name, subject, number) VALUES (new.rowid, new.requester_name, new.subject, new.number);
        END;
        """,
        """
        CREATE TRIGGER request_fts_delete AFTER DELETE ON requests BEGIN
        INSERT INTO request_fts(request_fts, rowid, requester_name, subject, number) VALUES ('delete', old.rowid, old.requester_name, old.subject, old.number);
        END;
        """,
        """
        CREATE TRIGGER request_fts_update AFTER UPDATE OF requester_name, subject, number ON requests BEGIN
        INSERT INTO request_fts(request_fts, rowid, requester_name, subject, number) VALUES ('delete', old.rowid, old.requester_name, old.subject, old.number);
        INSERT INTO request_fts(rowid, requester_name, subject, number) VALUES (new.rowid, new.requester_name, new.subject, new.number);
        END;
        """,
        """
        CREATE TRIGGER request_counts_insert AFTER INSERT ON requests BEGIN
        INSERT INTO request_state_counts(state, n) VALUES (new.state, 1)
        ON CONFLICT(state) DO UPDATE SET n = n + 1;
        END;
        """,
        """
        CREATE TRIGGER request_counts_delete AFTER DELETE ON requests BEGIN
        UPDATE request_state_counts SET n = n - 1 WHERE state = old.state;
        END;
        """,
        """
        CREATE TRIGGER request_counts_update AFTER UPDATE OF state ON requests WHEN old.state <> new.state BEGIN
        UPDATE request_state_counts SET n = n - 1 WHERE state = old.state;
        INSERT INTO request_state_counts(state, n) VALUES (new.state, 1)
        ON CONFLICT(state) DO UPDATE SET n = n + 1;
        END;
        """,
        """
        CREATE TRIGGER dip_counts_insert AFTER INSERT ON dip_entries WHEN new.retired = 0 BEGIN
        INSERT INTO dip_category_counts(category, n) VALUES (new.category, 1)
        ON CONFLICT(category) DO UPDATE SET n = n + 1;
        END;
        """,
        """
        CREATE TRIGGER dip_counts_delete AFTER DELETE ON dip_entries WHEN old.retired = 0 BEGIN
        UPDATE dip_category_counts SET n = n - 1 WHERE category = old.category;
        END;
        """,
        """
        CREATE TRIGGER dip_counts_update AFTER UPDATE OF category, retired ON dip_entries BEGIN
        UPDATE dip_category_counts SET n = n - 1 WHERE category = old.category AND old.retired = 0;
        INSERT INTO dip_category_counts(category, n) SELECT new.category, 1 WHERE new.retired = 0
        ON CONFLICT(category) DO UPDATE SET n = n + 1;
        END;
        """,
    ]

    /// Rebuilds the search indexes and the counts from the projections, in one pass each.
    static let rebuild = """
        INSERT INTO dip_fts(dip_fts) VALUES('rebuild');
        INSERT INTO request_fts(request_fts) VALUES('rebuild');
        DELETE FROM request_state_counts;
        INSERT INTO request_state_counts SELECT state, count(*) FROM requests GROUP BY state;
        DELETE FROM dip_category_counts;
        INSERT INTO dip_category_counts SELECT category, count(*) FROM dip_entries WHERE retired = 0 GROUP BY category;
        """
}
