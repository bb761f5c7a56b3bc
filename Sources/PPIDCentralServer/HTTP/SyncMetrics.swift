import Foundation
import PPIDCentral
import Prometheus

/// The figures of `ppid-central status` in the Prometheus text format, built afresh on each scrape
/// so a revoked terminal's series disappear with it.
enum SyncMetrics {
    static func render(_ store: CentralStore) throws(CentralError) -> String {
        let registry = PrometheusCollectorRegistry()
        func gauge(_ name: String, _ unit: String, _ help: String, _ labels: [(String, String)]) -> Gauge {
            registry.makeGauge(descriptor: MetricNameDescriptor(namespace: "ppid", metricName: name, unitName: unit, helpText: help),
                               labels: labels)
        }
        gauge("ledger", "sequence", "The highest sequence number in the ledger.", []).set(Double(try store.latestSequence()))
        for terminal in try store.terminalStatus() where !terminal.revoked {
            let labels = [("unit", terminal.unit), ("officer", terminal.officer), ("series", terminal.series ?? ""),
                          ("version", terminal.version ?? "")]
            gauge("terminal_cursor", "lag", "Events of its scope the terminal has not pulled yet.", labels)
                .set(Double(terminal.cursorLag))
            gauge("terminal_last_pull", "timestamp_seconds", "When the terminal last pulled (0: never).", labels)
                .set(terminal.lastPull ?? 0)
            gauge("terminal_last_push", "timestamp_seconds", "When the terminal last pushed (0: never).", labels)
                .set(terminal.lastPush ?? 0)
            gauge("terminal_refused", "events", "Events of the terminal the server refused, in all.", labels)
                .set(Double(terminal.refused))
            gauge("terminal_refused_last_push", "events", "Events refused in the terminal's last push: conflicts to look at.", labels)
                .set(Double(terminal.refusedInLastPush))
            gauge("terminal_accepted", "events", "Events of the terminal the server accepted, in all.", labels)
                .set(Double(terminal.accepted))
        }
        return registry.emitToString()
    }
}
