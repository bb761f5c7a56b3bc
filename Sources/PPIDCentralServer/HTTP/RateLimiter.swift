import Foundation
import Synchronization

/// A token bucket per key (an officer's token): a client may burst up to `capacity` requests and
/// then `perSecond` on average. One client at full speed cannot starve the others or the health check.
final class RateLimiter: Sendable {
    struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    let capacity: Double
    let perSecond: Double
    private let buckets = Mutex<[String: Bucket]>([:])
    /// Keys kept at most; full buckets are dropped first when it is reached.
    private let maximumKeys = 50_000

    init(capacity: Int, perSecond: Int) {
        // At least one of each: a zero rate would make the wait below infinite.
        self.capacity = Double(max(1, capacity))
        self.perSecond = Double(max(1, perSecond))
    }

    /// A slower bucket: `capacity` at once, then `perMinute` a minute (the portal's forms, per address).
    init(capacity: Int, perMinute: Int) {
        self.capacity = Double(max(1, capacity))
        self.perSecond = Double(max(1, perMinute)) / 60
    }

    /// Takes one token for `key`; nil when the request may go ahead, else the seconds to wait.
    func take(_ key: String, now: ContinuousClock.Instant = .now) -> Int? {
        buckets.withLock { buckets in
            var bucket = buckets[key] ?? Bucket(tokens: capacity, updated: now)
            let elapsed = now - bucket.updated
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            bucket.tokens = min(capacity, bucket.tokens + max(0, seconds) * perSecond)
            bucket.updated = now
            guard bucket.tokens >= 1 else {
                buckets[key] = bucket
                return max(1, Int(((1 - bucket.tokens) / perSecond).rounded(.up)))
            }
            bucket.tokens -= 1
            if buckets.count >= maximumKeys && buckets[key] == nil {
                buckets = buckets.filter { $0.value.tokens < capacity - 1 }
            }
            buckets[key] = bucket
            return nil
        }
    }
}
