import Foundation
import PPIDDomain
import PPIDWire
import Synchronization

/// The DIP of the whole body as the portal publishes it, folded from the ledger's DIP events and
/// kept in memory: each read first folds in the events appended since the last (numbers commit in
/// order, so none is skipped), so the portal shows what the register holds without refolding it.
/// Each instance keeps its own; the ledger is the authority.
final class PublicDIPCache: Sendable {
    struct State {
        var through: Int64 = 0
        var records: [UUID: DIPRecord] = [:]
    }

    let state = Mutex(State())
}

/// The public DIP at a moment: the entries on the list and the units they belong to.
public struct PublicDIP: Sendable {
    public let entries: [PublicDIPEntry]
    public let units: [WireUnit]
    /// The ledger position this view is folded through.
    public let through: Int64

    /// The name of a unit, or its code when unknown.
    public func unitName(_ code: String) -> String {
        units.first { $0.code == code }?.name ?? code
    }
}

extension CentralStore {
    /// The DIP entries on the list (not retired) of every unit, in unit, category and number order.
    public func publicDIP() throws(CentralError) -> PublicDIP {
        let since = publicDIPCache.state.withLock { $0.through }
        let (changes, through, units) = try read { db in
            let through = try Self.latestSequence(db)
            var changes: [(Int64, EventEnvelope)] = []
            if through > since {
                // Only DIP events, found by their kind's bytes ("kind":"dip.…, never inside a string,
                // where a quote is escaped), then decoded.
                let filter = switch db.engine {
                case .sqlite: "CAST(payload AS TEXT) LIKE '%\"kind\":\"dip.%'"
                case .postgres: "position('\"kind\":\"dip.'::bytea in payload) > 0"
                }
                let decoder = WireCoding.decoder()
                for row in try db.rows("SELECT sequence, payload FROM ledger WHERE sequence > ? AND sequence <= ? AND \(filter) ORDER BY sequence",
                                       [since, through]) {
                    let payload = try row.get(1, as: Data.self)
                    guard let envelope = try? decoder.decode(EventEnvelope.self, from: payload) else { continue }
                    changes.append((try row[0], envelope))
                }
            }
            return (changes, through, try Self.units(db))
        }
        let records = publicDIPCache.state.withLock { state -> [DIPRecord] in
            // Another reader may have folded further meanwhile: apply only what is past its position.
            for (sequence, envelope) in changes where sequence > state.through {
                guard case let .dip(id, event) = envelope.event else { continue }
                // Every event in the ledger was accepted; one the fold refuses is left out, not fatal.
                if let record = try? DIPLifecycle.apply(event, meta: envelope.meta, to: state.records[id]) {
                    state.records[id] = record
                }
            }
            state.through = max(state.through, through)
            return Array(state.records.values)
        }
        let order = Dictionary(uniqueKeysWithValues: DIPCategory.allCases.enumerated().map { ($1, $0) })
        let entries = records.compactMap(PublicDIPEntry.init).sorted { a, b in
            if a.unit != b.unit { return a.unit < b.unit }
            if a.category != b.category { return order[a.category, default: 0] < order[b.category, default: 0] }
            return a.number.localizedStandardCompare(b.number) == .orderedAscending
        }
        return PublicDIP(entries: entries, units: units, through: through)
    }
}
