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

    static let columnAndIndex = [
        "ALTER TABLE objections ADD COLUMN order_open INTEGER NOT NULL DEFAULT 0",
        "CREATE INDEX objections_open_orders ON objections(answered_on, rowid) WHERE order_open = 1",
    ]

    /// Recomputes every row (a migration, or after a bulk load without the triggers).
    static let rebuild = "UPDATE objections SET order_open = \(openExpression("objections"))"

    static let triggerNames = ["orders_objection_insert", "orders_objection_update", "orders_request_insert", "orders_request_update"]

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
        END;
        """,
        """
        CREATE TRIGGER orders_request_update AFTER UPDATE OF complied_on ON requests BEGIN
        UPDATE objections SET order_open = \(openExpression("objections")) WHERE request_uuid = new.uuid;
        END;
        """,
    ]

    static func create(in db: Database) throws {
        for sql in columnAndIndex { try db.execute(sql: sql) }
        try db.execute(sql: rebuild)
        for trigger in triggers { try db.execute(sql: trigger) }
    }
}
