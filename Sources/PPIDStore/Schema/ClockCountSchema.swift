import GRDB

/// The number of open clocks per due date (requests awaiting their notice and objections awaiting
/// the atasan's answer), kept by triggers in the same transaction as the projections. The deadline
/// board's group counts and the tab line's overdue count sum a few hundred dates from it instead of
/// counting hundreds of thousands of rows, so the first screen costs no more than the rows it shows.
enum ClockCountSchema {
    static let table = """
        CREATE TABLE open_clock_counts (due_date TEXT PRIMARY KEY NOT NULL, n INTEGER NOT NULL) WITHOUT ROWID
        """

    /// Recounts from the projections (a migration, or after a bulk load without the triggers).
    static let rebuild = """
        DELETE FROM open_clock_counts;
        INSERT INTO open_clock_counts(due_date, n)
        SELECT due_date, sum(n) FROM (
            SELECT due_date, count(*) AS n FROM requests WHERE open = 1 GROUP BY due_date
            UNION ALL
            SELECT answer_due, count(*) FROM objections WHERE open = 1 GROUP BY answer_due
        ) GROUP BY due_date;
        """

    static let triggerNames = [
        "clock_counts_request_insert", "clock_counts_request_delete", "clock_counts_request_update",
        "clock_counts_objection_insert", "clock_counts_objection_delete", "clock_counts_objection_update",
    ]

    static let triggers = clockTriggers(table: "requests", due: "due_date", prefix: "clock_counts_request")
        + clockTriggers(table: "objections", due: "answer_due", prefix: "clock_counts_objection")

    private static func clockTriggers(table: String, due: String, prefix: String) -> [String] {
        let add = { (side: String) in
            "INSERT INTO open_clock_counts(due_date, n) VALUES (\(side).\(due), 1) ON CONFLICT(due_date) DO UPDATE SET n = n + 1;"
        }
        let remove = { (side: String) in "UPDATE open_clock_counts SET n = n - 1 WHERE due_date = \(side).\(due);" }
        return [
            "CREATE TRIGGER \(prefix)_insert AFTER INSERT ON \(table) WHEN new.open = 1 BEGIN \(add("new")) END;",
            "CREATE TRIGGER \(prefix)_delete AFTER DELETE ON \(table) WHEN old.open = 1 BEGIN \(remove("old")) END;",
            """
            CREATE TRIGGER \(prefix)_update AFTER UPDATE OF open, \(due) ON \(table)
            WHEN old.open <> new.open OR old.\(due) <> new.\(due) BEGIN
            UPDATE open_clock_counts SET n = n - 1 WHERE due_date = old.\(due) AND old.open = 1;
            INSERT INTO open_clock_counts(due_date, n) SELECT new.\(due), 1 WHERE new.open = 1
            ON CONFLICT(due_date) DO UPDATE SET n = n + 1;
            END;
            """,
        ]
    }

    /// The migration: the table, its first count, and the triggers.
    static func create(in db: Database) throws {
        try db.execute(sql: table)
        try db.execute(sql: rebuild)
        for trigger in triggers { try db.execute(sql: trigger) }
    }
}
