import Foundation
import GRDB
import PPIDDomain
import PPIDWire

extension CentralStore {
    /// Loads a holiday calendar file (checked with the same parser the terminals use); terminals get it
    /// on their next sync and recompute their open deadlines with it.
    public func addCalendar(name: String, body: String) throws(CentralError) {
        do throws(CalendarError) {
            _ = try CalendarFile(source: name, text: body)
        } catch {
            throw .badCalendar(name: name, reason: error.text(.indonesian))
        }
        let now = clock().timeIntervalSince1970
        try write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM calendars WHERE name = ?", arguments: [name]) == true {
                throw CentralError.duplicate(what: "Calendar \(name)")
            }
            try db.execute(sql: "INSERT INTO calendars(name, body, added_at) VALUES (?, ?, ?)", arguments: [name, body, now])
            try Self.bumpReference(db)
        }
    }

    /// The current revision of units, officers and calendars.
    public func referenceRevision() throws(CentralError) -> Int64 {
        try read { db in try Self.referenceRevision(db) }
    }

    /// Units, officers and calendars, with their revision.
    public func referenceData() throws(CentralError) -> ReferenceData {
        try read { db in try Self.referenceData(db) }
    }

    static func referenceRevision(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT revision FROM reference_revision WHERE id = 1") ?? 0
    }

    static func referenceData(_ db: Database) throws -> ReferenceData {
        let officers = try Row.fetchAll(db, sql: "SELECT login, name, unit FROM officers ORDER BY unit, login").map {
            WireOfficer(login: $0[0], name: $0[1], unit: $0[2])
        }
        let calendars = try Row.fetchAll(db, sql: "SELECT name, body FROM calendars ORDER BY id").map {
            WireCalendar(name: $0[0], body: $0[1])
        }
        return ReferenceData(revision: try referenceRevision(db), units: try units(db), officers: officers, calendars: calendars)
    }

    static func bumpReference(_ db: Database) throws {
        try db.execute(sql: "UPDATE reference_revision SET revision = revision + 1 WHERE id = 1")
    }

    /// The rules' context for a unit: the national calendar with the central files, in the unit's zone.
    static func context(forUnit code: String, in db: Database) throws -> LifecycleContext {
        let zoneName = try String.fetchOne(db, sql: "SELECT zone FROM units WHERE code = ?", arguments: [code]) ?? "WIB"
        let zone = (try? UnitZone(parsing: zoneName)) ?? .wib
        let files = try Row.fetchAll(db, sql: "SELECT name, body FROM calendars ORDER BY id").compactMap { row in
            try? CalendarFile(source: row[0], text: row[1])
        }
        return LifecycleContext(calendar: .national(adding: files), zone: zone)
    }
}
