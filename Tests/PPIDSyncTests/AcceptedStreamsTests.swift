import Foundation
import PPIDCentral
import PPIDCentralServer
import PPIDDomain
import PPIDStore
import PPIDSync
import PPIDWire
import Testing

/// What the server accepts, every terminal applies: random streams of valid and invalid events,
/// pushed over HTTP by terminals of units in WIB, WITA and WIT and dispatched through intake by
/// the PPID Utama; fresh terminals of each unit (and the Utama's) then hold exactly the server's
/// projections, with nothing set aside.
@Suite("Sync: what the server accepts, every terminal applies")
struct AcceptedStreamsTests {
    static let units = [("HUMAS", "rina"), ("KEU", "dewi"), ("PAPUA", "yosef")]

    /// One random event, valid or not, for `unit`: a registration (sometimes received in the future,
    /// sometimes without a NIK), or an act on a known case (often out of order, sometimes dated before it).
    static func event(unit: String, known: [UUID], officer: String, random: inout SeededRandom, number: Int) -> EventEnvelope {
        let now = Date()
        let instant = now.addingTimeInterval(-Double(random.below(4)) * 86_400 * (random.below(4) == 0 ? 30 : 1))
        let meta = EventMeta(id: UUID(), officer: officer, instant: instant,
                             zone: unit == "KEU" ? .wita : unit == "PAPUA" ? .wit : .wib)
        if known.isEmpty || random.below(3) == 0 {
            let received: Date = switch random.below(6) {
            case 0: now.addingTimeInterval(86_400 * 3)  // In the future: refused everywhere.
            case 1: instant.addingTimeInterval(-86_400 * 40)
            default: instant.addingTimeInterval(-Double(random.below(7200)))
            }
            let registration = RequestRegistration(
                id: UUID(), registrationNumber: "\(number)-P/PPID-\(unit)/2026", unit: unit, receivedAt: received, channel: .letter,
                requester: Requester(name: "Pemohon \(number)", nik: random.below(5) == 0 ? "12" : "3171234567890002", address: "Kota"),
                information: "Data \(number)", purpose: "Riset")
            return EventEnvelope(meta: meta, event: .request(registration.id, .registered(registration)))
        }
        let choices: [RequestEvent] = [
            .processingStarted, .extended(reason: random.below(4) == 0 ? "" : "Koordinasi"),
            .decided(Decision(outcome: .grantedInFull, form: .softCopy)), .decided(Decision(outcome: .notHeld(holder: nil))),
            .delivered(method: .email, note: ""), .closed, .withdrawn(reason: "Pemohon menarik"),
        ]
        return EventEnvelope(meta: meta, event: .request(known[random.below(known.count)], choices[random.below(choices.count)]))
    }

    @Test("Random streams from three units and intake: fresh terminals of each unit and of the Utama equal the server", .timeLimit(.minutes(3)))
    func acceptedIsApplied() async throws {
        var totals = (streams: 0, events: 0, accepted: 0, refused: 0, intake: 0)
        for seed: UInt64 in [0xA11CE, 0xFACADE, 0x5CA1AB1E] {
            let world = try await SyncWorld()
            try world.store.addUnit(code: "PAPUA", name: "Perwakilan Papua", zone: "WIT")
            try world.store.addOfficer(login: "yosef", name: "Yosef", unit: "PAPUA")
            world.tokens["yosef"] = try world.store.issueToken(officer: "yosef")
            var random = SeededRandom(state: seed)
            var known: [String: [UUID]] = [:]
            let main = try #require(try world.store.authenticate(token: world.tokens["ratna"]!))
            for round in 0..<40 {
                let (unit, officer) = Self.units[random.below(Self.units.count)]
                if random.below(4) == 0 {
                    // Intake, valid or not (a person without a NIK, a receipt in the future).
                    let received = random.below(3) == 0 ? Date().addingTimeInterval(86_400) : Date().addingTimeInterval(-3600)
                    let intake = IntakeRequest(unit: unit, receivedAt: received, channel: .webPortal,
                                               requester: Requester(name: "Warga \(round)", nik: random.below(3) == 0 ? nil : "3171234567890002",
                                                                    email: "warga@example.id"),
                                               information: "Data", purpose: "Riset")
                    if let answer = try? world.store.dispatch(intake, by: main) { known[unit, default: []].append(answer.caseID) }
                    totals.intake += 1
                    continue
                }
                let count = 1 + random.below(8)
                var envelopes: [EventEnvelope] = []
                for index in 0..<count {
                    let envelope = Self.event(unit: unit, known: known[unit] ?? [], officer: officer, random: &random,
                                              number: Int(seed % 1000) * 1000 + round * 10 + index)
                    if case let .request(id, .registered) = envelope.event { known[unit, default: []].append(id) }
                    envelopes.append(envelope)
                }
                var settings = SyncSettings(server: world.url, token: world.tokens[officer]!)
                settings.attempts = 1
                let client = CentralClient(settings: settings)
                let response = try await client.push(PushRequest(events: envelopes.map { WireEvent(envelope: $0, unit: unit, sequence: nil) }))
                await client.shutdown()
                totals.streams += 1
                totals.events += count
                totals.accepted += response.outcomes.filter { $0.status == .accepted }.count
                totals.refused += response.outcomes.filter { $0.status == .rejected }.count
            }
            for (unit, officer) in Self.units {
                let fresh = try world.terminal("fresh-\(unit)-\(seed)")
                try await world.sync(fresh, officer: officer)
                #expect(try fresh.allCaseRecords() == world.store.caseRecords(unit: unit), "\(unit), seed \(seed)")
                #expect(try fresh.setAsideCount() == 0, "nothing the server accepted is set aside (\(unit), seed \(seed))")
            }
            let utama = try world.terminal("fresh-utama-\(seed)")
            try await world.sync(utama, officer: "ratna")
            #expect(try utama.allCaseRecords() == world.store.caseRecords(unit: nil), "the Utama, seed \(seed)")
            #expect(try utama.setAsideCount() == 0)
            await world.stop()
        }
        print("accepted streams: \(totals.streams) pushed streams, \(totals.events) events (\(totals.accepted) accepted, \(totals.refused) refused), \(totals.intake) intake requests, 3 units (WIB, WITA, WIT)")
        #expect(totals.accepted > 0 && totals.refused > 0, "the streams held both valid and invalid events")
    }
}
