import Foundation
import GRDB
import Testing
@testable import PPIDDomain
@testable import PPIDStore

@Suite("Store files and faults")
struct StoreFileTests {
    @Test("The default location follows XDG_DATA_HOME, then ~/.local/share")
    func defaultLocation() {
        #expect(StoreLocation.defaultPath(unit: "HUMAS", environment: ["XDG_DATA_HOME": "/x/data", "HOME": "/home/a"]) == "/x/data/ppid/humas.sqlite")
        #expect(StoreLocation.defaultPath(environment: ["HOME": "/home/a"]) == "/home/a/.local/share/ppid/default.sqlite")
    }

    @Test("A new database is mode 0600 in a 0700 folder, in WAL mode")
    func permissions() throws {
        let folder = temporaryFolder() + "/nested/ppid"
        let (store, _) = try makeStore(path: folder + "/unit.sqlite")
        let fileMode = try FileManager.default.attributesOfItem(atPath: store.path)[.posixPermissions] as? Int
        let folderMode = try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(folderMode == 0o700)
        let wal = try FileManager.default.attributesOfItem(atPath: store.path + "-wal")[.posixPermissions] as? Int
        #expect(wal == 0o600)
        #expect(try store.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
    }

    @Test("A file that is not a database gets a clear message and is left untouched")
    func corruptFile() throws {
        let path = temporaryFolder() + "/broken.sqlite"
        let garbage = Data(repeating: 0x42, count: 8192)
        try garbage.write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) { try LocalStore(path: path, workstation: officer) }
        do {
            _ = try LocalStore(path: path, workstation: officer)
        } catch {
            guard case .corrupt = error else { Issue.record("expected .corrupt, got \(error)"); return }
            #expect(error.text(.indonesian).contains("rusak"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
    }

    @Test("A file from a newer schema is refused, not downgraded")
    func newerSchema() throws {
        let (store, _) = try makeStore()
        try store.write { db in try db.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('v99-future')") }
        let path = store.path
        #expect {
            _ = try LocalStore(path: path, workstation: officer)
        } throws: { error in
            if case .newerSchema = error as? StoreError { return true }
            return false
        }
    }

    @Test("A write blocked by another process's lock fails with a message and writes nothing")
    func lockedFile() throws {
        let (store, clock) = try makeStore()
        var unsafe = Configuration()
        unsafe.allowsUnsafeTransactions = true
        let other = try DatabaseQueue(path: store.path, configuration: unsafe)
        try other.inDatabase { db in try db.execute(sql: "BEGIN EXCLUSIVE") }
        #expect {
            try store.registerRequest(sampleRegistration(at: clock))
        } throws: { error in
            if case .locked = error as? StoreError { return true }
            return false
        }
        try other.inDatabase { db in try db.execute(sql: "ROLLBACK") }
        #expect(try store.eventCount() == 0)
        try store.registerRequest(sampleRegistration(at: clock))
        #expect(try store.eventCount() == 1)
    }

    @Test("A full disk mid-write: a clear message, no partial write, nothing committed lost")
    func diskFull() throws {
        let (store, clock) = try makeStore()
        let pages = try store.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0 }
        try store.write { db in try db.execute(sql: "PRAGMA max_page_count = \(pages + 6)") }
        var accepted = 0
        var failure: StoreError?
        for i in 0..<2000 {
            do {
                try store.registerRequest(sampleRegistration(name: "Pemohon \(i)", subject: String(repeating: "laporan anggaran ", count: 40), at: clock))
                accepted += 1
            } catch {
                failure = error
                break
            }
        }
        let error = try #require(failure)
        guard case .diskFull = error else { Issue.record("expected .diskFull, got \(error)"); return }
        #expect(accepted > 0)
        #expect(try store.eventCount() == accepted)
        #expect(try store.requests(limit: 5000).count == accepted)
        #expect(try store.pendingCount() == accepted)
        #expect(try store.integrityCheck())
    }

    @Test("Migrates from empty and from every earlier version with data in it")
    func migrations() throws {
        for version in StoreMigrations.identifiers {
            let path = temporaryFolder() + "/old-\(version).sqlite"
            let queue = try DatabaseQueue(path: path)
            try StoreMigrations.migrator.migrate(queue, upTo: version)
            // Data as that version stored it: one event and one projected request.
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO events(uuid, case_kind, case_uuid, name, officer, instant, local_date, terminal, origin, payload)
                    VALUES ('00000000-0000-0000-0000-0000000000E1', 'dip', 'c1', 'added', 'rina', 0, '2026-03-02', 't', 'central', x'7b7d');
                    INSERT INTO outbox(event_uuid, state) VALUES ('00000000-0000-0000-0000-0000000000E1', 'pending');
                    INSERT INTO requests(uuid, number, unit, received_on, received_at, channel, requester_name, requester_kind,
                        address, phone, email, subject, purpose, state, open, notice_due, due_date, provisional, counts_from)
                    VALUES ('r1', '0001/PPID-HUMAS/III/2026', 'HUMAS', '2026-03-02', 0, 'surat', 'Siti Aminah', 'perorangan',
                        '', '', '', 'Laporan keuangan desa', 'Penelitian', 'terdaftar', 1, '2026-03-16', '2026-03-16', 0, '2026-03-02');
                    """)
                // A version that keeps the outbox's log order has its writes set it.
                if try db.columns(in: "outbox").contains(where: { $0.name == "event_seq" }) {
                    try db.execute(sql: "UPDATE outbox SET event_seq = 1")
                }
            }
            if version == "v8-legal-process" {
                // Disputes as v8 kept them: one in mediation, one decided for the requester (an order).
                try queue.write { db in
                    try db.execute(sql: """
                        INSERT INTO objections(uuid, number, request_uuid, request_number, unit, filed_by, grounds, filed_on, state,
                            open, answer_due, provisional, verdict, answered_on)
                        VALUES ('o1', 'KEB-1', 'r1', '0001/PPID-HUMAS/III/2026', 'HUMAS', 'Siti', 'c', '2026-04-01', 'ditanggapi', 0,
                            '2026-05-13', 0, 'upheld', '2026-04-10');
                        INSERT INTO disputes(uuid, objection_uuid, number, filed_on, state, start_due, settlement_due, outcome, decided_on)
                        VALUES ('d1', 'o1', 'KI-1', '2026-04-20', 'mediasi', '2026-05-11', '2026-09-30', NULL, NULL),
                               ('d2', 'o1', 'KI-2', '2026-04-20', 'diputus', '2026-05-11', '2026-09-30', 'dikabulkan', '2026-07-01');
                        """)
                }
            }
            try queue.close()
            let store = try LocalStore(path: path, workstation: officer)
            if version == "v8-legal-process" {
                let board = try store.openClocks(limit: 20, today: CivilDate(iso: "2026-08-01"))
                #expect(board.contains { $0.kind == .dispute && $0.number == "KI-1" && $0.dueDate.iso == "2026-09-30" && $0.clock == .commissionSettlement })
                #expect(board.contains { $0.kind == .orderUnfulfilled && $0.number == "KI-2" && $0.dueDate.iso == "2026-07-01" },
                        "the v8 decision stands as the ruling, and is an order")
            }
            #expect(try store.eventCount() == 1, "from \(version)")
            #expect(try store.pendingOutboxPayloads(after: 0, limit: 10).map(\.seq) == [1], "the outbox's order from \(version)")
            #expect(try store.requestCounts()[.registered] == 1, "counts rebuilt from \(version)")
            #expect(try store.searchRequests("desa").rows.map(\.number) == ["0001/PPID-HUMAS/III/2026"], "search index from \(version)")
            #expect(try store.drafts().isEmpty)
        }
    }
}

/// Runs chattr; false where the file system or the user cannot.
func chattr(_ flag: String, _ path: String) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
    process.arguments = [flag, path]
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
}

@Suite("Read-only files")
struct ReadOnlyFileTests {
    @Test("A database that cannot be written gets a clear message, and its data is untouched")
    func readOnly() throws {
        let folder = temporaryFolder()
        let path = folder + "/unit.sqlite"
        do {
            let (store, clock) = try makeStore(path: path)
            try store.registerRequest(sampleRegistration(at: clock))
            try store.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        }
        // chmod alone does not stop root; the immutable flag does.
        chmod(path, 0o400)
        let immutable = chattr("+i", path)
        defer { if immutable { _ = chattr("-i", path) } }
        if getuid() == 0 && !immutable { return }  // cannot make it read-only here
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
        #expect {
            let store = try LocalStore(path: path, workstation: officer)
            try store.saveProfile(UnitProfile(code: "X", name: "X"))
        } throws: { error in
            guard case .readOnly = error as? StoreError else { return false }
            return (error as? StoreError)?.text(.english).contains("cannot be written") == true
        }
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int == size)
    }
}
