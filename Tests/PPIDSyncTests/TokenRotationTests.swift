import Foundation
import Testing
import PPIDCentral
import PPIDStore
import PPIDSync

@Suite("Sync: token files")
struct TokenRotationTests {
    @Test("A revoked token stops syncing with a message saying so; a token file replaced on disk is used from the next sync, without a restart")
    func replacedTokenFile() async throws {
        let world = try await SyncWorld()
        defer { Task { await world.stop() } }
        let path = world.folder + "/rina.token"
        func write(_ token: String) throws {
            try Data((token + "\n").utf8).write(to: URL(fileURLWithPath: path))
            chmod(path, 0o600)
        }
        try write(try #require(world.tokens["rina"]))
        let local = try world.terminal("rina")
        var settings = try SyncSettings.load(server: world.url.absoluteString, tokenFile: path)
        settings.attempts = 1
        let engine = SyncEngine(store: local, settings: settings, sleep: { _ in })
        defer { Task { await engine.shutdown() } }
        try await engine.run()
        try world.store.revokeTokens(officer: "rina")
        do {
            try await engine.run()
            Issue.record("a revoked token must stop the sync")
        } catch {
            #expect(error == .unauthorized)
            #expect(error.text(.english).contains("revoked"))
        }
        try write(try world.store.issueToken(officer: "rina"))
        let report = try await engine.run()
        #expect(report.roundTrips >= 1, "the same engine synced with the new token")
    }
}
