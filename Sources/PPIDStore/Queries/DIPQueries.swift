import Foundation
import GRDB
import PPIDDomain

/// A DIP entry as the list shows it.
public struct DIPRow: Hashable, Sendable {
    public let rowid: Int64
    /// The entry id as stored; ``id`` parses it on demand.
    public let uuidString: String
    public let number: String
    public let category: DIPCategory
    public let title: String
    public let summary: String
    public let holder: String
    public let isRetired: Bool
    public let exemptionBasis: String?
    public let exemptUntil: CivilDate?

    /// The entry id.
    public var id: UUID { UUID(uuidString: uuidString) ?? UUID() }

    static func columns(_ alias: String? = nil) -> String {
        let p = alias.map { "\($0)." } ?? ""
        return ["rowid", "uuid", "number", "category", "title", "summary", "holder", "retired", "exemption_basis", "exempt_until"]
            .map { p + $0 }.joined(separator: ", ")
    }

    init(row: Row) {
        rowid = row[0]
        uuidString = row[1]
        number = row[2]
        category = DIPCategory(rawValue: row[3]) ?? .onRequest
        title = row[4]
        summary = row[5]
        holder = row[6]
        isRetired = row[7]
        exemptionBasis = row[8]
        exemptUntil = (row[9] as String?).flatMap(CivilDate.init(iso:))
    }
}

extension LocalStore {
    /// One page of the DIP, optionally of one category, ordered by number, by keyset.
    public func dipEntries(category: DIPCategory? = nil, after cursor: ListCursor? = nil,
                           direction: PageDirection = .forward, limit: Int = 50) throws(StoreError) -> [DIPRow] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let category {
            conditions.append("category = ?")
            arguments += [category.rawValue]
        }
        let forward = direction == .forward
        if let cursor {
            conditions.append("(number, rowid) \(forward ? ">" : "<") (?, ?)")
            arguments += [cursor.key, cursor.rowid]
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let order = forward ? "ASC" : "DESC"
        let sql = "SELECT \(DIPRow.columns()) FROM dip_entries \(whereClause) ORDER BY number \(order), rowid \(order) LIMIT ?"
        arguments += [limit]
        let rows = try readOne { db in try Array(Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments).map(DIPRow.init)) }
        return forward ? rows : rows.reversed()
    }

    /// The entries with these numbers (those that exist).
    public func dipEntries(numbers: [String]) throws(StoreError) -> [DIPRow] {
        try readOne { db in
            try numbers.compactMap { number in
                try Row.fetchOne(db.cachedStatement(sql: "SELECT \(DIPRow.columns()) FROM dip_entries WHERE number = ?"),
                                 arguments: [number]).map(DIPRow.init)
            }
        }
    }

    /// The keyset cursor of a DIP row.
    public static func cursor(of row: DIPRow) -> ListCursor { ListCursor(key: row.number, rowid: row.rowid) }

    /// How many current (not retired) entries each category has.
    public func dipCounts() throws(StoreError) -> [DIPCategory: Int] {
        try overviewCounts().documents
    }
}
