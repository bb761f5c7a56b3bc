import Foundation
import Testing
@testable import PPIDCentral
@testable import PPIDDomain
@testable import PPIDWire

/// On PostgreSQL, pulls waiting at the same moment are asked in one statement (``GatheredPulls``,
/// ``PageQuestion/askGathered(_:in:)``). Each must get exactly the page it would get alone: its
/// unit's events only, its cursor and limit, its known event checked, a revoked token refused and a
/// changed officer read again. On SQLite nothing is gathered.
@Suite("Gathered pulls")
struct GatheredPullsTests {
    let formatter = ISO8601DateFormatter()

    func makeStore() throws -> CentralStore {
        let store = try CentralStore(path: try TestRegister.fresh())
        try store.addUnit(code: "UTAMA", name: "PPID Utama", isMain: true)
        for unit in ["HUMAS", "ITJEN", "BIRO"] { try store.addUnit(code: unit, name: unit) }
        return store
    }

    func registration(unit: String, number: Int) -> WireEvent {
        let registration = RequestRegistration(
            registrationNumber: "\(number)/PPID-\(unit)/III/2026", unit: unit, receivedAt: formatter.date(from: "2026-03-02T02:00:00Z")!,
            channel: .webPortal, requester: Requester(name: "Siti", nik: "3171234567890002", address: "Jakarta"),
            information: "Data", purpose: "Riset")
        let meta = EventMeta(officer: "o-\(unit)", instant: formatter.date(from: "2026-03-02T03:00:00Z")!, localDate: CivilDate(iso: "2026-03-02")!)
        return WireEvent(envelope: EventEnvelope(meta: meta, event: .request(registration.id, .registered(registration))), unit: unit, sequence: nil)
    }

    /// A register with three units' events interleaved, an officer and a token in each unit.
    func populated() throws -> (CentralStore, tokens: [String: String], ids: [Int64: UUID]) {
        let store = try makeStore()
        var tokens: [String: String] = [:]
        var ids: [Int64: UUID] = [:]
        for unit in ["HUMAS", "ITJEN", "BIRO"] {
            try store.addOfficer(login: "o-\(unit)", name: "Officer \(unit)", unit: unit)
            tokens[unit] = try store.issueToken(officer: "o-\(unit)")
        }
        for round in 1...4 {
            for unit in ["HUMAS", "ITJEN", "BIRO"] where !(unit == "BIRO" && round > 1) {
                let token = try #require(tokens[unit])
                let principal = try #require(try store.authenticate(token: token))
                let outcome = try #require(try store.push(PushRequest(events: [registration(unit: unit, number: round)]), as: principal).outcomes.first)
                ids[try #require(outcome.sequence)] = outcome.eventID
            }
        }
        return (store, tokens, ids)
    }

    func alone(_ store: CentralStore, _ token: String, after cursor: Int64, limit: Int, check: (sequence: Int64, id: UUID)?) throws -> [UInt8]? {
        guard case let .page(_, bytes, _) = try store.changesPage(token: token, after: cursor, limit: limit, knownReference: -1, check: check,
                                                                  admit: { _ in true }) else { return nil }
        return bytes
    }

    @Test("Questions asked in one statement get each the page, heads and known event they get alone")
    func oneStatement() throws {
        let (store, tokens, ids) = try populated()
        guard store.engine == .postgres else { return }
        var questions: [GatheredQuestion] = []
        var expected: [PageQuestion] = []
        for (unit, token) in tokens.sorted(by: { $0.key < $1.key }) {
            let principal = try #require(try store.authenticate(token: token))
            for (cursor, limit, known) in [(Int64(0), 100, Int64?.none), (2, 1, 4), (5, 2, 1), (9, 100, 9), (99, 5, 99)] {
                let hash = APIToken.hash(token)
                questions.append(GatheredQuestion(tokenHash: hash, cursor: cursor, limit: limit, principal: principal, knownAt: known))
                expected.append(try #require(try store.read { db in
                    try PageQuestion.askConfirming(tokenHash: hash, after: cursor, limit: limit, for: principal, knownAt: known, in: db)
                }, "\(unit) confirmed alone"))
            }
        }
        let gathered = try store.read { db in try PageQuestion.askGathered(questions, in: db) }
        #expect(gathered.count == questions.count)
        for (index, (found, want)) in zip(gathered, expected).enumerated() {
            let found = try #require(found, "question \(index) confirmed")
            #expect(found.rows.map { Array($0.values.prefix(3)) } == want.rows.map { Array($0.values.prefix(3)) }, "question \(index): its rows")
            #expect(found.rows.allSatisfy { (try? $0.get(1, as: String.self)) == questions[index].principal.unit }, "only its unit's")
            #expect(found.latest == 9 && want.latest == 9 && found.reference == want.reference)
            #expect(found.held?.uuid == want.held?.uuid && found.held?.unit == want.held?.unit, "question \(index): the known event")
        }
        #expect(gathered[6].map { $0.rows.count } == 2, "a limit of 1 reads one row more, to say more wait")
        // A question alone (the prepared statement of a single pull) answers the same.
        for index in [0, 6, 13] {
            let single = try store.read { db in try PageQuestion.askGathered([questions[index]], in: db) }
            #expect(single.count == 1)
            #expect(single.first??.rows.map { Array($0.values.prefix(3)) } == gathered[index]?.rows.map { Array($0.values.prefix(3)) },
                    "question \(index) alone")
            #expect(single.first??.latest == gathered[index]?.latest && single.first??.held?.uuid == gathered[index]?.held?.uuid)
        }
        #expect(ids.count == 9)
        // A revoked token among others: only its answer is nil.
        try store.revokeTokens(officer: "o-ITJEN")
        let afterRevoke = try store.read { db in try PageQuestion.askGathered(questions, in: db) }
        for (index, question) in questions.enumerated() {
            #expect((afterRevoke[index] == nil) == (question.principal.unit == "ITJEN"), "question \(index)")
        }
    }

    @Test("Pulls at once through the gathering answer as each alone; a revoked token is refused, a renamed officer read again")
    func atOnce() async throws {
        let (store, tokens, ids) = try populated()
        let humas = try #require(tokens["HUMAS"]), itjen = try #require(tokens["ITJEN"]), biro = try #require(tokens["BIRO"])
        // Each token seen once, as a terminal's first pull makes it known.
        for token in [humas, itjen, biro] { _ = try alone(store, token, after: 0, limit: 100, check: nil) }
        guard store.engine == .postgres else {
            let found = try await store.gatheredChangesPage(token: humas, after: 0, limit: 100, knownReference: -1) { _ in true }
            #expect(found.map { _ in true } == nil, "SQLite asks each pull alone")
            return
        }
        let pulls: [(token: String, cursor: Int64, limit: Int, check: (sequence: Int64, id: UUID)?)] = (0..<60).map { index in
            let token = [humas, itjen, biro][index % 3]
            let cursor = Int64(index % 12)
            let known = Int64(index % 11) + 1
            return (token, cursor, index % 4 + 1, index % 5 == 0 ? nil : (known, index % 7 == 0 ? UUID() : ids[known] ?? UUID()))
        }
        let expected = try pulls.map { try #require(try alone(store, $0.token, after: $0.cursor, limit: $0.limit, check: $0.check)) }
        let answers = try await withThrowingTaskGroup(of: (Int, [UInt8]?).self) { group in
            for (index, pull) in pulls.enumerated() {
                group.addTask {
                    var admitted = 0
                    let found = try await store.gatheredChangesPage(token: pull.token, after: pull.cursor, limit: pull.limit,
                                                                    knownReference: -1, check: pull.check) { _ in
                        admitted += 1
                        return true
                    }
                    #expect(admitted == 1, "counted against its token's rate once")
                    guard case let .page(_, bytes, _)? = found else { return (index, nil) }
                    return (index, bytes)
                }
            }
            return try await group.reduce(into: [Int: [UInt8]?]()) { $0[$1.0] = $1.1 }
        }
        for index in pulls.indices {
            #expect(answers[index] == .some(expected[index]), "pull \(index) answered as alone")
        }
        // Behind the server's guess: one officer renamed, another's token revoked.
        try store.write { db in _ = try db.execute("UPDATE officers SET name = 'Humas Baru' WHERE login = 'o-HUMAS'", []) }
        try store.revokeTokens(officer: "o-ITJEN")
        let after = try await withThrowingTaskGroup(of: (String, CentralStore.TokenPage?).self) { group in
            for token in [humas, itjen, biro, humas, itjen, biro] {
                group.addTask {
                    (token, try await store.gatheredChangesPage(token: token, after: 0, limit: 100, knownReference: -1) { _ in true })
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(after.count == 6)
        // A pull that finds its token's guess already forgotten by the other pull of the same token
        // is left to be asked alone (nil); the first of the two always answers.
        #expect(after.contains { $0.0 == humas && $0.1 != nil }, "the renamed officer's token is read again and answered")
        for (token, found) in after {
            switch (token, found) {
            case (humas, .page(let principal, let bytes, _)?):
                #expect(principal.name == "Humas Baru")
                #expect(try WireCoding.decoder().decode(ChangesPage.self, from: Data(bytes)).identity?.name == "Humas Baru")
            case (humas, nil), (itjen, .unknownToken?), (itjen, nil):
                break  // refused at once, or (the guess forgotten by a pull before it) left to be asked alone
            case (biro, .page(_, let bytes, _)?):
                #expect(try WireCoding.decoder().decode(ChangesPage.self, from: Data(bytes)).events.count == 1)
            default:
                Issue.record("unexpected answer for \(token == humas ? "HUMAS" : token == itjen ? "ITJEN" : "BIRO"): \(String(describing: found))")
            }
        }
        #expect(store.knownPrincipals.principal(forTokenHash: APIToken.hash(itjen)) == nil)
    }
}
