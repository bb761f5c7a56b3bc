import Foundation
import GRDB
import PPIDDomain

/// The rules' context for each unit's cases: every case is computed in its own unit's zone, on
/// every terminal (the PPID Utama's holds the cases of units in WIB, WITA and WIT alike), with
/// the calendar and receipt policy this database applies.
struct UnitContexts: Sendable {
    /// This database's own unit's context.
    let own: LifecycleContext
    let ownUnit: String
    /// The zones of the body's units, from the server's reference data.
    let zones: [String: UnitZone]

    /// The context for a case of `unit`: the unit's zone where the server named one.
    func context(forUnit unit: String?) -> LifecycleContext {
        guard let unit, unit != ownUnit, let zone = zones[unit] else { return own }
        var context = own
        context.zone = zone
        return context
    }

    /// The context for the case these events make: its unit is the one its first event names (a
    /// dispute's is its objection's); a unit the server has not named yet gets this database's own.
    func context(forCase envelopes: [EventEnvelope], in db: Database) throws -> LifecycleContext {
        guard !zones.isEmpty, let first = envelopes.first else { return own }
        return context(forUnit: try Self.unit(of: first.event, in: db))
    }

    /// ``context(forCase:in:)`` where the database is not needed: nil for a case whose unit only the
    /// database knows (a dispute, whose unit is its objection's).
    func contextWithoutDatabase(forCase envelopes: [EventEnvelope]) -> LifecycleContext? {
        guard !zones.isEmpty, let first = envelopes.first else { return own }
        if case .dispute(_, .filed) = first.event { return nil }
        return context(forUnit: Self.namedUnit(of: first.event))
    }

    /// The unit a case's first event names, or (for a dispute) the unit of its objection.
    static func unit(of event: DomainEvent, in db: Database) throws -> String? {
        if case let .dispute(_, .filed(filing)) = event {
            return try String.fetchOne(db, sql: "SELECT unit FROM objections WHERE uuid = ?", arguments: [filing.objectionID.text])
        }
        return namedUnit(of: event)
    }

    /// The unit a case's first event names in itself (a dispute names none: its unit is its objection's).
    static func namedUnit(of event: DomainEvent) -> String? {
        switch event {
        case let .request(_, .registered(registration)): registration.unit
        case let .objection(_, .filed(filing)): filing.unit
        case let .dip(_, .added(entry)): entry.unit
        default: nil
        }
    }

    /// The unit zones held in a units reference (the server's `units` list as JSON).
    static func zones(fromUnitsJSON json: String?) -> [String: UnitZone] {
        struct ReferenceUnit: Decodable { let code: String; let zone: String }
        guard let json, let units = try? JSONDecoder().decode([ReferenceUnit].self, from: Data(json.utf8)) else { return [:] }
        var zones: [String: UnitZone] = [:]
        for unit in units { if let zone = try? UnitZone(parsing: unit.zone) { zones[unit.code] = zone } }
        return zones
    }
}
