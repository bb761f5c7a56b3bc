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

    /// Whether a dispute row is an open order: the Commission decided for the requester (in full or
    /// in part), the decision is not before a court, and the request has no compliance recorded.
    static func disputeOpenExpression(_ d: String) -> String {
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

    static let triggers = [
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
        CREATE TRIGGER orders_dispute_update AFTER UPDATE OF state, outcome, decided_on ON disputes BEGIN
        UPDATE disputes SET order_open = \(disputeOpenExpression("new")) WHERE rowid = new.rowid;
        END;
        """,
    ]

    static func create(in db: Database) throws {
        for sql in columnAndIndex { try db.execute(sql: sql) }
        try db.execute(sql: rebuild)
        for trigger in triggers { try db.execute(sql: trigger) }
    }
}
