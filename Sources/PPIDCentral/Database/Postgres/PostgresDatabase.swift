import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import Synchronization

/// The production engine: PostgreSQL through PostgresNIO, a small pool of connections. Several
/// `ppid-central` instances share one database: every transaction that appends to the ledger first
/// locks its head row, so appends from all instances happen one at a time and commit in sequence
/// order, and a pull, which reads a snapshot, never sees a number before the ones below it.
final class PostgresDatabase: SQLDatabase {
    let engine = SQLEngineKind.postgres
    let location: PostgresLocation
    private let logger: Logger
    private let pool: Mutex<[PooledConnection]>
    private let slots: DispatchSemaphore
    /// Each statement's text with `$N` placeholders, rewritten once rather than at every run.
    private let numberedCache = NumberedStatements()
    private let nextID = Atomic<Int>(1)

    /// Opens the pool (`size` connections at most) and checks that the server answers.
    init(location: PostgresLocation, size: Int = 8) throws {
        self.location = location
        var logger = Logger(label: "ppid-central.postgres")
        logger.logLevel = .warning
        self.logger = logger
        pool = Mutex([])
        slots = DispatchSemaphore(value: size)
        try withConnection { connection in _ = try run(connection, "SELECT 1", []) }
    }

    /// Reads run without a transaction (each statement sees what is committed): appends commit in
    /// sequence order, so any read of the ledger sees a prefix of it, and a page's `latest`, read
    /// after its events, is never below them. Two round trips fewer for every pull and every token check.
    func read<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try withConnection { connection in
            let session = PostgresSession(connection: connection, database: self)
            let result = try body(session)
            // Nothing sent ahead goes back to the pool unfinished, its failure unheard.
            try session.settle()
            return result
        }
    }

    func write<T>(appending: Bool, _ body: (any SQLSession) throws -> T) throws -> T {
        try transaction("BEGIN", appending: appending, body)
    }

    func integrityCheck() throws -> Bool {
        // The server keeps its own pages sound; what can be checked is that the ledger and its head agree.
        // Both are read in one statement, one snapshot: read apart, a push committed between the two
        // reads (a terminal's, while the check runs) made a sound ledger look broken.
        try read { session in
            let agree = try session.value("""
                SELECT CASE WHEN coalesce((SELECT last FROM ledger_head WHERE id = 1), 0)
                               = coalesce((SELECT max(sequence) FROM ledger), 0) THEN 1::bigint ELSE 0::bigint END
                """, as: Int64.self)
            return agree == 1
        }
    }

    func close() { shut(waiting: true) }

    func backup(to path: String) throws {
        throw CentralError.invalid(field: "backup", reason: "pada PostgreSQL gunakan pg_dump -Fc / on PostgreSQL use pg_dump -Fc (see the README)")
    }

    deinit { shut(waiting: false) }

    /// Closes every pooled connection; without `waiting`, each stays alive until its close is done
    /// (PostgresNIO requires a connection closed before it goes).
    private func shut(waiting: Bool) {
        let connections = pool.withLock { pool in
            defer { pool.removeAll() }
            return pool.map(\.connection)
        }
        for connection in connections {
            let closed: EventLoopFuture<Void> = connection.close()
            if waiting {
                try? closed.wait()
            } else {
                closed.whenComplete { _ in withExtendedLifetime(connection) {} }
            }
        }
    }

    private func transaction<T>(_ begin: String, appending: Bool, _ body: (any SQLSession) throws -> T) throws -> T {
        try withConnection { connection in
            let session = PostgresSession(connection: connection, database: self)
            _ = try run(connection, begin, [])
            do {
                if appending { _ = try session.query(HotStatements.lockedLedgerHead, []) }
                let result = try body(session)
                try session.settle()
                _ = try run(connection, "COMMIT", [])
                return result
            } catch {
                // A connection that cannot even roll back is not trusted again: it is closed, not pooled.
                do { _ = try run(connection, "ROLLBACK", []) } catch { connection.closeWithoutWaiting() }
                throw error
            }
        }
    }

    /// Runs `body` on a pooled connection, opening one when none is free; a connection that failed
    /// is closed and not returned, so the next caller gets a fresh one.
    func withConnection<T>(_ body: (PooledConnection) throws -> T) throws -> T {
        slots.wait()
        defer { slots.signal() }
        let pooled = try pool.withLock { $0.popLast() } ?? open()
        do {
            let result = try body(pooled)
            if !pooled.connection.isClosed { pool.withLock { $0.append(pooled) } }
            return result
        } catch {
            if pooled.connection.isClosed {
                pooled.closeWithoutWaiting()
            } else {
                pool.withLock { $0.append(pooled) }
            }
            throw error
        }
    }

    private func open() throws -> PooledConnection {
        do {
            return PooledConnection(try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.next(),
                                                                   configuration: location.configuration(),
                                                                   id: nextID.add(1, ordering: .relaxed).oldValue, logger: logger).wait())
        } catch {
            throw PostgresFailure(location: location, error: error)
        }
    }

    /// Runs one of the ``HotStatements`` as the connection's prepared statement, preparing it on
    /// the connection's first use of it.
    func runPrepared(_ pooled: PooledConnection, _ sql: String, _ arguments: [SQLValue]) throws -> [PostgresRow] {
        do {
            let statement: PreparedQuery
            if let known = pooled.prepared.withLock({ $0[sql] }) {
                statement = known
            } else {
                statement = try pooled.connection.prepare(query: numberedCache.numbered(sql)).wait()
                pooled.prepared.withLock { $0[sql] = statement }
            }
            return try statement.execute(try arguments.map(Self.preparedValue)).wait()
        } catch let error as PostgresFailure {
            throw error
        } catch {
            throw PostgresFailure(location: location, error: error)
        }
    }

    /// A value bound to a prepared statement (the older interface PostgresNIO offers for them).
    static func preparedValue(_ value: SQLValue) throws -> PostgresData {
        switch value {
        case .null: return .null
        case let .int(int): return PostgresData(int64: int)
        case let .double(double): return PostgresData(double: double)
        case let .text(text): return PostgresData(string: text)
        case let .blob(data): return PostgresData(bytes: data)
        case .intArray, .textArray, .blobArray:
            throw CentralError.invalid(field: "sql", reason: "an array parameter in a prepared statement")
        }
    }

    func run(_ pooled: PooledConnection, _ sql: String, _ arguments: [SQLValue]) throws -> PostgresQueryResult {
        do {
            return try send(pooled, sql, arguments).wait()
        } catch {
            throw PostgresFailure(location: location, error: error)
        }
    }

    /// Sends a statement on the connection without waiting for it: PostgresNIO runs a
    /// connection's statements one after another, in the order they were sent.
    func send(_ pooled: PooledConnection, _ sql: String, _ arguments: [SQLValue]) -> EventLoopFuture<PostgresQueryResult> {
        let connection = pooled.connection
        var binds = PostgresBindings(capacity: arguments.count)
        for argument in arguments {
            switch argument {
            case .null: binds.appendNull()
            case let .int(int): binds.append(int)
            case let .double(double): binds.append(double)
            case let .text(text): binds.append(text)
            case let .blob(data): binds.append(ByteBuffer(bytes: data))
            case let .intArray(values): binds.append(values)
            case let .textArray(values): binds.append(values)
            case let .blobArray(values): binds.append(values.map { ByteBuffer(bytes: $0) })
            }
        }
        let query = PostgresQuery(unsafeSQL: numberedCache.numbered(sql), binds: binds)
        return connection.query(query, logger: logger)
    }

    /// The statement with `?` and `?N` placeholders written as PostgreSQL's `$N` (outside quotes).
    static func numbered(_ sql: String) -> String {
        var out = ""
        out.reserveCapacity(sql.count + 16)
        var next = 1
        var quoted = false
        var characters = sql.makeIterator()
        var pending: Character? = characters.next()
        while let character = pending {
            pending = characters.next()
            if character == "'" { quoted.toggle() }
            guard character == "?", !quoted else { out.append(character); continue }
            var digits = ""
            while let digit = pending, digit.isASCII, digit.isNumber {
                digits.append(digit)
                pending = characters.next()
            }
            if digits.isEmpty {
                out += "$\(next)"
                next += 1
            } else {
                out += "$" + digits
            }
        }
        return out
    }
}

/// A connection of the pool, with the statements prepared on it (they live and die with it).
final class PooledConnection: Sendable {
    let connection: PostgresConnection
    /// ``HotStatements`` prepared on this connection, by their text.
    let prepared = Mutex<[String: PreparedQuery]>([:])

    init(_ connection: PostgresConnection) { self.connection = connection }

    /// Closes the connection without waiting for it, kept alive until the close is done
    /// (PostgresNIO requires a connection closed before it goes).
    func closeWithoutWaiting() {
        let closed: EventLoopFuture<Void> = connection.close()
        closed.whenComplete { _ in withExtendedLifetime(self) {} }
    }
}

/// A pooled connection inside a transaction.
final class PostgresSession: SQLSession {
    let engine = SQLEngineKind.postgres
    let connection: PooledConnection
    unowned let database: PostgresDatabase

    init(connection: PooledConnection, database: PostgresDatabase) {
        self.connection = connection
        self.database = database
    }

    /// Writes sent ahead (``executeAhead(_:_:)``) and not yet waited for, in the order sent.
    private var ahead: [EventLoopFuture<PostgresQueryResult>] = []

    func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int {
        try settle()
        return try database.run(connection, sql, arguments).metadata.rows ?? 0
    }

    func executeAhead(_ sql: String, _ arguments: [SQLValue]) throws {
        ahead.append(database.send(connection, sql, arguments))
    }

    /// Waits for the writes sent ahead; the first that failed is thrown (the transaction is then
    /// aborted, so what follows it failed for that reason alone).
    func settle() throws {
        guard !ahead.isEmpty else { return }
        let sent = ahead
        ahead = []
        var failure: (any Error)?
        for future in sent {
            do { _ = try future.wait() } catch { failure = failure ?? error }
        }
        if let failure { throw PostgresFailure(location: database.location, error: failure) }
    }

    func query(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
        try settle()
        if HotStatements.all.contains(sql) {
            // The cells of a prepared statement's rows say "text" (the format its description
            // had when prepared), but PostgresNIO asks for, and gets, every result in binary.
            return try database.runPrepared(connection, sql, arguments).map { row in
                SQLRow(try row.map { cell in
                    var binary = cell
                    binary.format = .binary
                    return try Self.value(binary)
                })
            }
        }
        return try database.run(connection, sql, arguments).rows.map { row in
            SQLRow(try row.map(Self.value))
        }
    }

    static func value(_ cell: PostgresCell) throws -> SQLValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .bool: return .int(try cell.decode(Bool.self) ? 1 : 0)
        case .int2: return .int(Int64(try cell.decode(Int16.self)))
        case .int4: return .int(Int64(try cell.decode(Int32.self)))
        case .int8: return .int(try cell.decode(Int64.self))
        case .float4: return .double(Double(try cell.decode(Float.self)))
        case .float8: return .double(try cell.decode(Double.self))
        case .numeric: return .double(Double(try cell.decode(String.self)) ?? 0)
        case .bytea: return .blob(try cell.decode(Data.self))
        default: return .text(try cell.decode(String.self))
        }
    }
}

/// A PostgreSQL error, with what the server said (PostgresNIO hides it from `description`).
struct PostgresFailure: Error, CustomStringConvertible {
    let location: PostgresLocation
    let error: any Error

    var description: String {
        if let psql = error as? PSQLError {
            if let message = psql.serverInfo?[.message] {
                let detail = psql.serverInfo?[.detail].map { " (\($0))" } ?? ""
                return "\(location): \(message)\(detail)"
            }
            return "\(location): \(psql.code)" + (psql.underlying.map { ": \($0)" } ?? "")
        }
        return "\(location): \(error)"
    }
}

/// Statements rewritten to PostgreSQL's placeholders (``PostgresDatabase/numbered(_:)``), kept by
/// their text: the server runs the same few dozen statements thousands of times.
final class NumberedStatements: Sendable {
    private let cache = Mutex<[String: String]>([:])

    func numbered(_ sql: String) -> String {
        if let known = cache.withLock({ $0[sql] }) { return known }
        let rewritten = PostgresDatabase.numbered(sql)
        // Statements built with a varying number of rows (batch inserts) are not kept past a bound.
        cache.withLock { if $0.count < 4096 { $0[sql] = rewritten } }
        return rewritten
    }
}
