/// Who opened an identity scan, and when: each viewing is kept (Pasal 17 h, personal data).
enum FileSchema {
    static let sqlite = """
        CREATE TABLE file_views (
            id INTEGER PRIMARY KEY AUTOINCREMENT, case_uuid TEXT NOT NULL, sha256 TEXT NOT NULL, role TEXT NOT NULL,
            officer TEXT NOT NULL, unit TEXT NOT NULL, viewed_at REAL NOT NULL
        );
        CREATE INDEX file_views_by_case ON file_views(case_uuid);
        """

    static let postgres = [
        """
        CREATE TABLE file_views (
            id BIGSERIAL PRIMARY KEY, case_uuid TEXT NOT NULL, sha256 TEXT NOT NULL, role TEXT NOT NULL,
            officer TEXT NOT NULL, unit TEXT NOT NULL, viewed_at DOUBLE PRECISION NOT NULL
        )
        """,
        "CREATE INDEX file_views_by_case ON file_views(case_uuid)",
    ]
}
