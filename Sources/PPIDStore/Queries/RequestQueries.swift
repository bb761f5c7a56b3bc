import Foundation
import GRDB
import PPIDDomain

/// A request as the list shows it. Personal data stays in the record; the list has the name only.
public struct RequestRow: Hashable, Sendable {
    public let rowid: Int64
    /// The case id as stored; ``id`` parses it on demand.
    public let uuidString: String
    public let number: String
    public let receivedOn: CivilDate
    public let requesterName: String
    public let subject: String
    public let channel: Channel
    public let state: RequestState
    public let dueDate: CivilDate
    public let isProvisional: Bool
    public let isExtended: Bool
    public let outcome: String?
    /// A legal entity's name is not personal data and is shown in full.
    public let isEntity: Bool

    /// The case id.
    public var id: UUID { UUID(uuidString: uuidString) ?? UUID() }

    /// The requester's name as lists and exports show it (UU 27/2022).
    public var maskedRequester: String { isEntity ? requesterName : PersonalDataMask.name(requesterName) }

    static let columns = "rowid, uuid, number, received_on, requester_name, subject, channel, state, due_date, provisional, extended_due, outcome, requester_kind"

    init(row: Row) {
        rowid = row[0]
        uuidString = row[1]
        number = row[2]
        receivedOn = CivilDate(iso: row[3]) ?? CivilDate(daysSinceEpoch: 0)
        requesterName = row[4]
        subject = row[5]
        channel = Channel(rawValue: row[6]) ?? .inPerson
        state = RequestState(rawValue: row[7]) ?? .registered
        dueDate = CivilDate(iso: row[8]) ?? CivilDate(daysSinceEpoch: 0)
        isProvisional = row[9]
        isExtended = (row[10] as String?) != nil
        outcome = row[11]
        isEntity = (row[12] as String?) == Requester.Kind.entity.rawValue
    }
}

/// Which requests a list shows.
public enum RequestFilter: Hashable, Sendable {
    case all
    /// What needs the officer's action: every request whose notice clock runs, and those decided
    /// but not yet delivered (the notice must still reach the requester). The default list.
    case needsAction
    /// Those whose notice clock still runs.
    case open
    case state(RequestState)
}

/// How a request list is ordered.
public enum RequestOrder: Hashable, Sendable {
    /// By effective due date, earliest first.
    case dueDate
    /// By date received, newest first.
    case received
}

extension LocalStore {
    /// One page of requests after (or before) `cursor`, by keyset: as fast deep in a million rows as at the top.
    public func requests(filter: RequestFilter = .all, order: RequestOrder = .dueDate, after cursor: ListCursor? = nil,
                         direction: PageDirection = .forward, limit: Int = 50) throws(StoreError) -> [RequestRow] {
        let key = order == .dueDate ? "due_date" : "received_on"
        // Received order is newest first, so "forward" walks down the keys.
        let ascending = (order == .dueDate) == (direction == .forward)
        var conditions: [String] = []
        var arguments: StatementArguments = []
        switch filter {
        case .all: break
        case .needsAction: conditions.append(Self.needsActionCondition)
        case .open: conditions.append("open = 1")
        case let .state(state):
            conditions.append("state = ?")
            arguments += [state.rawValue]
        }
        if let cursor {
            conditions.append("(\(key), rowid) \(ascending ? ">" : "<") (?, ?)")
            arguments += [cursor.key, cursor.rowid]
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let sqlOrder = ascending ? "ASC" : "DESC"
        // The open list by due date reads its own, narrower index: the default list's index also
        // holds decided and delivered requests, which the planner may otherwise pick and skip over.
        let index = filter == .open && order == .dueDate ? " INDEXED BY requests_open_by_due" : ""
        let sql = "SELECT \(RequestRow.columns) FROM requests\(index) \(whereClause) ORDER BY \(key) \(sqlOrder), rowid \(sqlOrder) LIMIT ?"
        arguments += [limit]
        let rows = try readOne { db in try Array(Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments).map(RequestRow.init)) }
        // A backward page was fetched nearest-first; hand it back in list order.
        return direction == .forward ? rows : rows.reversed()
    }

    /// The default list's condition, written exactly as its partial index's (so SQLite uses the index).
    static let needsActionCondition = "(open = 1 OR state = 'diputuskan')"

    /// The keyset cursor of a row in a list ordered by `order`.
    public static func cursor(of row: RequestRow, order: RequestOrder) -> ListCursor {
        ListCursor(key: order == .dueDate ? row.dueDate.iso : row.receivedOn.iso, rowid: row.rowid)
    }

    /// How many requests are in each state (kept by triggers: no table scan).
    public func requestCounts() throws(StoreError) -> [RequestState: Int] {
        try overviewCounts().requests
    }

    /// The request counts by state and the DIP counts by category, in one read: what the tabs show.
    public func overviewCounts() throws(StoreError) -> (requests: [RequestState: Int], documents: [DIPCategory: Int]) {
        try readOne { db in
            var requests: [RequestState: Int] = [:]
            var documents: [DIPCategory: Int] = [:]
            // One statement for both tables: what reaching the database costs is paid once.
            for row in try Row.fetchAll(db.cachedStatement(sql: Self.overviewCountsSQL)) {
                let key: String = row[1]
                if row[0] as String == "r" { if let state = RequestState(rawValue: key) { requests[state] = row[2] } }
                else if let category = DIPCategory(rawValue: key) { documents[category] = row[2] }
            }
            return (requests, documents)
        }
    }

    /// The request counts by state and the DIP counts by category, tagged `r` and `d`.
    public static let overviewCountsSQL = """
        SELECT 'r', state, n FROM request_state_counts WHERE n > 0
        UNION ALL SELECT 'd', category, n FROM dip_category_counts WHERE n > 0
        """

    /// The request with this registration number, if any.
    public func request(number: String) throws(StoreError) -> RequestRow? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT \(RequestRow.columns) FROM requests WHERE number = ?", arguments: [number])
                .map(RequestRow.init)
        }
    }

    /// The id of the objection with this register number, if any.
    public func objectionID(number: String) throws(StoreError) -> UUID? {
        try readOne { db in
            try String.fetchOne(db, sql: "SELECT uuid FROM objections WHERE number = ?", arguments: [number]).flatMap(UUID.init(uuidString:))
        }
    }

    /// The DIP entries linked to a request.
    public func linkedDocuments(ofRequest id: UUID) throws(StoreError) -> [DIPRow] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(DIPRow.columns("d")) FROM request_documents l JOIN dip_entries d ON d.uuid = l.dip_uuid
                WHERE l.request_uuid = ? ORDER BY d.number
                """, arguments: [id.uuidString]).map(DIPRow.init)
        }
    }
}

extension RequestFilter: Localized {
    /// The filter's name as the tab line shows it, so the officer always sees what the list holds.
    public func text(_ language: Language) -> String {
        switch self {
        case .needsAction: language.pick("perlu tindakan", "needs action")
        case .open: language.pick("masih berjalan", "open")
        case .all: language.pick("semua", "all")
        case let .state(state): state.text(language)
        }
    }
}

extension LocalStore {
    /// The dispute with this register number at the Commission, if any.
    public func disputeID(number: String) throws(StoreError) -> UUID? {
        try readOne { db in
            try String.fetchOne(db, sql: "SELECT uuid FROM disputes WHERE number = ?", arguments: [number]).flatMap(UUID.init(uuidString:))
        }
    }

    /// Every dispute, newest filing first, with its objection's number.
    public func disputes() throws(StoreError) -> [(record: DisputeRecord, objectionNumber: String)] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT d.uuid, coalesce(o.number, '') FROM disputes d LEFT JOIN objections o ON o.uuid = d.objection_uuid
                ORDER BY d.filed_on DESC, d.rowid DESC
                """).compactMap { row -> (DisputeRecord, String)? in
                guard let id = UUID(uuidString: row[0]), case let .dispute(record)? = try self.currentRecord(of: id, in: db) else { return nil }
                return (record, row[1])
            }
        }
    }
}
