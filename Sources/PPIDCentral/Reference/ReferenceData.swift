import Foundation
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
            if try db.exists("SELECT 1 FROM calendars WHERE name = ?", [name]) {
                throw CentralError.duplicate(what: "Calendar \(name)")
            }
            try db.execute("INSERT INTO calendars(name, body, added_at) VALUES (?, ?, ?)", [name, body, now])
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

    static func referenceRevision(_ db: any SQLSession) throws -> Int64 {
        try db.value("SELECT revision FROM reference_revision WHERE id = 1", as: Int64.self) ?? 0
    }

    static func referenceData(_ db: any SQLSession) throws -> ReferenceData {
        let officers = try db.rows("SELECT login, name, unit FROM officers ORDER BY unit, login").map {
            WireOfficer(login: try $0[0], name: try $0[1], unit: try $0[2])
        }
        let calendars = try db.rows("SELECT name, body FROM calendars ORDER BY id").map {
            WireCalendar(name: try $0[0], body: try $0[1])
        }
        return ReferenceData(revision: try referenceRevision(db), units: try units(db), officers: officers, calendars: calendars)
    }

    static func bumpReference(_ db: any SQLSession) throws {
        try db.execute("UPDATE reference_revision SET revision = revision + 1 WHERE id = 1")
    }

    /// The rules' context for a unit: the national calendar with the central files, in the unit's zone.
    static func context(forUnit code: String, in db: any SQLSession) throws -> LifecycleContext {
        let zoneName = try db.value(HotStatements.unitZone, [code], as: String.self) ?? "WIB"
        let zone = (try? UnitZone(parsing: zoneName)) ?? .wib
        let files = try db.rows(HotStatements.calendars).compactMap { row in
            try? CalendarFile(source: try row[0], text: try row[1])
        }
        return LifecycleContext(calendar: .national(adding: files), zone: zone)
    }
}
