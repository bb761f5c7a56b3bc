import Foundation
import Synchronization

/// What a page of changes needs from the register, asked as few times as it can be: the page's
/// rows, the log's last number, the reference data's revision, and the event the client says it
/// holds at its top number (whether the register still holds it there).
///
/// For a token the server has seen, one statement also confirms that the token is still the
/// principal it was: every empty sync of a morning rush is then one statement, where it was
/// three (the token, the page, the heads), each a round trip on PostgreSQL.
struct PageQuestion {
    var rows: [SQLRow]
    var latest: Int64
    var reference: Int64
    /// The event at the client's known number: its id and unit.
    var held: (uuid: String, unit: String)?

    /// The page after `cursor` for `principal`, asked in one statement together with whether the
    /// token of hash `hash` is still `principal`'s; nil when it is not (or `principal` names no
    /// token row to confirm), and the token is to be read again.
    static func askConfirming(tokenHash hash: String, after cursor: Int64, limit: Int, for principal: Principal, knownAt: Int64?,
                              in db: any SQLSession) throws -> PageQuestion? {
        guard let tokenID = principal.tokenID else { return nil }
        let page: [any SQLBindable] = principal.scope.map { [$0, cursor, limit + 1] } ?? [cursor, limit + 1]
        let confirm: [any SQLBindable] = [hash, tokenID, principal.officer, principal.unit, principal.isMain ? 1 : 0, principal.name,
                                          principal.series?.code ?? ""]
        let known: [any SQLBindable] = [knownAt.map(SQLValue.int) ?? .null, knownAt.map(SQLValue.int) ?? .null]
        let all = try db.rows(principal.scope == nil ? HotStatements.bodyPageConfirmed : HotStatements.unitPageConfirmed,
                              page + confirm + known)
        // The page's rows carry a payload; the one row without is the heads'. The rows are put in
        // order here rather than trusting the order a UNION hands them back in.
        var rows: [SQLRow] = []
        rows.reserveCapacity(all.count)
        var heads: SQLRow?
        for row in all {
            let payload = row.values.indices.contains(2) ? row.values[2] : .null
            if payload == .null { heads = row } else { rows.append(row) }
        }
        guard let heads else { return nil }
        return try confirmed(rows: rows, heads: heads, from: 0)
    }

    /// The answer of a confirming statement: its page `rows` (sequence, unit, payload), and its
    /// `heads` row read from column `first` on (the last number, two empty columns, the reference
    /// revision, the token confirmed as 1, the known event's id and unit); nil when the token
    /// was not confirmed.
    private static func confirmed(rows: [SQLRow], heads: SQLRow, from first: Int) throws -> PageQuestion? {
        guard try heads.get(first + 4, as: Int64?.self) == 1 else { return nil }
        var rows = rows
        // Swift's sort takes one pass over rows already in order, as they nearly always are.
        rows.sort { ((try? $0.get(0, as: Int64.self)) ?? 0) < ((try? $1.get(0, as: Int64.self)) ?? 0) }
        var held: (uuid: String, unit: String)?
        if let uuid = try heads.get(first + 5, as: String?.self), let unit = try heads.get(first + 6, as: String?.self) { held = (uuid, unit) }
        return PageQuestion(rows: rows, latest: try heads.get(first, as: Int64?.self) ?? 0,
                            reference: try heads.get(first + 3, as: Int64?.self) ?? 0, held: held)
    }

    /// The page, the heads and the known event as separate statements: for a principal read in
    /// the same transaction, nothing to confirm.
    static func ask(after cursor: Int64, limit: Int, for principal: Principal, knownAt: Int64?,
                    in db: any SQLSession) throws -> PageQuestion {
        let rows: [SQLRow]
        if let unit = principal.scope {
            rows = try db.rows(HotStatements.unitPage, [unit, cursor, limit + 1])
        } else {
            rows = try db.rows(HotStatements.bodyPage, [cursor, limit + 1])
        }
        let headRow = try db.row(HotStatements.heads, [])
        var held: (uuid: String, unit: String)?
        if let knownAt, let row = try db.row("SELECT uuid, unit FROM ledger WHERE sequence = ?", [knownAt]) {
            held = (try row.get(0, as: String.self), try row.get(1, as: String.self))
        }
        return PageQuestion(rows: rows, latest: try headRow?.get(0, as: Int64?.self) ?? 0,
                            reference: try headRow?.get(1, as: Int64?.self) ?? 0, held: held)
    }
}

/// Principals of tokens the server has read, by the token's hash: only a guess, confirmed by the
/// statement that reads the page (``PageQuestion``), so a revoked token or a moved officer is
/// seen at once. Bounded: emptied when full.
final class KnownPrincipals: Sendable {
    private let principals = Mutex<[String: Principal]>([:])
    static let capacity = 20_000

    func principal(forTokenHash hash: String) -> Principal? {
        principals.withLock { $0[hash] }
    }

    func remember(_ principal: Principal, tokenHash hash: String) {
        guard principal.tokenID != nil else { return }
        principals.withLock { known in
            if known.count >= Self.capacity { known.removeAll(keepingCapacity: true) }
            known[hash] = principal
        }
    }

    func forget(tokenHash hash: String) {
        _ = principals.withLock { $0.removeValue(forKey: hash) }
    }
}

/// One pull's question in a gathered statement (``PageQuestion/askGathered(_:in:)``): a unit's
/// page after its cursor, and whether its token is still the principal the server took it for.
struct GatheredQuestion: Sendable {
    var tokenHash: String
    var cursor: Int64
    var limit: Int
    /// A principal of one unit (``Principal/scope`` not nil), with a token row to confirm.
    var principal: Principal
    var knownAt: Int64?
}

extension PageQuestion {
    /// The answers to many pulls' questions in one statement, in their order: each one's page and
    /// heads as ``askConfirming(tokenHash:after:limit:for:knownAt:in:)`` gives them, nil where the
    /// token is no longer its principal's. PostgreSQL only (its arrays carry the questions): in a
    /// morning rush four hundred pulls arrive at once, and one statement for the ones waiting
    /// costs the server one trip to the database instead of one each.
    static func askGathered(_ questions: [GatheredQuestion], in db: any SQLSession) throws -> [PageQuestion?] {
        // A pull alone (every pull of a working day's light load) is asked with the single pull's
        // prepared statement, planned once per connection; the gathered one is planned at each run.
        if questions.count == 1, let only = questions.first {
            return [try askConfirming(tokenHash: only.tokenHash, after: only.cursor, limit: only.limit, for: only.principal,
                                      knownAt: only.knownAt, in: db)]
        }
        var tokenIDs: [Int64] = [], scopes: [String] = [], cursors: [Int64] = [], limits: [Int64] = []
        var hashes: [String] = [], logins: [String] = [], units: [String] = [], mains: [Int64] = []
        var names: [String] = [], series: [String] = [], known: [Int64] = []
        for question in questions {
            let principal = question.principal
            guard let scope = principal.scope, let tokenID = principal.tokenID else {
                throw CentralError.invalid(field: "gathered", reason: "a gathered pull needs a unit's principal with a token row")
            }
            scopes.append(scope); cursors.append(question.cursor); limits.append(Int64(question.limit) + 1)
            hashes.append(question.tokenHash); tokenIDs.append(tokenID); logins.append(principal.officer)
            units.append(principal.unit); mains.append(principal.isMain ? 1 : 0); names.append(principal.name)
            series.append(principal.series?.code ?? ""); known.append(question.knownAt ?? -1)
        }
        let arguments: [SQLValue] = [.intArray(Array(0..<Int64(questions.count))), .textArray(scopes), .intArray(cursors),
                                     .intArray(limits), .textArray(hashes), .intArray(tokenIDs), .textArray(logins),
                                     .textArray(units), .intArray(mains), .textArray(names), .textArray(series), .intArray(known)]
        var rows = Array(repeating: [SQLRow](), count: questions.count)
        var heads = Array(repeating: SQLRow?.none, count: questions.count)
        for row in try db.query(HotStatements.gatheredUnitPages, arguments) {
            let index = Int(try row.get(0, as: Int64.self))
            guard rows.indices.contains(index) else {
                throw CentralError.invalid(field: "gathered", reason: "the database answered a question not asked (\(index))")
            }
            if row.values.indices.contains(3), row.values[3] != .null {
                rows[index].append(SQLRow(Array(row.values[1...3])))
            } else {
                heads[index] = row
            }
        }
        return try questions.indices.map { index in
            try heads[index].flatMap { try confirmed(rows: rows[index], heads: $0, from: 1) }
        }
    }
}
