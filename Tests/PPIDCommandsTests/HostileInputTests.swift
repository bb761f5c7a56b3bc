import Foundation
import GRDB
import Testing
@testable import PPIDCommands
@testable import PPIDDomain
@testable import PPIDStore

/// Bad input on the command line and in local files: a message that names the option, file or
/// line, and nothing lost or changed.
@Suite("Hostile input: command line and local files")
struct HostileInputTests {
    func parseError(_ arguments: [String]) -> String? {
        do {
            var command = try PPIDCommand.parseAsRoot(arguments)
            try command.validate()
            return nil
        } catch {
            return PPIDCommand.message(for: error)
        }
    }

    @Test("Dates and instants past the supported range are refused with a message, never a trap")
    func deadlineRange() {
        let far = message(["request", "9999-12-31", "--at", "9999-12-31T20:00:00Z", "--zone", "WIT"])
        #expect(far?.contains("9999-12-31") == true && far?.contains("1900-01-01") == true, "\(far ?? "")")
        #expect(message(["request", "0001-01-01"])?.contains("0001-01-01") == true)
        #expect(message(["request", "2999-12-31", "--zone", "WIT"]) == nil, "the last supported day still counts")
    }

    @Test("Numeric options are range-checked with a message naming the right option")
    func optionRanges() {
        #expect(parseError(["register", "requests", "--year", "0"])?.contains("--year") == true)
        #expect(parseError(["report", "--year", "99999"])?.contains("--year") == true)
        #expect(parseError(["report", "--year", "2026", "--quarter", "5"])?.contains("--quarter") == true)
        #expect(parseError(["sync", "--page-size", "0"])?.contains("--page-size") == true)
        #expect(parseError(["demo", "--requests", "-5"])?.contains("--requests") == true)
        #expect(parseError(["report", "--year", "2026"]) == nil)
    }

    @Test("A config file that is not UTF-8 or has a bad line is refused naming the file and line")
    func badConfig() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ppid-config-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder + "/ppid", withIntermediateDirectories: true)
        let path = folder + "/ppid/config"
        var bytes = Array("db = /tmp/x.sqlite\nlang = id\n".utf8)
        bytes += [0x74, 0x68, 0x65, 0x6D, 0x65, 0x20, 0x3D, 0x20, 0xFF, 0x0A]
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let environment = ["XDG_CONFIG_HOME": folder]
        let config = Config.load(environment: environment)
        #expect(config.problems == ["\(path):3: not UTF-8 text (save the file as UTF-8)"])
        #expect(config["db"] == nil, "nothing of a file that is not text is used")
        #expect(throws: CommandError.self) { _ = try Config.loadChecked(environment: environment, language: .english) }
        try Data("db = /tmp/x.sqlite\ncolour = red\n".utf8).write(to: URL(fileURLWithPath: path))
        do {
            _ = try Config.loadChecked(environment: environment, language: .english)
            Issue.record("a bad line must be refused")
        } catch {
            #expect("\(error)".contains("\(path):2"))
        }
    }

    @Test("A SQLite file of another program is refused before anything is written to it")
    func foreignDatabase() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("other-\(UUID()).sqlite").path
        let other = try DatabaseQueue(path: path)
        try other.write { db in try db.execute(sql: "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)") }
        try other.close()
        do {
            _ = try LocalStore(path: path, workstation: Workstation(officer: "t", terminal: "t"))
            Issue.record("another program's file must be refused")
        } catch {
            guard case .notOurDatabase = error else { Issue.record("refused for the wrong reason: \(error)"); return }
            #expect(error.text(.english).contains(path))
        }
        let after = try DatabaseQueue(path: path)
        let tables = try after.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
        #expect(tables == ["invoices"], "no table was added to the other program's file")
        // A ppid database opens again, and carries the marker.
        let own = FileManager.default.temporaryDirectory.appendingPathComponent("own-\(UUID()).sqlite").path
        _ = try LocalStore(path: own, workstation: Workstation(officer: "t", terminal: "t"))
        _ = try LocalStore(path: own, workstation: Workstation(officer: "t", terminal: "t"))
        let id = try DatabaseQueue(path: own).read { db in try Int32.fetchOne(db, sql: "PRAGMA application_id") }
        #expect(id == StoreMigrations.applicationID)
        // A first open killed after the migrator made its table and before the first migration
        // committed leaves an empty grdb_migrations: that file is ours, and opens.
        let halfMade = FileManager.default.temporaryDirectory.appendingPathComponent("half-\(UUID()).sqlite").path
        try DatabaseQueue(path: halfMade).write { db in
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
        }
        _ = try LocalStore(path: halfMade, workstation: Workstation(officer: "t", terminal: "t"))
        let madeID = try DatabaseQueue(path: halfMade).read { db in try Int32.fetchOne(db, sql: "PRAGMA application_id") }
        #expect(madeID == StoreMigrations.applicationID)
    }

    @Test("CSV cells that a spreadsheet would run as formulas are neutralised")
    func csvFormulas() throws {
        let csv = try RegisterTable.csv(header: ["a", "b"], rows: [["=HYPERLINK(\"http://x\",\"klik\")", "+1"], ["@SUM(A1)", "-2"],
                                                                  ["\tx", "Siti"]], bom: false)
        #expect(csv.contains("'=HYPERLINK"))
        #expect(csv.contains("'+1") && csv.contains("'@SUM") && csv.contains("'-2") && csv.contains("'\tx"))
        #expect(csv.contains("Siti") && !csv.contains("'Siti"))
    }
}
