import Foundation

/// Which database engine the central register runs on.
public enum SQLEngineKind: String, Sendable {
    /// One file, embedded: the default for a newcomer and a small body.
    case sqlite
    /// PostgreSQL: production, several `ppid-central` instances on one database.
    case postgres
}

/// One connection inside a transaction, with statements written once for both engines: `?`
/// placeholders (or `?1`, `?2` when one is used twice), and the SQL both understand.
public protocol SQLSession: AnyObject {
    var engine: SQLEngineKind { get }
    /// Runs a statement; returns how many rows it changed.
    @discardableResult
    func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int
    /// Runs a query and returns its rows.
    func query(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow]
    /// Runs a write whose answer the caller does not need now: PostgreSQL takes it while the
    /// caller goes on (a push checks its next events while its first ones are inserted), and the
    /// next statement or the commit waits for it, its failure thrown there. SQLite runs it at once.
    func executeAhead(_ sql: String, _ arguments: [SQLValue]) throws
}

extension SQLSession {
    func executeAhead(_ sql: String, _ arguments: [SQLValue]) throws {
        try execute(sql, arguments)
    }

    @discardableResult
    func execute(_ sql: String, _ arguments: [any SQLBindable] = []) throws -> Int {
        try execute(sql, arguments.map(\.sqlValue))
    }

    func rows(_ sql: String, _ arguments: [any SQLBindable] = []) throws -> [SQLRow] {
        try query(sql, arguments.map(\.sqlValue))
    }

    func row(_ sql: String, _ arguments: [any SQLBindable] = []) throws -> SQLRow? {
        try query(sql, arguments.map(\.sqlValue)).first
    }

    /// The first column of the first row, or nil when there is no row or it is NULL.
    func value<T: SQLReadable>(_ sql: String, _ arguments: [any SQLBindable] = [], as type: T.Type = T.self) throws -> T? {
        guard let row = try row(sql, arguments), let first = row.values.first else { return nil }
        if case .null = first { return nil }
        return try row.get(0, as: T.self)
    }

    /// Whether the query returns a row.
    func exists(_ sql: String, _ arguments: [any SQLBindable] = []) throws -> Bool {
        try row(sql, arguments) != nil
    }

    /// The larger of two values: `max(a, b)` in SQLite, `GREATEST(a, b)` in PostgreSQL.
    var greatest: String { engine == .sqlite ? "max" : "GREATEST" }
}

/// A database that runs transactions on ``SQLSession``s: the central store's only way to its data.
public protocol SQLDatabase: Sendable {
    var engine: SQLEngineKind { get }
    /// A read; reads run concurrently. On both engines each statement of it reads what is
    /// committed when the statement starts: a read that needs two statements to agree asks
    /// them as one.
    func read<T>(_ body: (any SQLSession) throws -> T) throws -> T
    /// A read-write transaction. With `appending`, it first takes the ledger's head, so appends
    /// (from any instance) happen one transaction at a time and commit in sequence order.
    func write<T>(appending: Bool, _ body: (any SQLSession) throws -> T) throws -> T
    /// Whether the engine finds the data sound.
    func integrityCheck() throws -> Bool
    /// Closes connections.
    func close()
    /// Copies the whole database, consistent, into a new SQLite file at `path` while it is in use.
    func backup(to path: String) throws
}
