import Foundation
import PPIDCentral
import PPIDDomain
import PPIDStore
import PPIDSync
import Testing

/// The register restored from an older backup: the terminals are the last copy of what it lost.
@Suite("Backup, restore, and the terminals as the last copy")
struct RestoreTests {
    /// A backup of the world's register: SQLite's online backup, or `pg_dump -Fc` on PostgreSQL.
    func backup(_ world: SyncWorld) throws -> String {
        if world.store.engine == .sqlite {
            let path = world.folder + "/backup-\(UUID()).sqlite"
            try world.store.backup(to: path)
            return path
        }
        let path = world.folder + "/backup-\(UUID()).dump"
        try run("pg_dump", ["-Fc", "-f", path, world.store.source])
        return path
    }

    /// Stops the server, puts the backup in the register's place, and starts it again.
    func restore(_ world: SyncWorld, from backup: String) async throws {
        await world.stop()
        world.store.close()
        if world.store.engine == .sqlite {
            let file = world.store.source
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) }
            try FileManager.default.copyItem(atPath: backup, toPath: file)
        } else {
            try run("pg_restore", ["--clean", "--if-exists", "--no-owner", "-d", world.store.source, backup])
        }
        try await world.start(reopen: true)
    }

    func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/" + tool)
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(tool): \(message)")
    }

    @Test("Accept events, back up, accept more, restore the backup, sync every terminal: nothing accepted is lost")
    func nothingAcceptedIsLost() async throws {
        let world = try await SyncWorld(file: TestRegister.postgresServer == nil)
        let humas = try world.terminal("humas")
        let keu = try world.terminal("keu")
        try await world.sync(humas, officer: "rina")
        try await world.sync(keu, officer: "dewi")
        var humasCases = try (0..<3).map { _ in try Work.register(humas, unit: "HUMAS") }
        var keuCases = try (0..<2).map { _ in try Work.register(keu, unit: "KEU") }
        try await world.sync(humas, officer: "rina")
        try await world.sync(keu, officer: "dewi")
        let saved = try backup(world)
        let before = try world.store.latestSequence()
        // Work accepted after the backup, by both units: lost when the backup is restored.
        humasCases += try (0..<2).map { _ in try Work.register(humas, unit: "HUMAS") }
        try humas.record(.request(humasCases[0], .decided(Decision(outcome: .grantedInFull, form: .softCopy, deliveryBy: humas.today))))
        keuCases.append(try Work.register(keu, unit: "KEU"))
        try await world.sync(humas, officer: "rina")
        try await world.sync(keu, officer: "dewi")
        #expect(try world.store.latestSequence() == before + 4)
        try await restore(world, from: saved)
        #expect(try world.store.latestSequence() == before, "the register went back")
        // The first terminal finds its cursor past the server's last number; the second, once the
        // first has sent its events again, finds that the server's event at its cursor is another.
        let first = try await world.sync(humas, officer: "rina")
        #expect(first.serverRestored?.cursor == before + 3 && first.serverRestored?.serverLatest == before,
                "its own events reached \(before + 3): \(String(describing: first.serverRestored))")
        let second = try await world.sync(keu, officer: "dewi")
        #expect(second.serverRestored != nil, "the second terminal finds it too")
        try await world.sync(humas, officer: "rina")
        try await world.sync(keu, officer: "dewi")
        for (terminal, unit, cases) in [(humas, "HUMAS", humasCases), (keu, "KEU", keuCases)] {
            let server = try world.store.caseRecords(unit: unit)
            #expect(Set(server.keys) == Set(cases), "every case of \(unit) is back on the server")
            for (id, record) in try terminal.allCaseRecords() where server[id] != nil {
                #expect(server[id] == record, "the server's \(id) is the terminal's, numbers and all")
            }
            #expect(try terminal.conflictCount() == 0, "nothing refused")
            #expect(try terminal.pendingCount() == 0, "nothing left to send")
            #expect(try terminal.serverRestoreNote() != nil)
        }
        guard case let .request(decided)? = try world.store.caseRecord(humasCases[0]) else { Issue.record("missing"); return }
        #expect(decided.state == .decided, "the decision made after the backup is back")
        await world.stop()
    }
}
