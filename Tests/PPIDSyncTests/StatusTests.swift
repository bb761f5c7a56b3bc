import AsyncHTTPClient
import Foundation
import NIOCore
import PPIDCentral
import PPIDDomain
import PPIDStore
import PPIDSync
import PPIDWire
import Testing

/// What the administrator sees of the terminals: `ppid-central status` and `/metrics`, from real syncs.
@Suite("Operations: terminal status and metrics")
struct StatusTests {
    @Test("Each terminal's last pull and push, cursor lag, refusals and version, in the status and at /metrics (Utama only)")
    func statusAndMetrics() async throws {
        let world = try await SyncWorld()
        defer { Task { await world.stop() } }
        // Offline, both decide the same request.
        let offline = try await OfflineDecisions(in: world)
        let (a, b) = (offline.a, offline.b)
        try await world.sync(a, officer: "rina")
        try await world.sync(b, officer: "budi")  // Refused: A decided first.
        _ = try Work.register(a, unit: "HUMAS")
        try await world.sync(a, officer: "rina")  // B is now one event behind.

        let status = try world.store.terminalStatus()
        let rina = try #require(status.first { $0.officer == "rina" })
        let budi = try #require(status.first { $0.officer == "budi" })
        #expect(rina.cursorLag == 0 && rina.lastPull != nil && rina.lastPush != nil && rina.version == SoftwareVersion.current)
        #expect(rina.accepted == 3 && rina.refusedInLastPush == 0 && rina.series == "A")
        #expect(budi.cursorLag == 1, "B has not pulled A's last registration")
        #expect(budi.refused == 1 && budi.refusedInLastPush == 1 && budi.series == "B")
        let dewi = try #require(status.first { $0.officer == "dewi" })
        #expect(dewi.lastPull == nil && dewi.unit == "KEU", "never synced: listed, with no sync time")

        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        defer { _ = client.shutdown() }
        func get(_ token: String?) async throws -> (Int, String) {
            var request = HTTPClientRequest(url: world.url.absoluteString + "/metrics")
            if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
            let response = try await client.execute(request, timeout: .seconds(10))
            let body = try await response.body.collect(upTo: 1 << 20)
            return (Int(response.status.code), String(buffer: body))
        }
        let (code, text) = try await get(world.tokens["ratna"])
        #expect(code == 200)
        #expect(text.contains(#"ppid_terminal_cursor_lag{unit="HUMAS",officer="budi",series="B",version="\#(SoftwareVersion.current)"} 1"#), "\(text)")
        #expect(text.contains(#"ppid_terminal_refused_last_push_events{unit="HUMAS",officer="budi""#))
        #expect(text.contains("# HELP ppid_terminal_cursor_lag"))
        #expect(try await get(world.tokens["rina"]).0 == 403, "a unit's token does not read every unit's figures")
        #expect(try await get(nil).0 == 401)
    }
}
