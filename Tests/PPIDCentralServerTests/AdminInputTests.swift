import Foundation
import GRDB
import Testing
@testable import PPIDCentral
@testable import PPIDCentralServer

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
        let live = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM tokens WHERE revoked_at IS NULL") }
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
    }
}
