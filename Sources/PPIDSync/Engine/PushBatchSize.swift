import PPIDWire

/// How many events the next push carries. A terminal back from days offline sends thousands, and
/// every batch costs a round trip and a transaction on the server while the next one waits (the
/// server takes a terminal's batches one at a time, in log order). So a batch grows while answers
/// come back quickly, up to the server's limit, and shrinks again when one is slow (a thin link, a
/// busy server), never below the size the settings start from.
struct PushBatchSize: Sendable {
    /// The most events the server takes in one push.
    static let serverLimit = PushRequest.maximumEvents
    /// The most envelope bytes in one push: half the server's body limit, room to spare for the
    /// request's framing.
    static let maximumBytes = PushRequest.maximumBytes / 2
    /// An answer within this grows the next batch.
    static let quick: Duration = .seconds(1)

    let smallest: Int
    private(set) var current: Int

    init(configured: Int) {
        smallest = min(max(1, configured), Self.serverLimit)
        current = smallest
    }

    /// Takes in how long a batch of `sent` events took from sending to its answer, with the
    /// request's `timeout`: a full batch answered quickly makes the next four times as large (the
    /// batch after it is already read, so growth shows one batch late); one that took more than a
    /// quarter of the timeout halves it.
    mutating func observe(sent: Int, took: Duration, timeout: Duration) {
        if took > timeout / 4 {
            current = max(smallest, current / 2)
        } else if took < Self.quick, sent >= current {
            current = min(Self.serverLimit, current * 4)
        }
    }
}
