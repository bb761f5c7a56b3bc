import Foundation

/// Latencies of one kind of sync, in milliseconds.
struct Latencies {
    var samples: [Double] = []

    mutating func add(_ duration: Duration) {
        samples.append(Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15)
    }

    func percentile(_ p: Double) -> Double {
        guard !samples.isEmpty else { return .nan }
        let sorted = samples.sorted()
        let index = max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1)
        return sorted[min(sorted.count - 1, index)]
    }

    var text: String {
        samples.isEmpty ? "-" : String(format: "p50 %.1f ms, p99 %.1f ms (%d)", percentile(0.5), percentile(0.99), samples.count)
    }
}

/// CPU seconds and peak resident memory of the server processes, from /proc.
enum ProcessFigures {
    /// User plus system CPU seconds of `pid`.
    static func cpuSeconds(_ pid: Int32) -> Double {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return 0 }
        let fields = text[text.index(after: close)...].split(separator: " ")
        // After the name: state is field 3, utime 14 and stime 15 (1-based): here 11 and 12 (0-based).
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    static func cpuSeconds(_ pids: [Int32]) -> Double { pids.map(cpuSeconds).reduce(0, +) }

    /// The largest peak resident memory of `pids`, in MiB.
    static func peakMiB(_ pids: [Int32]) -> Int { (pids.map { Memory.peak(pid: $0) }.max() ?? 0) / 1024 }
}

/// Seconds since `start`.
func seconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}
