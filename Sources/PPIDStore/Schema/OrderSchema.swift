import GRDB

/// Which granted objections are orders still to fulfil (Pasal 52): `objections.order_open`, kept by
/// triggers in the projections' transaction (an objection granted, its request's compliance
/// recorded), so the board reads them by a partial index instead of joining every objection to
/// its request at start-up.
enum OrderSchema {
    /// Whether an objection row is an open order, as SQL over `o` (the objection) and its request.
    static func openExpression(_ o: String) -> String {
        """
        (\(o).verdict = 'granted' AND \(o).answered_on IS NOT NULL
         AND coalesce((SELECT complied_on FROM requests WHERE uuid = \(o).request_uuid), '') = '')
        """
    }

    /// Whether a dispute row is an open order: the ruling that stands (the Commission's, the
    /// court's or the Mahkamah Agung's; none while a court has the case) is for the requester, in
    /// full or in part, and the request has no compliance recorded.
    static func disputeOpenExpression(_ d: String) -> String {
        """
        (\(d).ruling IN ('dikabulkan', 'dikabulkan-sebagian') AND \(d).ruled_on IS NOT NULL
         AND coalesce((SELECT r.complied_on FROM objections o JOIN requests r ON r.uuid = o.request_uuid
                       WHERE o.uuid = \(d).objection_uuid), '') = '')
        """
    }

    /// The dispute expression as v8 shipped it (before the court stage), for that migration alone.
    static func disputeOpenExpressionV8(_ d: String) -> String {
        """
        (\(d).state = 'diputus' AND \(d).outcome IN ('dikabulkan', 'dikabulkan-sebagian') AND \(d).decided_on IS NOT NULL
         AND coalesce((SELECT r.complied_on FROM objections o JOIN requests r ON r.uuid = o.request_uuid
                       WHERE o.uuid = \(d).objection_uuid), '') = '')
        """
    }

    static let columnAndIndex = [
        "ALTER TABLE objections ADD COLUMN order_open INTEGER NOT NULL DEFAULT 0",
        "CREATE INDEX objections_open_orders ON objections(answered_on, rowid) WHERE order_open = 1",
        "ALTER TABLE disputes ADD COLUMN decided_on TEXT",
        "ALTER TABLE disputes ADD COLUMN order_open INTEGER NOT NULL DEFAULT 0",
        "CREATE INDEX disputes_open_orders ON disputes(decided_on, rowid) WHERE order_open = 1",
    ]

    /// Recomputes every row (a migration, or after a bulk load without the triggers).
    static let rebuild = """
        UPDATE objections SET order_open = \(openExpression("objections"));
        UPDATE disputes SET order_open = \(disputeOpenExpression("disputes"));
        """

    static let triggerNames = ["orders_objection_insert", "orders_objection_update", "orders_request_insert", "orders_request_update",
                               "orders_dispute_insert", "orders_dispute_update"]

    /// The triggers as this version keeps them (the dispute rule on the ruling that stands).
    static let triggers = triggers(dispute: disputeOpenExpression, disputeColumns: "ruling, ruled_on")

    /// The triggers with `dispute` as a dispute row's open-order rule, re-evaluated when
    /// `disputeColumns` change: v8 and today differ only there.
    static func triggers(dispute disputeOpenExpression: (String) -> String, disputeColumns: String) -> [String] { [
        """
        CREATE TRIGGER orders_objection_insert AFTER INSERT ON objections BEGIN
        UPDATE objections SET order_open = \(openExpression("new")) WHERE rowid = new.rowid;
        END;
        """,
        """
        CREATE TRIGGER orders_objection_update AFTER UPDATE OF verdict, answered_on ON objections BEGIN
        UPDATE objections SET order_open = \(openExpression("new")) WHERE rowid = new.rowid;
        END;
        """,
        """
        CREATE TRIGGER orders_request_insert AFTER INSERT ON requests BEGIN
        UPDATE objections SET order_open = \(openExpression("objections")) WHERE request_uuid = new.uuid;
        UPDATE disputes SET order_open = \(disputeOpenExpression("disputes"))
        WHERE objection_uuid IN (SELECT uuid FROM objections WHERE request_uuid = new.uuid);
        END;
        """,
        """
        CREATE TRIGGER orders_request_update AFTER UPDATE OF complied_on ON requests BEGIN
        UPDATE objections SET order_open = \(openExpression("objections")) WHERE request_uuid = new.uuid;
        UPDATE disputes SET order_open = \(disputeOpenExpression("disputes"))
        WHERE objection_uuid IN (SELECT uuid FROM objections WHERE request_uuid = new.uuid);
        END;
        """,
        """
        CREATE TRIGGER orders_dispute_insert AFTER INSERT ON disputes BEGIN
        UPDATE disputes SET order_open = \(disputeOpenExpression("new")) WHERE rowid = new.rowid;
        END;
        """,
        """
        CREATE TRIGGER orders_dispute_update AFTER UPDATE OF \(disputeColumns) ON disputes BEGIN
        UPDATE disputes SET order_open = \(disputeOpenExpression("new")) WHERE rowid = new.rowid;
        END;
        """,
    ] }

    /// v8: the columns, index and triggers as they shipped then (the dispute triggers by the old rule).
    static func createV8(in db: Database) throws {
        for sql in columnAndIndex { try db.execute(sql: sql) }
        try db.execute(sql: """
            UPDATE objections SET order_open = \(openExpression("objections"));
            UPDATE disputes SET order_open = \(disputeOpenExpressionV8("disputes"));
            """)
        for trigger in triggers(dispute: disputeOpenExpressionV8, disputeColumns: "state, outcome, decided_on") {
            try db.execute(sql: trigger)
        }
    }

    /// v9, the court stage: the ruling that stands and the dispute's next step, kept by the
    /// projection; the order triggers and index rebuilt on the ruling.
    static func upgradeV9(in db: Database) throws {
        for name in triggerNames { try db.execute(sql: "DROP TRIGGER IF EXISTS \(name)") }
        try db.execute(sql: "DROP INDEX IF EXISTS disputes_open_orders")
        try db.execute(sql: "DROP INDEX IF EXISTS disputes_open")
        for column in ["ruling TEXT", "ruled_on TEXT", "next_step TEXT", "next_due TEXT", "next_from TEXT"] {
            try db.execute(sql: "ALTER TABLE disputes ADD COLUMN \(column)")
        }
        // The rows of earlier versions: the Commission's decision stands unless a court has the case;
        // the next step as the board showed it then (the court windows were not kept).
        try db.execute(sql: """
            UPDATE disputes SET ruling = CASE state WHEN 'diputus' THEN outcome END,
                                ruled_on = CASE state WHEN 'diputus' THEN decided_on END,
                                next_step = CASE state WHEN 'didaftarkan' THEN 'commissionStart'
                                                       WHEN 'mediasi' THEN 'commissionSettlement'
                                                       WHEN 'ajudikasi' THEN 'commissionSettlement'
                                                       WHEN 'pengadilan' THEN 'awaitingCourt' END,
                                next_due = CASE state WHEN 'didaftarkan' THEN start_due
                                                      WHEN 'mediasi' THEN settlement_due
                                                      WHEN 'ajudikasi' THEN settlement_due
                                                      WHEN 'pengadilan' THEN filed_on END,
                                next_from = filed_on
            """)
        try db.execute(sql: "CREATE INDEX disputes_open_orders ON disputes(ruled_on, rowid) WHERE order_open = 1")
        try db.execute(sql: "CREATE INDEX disputes_next ON disputes(next_due, rowid, next_step) WHERE next_due IS NOT NULL")
        try db.execute(sql: rebuild)
        for trigger in triggers { try db.execute(sql: trigger) }
    }
}
