/// The durable outbox of letters mailed to requesters: written in the same transaction as the act
/// that calls for the letter, sent by the server's mail worker, retried with backoff, and kept
/// (sent, failed) for the officer to see.
enum MailSchema {
    static let sqlite = """
        CREATE TABLE mail_outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            case_uuid TEXT NOT NULL, kind TEXT NOT NULL, unit TEXT NOT NULL,
            recipient TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'pending', attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at REAL NOT NULL, claimed_until REAL, last_error TEXT,
            created_at REAL NOT NULL, sent_at REAL
        );
        CREATE INDEX mail_outbox_due ON mail_outbox(state, next_attempt_at);
        CREATE INDEX mail_outbox_by_case ON mail_outbox(case_uuid);
        """

    static let postgres = [
        """
        CREATE TABLE mail_outbox (
            id BIGSERIAL PRIMARY KEY,
            case_uuid TEXT NOT NULL, kind TEXT NOT NULL, unit TEXT NOT NULL,
            recipient TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'pending', attempts BIGINT NOT NULL DEFAULT 0,
            next_attempt_at DOUBLE PRECISION NOT NULL, claimed_until DOUBLE PRECISION, last_error TEXT,
            created_at DOUBLE PRECISION NOT NULL, sent_at DOUBLE PRECISION
        )
        """,
        "CREATE INDEX mail_outbox_due ON mail_outbox(state, next_attempt_at)",
        "CREATE INDEX mail_outbox_by_case ON mail_outbox(case_uuid)",
    ]
}
