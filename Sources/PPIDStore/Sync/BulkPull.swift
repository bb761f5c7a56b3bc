import GRDB

/// A large pull (an initial one, or a terminal long offline) writes thousands of projection rows.
/// Kept row by row, the full-text indexes cost more than everything else together: FTS5 writes a
/// new segment at each statement of a trigger. So for such a pull the search triggers are dropped
/// and the indexes rebuilt once at the end, in one pass.
///
/// A flag in `sync_state` records that indexing is suspended, in the same transaction as the drop:
/// if the pull is cut short (the link drops, the process is killed), the next sync or the next open
/// of the database rebuilds. Until then a search may miss rows of the pull; nothing else is affected.
extension LocalStore {
    static let searchSuspendedKey = "searchSuspended"

    /// Prepares for a large pull: drops the search triggers, and trades the fsync of each page's
    /// commit for speed, which is safe here (a page lost to a power cut is pulled again from the
    /// stored cursor). The write-ahead log is copied back into the database every 64 MB rather than
    /// every 4 MB: each page's commit rewrites the same index pages, and each copy costs a write.
    public func beginBulkPull() throws(StoreError) {
        try write { db in
            guard try Self.syncValue(Self.searchSuspendedKey, in: db) == nil else { return }
            try SearchSchema.dropTriggers(in: db)
            try Self.setSyncValue(Self.searchSuspendedKey, "1", in: db)
        }
        try? pragma("PRAGMA synchronous = NORMAL")
        try? pragma("PRAGMA wal_autocheckpoint = 16384")
    }

    /// Ends a large pull: catches the search up (see ``catchUpSearchIndexing()``) and restores the
    /// usual durability. Returns whether indexing had been suspended.
    @discardableResult
    public func finishBulkPull() throws(StoreError) -> Bool {
        defer {
            try? pragma("PRAGMA synchronous = FULL")
            try? pragma("PRAGMA wal_autocheckpoint = 1000")
            // A large pull leaves a large log: fold it into the database, so the next start does
            // not read it whole first; on the checkpoint's thread, while the terminal goes on.
            backgroundCheckpoint.finishTruncating()
        }
        return try catchUpSearchIndexing()
    }

    /// Rebuilds the search indexes and counts and brings their triggers back, if a pull suspended
    /// them: at the end of the pull, or at the next open after one cut short. Only reads when there
    /// is nothing to do, so opening the database never waits for another process's write.
    @discardableResult
    public func catchUpSearchIndexing() throws(StoreError) -> Bool {
        guard try read({ db in try Self.syncValue(Self.searchSuspendedKey, in: db) }) != nil else { return false }
        return try write { db in
            guard try Self.syncValue(Self.searchSuspendedKey, in: db) != nil else { return false }
            try SearchSchema.restore(in: db)
            try db.execute(sql: "DELETE FROM sync_state WHERE key = ?", arguments: [Self.searchSuspendedKey])
            return true
        }
    }

    /// After a page of a large pull: copies the write-ahead log back into the database on another
    /// thread (``BackgroundCheckpoint``), so the next commits do not wait for it.
    public func checkpointDuringBulkPull() {
        backgroundCheckpoint.request()
    }

    /// Runs a PRAGMA on the writing connection.
    func pragma(_ sql: String) throws(StoreError) {
        do {
            try pool.writeWithoutTransaction { db in try db.execute(sql: sql) }
        } catch {
            throw StoreError.from(error, path: path)
        }
    }
}

extension SearchSchema {
    static func dropTriggers(in db: Database) throws {
        for name in triggerNames + ClockCountSchema.triggerNames + OrderSchema.triggerNames {
            try db.execute(sql: "DROP TRIGGER IF EXISTS \(name)")
        }
    }

    /// The indexes and counts rebuilt from the projections, and the triggers back, in the caller's transaction.
    static func restore(in db: Database) throws {
        try dropTriggers(in: db)
        // Best effort: an SQLite without the option rebuilds as before (a failed statement leaves
        // the transaction as it was).
        try? setIndexBuffer(rebuildIndexBuffer, in: db)
        try db.execute(sql: rebuild)
        try? setIndexBuffer(defaultIndexBuffer, in: db)
        try db.execute(sql: ClockCountSchema.rebuild)
        try db.execute(sql: OrderSchema.rebuild)
        for trigger in triggers + ClockCountSchema.triggers + OrderSchema.triggers { try db.execute(sql: trigger) }
    }

    /// FTS5 keeps new index entries in memory up to this size (its `hashsize`) before writing them
    /// as a segment: at the 1 MiB default a rebuild of 20,000 requests writes hundreds of small
    /// segments and merges them, at 8 MiB a few (the rebuild 15 to 20% faster). For the rebuild
    /// only: what is left in memory is written at the commit, and a terminal's own edits are small.
    static let rebuildIndexBuffer = 8 << 20
    static let defaultIndexBuffer = 1 << 20

    /// Sets both indexes' buffer; FTS5 keeps the value in its own config table.
    static func setIndexBuffer(_ bytes: Int, in db: Database) throws {
        for table in ["dip_fts", "request_fts"] {
            try db.execute(sql: "INSERT INTO \(table)(\(table), rank) VALUES('hashsize', ?)", arguments: [bytes])
        }
    }
}
