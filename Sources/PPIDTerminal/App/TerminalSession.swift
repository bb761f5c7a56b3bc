import CNCursesW
import Foundation
import PPIDDomain
import PPIDStore
import Synchronization

/// Why the terminal app could not start.
public enum TerminalError: OfficerFacingError {
    case notATerminal
    case unknownTerminal(String)

    public func text(_ language: Language) -> String {
        switch self {
        case .notATerminal:
            language.pick("ppid perlu terminal interaktif. Untuk skrip gunakan subperintah, mis. 'ppid deadline request 2026-03-02'.",
                          "ppid needs an interactive terminal. For scripts use a subcommand, e.g. 'ppid deadline request 2026-03-02'.")
        case let .unknownTerminal(term):
            language.pick("Jenis terminal '\(term)' tidak dikenal oleh terminfo. Coba TERM=xterm-256color atau TERM=vt100.",
                          "The terminal type '\(term)' is unknown to terminfo. Try TERM=xterm-256color or TERM=vt100.")
        }
    }
}

/// The event loop: one thread owns curses; it sleeps in poll() on the keyboard and a wake-up pipe
/// (database changes, signals), never busy-waits, and redraws only after something happened.
public final class TerminalSession {
    let app: App
    let screen: CursesScreen
    private let wake: (read: Int32, write: Int32)
    private let pendingSignal = SignalFlag()
    private var signalSources: [DispatchSourceSignal] = []
    private var observation: ChangeObservation?

    /// Starts curses for `app`. The locale decides Unicode line drawing; NO_COLOR drops colours.
    public init(app: App, theme: Theme, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard isatty(0) == 1, isatty(1) == 1 else { throw TerminalError.notATerminal }
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        let unicode = codeset.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8"
        let monochrome = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let escapeDelay = environment["ESCDELAY"].flatMap(Int.init) ?? 150
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw TerminalError.notATerminal }
        _ = fcntl(fds[0], F_SETFL, O_NONBLOCK)
        _ = fcntl(fds[1], F_SETFL, O_NONBLOCK)
        wake = (fds[0], fds[1])
        self.app = app
        ppid_install_crash_restore()
        do {
            screen = try CursesScreen(theme: monochrome ? BuiltInThemes.theme("monochrome")! : theme, unicode: unicode,
                                      monochrome: monochrome, escapeDelay: escapeDelay)
        } catch {
            close(fds[0]); close(fds[1])
            throw TerminalError.unknownTerminal(environment["TERM"] ?? "")
        }
        app.unicode = unicode
    }

    deinit {
        close(wake.read)
        close(wake.write)
    }

    /// A function any thread may call to have the screen refreshed soon (a sync's progress, say).
    public func waker() -> @Sendable () -> Void {
        let writeEnd = wake.write
        return {
            var byte: UInt8 = 2
            _ = write(writeEnd, &byte, 1)
        }
    }

    /// Runs until the officer quits or a signal arrives; the terminal is restored on every way out.
    public func run() {
        defer { screen.stop() }
        let writeEnd = wake.write
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { [pendingSignal] in
                pendingSignal.value.store(sig, ordering: .sequentiallyConsistent)
                var byte: UInt8 = 1
                _ = write(writeEnd, &byte, 1)
            }
            source.resume()
            signalSources.append(source)
        }
        observation = try? app.store.observeChanges {
            var byte: UInt8 = 2
            _ = write(writeEnd, &byte, 1)
        }
        var lastSeq = (try? app.store.latestEventSeq()) ?? 0
        app.render(on: screen)
        while !app.shouldQuit {
            var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0), pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, 2000)
            var dirty = false
            if ready < 0 {
                if errno == EINTR { dirty = handleKeys() }  // SIGWINCH: curses queues KEY_RESIZE
                else { break }
            } else if ready == 0 {
                // Idle: notice changes made by another process (a sync run, a second terminal).
                if let seq = try? app.store.latestEventSeq(), seq != lastSeq {
                    lastSeq = seq
                    app.refresh()
                    dirty = true
                }
            } else {
                if fds[1].revents != 0 {
                    var buffer = [UInt8](repeating: 0, count: 64)
                    var changed = false
                    while read(wake.read, &buffer, buffer.count) > 0 { changed = changed || buffer.contains(2) }
                    if pendingSignal.value.load(ordering: .sequentiallyConsistent) != 0 { break }
                    if changed {
                        lastSeq = (try? app.store.latestEventSeq()) ?? lastSeq
                        app.refresh()
                        dirty = true
                    }
                }
                if fds[0].revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
                    if fds[0].revents & Int16(POLLHUP | POLLERR) != 0 && fds[0].revents & Int16(POLLIN) == 0 { break }  // the terminal went away
                    dirty = handleKeys() || dirty
                }
            }
            if dirty && !app.shouldQuit { app.render(on: screen) }
        }
        observation?.cancel()
        for source in signalSources { source.cancel() }
        // Whatever form is open was saved at its last keystroke; nothing else to keep.
    }

    /// Reads every waiting key; returns whether anything needs drawing.
    private func handleKeys() -> Bool {
        var any = false
        while let key = screen.readKey() {
            if key == .control("l") { screen.invalidate() }
            app.handle(key)
            any = true
            if app.shouldQuit { break }
        }
        return any
    }
}

/// The last signal received, shared with the signal handlers' queue.
final class SignalFlag: Sendable {
    let value = Atomic<Int32>(0)
}
