/// A position in a list ordered by a text key and a unique row id: the keyset tie-breaker that
/// keeps rows sharing a key (hundreds of requests share each due date) from being skipped.
public struct ListCursor: Hashable, Sendable {
    public let key: String
    public let rowid: Int64

    public init(key: String, rowid: Int64) {
        self.key = key
        self.rowid = rowid
    }
}

/// Which way to page from a cursor.
public enum PageDirection: Sendable {
    /// Rows after the cursor, in list order.
    case forward
    /// Rows before the cursor, returned in list order (nearest last).
    case backward
}
