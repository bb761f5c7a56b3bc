import Foundation
import GRDB
import Testing
@testable import PPIDCentral
@testable import PPIDCentralServer
import PPIDDomain

/// The admin command line and the central database file under bad input.
@Suite("Hostile input: ppid-central")
struct AdminInputTests {
    @Test("--port outside 1-65535 is refused naming the option, not bound to some other port")
    func portRange() {
        for port in ["99999", "0", "-1"] {
            do {
                _ = try CentralCommand.parseAsRoot(["serve", "--port", port])
                Issue.record("--port \(port) must be refused")
            } catch {
                #expect(CentralCommand.message(for: error).contains("--port"), "\(CentralCommand.message(for: error))")
            }
        }
        #expect((try? CentralCommand.parseAsRoot(["serve", "--port", "8080"])) != nil)
    }

    @Test("token issue --output into a missing folder leaves no live token behind")
    func tokenIntoMissingFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ppid-admin-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let db = folder + "/central.sqlite"
        let store = try CentralStore(path: db)
        try store.addUnit(code: "HUMAS", name: "Humas")
        try store.addOfficer(login: "rina", name: "Rina", unit: "HUMAS")
        var command = try CentralCommand.parseAsRoot(["token", "issue", "rina", "--db", db, "--output", folder + "/missing/rina.token"])
        #expect(throws: (any Error).self) { try command.run() }
        let live = try store.read { db in try db.value("SELECT count(*) FROM tokens WHERE revoked_at IS NULL", as: Int.self) }
        #expect(live == 0, "no token was issued that nobody saw")
    }

    @Test("A SQLite file of another program is refused as a central database, and left as it was")
    func foreignFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("other-\(UUID()).sqlite").path
        let other = try DatabaseQueue(path: path)
        try other.write { db in try db.execute(sql: "CREATE TABLE invoices (id INTEGER PRIMARY KEY)") }
        try other.close()
        #expect(throws: CentralError.notOurDatabase(path: path)) { _ = try CentralStore(path: path) }
        let tables = try DatabaseQueue(path: path).read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
        #expect(tables == ["invoices"])
        // A central database opens again and carries its marker.
        let own = path + "-central"
        _ = try CentralStore(path: own)
        _ = try CentralStore(path: own)
        #expect(try DatabaseQueue(path: own).read { db in try Int32.fetchOne(db, sql: "PRAGMA application_id") } == CentralStore.applicationID)
        // A first open killed before the first migration committed: only the migrator's empty table.
        let halfMade = path + "-half"
        try DatabaseQueue(path: halfMade).write { db in
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
        }
        _ = try CentralStore(path: halfMade)
        #expect(try DatabaseQueue(path: halfMade).read { db in try Int32.fetchOne(db, sql: "PRAGMA application_id") } == CentralStore.applicationID)
    }

    @Test("dispatch takes every intake field, --nik and --received in the unit's local time included, with the API's validation")
    func dispatchFields() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ppid-dispatch-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let db = folder + "/central.sqlite"
        let store = try CentralStore(path: db)
        try store.addUnit(code: "UTAMA", name: "PPID Utama", isMain: true)
        try store.addUnit(code: "PAPUA", name: "Perwakilan Papua", zone: "WIT")
        let base = ["dispatch", "--db", db, "--unit", "PAPUA", "--name", "Siti", "--information", "Data", "--purpose", "Riset", "--address", "Jayapura"]
        var command = try CentralCommand.parseAsRoot(base + ["--nik", "3171234567890002", "--received", "2026-11-26T08:30", "--obtain", "salinan-cetak"])
        try command.run()
        let records = try store.caseRecords(unit: "PAPUA")
        guard case let .request(request)? = records.values.first else { Issue.record("no request dispatched"); return }
        #expect(request.registration.receivedAt == ISO8601DateFormatter().date(from: "2026-11-25T23:30:00Z"), "08:30 WIT is 23:30 UTC the day before")
        #expect(request.receivedOn == CivilDate(iso: "2026-11-26"))
        #expect(request.registration.obtainMethod == .hardCopy)
        var withoutNIK = try CentralCommand.parseAsRoot(base)
        #expect(throws: (any Error).self, "a person needs a NIK, as at the API") { try withoutNIK.run() }
        var future = try CentralCommand.parseAsRoot(base + ["--nik", "3171234567890002", "--received", "2999-01-01T08:00"])
        #expect(throws: (any Error).self, "a receipt in the future is refused") { try future.run() }
        var badTime = try CentralCommand.parseAsRoot(base + ["--nik", "3171234567890002", "--received", "kemarin"])
        #expect(throws: (any Error).self) { try badTime.run() }
        #expect(try store.caseRecords(unit: "PAPUA").count == 1)
    }

    @Test("An admin command refuses a database that does not exist unless --create is given")
    func missingDatabase() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ppid-missing-\(UUID())").path
        let db = folder + "/central.sqlite"
        for arguments in [["unit", "list"], ["unit", "add", "HUMAS", "--name", "Humas"], ["serve"]] {
            let command = try CentralCommand.parseAsRoot(arguments + ["--db", db])
            if let serve = command as? ServeCommand {
                #expect(throws: (any Error).self) { _ = try serve.database.open(demo: serve.demo) }
            } else {
                var command = command
                #expect(throws: (any Error).self, "\(arguments)") { try command.run() }
            }
            #expect(!FileManager.default.fileExists(atPath: db), "\(arguments) created nothing")
        }
        var create = try CentralCommand.parseAsRoot(["unit", "add", "UTAMA", "--name", "PPID Utama", "--main", "--db", db, "--create"])
        try create.run()
        var list = try CentralCommand.parseAsRoot(["unit", "list", "--db", db])
        try list.run()
        #expect(try CentralStore(path: db).units().map(\.code) == ["UTAMA"])
    }
}

@Suite("ppid-central backup")
struct BackupCommandTests {
    @Test("A SQLite register is copied while open, whole; an existing file is never overwritten")
    func backup() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ppid-backup-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let db = folder + "/central.sqlite"
        let store = try CentralStore(path: db)
        try store.addUnit(code: "HUMAS", name: "Humas")
        try store.addOfficer(login: "rina", name: "Rina", unit: "HUMAS")
        var command = try CentralCommand.parseAsRoot(["backup", "--db", db, "--to", folder + "/copy.sqlite"])
        try command.run()
        let copy = try CentralStore(path: folder + "/copy.sqlite")
        #expect(try copy.units().map(\.code) == ["HUMAS"] && copy.integrityCheck())
        var again = try CentralCommand.parseAsRoot(["backup", "--db", db, "--to", folder + "/copy.sqlite"])
        #expect(throws: (any Error).self) { try again.run() }
        #expect(try CentralStore(path: folder + "/copy.sqlite").units().count == 1, "the earlier copy is untouched")
    }
}
