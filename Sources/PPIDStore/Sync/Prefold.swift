import Foundation
import PPIDDomain

/// A page's cases folded ahead of its write, as if each were new to this database: done while the
/// page before is written, on another core, so the write only takes what it can use. The write
/// uses a case's fold only when the case is new here, the page adds all of its events, and the
/// settings (zones, calendar) are those it was folded with; any other case is folded at the write
/// as before.
public struct PrefoldedCases: Sendable {
    let generation: Int
    let cases: [UUID: (events: Int, record: CaseRecord?, rejected: [(EventEnvelope, EventRejection)])]

    /// The fold of `caseID` when it covers exactly these `events` under the current settings.
    func fold(of caseID: UUID, events: Int, generation current: Int) -> (record: CaseRecord?, rejected: [(EventEnvelope, EventRejection)])? {
        guard current == generation, let folded = cases[caseID], folded.events == events else { return nil }
        return (folded.record, folded.rejected)
    }
}

extension LocalStore {
    /// Folds each case of `events` from nothing, in order, with this database's current settings:
    /// the first `share` of the cases (all by default), the rest left to the write.
    public func prefold(_ events: [PulledEvent], share: Double = 1) -> PrefoldedCases {
        let (contexts, generation) = unitContextsWithGeneration
        guard share > 0 else { return PrefoldedCases(generation: generation, cases: [:]) }
        // Each case's events as their places in `events`: only the folded cases' envelopes are copied out.
        var order: [UUID] = []
        var byCase: [UUID: [Int]] = [:]
        for index in events.indices {
            let caseID = events[index].envelope.event.caseID
            if byCase[caseID] == nil { order.append(caseID) }
            byCase[caseID, default: []].append(index)
        }
        var cases: [UUID: (events: Int, record: CaseRecord?, rejected: [(EventEnvelope, EventRejection)])] = [:]
        cases.reserveCapacity(order.count)
        let count = Int((Double(order.count) * min(share, 1)).rounded())
        for caseID in order.prefix(count) {
            guard let places = byCase[caseID] else { continue }
            let envelopes = places.map { events[$0].envelope }
            guard let context = contexts.contextWithoutDatabase(forCase: envelopes) else { continue }
            let folded = DomainRules.fold(envelopes, context: context)
            cases[caseID] = (envelopes.count, folded.record, folded.rejected)
        }
        return PrefoldedCases(generation: generation, cases: cases)
    }
}
