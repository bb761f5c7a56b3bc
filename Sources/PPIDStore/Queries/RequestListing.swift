import Foundation
import GRDB
import PPIDDomain

/// A request as `ppid request list` prints it: for scripts and checks, no personal data.
public struct RequestListing: Hashable, Sendable, Codable {
    public let id: String
    public let number: String
    public let unit: String
    public let received: String
    public let due: String
    public let extendedDue: String?
    public let state: String
    /// The login of the officer who registered it (as the log records it).
    public let registeredBy: String
    public let subject: String

    private enum CodingKeys: String, CodingKey { case id, number, unit, received, due, extendedDue, state, registeredBy, subject }

    /// Every key always present (`extendedDue` null when not extended), so a script can rely on the shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(number, forKey: .number)
        try container.encode(unit, forKey: .unit)
        try container.encode(received, forKey: .received)
        try container.encode(due, forKey: .due)
        try container.encode(extendedDue, forKey: .extendedDue)
        try container.encode(state, forKey: .state)
        try container.encode(registeredBy, forKey: .registeredBy)
        try container.encode(subject, forKey: .subject)
    }
}

extension LocalStore {
    /// Every request matching `filter`, by due date: the whole list at once, for scripts.
    public func requestListing(filter: RequestFilter) throws(StoreError) -> [RequestListing] {
        var condition = ""
        var arguments: StatementArguments = []
        switch filter {
        case .all: break
        case .open: condition = "WHERE r.open = 1"
        case .needsAction: condition = "WHERE (r.open = 1 OR r.state = 'diputuskan')"
        case let .state(state):
            condition = "WHERE r.state = ?"
            arguments += [state.rawValue]
        }
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.uuid, r.number, r.unit, r.received_on, r.notice_due, r.extended_due, r.state, r.subject,
                       (SELECT COALESCE(o.recorded_officer, e.officer) FROM events e LEFT JOIN outbox o ON o.event_uuid = e.uuid
                        WHERE e.case_uuid = r.uuid AND e.name = 'registered' ORDER BY e.seq LIMIT 1)
                FROM requests r \(condition) ORDER BY r.due_date, r.rowid
                """, arguments: arguments).map { row in
                RequestListing(id: row[0], number: row[1], unit: row[2], received: row[3], due: row[4], extendedDue: row[5],
                               state: row[6], registeredBy: (row[8] as String?) ?? "", subject: row[7])
            }
        }
    }
}
