import Foundation
import GRDB
import PPIDDomain

/// The answer to a search: the rows, and whether they are ranked by relevance.
public struct SearchResult<Row: Sendable>: Sendable {
    public let rows: [Row]
    /// True when the hits were few enough to rank by bm25; otherwise the first hits in list order.
    public let isRanked: Bool
    /// The number of hits, or the cap when there are more (see `hasMore`).
    public let hitCount: Int
    /// True when there are more hits than `hitCount`: typing more narrows them.
    public let hasMore: Bool
}

/// Turns what an officer types into an FTS5 query: every word must match, the last as a prefix.
public enum SearchQuery {
    /// The FTS5 query, or nil when there is nothing to search for yet (fewer than 2 letters).
    public static func fts(from text: String) -> String? {
        let words = text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
        guard let last = words.last, words.joined().count >= 2 else { return nil }
        var parts = words.dropLast().map { "\"\($0)\"" }
        parts.append(last.count >= 2 ? "\"\(last)\"*" : "\"\(last)\"")
        return parts.joined(separator: " ")
    }

    /// Hits up to this many are ranked; above it the first hits are shown unranked (ranking is the cost of search).
    public static let rankingCap = 2000
}

extension LocalStore {
    /// Searches DIP entries by title, summary and holder, as the officer types.
    /// `offset` pages on through the same hits (in the same order) as the officer scrolls.
    public func searchDIP(_ text: String, limit: Int = 50, offset: Int = 0) throws(StoreError) -> SearchResult<DIPRow> {
        guard let query = SearchQuery.fts(from: text) else {
            return SearchResult(rows: [], isRanked: false, hitCount: 0, hasMore: false)
        }
        return try search(fts: "dip_fts", table: "dip_entries", columns: DIPRow.columns("t"), query: query, limit: limit,
                          offset: offset, make: DIPRow.init)
    }

    /// Searches requests by requester, subject and registration number.
    public func searchRequests(_ text: String, limit: Int = 50, offset: Int = 0) throws(StoreError) -> SearchResult<RequestRow> {
        guard let query = SearchQuery.fts(from: text) else {
            return SearchResult(rows: [], isRanked: false, hitCount: 0, hasMore: false)
        }
        let columns = RequestRow.columns.split(separator: ", ").map { "t.\($0)" }.joined(separator: ", ")
        return try search(fts: "request_fts", table: "requests", columns: columns, query: query, limit: limit,
                          offset: offset, make: RequestRow.init)
    }

    private func search<R: Sendable>(fts: String, table: String, columns: String, query: String, limit: Int, offset: Int,
                                     make: @escaping (GRDB.Row) -> R) throws(StoreError) -> SearchResult<R> {
        try read { db in
            let cap = SearchQuery.rankingCap
            let hits = try Int.fetchOne(db.cachedStatement(sql: """
                SELECT count(*) FROM (SELECT rowid FROM \(fts) WHERE \(fts) MATCH ? LIMIT ?)
                """), arguments: [query, cap + 1]) ?? 0
            let ranked = hits <= cap
            let sql = ranked
                ? "SELECT \(columns) FROM \(fts) f JOIN \(table) t ON t.rowid = f.rowid WHERE \(fts) MATCH ? ORDER BY bm25(\(fts)), f.rowid LIMIT ? OFFSET ?"
                : "SELECT \(columns) FROM \(fts) f JOIN \(table) t ON t.rowid = f.rowid WHERE \(fts) MATCH ? LIMIT ? OFFSET ?"
            // Never past the cap: the hits beyond it are not shown (typing more narrows them).
            let count = max(0, min(limit, cap - offset))
            let rows = try GRDB.Row.fetchAll(db.cachedStatement(sql: sql), arguments: [query, count, offset]).map(make)
            return SearchResult(rows: rows, isRanked: ranked, hitCount: min(hits, cap), hasMore: hits > cap)
        }
    }
}
