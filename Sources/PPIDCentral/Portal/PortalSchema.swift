/// The portal's tables, the same on both engines: files by content hash, the files of each case,
/// the requests filed on the portal with the hash of their tracking code, and the portal's own
/// number series for objections.
enum PortalSchema {
    static let sqlite = """
        -- A file once, by the SHA-256 of its content: the same scan uploaded twice is stored once.
        CREATE TABLE files (
            sha256 TEXT PRIMARY KEY, media_type TEXT NOT NULL, size INTEGER NOT NULL,
            content BLOB NOT NULL, stored_at REAL NOT NULL
        ) WITHOUT ROWID;
        -- Which case a file belongs to and as what: 'id-scan' (the requester's identity, seen only by
        -- the case's unit and the PPID Utama), 'released' (a document given with the notice),
        -- 'supporting' (an objection's), 'dip' (a DIP entry's public file).
        CREATE TABLE case_files (
            case_uuid TEXT NOT NULL, sha256 TEXT NOT NULL REFERENCES files(sha256), role TEXT NOT NULL,
            name TEXT NOT NULL, added_at REAL NOT NULL, added_by TEXT NOT NULL,
            PRIMARY KEY (case_uuid, sha256, role)
        ) WITHOUT ROWID;
        -- Requests filed on the portal: the SHA-256 of the tracking code, never the code itself.
        CREATE TABLE portal_requests (
            case_uuid TEXT PRIMARY KEY, tracking_hash TEXT NOT NULL UNIQUE, created_at REAL NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE portal_counters (
            kind TEXT NOT NULL, unit TEXT NOT NULL, year INTEGER NOT NULL, last_issued INTEGER NOT NULL,
            PRIMARY KEY (kind, unit, year)
        ) WITHOUT ROWID;
        """

    static let postgres = [
        """
        CREATE TABLE files (
            sha256 TEXT PRIMARY KEY, media_type TEXT NOT NULL, size BIGINT NOT NULL,
            content BYTEA NOT NULL, stored_at DOUBLE PRECISION NOT NULL
        )
        """,
        """
        CREATE TABLE case_files (
            case_uuid TEXT NOT NULL, sha256 TEXT NOT NULL REFERENCES files(sha256), role TEXT NOT NULL,
            name TEXT NOT NULL, added_at DOUBLE PRECISION NOT NULL, added_by TEXT NOT NULL,
            PRIMARY KEY (case_uuid, sha256, role)
        )
        """,
        "CREATE TABLE portal_requests (case_uuid TEXT PRIMARY KEY, tracking_hash TEXT NOT NULL UNIQUE, created_at DOUBLE PRECISION NOT NULL)",
        """
        CREATE TABLE portal_counters (
            kind TEXT NOT NULL, unit TEXT NOT NULL, year BIGINT NOT NULL, last_issued BIGINT NOT NULL,
            PRIMARY KEY (kind, unit, year)
        )
        """,
    ]
}
