import Foundation

/// Creating and dropping whole databases on a PostgreSQL server: for the tests and the benchmark,
/// which each want a register of their own, and for an administrator trying a body out.
public enum PostgresAdmin {
    /// Creates an empty database named `name` on the server `serverURL` points to (any database
    /// there, usually `postgres`; the role needs CREATEDB) and returns the URL of the new one.
    public static func createDatabase(named name: String, on serverURL: String) throws(CentralError) -> String {
        guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }), !name.isEmpty else {
            throw .invalid(field: "database", reason: "letters, digits and '_' only / huruf, angka dan '_' saja")
        }
        try run("CREATE DATABASE \(name)", on: serverURL)
        guard var url = URLComponents(string: serverURL) else { throw .invalid(field: "--db", reason: serverURL) }
        url.path = "/" + name
        return url.string ?? serverURL
    }

    /// Drops the database `name` (closing nobody's connections: close the store first).
    public static func dropDatabase(named name: String, on serverURL: String) throws(CentralError) {
        guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }), !name.isEmpty else {
            throw .invalid(field: "database", reason: "letters, digits and '_' only / huruf, angka dan '_' saja")
        }
        try run("DROP DATABASE IF EXISTS \(name)", on: serverURL)
    }

    private static func run(_ statement: String, on serverURL: String) throws(CentralError) {
        let location = try PostgresLocation(url: serverURL)
        do {
            let database = try PostgresDatabase(location: location, size: 1)
            defer { database.close() }
            // Outside a transaction: CREATE DATABASE cannot run inside one.
            try database.withConnection { connection in _ = try database.run(connection, statement, []) }
        } catch {
            throw CentralError.database(path: location.description, reason: "\(error)")
        }
    }
}

/// Where a test's central register lives: in memory (or a file) on SQLite by default; with
/// `PPID_TEST_POSTGRES` set to a server URL (`postgres://ppid:ppid@127.0.0.1/postgres`), a fresh
/// database of its own on that server, so the same tests run on both engines.
public enum TestRegister {
    /// The PostgreSQL server the tests use, if any.
    public static var postgresServer: String? {
        ProcessInfo.processInfo.environment["PPID_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A new register's location: `sqlite` when no PostgreSQL server is set.
    public static func fresh(sqlite: String = ":memory:") throws(CentralError) -> String {
        guard let server = postgresServer else { return sqlite }
        let name = "ppid_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        return try PostgresAdmin.createDatabase(named: String(name), on: server)
    }
}
