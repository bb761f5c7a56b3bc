import Foundation
import PPIDCentral
import PPIDDomain
import PPIDStore
import PPIDSync
import Testing

/// Who acted is what the token says: the server records the authenticated officer and role, and
/// the terminals' logs come to hold the same record.
@Suite("Sync: identities come from the token")
struct IdentityTests {
    @Test("A terminal claiming another officer is recorded under the token's officer, on the server and back on the terminal")
    func claimIgnored() async throws {
        let world = try await SyncWorld()
        defer { Task { await world.stop() } }
        // The terminal's user claims to be the Utama; its token is Rina's, of Humas.
        let desk = try LocalStore(path: world.folder + "/desk.sqlite", workstation: Workstation(officer: "utama", terminal: "desk"))
        try desk.saveProfile(UnitProfile(code: "HUMAS", name: "Biro Humas"))
        let before = try Work.register(desk, unit: "HUMAS")
        try await world.sync(desk, officer: "rina")
        let first = try #require(try desk.history(of: before).first)
        let actor = try #require(try world.store.recordedActor(of: first.envelope.meta.id))
        #expect(actor == RecordedActor(login: "rina", name: "Rina", role: .unitOfficer), "the server records the token's officer")
        #expect(first.envelope.meta.officer == "rina", "the terminal's log takes the server's record of its own event")
        // From now on the terminal records under the token's officer, and shows the name.
        #expect(desk.officer == "rina" && desk.officerName == "Rina")
        let after = try Work.register(desk, unit: "HUMAS")
        #expect(try desk.history(of: after).first?.envelope.meta.officer == "rina")
        #expect(try desk.officerDirectory()["budi"]?.name == "Budi", "names of the unit's other officers, for the history")
        #expect(try desk.requestListing(filter: .all).allSatisfy { $0.registeredBy == "rina" })
    }

    @Test("The PPID Utama acting on a unit's case is recorded as the Utama")
    func utamaRecordedAsUtama() async throws {
        let world = try await SyncWorld()
        defer { Task { await world.stop() } }
        let desk = try world.terminal("humas")
        try await world.sync(desk, officer: "rina")
        let request = try Work.register(desk, unit: "HUMAS")
        try await world.sync(desk, officer: "rina")
        let utama = try world.terminal("utama")
        try await world.sync(utama, officer: "ratna")
        try utama.record(.request(request, .processingStarted))
        let report = try await world.sync(utama, officer: "ratna")
        #expect(report.accepted == 1)
        let started = try #require(try utama.history(of: request).last)
        let actor = try world.store.recordedActor(of: started.envelope.meta.id)
        #expect(actor == RecordedActor(login: "ratna", name: "Ratna", role: .ppidUtama))
        try await world.sync(desk, officer: "rina")
        #expect(try desk.history(of: request).last?.envelope.meta.officer == "ratna", "the unit sees who acted")
    }
}
