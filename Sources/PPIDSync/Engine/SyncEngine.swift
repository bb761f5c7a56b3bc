import Foundation
import PPIDDomain
import PPIDStore
import PPIDWire

/// How far a sync has come, for a progress line.
public struct SyncProgress: Sendable, Hashable {
    public enum Phase: String, Sendable { case pulling, pushing }
    public var phase: Phase
    /// Events pulled (new to this database) or pushed so far.
    public var events: Int
    /// The server position reached.
    public var cursor: Int64
}

/// `PPID_SYNC_TRACE=1`: per-page timings on stderr, for diagnosing a slow link or a slow disk. Read once.
enum SyncTrace {
    static let enabled = ProcessInfo.processInfo.environment["PPID_SYNC_TRACE"] != nil

    /// CPU time of the calling thread: what a step cost, apart from waiting for a core.
    static func threadCPU() -> Duration {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return .seconds(spec.tv_sec) + .nanoseconds(spec.tv_nsec)
    }

    static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// What a sync did.
public struct SyncReport: Sendable, Hashable {
    public var pulled = 0
    public var alreadyHeld = 0
    public var accepted = 0
    public var rejected = 0
    public var calendarsAdded = 0
    public var deadlinesMoved = 0
    public var retries = 0
    public var roundTrips = 0
    public var bytesReceived = 0
    public var bytesSent = 0
    public var seconds = 0.0
    public var adoptedUnit: String?
    /// Events of the server this terminal could not read this time, set aside (the rest applied).
    public var setAside = 0
    /// Events set aside earlier that this version read and applied.
    public var setAsideApplied = 0
    /// The server was found restored from an older backup: this terminal sent its events again.
    public var serverRestored: ServerRestored?
}

/// What a sync found when the server no longer held this terminal's cursor.
public struct ServerRestored: Sendable, Hashable {
    /// The server's last number when it was found.
    public let serverLatest: Int64
    /// This terminal's cursor before it went back to 0.
    public let cursor: Int64
    /// This terminal's own events sent again.
    public let resent: Int
}

/// One sync: pull the server's changes from the stored cursor, page by page, each page applied in
/// one transaction; then push the outbox in batches, marking what the server accepted and setting
/// aside, with the reason, what it refused. Transient failures are retried with exponential backoff
/// and jitter; whatever stops a sync, the database is consistent and the next sync carries on.
public final class SyncEngine: Sendable {
    public let store: LocalStore
    public let client: CentralClient
    let settings: SyncSettings
    let sleep: @Sendable (Duration) async -> Void
    let random: @Sendable () -> Double

    public init(store: LocalStore, settings: SyncSettings,
                sleep: @escaping @Sendable (Duration) async -> Void = { try? await Task.sleep(for: $0) },
                random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.store = store
        self.settings = settings
        self.client = CentralClient(settings: settings)
        self.sleep = sleep
        self.random = random
    }

    /// Closes the HTTP client.
    public func shutdown() async { await client.shutdown() }

    /// Runs one sync and closes the HTTP client before returning, whatever the outcome: for a
    /// command or a test that syncs once (a server stopped next must not wait for the connection).
    @discardableResult
    public func runOnce(progress: @escaping @Sendable (SyncProgress) -> Void = { _ in }) async throws(SyncError) -> SyncReport {
        do {
            let report = try await run(progress: progress)
            await shutdown()
            return report
        } catch {
            await shutdown()
            throw error
        }
    }

    /// Runs one sync; records the time of success, or the error, in the database for the status line.
    @discardableResult
    public func run(progress: @escaping @Sendable (SyncProgress) -> Void = { _ in }) async throws(SyncError) -> SyncReport {
        let started = ContinuousClock.now
        let trips = (client.roundTrips, client.bytesReceived, client.bytesSent)
        var report = SyncReport()
        do throws(SyncError) {
            try await pull(into: &report, progress: progress)
            let pushStarted = ContinuousClock.now
            try await push(into: &report, progress: progress)
            if SyncTrace.enabled {
                SyncTrace.write("sync: pull \(pushStarted - started), push \(ContinuousClock.now - pushStarted)")
            }
        } catch {
            // A sync stopped on purpose (the app closing) did not fail: the status line keeps its last word.
            if !Task.isCancelled { try? store.setSyncValue("lastError", error.text(.indonesian)) }
            throw error
        }
        report.roundTrips = client.roundTrips - trips.0
        report.bytesReceived = client.bytesReceived - trips.1
        report.bytesSent = client.bytesSent - trips.2
        let elapsed = ContinuousClock.now - started
        report.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        do {
            try store.setSyncValue("lastSync", Self.stamp(Date(), zone: store.context.zone))
            try store.setSyncValue("lastError", "")
        } catch { throw SyncError.from(error) }
        return report
    }

    static func stamp(_ date: Date, zone: UnitZone) -> String { zone.stamp(of: date) }

    // MARK: Pull

    func pull(into report: inout SyncReport, progress: @escaping @Sendable (SyncProgress) -> Void) async throws(SyncError) {
        var cursor: Int64
        var reference: Int64
        var known: (sequence: Int64, id: UUID)?
        do {
            cursor = try store.syncCursor()
            known = try store.knownTop()
            reference = Int64(try store.syncValue("referenceRevision") ?? "") ?? -1
            // Events set aside by an older version: this one may read them now.
            if try store.setAsideCount() > 0 { report.setAsideApplied += try store.retrySetAside() }
        } catch { throw SyncError.from(error) }
        var checkedIdentity = false
        var stalled = 0
        // The first page is not folded ahead: the writer has nothing else to do until it comes.
        var next: Task<Result<Fetched, SyncError>, Never>? = fetch(after: cursor, reference: reference, known: known, prefoldShare: 0)
        var checkedRestore = false
        var balance = PrefoldBalance()
        var pagesApplied = 0
        let trace = SyncTrace.enabled
        var bulk = false
        defer {
            // Whether the pull ended well or not, the pages applied so far become searchable.
            if bulk {
                let finishStart = ContinuousClock.now
                _ = try? store.finishBulkPull()
                if trace { SyncTrace.write("search indexes rebuilt in \(ContinuousClock.now - finishStart)") }
            }
        }
        while let pending = next {
            let waitStart = ContinuousClock.now
            let fetched = try await pending.valueCancelledWithWaiter.get()
            let page = fetched.page
            let retries = fetched.retries
            let waited = ContinuousClock.now - waitStart
            report.retries += retries
            next = nil
            if !checkedIdentity {
                try checkIdentity(page, report: &report)
                checkedIdentity = true
            }
            // The server no longer holds this terminal's cursor: restored from an older backup.
            // This terminal is the last copy of what it lost: send it all again, pull from the start.
            if !checkedRestore {
                checkedRestore = true
                let top = max(cursor, known?.sequence ?? 0)
                if top > 0, page.cursorKnown == false || (page.latest.map { $0 < top } ?? false) {
                    let resent: Int
                    do { resent = try store.prepareRecoveryFromServerRestore(serverLatest: page.latest ?? 0, cursor: top) } catch {
                        throw SyncError.from(error)
                    }
                    report.serverRestored = ServerRestored(serverLatest: page.latest ?? 0, cursor: top, resent: resent)
                    cursor = 0
                    fetched.ahead?.download.cancel()
                    next = fetch(after: 0, reference: -1)
                    continue
                }
            }
            if try Self.checkConsistency(of: page, after: cursor) {
                stalled = 0
            } else if page.hasMore {
                stalled += 1
                guard stalled < Self.stalledPagesAllowed else {
                    throw .inconsistentServer("\(stalled) pages in a row say more follows but do not move past \(cursor)")
                }
            }
            let newCursor = max(cursor, page.nextCursor)
            if page.hasMore && !bulk {
                // More than a page to come: index the search once at the end rather than row by row.
                do { try store.beginBulkPull() } catch { throw SyncError.from(error) }
                bulk = true
            }
            // Fetch the next page while this one is written.
            // The first page has nothing to overlap with: its wait says nothing of the balance.
            if pagesApplied > 0 { balance.adjust(writerWaited: waited) }
            if page.hasMore {
                next = fetchNext(after: page, cursor: newCursor, reference: reference, ahead: fetched.ahead, prefoldShare: balance.share)
            } else {
                fetched.ahead?.download.cancel()
            }
            let pulled = fetched.pulled
            let applied: PullApplied
            let applyStart = ContinuousClock.now
            let applyCPU = trace ? SyncTrace.threadCPU() : .zero
            defer {
                if trace {
                    SyncTrace.write("page \(page.events.count): waited \(waited), applied in \(ContinuousClock.now - applyStart), CPU \(SyncTrace.threadCPU() - applyCPU), next folded ahead \(Int(balance.share * 100))%")
                }
            }
            do { applied = try store.applyPull(pulled) } catch {
                next?.cancel()
                throw SyncError.from(error)
            }
            if bulk { store.checkpointDuringBulkPull() }
            report.pulled += applied.added
            report.alreadyHeld += applied.alreadyHeld
            report.calendarsAdded += applied.calendarsAdded
            report.deadlinesMoved += applied.deadlinesMoved
            report.setAside += applied.setAside
            if let revision = page.reference?.revision { reference = revision }
            cursor = newCursor
            pagesApplied += 1
            progress(SyncProgress(phase: .pulling, events: report.pulled, cursor: cursor))
        }
    }

    /// A page's bytes on their way (``CentralClient/changesData(after:limit:reference:known:)``).
    typealias Download = Task<Result<Data, SyncError>, Never>

    /// A page fetched and read: the server's page, the same in the store's terms with its cases
    /// folded ahead, the retries it took, and the next page's bytes already asked for.
    struct Fetched: Sendable {
        let page: ChangesPage
        let pulled: PulledPage
        let retries: Int
        let ahead: (cursor: Int64, download: Download)?
    }

    func download(after cursor: Int64, reference: Int64, known: (sequence: Int64, id: UUID)? = nil) -> Download {
        let client = self.client
        let limit = settings.pageSize
        return Task {
            do throws(SyncError) {
                return .success(try await client.changesData(after: cursor, limit: limit, reference: reference, known: known))
            } catch {
                return .failure(error)
            }
        }
    }

    /// Fetches a page (or takes the bytes `started` already asked for), reads it into the store's
    /// terms, its cases folded ahead, as a task of its own which runs while the page before is
    /// written. As soon as the bytes are in, the next page is asked for where they say the log
    /// goes on, so the server builds it while this one is read.
    func fetch(after cursor: Int64, reference: Int64, known: (sequence: Int64, id: UUID)? = nil,
               prefoldShare: Double = 1, started: Download? = nil) -> Task<Result<Fetched, SyncError>, Never> {
        let client = self.client
        let store = self.store
        return Task {
            var retries = 0
            var waiting = started
            var ahead: (cursor: Int64, download: Download)?
            do throws(SyncError) {
                let (page, payloads) = try await self.retrying(&retries) { () async throws(SyncError) -> (ChangesPage, [Data]?) in
                    let data: Data
                    if let bytes = waiting {
                        waiting = nil
                        data = try await bytes.valueCancelledWithWaiter.get()
                    } else {
                        data = try await self.download(after: cursor, reference: reference, known: known).valueCancelledWithWaiter.get()
                    }
                    ahead?.download.cancel()
                    ahead = nil
                    if let hint = WireDecoding.continuation(of: data), hint.hasMore, hint.nextCursor > cursor {
                        ahead = (hint.nextCursor, self.download(after: hint.nextCursor, reference: reference))
                    }
                    return try client.decodeChanges(data)
                }
                var pulled = try Self.pulledPage(page, payloads: payloads, scope: page.identity.flatMap { $0.isMain ? nil : $0.unit })
                pulled.prefolded = store.prefold(pulled.events, share: prefoldShare)
                return .success(Fetched(page: page, pulled: pulled, retries: retries, ahead: ahead))
            } catch {
                ahead?.download.cancel()
                return .failure(error)
            }
        }
    }

    /// The fetch of the page after `page`: from the bytes already asked for when they are for the
    /// right cursor and the page brought no new reference data (which the next request names);
    /// otherwise those are dropped and the page asked for anew.
    func fetchNext(after page: ChangesPage, cursor: Int64, reference: Int64, ahead: (cursor: Int64, download: Download)?,
                   prefoldShare: Double) -> Task<Result<Fetched, SyncError>, Never> {
        if let ahead, ahead.cursor == cursor, page.reference == nil {
            return fetch(after: cursor, reference: reference, prefoldShare: prefoldShare, started: ahead.download)
        }
        ahead?.download.cancel()
        return fetch(after: cursor, reference: page.reference?.revision ?? reference, prefoldShare: prefoldShare)
    }

    /// How many pages in a row may bring nothing new while saying that more follows (a stale copy
    /// from a proxy, a page sent twice) before the server is taken to be looping.
    static let stalledPagesAllowed = 3

    /// Refuses a page that cannot be a true continuation of the log after `cursor`: sequence numbers
    /// must rise, the next cursor must be the last event's (an empty page may not move it), may not
    /// pass the server's latest number, and may not go back past events the page brings. A page
    /// wholly at or before the cursor (sent twice) is allowed and changes nothing. Returns whether
    /// the page moves the cursor forward.
    static func checkConsistency(of page: ChangesPage, after cursor: Int64) throws(SyncError) -> Bool {
        var previous: Int64 = .min
        var sequences: [Int64] = []
        for event in page.events {
            guard let sequence = event.sequence else { throw .malformedAnswer("an event without a sequence number") }
            sequences.append(sequence)
        }
        // Events set aside (unreadable here) still hold their place in the server's order.
        if !page.setAside.isEmpty { sequences = (sequences + page.setAside.map(\.sequence)).sorted() }
        for sequence in sequences {
            guard sequence > previous else {
                throw .inconsistentServer("sequence \(sequence) after \(previous) in one page")
            }
            previous = sequence
        }
        if let last = sequences.last {
            guard page.nextCursor == last else {
                throw .inconsistentServer("next cursor \(page.nextCursor), but the page ends at \(last)")
            }
        } else if page.nextCursor > cursor {
            throw .inconsistentServer("the cursor moves from \(cursor) to \(page.nextCursor) on a page without events")
        }
        if let latest = page.latest, page.nextCursor > latest {
            throw .inconsistentServer("cursor \(page.nextCursor) past the server's latest number \(latest)")
        }
        return page.nextCursor > cursor
    }

    /// The server's page in the store's terms; an event of another unit in a unit's page is refused.
    static func pulledPage(_ page: ChangesPage, payloads: [Data]?, scope: String?) throws(SyncError) -> PulledPage {
        var events: [PulledEvent] = []
        events.reserveCapacity(page.events.count)
        for (index, event) in page.events.enumerated() {
            guard let sequence = event.sequence else { throw .malformedAnswer("an event without a sequence number") }
            if let scope, event.unit != scope { throw .malformedAnswer("an event of unit \(event.unit) in a page for \(scope)") }
            events.append(PulledEvent(envelope: event.envelope, sequence: sequence, payload: payloads?[index]))
        }
        if let scope, let stray = page.setAside.first(where: { $0.unit != scope }) {
            throw .malformedAnswer("an event of unit \(stray.unit) in a page for \(scope)")
        }
        let setAside = page.setAside.map {
            PulledSetAside(sequence: $0.sequence, unit: $0.unit, caseID: $0.caseID, payload: $0.payload, reason: $0.reason)
        }
        var reference: PulledReference? = nil
        if let data = page.reference {
            let encoder = WireCoding.encoder()
            reference = PulledReference(
                revision: data.revision,
                unitsJSON: String(decoding: (try? encoder.encode(data.units)) ?? Data("[]".utf8), as: UTF8.self),
                officersJSON: String(decoding: (try? encoder.encode(data.officers)) ?? Data("[]".utf8), as: UTF8.self),
                calendars: data.calendars.map { ($0.name, $0.body) })
        }
        return PulledPage(events: events, nextCursor: page.nextCursor, reference: reference, setAside: setAside)
    }

    /// A new database takes its unit from the token; a database of another unit is refused.
    func checkIdentity(_ page: ChangesPage, report: inout SyncReport) throws(SyncError) {
        guard let identity = page.identity else { throw .malformedAnswer("no identity in the first page") }
        try checkUnit(identity, page: page, report: &report)
        // The series the server holds for this token: the same the token file carries, or (for a
        // token file replaced by a new one) the new series, from the next number on.
        do {
            if let series = identity.series.flatMap(TerminalSeries.init(code:)) { try store.adoptTerminalSeries(series) }
            // The officer is the token's: the terminal records changes under that login from now on.
            try store.adoptIdentity(login: identity.officer, name: identity.name ?? identity.officer)
        } catch { throw SyncError.from(error) }
    }

    func checkUnit(_ identity: Identity, page: ChangesPage, report: inout SyncReport) throws(SyncError) {
        let profile = store.profile
        guard profile.code != identity.unit else { return }
        let unit = page.reference?.units.first { $0.code == identity.unit }
        do {
            var adopted = profile
            adopted.code = identity.unit
            if let unit {
                adopted.name = unit.name
                adopted.zoneName = unit.zone
            }
            if try store.adoptProfileIfNew(adopted) {
                report.adoptedUnit = identity.unit
                return
            }
        } catch { throw SyncError.from(error) }
        throw .wrongUnit(token: identity.unit, database: profile.code)
    }

    // MARK: Push

    func push(into report: inout SyncReport, progress: @escaping @Sendable (SyncProgress) -> Void) async throws(SyncError) {
        let unit = store.profile.code
        // The next batch is read while the server checks this one, and this one's answer is written
        // while the server checks the next: the server still gets one batch at a time, in log order,
        // so a batch's events may rely on the one before it.
        var size = PushBatchSize(configured: settings.pushBatch)
        var current = try pendingBatch(after: 0, size: size.current)
        guard !current.isEmpty else { return }
        var answer: Task<Result<(PushResponse, Int), SyncError>, Never>? = send(current, unit: unit)
        var sentAt = ContinuousClock.now
        defer { answer?.cancel() }
        while let inFlight = answer {
            let upcoming = try pendingBatch(after: current.last?.seq ?? 0, size: size.current)
            let waitStart = ContinuousClock.now
            let (response, retries) = try await inFlight.valueCancelledWithWaiter.get()
            let waited = ContinuousClock.now - waitStart
            // The batch after `upcoming` is sized by how this one went.
            size.observe(sent: current.count, took: ContinuousClock.now - sentAt, timeout: settings.timeout)
            answer = upcoming.isEmpty ? nil : send(upcoming, unit: unit)
            sentAt = ContinuousClock.now
            report.retries += retries
            let recordStart = ContinuousClock.now
            try record(response, into: &report)
            if SyncTrace.enabled {
                SyncTrace.write("push \(current.count): waited \(waited) for the answer, recorded it in \(ContinuousClock.now - recordStart)")
            }
            progress(SyncProgress(phase: .pushing, events: report.accepted + report.rejected, cursor: 0))
            current = upcoming
        }
    }

    func pendingBatch(after seq: Int64, size: Int) throws(SyncError) -> [OutboxPayload] {
        do {
            return try store.pendingOutboxPayloads(after: seq, limit: size, maximumBytes: PushBatchSize.maximumBytes)
        } catch {
            throw SyncError.from(error)
        }
    }

    /// Sends a batch, with retries, as a task of its own so the terminal works while it waits.
    func send(_ batch: [OutboxPayload], unit: String) -> Task<Result<(PushResponse, Int), SyncError>, Never> {
        let body = PushRequest.body(envelopes: batch.map(\.payload), unit: unit)
        let ids = batch.map(\.id)
        let client = self.client
        return Task {
            var retries = 0
            do throws(SyncError) {
                let response = try await self.retrying(&retries) { () async throws(SyncError) -> PushResponse in
                    try await client.push(body: body, ids: ids)
                }
                return .success((response, retries))
            } catch {
                return .failure(error)
            }
        }
    }

    /// Writes what the server said of a batch: accepted events take their numbers, refused ones
    /// are marked with the reason (and their letters void).
    func record(_ response: PushResponse, into report: inout SyncReport) throws(SyncError) {
        var accepted: [(UUID, Int64)] = []
        do {
            for outcome in response.outcomes {
                switch outcome.status {
                case .accepted:
                    guard let sequence = outcome.sequence else { throw SyncError.malformedAnswer("accepted without a sequence number") }
                    accepted.append((outcome.eventID, sequence))
                case .rejected:
                    let reason = CentralClient.printable(outcome.reason ?? outcome.reasonEnglish ?? "ditolak server")
                    let english = outcome.reasonEnglish.map { CentralClient.printable($0) }
                    let voided = try store.markRejected(outcome.eventID, reason: reason, reasonEnglish: english)
                    for letter in voided { VoidStamp.mark(letter) }
                    report.rejected += 1
                }
            }
            try store.markAccepted(accepted)
        } catch let error as SyncError {
            throw error
        } catch let error as StoreError {
            throw SyncError.from(error)
        } catch {
            throw SyncError.store("\(error)")
        }
        report.accepted += accepted.count
    }

    // MARK: Retries

    /// Runs `body`, retrying transient failures with backoff and jitter, up to the settings' attempts.
    func retrying<T>(_ retries: inout Int, _ body: () async throws(SyncError) -> T) async throws(SyncError) -> T {
        var attempt = 0
        while true {
            do throws(SyncError) {
                return try await body()
            } catch {
                attempt += 1
                guard error.isTransient, attempt < settings.attempts, !Task.isCancelled else { throw error }
                retries += 1
                await sleep(settings.backoff.delay(attempt: attempt, random: random()))
            }
        }
    }
}
