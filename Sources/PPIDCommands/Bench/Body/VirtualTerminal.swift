import Foundation
import PPIDDomain
import PPIDSync
import PPIDWire

/// One simulated terminal of the body benchmark: a unit's working day as events the server checks
/// in full (registrations, decisions and deliveries, objections), kept in memory, and a sync that
/// pulls its unit's changes with a cursor and pushes what it made, through the real client.
final class VirtualTerminal: @unchecked Sendable {
    let unit: String
    let login: String
    let clients: [CentralClient]
    let context = LifecycleContext(calendar: .national(adding: []), zone: .wib)
    var cursor: Int64 = 0
    var outbox: [WireEvent] = []
    /// Cases in progress, folded locally so every event made is valid.
    var open: [(id: UUID, record: RequestRecord)] = []
    var made = 0
    var round = 0

    init(unit: String, login: String, clients: [CentralClient]) {
        self.unit = unit
        self.login = login
        self.clients = clients
    }

    /// The next client, round robin: no sticky sessions between instances.
    var client: CentralClient {
        defer { round += 1 }
        return clients[round % clients.count]
    }

    func envelope(_ event: DomainEvent) -> EventEnvelope {
        let now = Date()
        return EventEnvelope(meta: EventMeta(id: TimeOrderedID.make(at: now), officer: login, instant: now, zone: .wib), event: event)
    }

    func queue(_ event: DomainEvent) {
        outbox.append(WireEvent(envelope: envelope(event), unit: unit, sequence: nil))
    }

    /// A slice of a working day: a new request registered, and the oldest in progress taken one step
    /// (processing, the written notice, delivery), an objection filed against every fifth delivered.
    func work(cases: Int = 1) {
        for _ in 0..<cases {
            made += 1
            let registration = RequestRegistration(
                id: TimeOrderedID.make(at: Date()), registrationNumber: "\(made)-\(login)/PPID-\(unit)/2026", unit: unit, receivedAt: Date(),
                channel: .inPerson, requester: Requester(name: "Pemohon \(made)", nik: "3171234567890002", address: "Jakarta"),
                information: "Laporan realisasi anggaran", purpose: "Pengawasan publik")
            let envelope = envelope(.request(registration.id, .registered(registration)))
            if case let .request(record)? = try? DomainRules.apply(envelope, to: nil, context: context) {
                outbox.append(WireEvent(envelope: envelope, unit: unit, sequence: nil))
                open.append((registration.id, record))
            }
        }
        guard !open.isEmpty else { return }
        var (id, record) = open.removeFirst()
        let today = context.zone.civilDate(of: Date())
        let step: RequestEvent
        switch record.state {
        case .registered: step = .processingStarted
        case .inProcess: step = .decided(Decision(outcome: .grantedInFull, form: .softCopy, deliveryBy: today))
        case .decided: step = .delivered(method: .email, note: "")
        default: return
        }
        let envelope = envelope(.request(id, step))
        guard case let .request(next)? = try? DomainRules.apply(envelope, to: .request(record), context: context) else { return }
        outbox.append(WireEvent(envelope: envelope, unit: unit, sequence: nil))
        record = next
        if record.state == .delivered {
            if made % 5 == 0, let filing = try? ObjectionSubmission(["grounds": "d", "filedBy": "Pemohon"])
                .filing(id: TimeOrderedID.make(at: Date()), against: record, today: today) {
                var numbered = filing
                numbered.number = "K\(made)-\(login)/PPID-\(unit)/2026"
                queue(.objection(numbered.id, .filed(numbered)))
            }
        } else {
            open.append((id, record))
        }
    }

    /// One sync as a terminal does it: pull every page after the cursor, then push the outbox in
    /// batches. Returns whether anything moved (an empty sync is one request and nothing more).
    func sync(pushBatch: Int = 1000) async throws -> (pulled: Int, pushed: Int) {
        var pulled = 0
        while true {
            let (page, _) = try await client.changes(after: cursor, limit: 2000, reference: Int64.max)
            pulled += page.events.count
            cursor = max(cursor, page.nextCursor)
            if !page.hasMore { break }
        }
        var pushed = 0
        while !outbox.isEmpty {
            let batch = Array(outbox.prefix(pushBatch))
            let answer = try await client.push(PushRequest(events: batch))
            let refused = answer.outcomes.filter { $0.status == .rejected }
            if let first = refused.first {
                throw BodyBenchError("\(login): \(refused.count) events refused, e.g. \(first.reasonEnglish ?? first.reason ?? "?")")
            }
            outbox.removeFirst(batch.count)
            pushed += batch.count
        }
        return (pulled, pushed)
    }
}

struct BodyBenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
