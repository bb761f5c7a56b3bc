import Foundation
import GRDB
import PPIDDomain

/// The groups of the deadline board.
public enum UrgencyGroup: String, Hashable, Sendable, CaseIterable {
    case overdue, today, soon, later
}

extension UrgencyGroup: Localized {
    public func text(_ language: Language) -> String {
        switch self {
        case .overdue: language.pick("Lewat tenggat", "Overdue")
        case .today: language.pick("Jatuh tempo hari ini", "Due today")
        case .soon: language.pick("Dalam 3 hari kerja", "Within 3 working days")
        case .later: language.pick("Berikutnya", "Later")
        }
    }
}

/// One open clock on the board: a request awaiting its notice, or an objection awaiting the atasan's answer.
public struct BoardItem: Hashable, Sendable {
    /// What the row is, in the board's order on one date: requests, objections, then DIP entries
    /// whose exemption has ended and must be reclassified (Pasal 20(1)).
    public enum Kind: String, Hashable, Sendable {
        case request, objection, dispute, exemptionEnded
        /// An order whose information has not been given yet (Pasal 52): an objection the atasan
        /// granted, or a Commission decision for the requester (its row id negated, to keep it apart).
        case orderUnfulfilled
        /// The annual report due by 31 March (Perki 1/2021); its row id is the year.
        case annualReport

        /// The order of kinds on one date.
        var order: Int {
            switch self {
            case .request: 0
            case .objection: 1
            case .dispute: 2
            case .exemptionEnded: 3
            case .orderUnfulfilled: 4
            case .annualReport: 5
            }
        }
    }
    public let kind: Kind
    public let rowid: Int64
    public let id: UUID
    public let number: String
    public let title: String
    public let dueDate: CivilDate
    public let isProvisional: Bool
    /// The clock that sets `dueDate`; nil for an ended exemption, whose date is the end the entry gave.
    public let clock: StatutoryClock?
    /// The day 0 the clock counts from: with the calendar it explains "why this date".
    public let countsFrom: CivilDate
    /// What a dispute row waits for (a hearing, a court, a window); nil on other rows.
    public var disputeStep: DisputeNextStep.Kind? = nil
}

extension BoardItem {
    static let requestColumns = "rowid, uuid, number, subject, due_date, provisional, extended_due, counts_from"
    static let objectionColumns = "rowid, uuid, number, request_number, answer_due, provisional, filed_on"
    static let exemptionColumns = "rowid, uuid, number, title, exempt_until"
    /// A dispute's next step (``DisputeNextStep``), kept by the projection: the Commission's start
    /// (14 working days) and settlement (100), a hearing set, a court case with no hearing known,
    /// or a window to go to court or cassation, which leaves the board once its day (`?1`) is behind.
    static let disputeSource = """
        (SELECT d.rowid AS rowid, d.uuid AS uuid, d.number AS number,
                coalesce((SELECT o.number FROM objections o WHERE o.uuid = d.objection_uuid), '') AS objection,
                d.next_due AS due, d.next_from AS next_from, d.next_step AS next_step
         FROM disputes d INDEXED BY disputes_next WHERE d.\(nextStepCondition))
        """

    /// The disputes on the board, as SQL: a next step, and a window only while it is open on `?1`.
    static let nextStepCondition = "next_due IS NOT NULL AND (next_step NOT IN ('courtFiling', 'cassationFiling') OR next_due >= ?1)"

    /// An open request's clock, from a row of `requestColumns`.
    init(requestRow row: Row) {
        let unknown = CivilDate(daysSinceEpoch: 0)
        self.init(kind: .request, rowid: row[0], id: UUID(uuidString: row[1]) ?? UUID(), number: row[2], title: row[3],
                  dueDate: CivilDate(iso: row[4]) ?? unknown, isProvisional: row[5],
                  clock: (row[6] as String?) == nil ? .writtenNotice : .extensionOfNotice,
                  countsFrom: CivilDate(iso: row[7]) ?? unknown)
    }

    /// A DIP entry whose exemption has ended, from a row of `exemptionColumns`.
    init(exemptionRow row: Row) {
        let unknown = CivilDate(daysSinceEpoch: 0)
        let until = CivilDate(iso: row[4]) ?? unknown
        self.init(kind: .exemptionEnded, rowid: row[0], id: UUID(uuidString: row[1]) ?? UUID(), number: row[2], title: row[3],
                  dueDate: until, isProvisional: false, clock: nil, countsFrom: until)
    }

    /// Objections granted by the atasan whose request has no compliance recorded: the order's day.
    static let orderSource = """
        (SELECT rowid AS rowid, request_uuid AS uuid, number AS number, request_number AS request, answered_on AS due
         FROM objections INDEXED BY objections_open_orders WHERE order_open = 1
         UNION ALL
         SELECT -d.rowid, o.request_uuid, d.number, o.request_number, d.ruled_on
         FROM disputes d INDEXED BY disputes_open_orders JOIN objections o ON o.uuid = d.objection_uuid WHERE d.order_open = 1)
        """

    /// An unfulfilled order, from a row of `orderSource`: the row acts on the request.
    init(orderRow row: Row) {
        let unknown = CivilDate(daysSinceEpoch: 0)
        let day = CivilDate(iso: row[4]) ?? unknown
        self.init(kind: .orderUnfulfilled, rowid: row[0], id: UUID(uuidString: row[1]) ?? UUID(), number: row[2], title: row[3],
                  dueDate: day, isProvisional: false, clock: nil, countsFrom: day)
    }

    /// A dispute's next step, from a row of `disputeSource`.
    init(disputeRow row: Row) {
        let unknown = CivilDate(daysSinceEpoch: 0)
        let step = DisputeNextStep.Kind(rawValue: row[6] ?? "") ?? .awaitingCourt
        self.init(kind: .dispute, rowid: row[0], id: UUID(uuidString: row[1]) ?? UUID(), number: row[2], title: row[3],
                  dueDate: CivilDate(iso: row[4]) ?? unknown, isProvisional: false, clock: step.clock,
                  countsFrom: CivilDate(iso: row[5]) ?? unknown, disputeStep: step)
    }

    /// An open objection's clock, from a row of `objectionColumns`.
    init(objectionRow row: Row) {
        let unknown = CivilDate(daysSinceEpoch: 0)
        self.init(kind: .objection, rowid: row[0], id: UUID(uuidString: row[1]) ?? UUID(), number: row[2], title: row[3],
                  dueDate: CivilDate(iso: row[4]) ?? unknown, isProvisional: row[5], clock: .objectionAnswer,
                  countsFrom: CivilDate(iso: row[6]) ?? unknown)
    }
}

/// The date boundaries of the groups, from today and the calendar.
public struct UrgencyBounds: Hashable, Sendable {
    public let today: CivilDate
    /// The third working day after today: the last day of "soon".
    public let soonUntil: CivilDate

    public init(today: CivilDate, calendar: WorkCalendar) {
        self.today = today
        var day = today
        for _ in 0..<3 { day = calendar.nextWorkingDay(after: day) }
        soonUntil = day
    }

    /// The group of a due date.
    public func group(of due: CivilDate) -> UrgencyGroup {
        if due < today { return .overdue }
        if due == today { return .today }
        if due <= soonUntil { return .soon }
        return .later
    }

    /// The due-date range `[low, high)` of a group, as ISO strings for SQL.
    func range(of group: UrgencyGroup) -> (low: String, high: String) {
        switch group {
        case .overdue: ("0000-00-00", today.iso)
        case .today: (today.iso, today.next.iso)
        case .soon: (today.next.iso, soonUntil.next.iso)
        case .later: (soonUntil.next.iso, "9999-99-99")
        }
    }
}

/// One group of the board: its size and its first items.
public struct BoardGroup: Hashable, Sendable {
    public let group: UrgencyGroup
    public let count: Int
    public let items: [BoardItem]
}

extension LocalStore {
    /// The deadline board: every open clock, grouped overdue / today / within 3 working days / later,
    /// with each group's count and its first `limit` items by due date.
    public func deadlineBoard(today: CivilDate? = nil, limit: Int = 50) throws(StoreError) -> [BoardGroup] {
        let bounds = UrgencyBounds(today: today ?? self.today, calendar: context.calendar)
        return try UrgencyGroup.allCases.map { (group) throws(StoreError) -> BoardGroup in
            BoardGroup(group: group, count: try boardCount(group, bounds: bounds),
                       items: try boardItems(group, bounds: bounds, limit: limit))
        }
    }

    /// How many open clocks fall in a group: a sum over the per-date counts the projections keep,
    /// never a count over the requests themselves (a million of them would cost a cold start 88,000 page reads).
    public func boardCount(_ group: UrgencyGroup, bounds: UrgencyBounds) throws(StoreError) -> Int {
        try boardCounts(bounds: bounds)[group] ?? 0
    }

    /// Every group's count in one read of the per-date counts; the ended exemptions (a short list,
    /// by their own index) count as overdue.
    public func boardCounts(bounds: UrgencyBounds) throws(StoreError) -> [UrgencyGroup: Int] {
        let report = try annualReportItem(today: bounds.today)
        return try readOne { db in
            var counts: [UrgencyGroup: Int] = [:]
            for group in UrgencyGroup.allCases {
                let (low, high) = bounds.range(of: group)
                counts[group] = try Int.fetchOne(db.cachedStatement(sql: """
                    SELECT coalesce(sum(n), 0) FROM open_clock_counts WHERE due_date >= ? AND due_date < ?
                    """), arguments: [low, high]) ?? 0
            }
            counts[.overdue, default: 0] += try Int.fetchOne(db.cachedStatement(sql: """
                SELECT count(*) FROM dip_entries INDEXED BY dip_exemption_ends WHERE \(Self.exemptionCondition) AND exempt_until < ?
                """), arguments: [bounds.today.iso]) ?? 0
            // Unfulfilled orders are due from the day given (Pasal 52); a unit has few.
            // Open orders and disputes, counted per group from their own indexes alone (covering):
            // no table row is read, so a cold start pays a few index pages, not a page per order.
            for group in UrgencyGroup.allCases {
                let (low, high) = bounds.range(of: group)
                let orders = try Int.fetchOne(db.cachedStatement(sql: """
                    SELECT (SELECT count(*) FROM objections INDEXED BY objections_open_orders
                            WHERE order_open = 1 AND answered_on >= ?1 AND answered_on < ?2)
                         + (SELECT count(*) FROM disputes INDEXED BY disputes_open_orders
                            WHERE order_open = 1 AND ruled_on >= ?1 AND ruled_on < ?2)
                         + (SELECT count(*) FROM disputes INDEXED BY disputes_next
                            WHERE next_due IS NOT NULL AND next_due >= ?1 AND next_due < ?2
                            AND (next_step NOT IN ('courtFiling', 'cassationFiling') OR next_due >= ?3))
                    """), arguments: [low, high, bounds.today.iso]) ?? 0
                counts[group, default: 0] += orders
            }
            if let report { counts[bounds.group(of: report.dueDate), default: 0] += 1 }
            return counts
        }
    }

    /// The DIP entries an ended exemption can concern, written as their partial index's condition.
    static let exemptionCondition = "category = 'dikecualikan' AND retired = 0 AND exempt_until IS NOT NULL"

    /// A page of one group, by due date then kind and row id, after `cursor`: the board's one list
    /// (``openClocks(after:direction:limit:today:)``) within the group's dates.
    public func boardItems(_ group: UrgencyGroup, bounds: UrgencyBounds, after cursor: BoardCursor? = nil,
                           limit: Int = 50) throws(StoreError) -> [BoardItem] {
        let (low, high) = bounds.range(of: group)
        let start = cursor ?? BoardCursor(key: low, kind: .request, rowid: Int64.min)
        return try openClocks(after: start, limit: limit, today: bounds.today).filter { $0.dueDate.iso < high }
    }

    /// The keyset cursor of a board item.
    public static func cursor(of item: BoardItem) -> BoardCursor {
        BoardCursor(key: item.dueDate.iso, kind: item.kind, rowid: item.rowid)
    }
}

/// A position on the board: due date, kind (requests before objections on one date), row id.
public struct BoardCursor: Hashable, Sendable {
    public let key: String
    public let kind: BoardItem.Kind
    public let rowid: Int64
}

extension LocalStore {
    /// Every open clock in due-date order (requests, then objections, then ended exemptions on one
    /// date), one page after or before `cursor`: the deadline board as one list, whose groups are
    /// consecutive date ranges. DIP entries whose exemption ended before `today` are on it, to be
    /// reclassified (Pasal 20(1)).
    public func openClocks(after cursor: BoardCursor? = nil, direction: PageDirection = .forward,
                           limit: Int = 50, today: CivilDate? = nil) throws(StoreError) -> [BoardItem] {
        let forward = direction == .forward
        let order = forward ? "ASC" : "DESC"
        let ended = (today ?? self.today).iso
        /// The keyset condition of one kind's table against the cursor (date, kind order, row id).
        func keyset(_ kind: BoardItem.Kind, date: String) -> (String, StatementArguments) {
            guard let cursor else { return ("", []) }
            if kind.order == cursor.kind.order {
                return (" AND (\(date), rowid) \(forward ? ">" : "<") (?, ?)", [cursor.key, cursor.rowid])
            }
            // Another kind on the cursor's date comes wholly before or after it.
            let after = kind.order > cursor.kind.order
            let op = forward ? (after ? ">=" : ">") : (after ? "<" : "<=")
            return (" AND \(date) \(op) ?", [cursor.key])
        }
        let rows: [BoardItem] = try readOne { db in
            let (requestCondition, requestArgs) = keyset(.request, date: "due_date")
            let (objectionCondition, objectionArgs) = keyset(.objection, date: "answer_due")
            let (exemptionCondition, exemptionArgs) = keyset(.exemptionEnded, date: "exempt_until")
            let (disputeCondition, disputeArgs) = keyset(.dispute, date: "due")
            let requests = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT \(BoardItem.requestColumns) FROM requests INDEXED BY requests_open_by_due
                WHERE open = 1\(requestCondition) ORDER BY due_date \(order), rowid \(order) LIMIT ?
                """), arguments: requestArgs + [limit]).map(BoardItem.init(requestRow:))
            let objections = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT \(BoardItem.objectionColumns) FROM objections
                WHERE open = 1\(objectionCondition) ORDER BY answer_due \(order), rowid \(order) LIMIT ?
                """), arguments: objectionArgs + [limit]).map(BoardItem.init(objectionRow:))
            let exemptions = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT \(BoardItem.exemptionColumns) FROM dip_entries INDEXED BY dip_exemption_ends
                WHERE \(Self.exemptionCondition) AND exempt_until < ?\(exemptionCondition)
                ORDER BY exempt_until \(order), rowid \(order) LIMIT ?
                """), arguments: [ended] + exemptionArgs + [limit]).map(BoardItem.init(exemptionRow:))
            let disputes = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT rowid, uuid, number, objection, due, next_from, next_step FROM \(BoardItem.disputeSource)
                WHERE 1\(disputeCondition) ORDER BY due \(order), rowid \(order) LIMIT ?
                """), arguments: [ended] + disputeArgs + [limit]).map(BoardItem.init(disputeRow:))
            let (orderCondition, orderArgs) = keyset(.orderUnfulfilled, date: "due")
            let orders = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT rowid, uuid, number, request, due FROM \(BoardItem.orderSource)
                WHERE 1\(orderCondition) ORDER BY due \(order), rowid \(order) LIMIT ?
                """), arguments: orderArgs + [limit]).map(BoardItem.init(orderRow:))
            return requests + objections + disputes + exemptions + orders
        }
        func key(_ item: BoardItem) -> (CivilDate, Int, Int64) { (item.dueDate, item.kind.order, item.rowid) }
        var all = rows
        // The annual report, one row at most, placed by the same keyset as the rest.
        if let report = try annualReportItem(today: today ?? self.today) {
            let at = (report.dueDate.iso, report.kind.order, report.rowid)
            if let cursor {
                let mark = (cursor.key, cursor.kind.order, cursor.rowid)
                if forward ? at > mark : at < mark { all.append(report) }
            } else {
                all.append(report)
            }
        }
        let sorted = all.sorted { forward ? key($0) < key($1) : key($0) > key($1) }
        let page = Array(sorted.prefix(limit))
        return forward ? page : page.reversed()
    }
}
