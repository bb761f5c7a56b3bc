import Foundation
import GRDB
import GRDBSQLite
import PPIDDomain

/// The insert of one event into the log, its values bound through SQLite's C API.
///
/// A pull appends thousands of events per page; building GRDB's argument list for each (eleven
/// boxed values) cost a quarter of the insert. The statement is GRDB's cached one, so it lives and
/// is finalized with the connection; it is reset after each use, as GRDB expects.
struct EventInsert {
    let db: Database
    let statement: Statement

    /// With `unlessHeld`, an event whose id the log already holds is skipped instead of refused.
    init(db: Database, unlessHeld: Bool) throws {
        self.db = db
        statement = try db.cachedStatement(sql: """
            INSERT \(unlessHeld ? "OR IGNORE " : "")INTO events(uuid, case_kind, case_uuid, name, officer, instant, local_date,
                terminal, origin, server_seq, payload)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }

    /// Inserts the event, stored as `given` (the bytes it came as) or else encoded; the answer
    /// says whether it was added.
    func callAsFunction(_ envelope: EventEnvelope, payload given: Data?, origin: String, serverSeq: Int64?, terminal: String) throws -> Bool {
        let payload = try given ?? EventCoding.encoder().encode(envelope)
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        // The first failure of a bind, if any (SQLITE_OK: none), checked once for all eleven.
        var bound = SQLITE_OK
        func keep(_ code: Int32) { if bound == SQLITE_OK { bound = code } }
        keep(bind(1, envelope.meta.id.text))
        keep(bind(2, envelope.event.caseKind.rawValue))
        keep(bind(3, envelope.event.caseID.text))
        keep(bind(4, envelope.event.name))
        keep(bind(5, envelope.meta.officer))
        keep(sqlite3_bind_double(handle, 6, envelope.meta.instant.timeIntervalSince1970))
        keep(bind(7, envelope.meta.localDate.iso))
        keep(bind(8, terminal))
        keep(bind(9, origin))
        keep(serverSeq.map { sqlite3_bind_int64(handle, 10, $0) } ?? sqlite3_bind_null(handle, 10))
        keep(payload.withUnsafeBytes { bytes in
            // A zero-length blob still needs a non-null pointer to be a blob and not NULL.
            sqlite3_bind_blob(handle, 11, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(bytes.count), Self.transient)
        })
        guard bound == SQLITE_OK else { throw failure(bound) }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else { throw failure(code) }
        return sqlite3_changes(db.sqliteConnection) > 0
    }

    private func failure(_ code: Int32) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                      sql: statement.sql)
    }

    private func bind(_ index: Int32, _ text: String) -> Int32 {
        var text = text
        return text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else {
                return sqlite3_bind_text(statement.sqliteStatement, index, "", 0, Self.transient)
            }
            return base.withMemoryRebound(to: CChar.self, capacity: utf8.count) { chars in
                sqlite3_bind_text(statement.sqliteStatement, index, chars, Int32(utf8.count), Self.transient)
            }
        }
    }

    /// SQLITE_TRANSIENT: SQLite copies the value before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
