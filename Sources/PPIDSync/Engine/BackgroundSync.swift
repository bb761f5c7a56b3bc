import Foundation
import PPIDDomain
import PPIDStore
import Synchronization

/// Sync in the background of the terminal app: every `interval`, and at once when the officer
/// presses R. The app stays usable offline; this only tells it, through `notify`, that the status
/// line or the lists should be redrawn.
public final class BackgroundSync: Sendable {
    let engine: SyncEngine
    let interval: Duration
    let language: Language
    let notify: @Sendable () -> Void
    private let state = Mutex(State())
    private let loop = Mutex<Task<Void, Never>?>(nil)

    struct State {
        var running = false
        var progress: SyncProgress?
        var wanted = false
        var messages: [(String, Bool)] = []
    }

    public init(engine: SyncEngine, interval: Duration = .seconds(120), language: Language,
                notify: @escaping @Sendable () -> Void) {
        self.engine = engine
        self.interval = interval
        self.language = language
        self.notify = notify
    }

    /// Starts the loop; the first sync runs at once.
    public func start() {
        let task = Task { [self] in
            while !Task.isCancelled {
                await runOnce()
                await waitForNextTurn()
            }
        }
        loop.withLock { $0 = task }
    }

    /// Stops the loop and closes the HTTP client, waiting up to two seconds. A sync in flight is
    /// cancelled; the pages it applied are whole, and the next sync carries on from them.
    public func stop() {
        loop.withLock { $0?.cancel() }
        let done = DispatchSemaphore(value: 0)
        let engine = self.engine
        Task {
            await engine.shutdown()
            done.signal()
        }
        _ = done.wait(timeout: .now() + 2)
    }

    /// Asks for a sync now; answers with what to tell the officer.
    public func syncNow() -> String {
        let busy = state.withLock { state -> Bool in
            state.wanted = true
            return state.running
        }
        return busy ? language.pick("Sinkronisasi sedang berjalan…", "A sync is already running…")
                    : language.pick("Sinkronisasi dimulai…", "Sync started…")
    }

    /// The status line's words while a sync runs, nil otherwise.
    public var activity: String? {
        state.withLock { state in
            guard state.running else { return nil }
            guard let progress = state.progress else { return language.pick("menyinkronkan…", "syncing…") }
            switch progress.phase {
            case .pulling: return language.pick("menarik \(progress.events)…", "pulling \(progress.events)…")
            case .pushing: return language.pick("mengirim \(progress.events)…", "pushing \(progress.events)…")
            }
        }
    }

    /// The next message to show about a finished sync (text, is an error), if any.
    public func takeMessage() -> (String, Bool)? {
        state.withLock { $0.messages.isEmpty ? nil : $0.messages.removeFirst() }
    }

    func runOnce() async {
        state.withLock { state in
            state.running = true
            state.wanted = false
            state.progress = nil
        }
        notify()
        let message: (String, Bool)
        do {
            let report = try await engine.run { [self] progress in
                state.withLock { $0.progress = progress }
                notify()
            }
            message = (Self.summary(report, language: language), report.rejected > 0)
        } catch {
            message = (error.text(language), true)
        }
        state.withLock { state in
            state.running = false
            state.progress = nil
            state.messages.append(message)
        }
        notify()
    }

    static func summary(_ report: SyncReport, language: Language) -> String {
        var text = language.pick("Sinkron selesai: \(report.pulled) diterima, \(report.accepted) terkirim",
                                 "Sync done: \(report.pulled) received, \(report.accepted) sent")
        if report.rejected > 0 {
            text += language.pick(", \(report.rejected) DITOLAK (tekan ! untuk alasannya)", ", \(report.rejected) REFUSED (press ! for why)")
        }
        if let unit = report.adoptedUnit { text += language.pick("; unit \(unit) dipasang", "; unit \(unit) set up") }
        return text + "."
    }

    /// Sleeps until the interval is over or the officer asks for a sync, checking a few times a second.
    private func waitForNextTurn() async {
        let deadline = ContinuousClock.now + interval
        while ContinuousClock.now < deadline, !Task.isCancelled {
            if state.withLock({ $0.wanted }) { return }
            try? await Task.sleep(for: .milliseconds(200))
        }
    }
}
