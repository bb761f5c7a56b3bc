import Foundation
import Logging
import PPIDCentral
import Synchronization
import Testing
@testable import PPIDCentralServer
import PPIDWire

/// Keeps every log line in memory, for tests.
final class CapturedLog: Sendable {
    struct Entry: Sendable {
        let level: Logger.Level
        let message: String
        let metadata: [String: String]
    }

    private let entries = Mutex<[Entry]>([])
    var all: [Entry] { entries.withLock { $0 } }
    func append(_ entry: Entry) { entries.withLock { $0.append(entry) } }

    var logger: Logger {
        var logger = Logger(label: "ppid-central") { _ in Handler(log: self) }
        logger.logLevel = .info
        return logger
    }

    struct Handler: LogHandler {
        let log: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            log.append(Entry(level: event.level, message: event.message.description,
                             metadata: (event.metadata ?? [:]).mapValues { "\($0)" }))
        }
    }
}

@Suite("Server logs")
struct LoggingTests {
    @Test("Every API call is logged with method, path, status, principal and duration; refusals and failed logins too; no token ever")
    func structuredLogs() async throws {
        let log = CapturedLog()
        let fixture = try await Fixture.start(logger: log.logger)
        defer { Task { await fixture.stop() } }
        _ = try await fixture.call(.GET, "/v1/health", token: nil)
        _ = try await fixture.call(.GET, "/v1/changes?after=0", token: fixture.humas)
        _ = try await fixture.call(.GET, "/v1/changes", token: "not-a-token-\(UUID())")
        var forged = Events.registration(unit: "KEU")
        forged.requester.name = ""
        _ = try await fixture.call(.POST, "/v1/events", token: fixture.humas,
                                   body: try Events.push([Events.wire(.request(forged.id, .registered(forged)), unit: "KEU")]))
        let requests = log.all.filter { $0.message == "request" }
        #expect(requests.count == 4, "\(requests.map(\.metadata))")
        let changes = try #require(requests.first { $0.metadata["path"] == "/v1/changes" && $0.metadata["status"] == "200" })
        #expect(changes.metadata["method"] == "GET" && changes.metadata["principal"] == "rina@HUMAS" && changes.metadata["ms"] != nil)
        #expect(requests.contains { $0.metadata["status"] == "401" && $0.metadata["principal"] == "-" })
        #expect(log.all.contains { $0.message == "authentication failed" && $0.level == .warning })
        let refused = try #require(log.all.first { $0.message == "event refused" })
        #expect(refused.metadata["event"] != nil && refused.metadata["reason"]?.isEmpty == false)
        let everything = log.all.map { "\($0.message) \($0.metadata)" }.joined(separator: "\n")
        for token in [fixture.humas, fixture.keu, fixture.main] { #expect(!everything.contains(token), "a token was logged") }
        #expect(!everything.contains("not-a-token"), "not even a wrong one")
    }

    @Test("The HTTP server's own messages go to the server's logger, not to standard output in another format")
    func frameworkMessages() async throws {
        let log = CapturedLog()
        let server = CentralServer(store: try CentralStore(path: try TestRegister.fresh()), port: 0, logger: log.logger)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = try server.application(logLevel: .info, onRunning: { port in continuation.yield(port) })
        let running = Task { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        running.cancel()
        _ = try? await running.value
        #expect(log.all.contains { $0.message == "Server started and listening on 127.0.0.1:\(port)" },
                "\(log.all.map(\.message))")
    }
}

@Suite("Server log lines as text")
struct TextLogTests {
    /// What `body` logs through a ``TextLogHandler`` writing into a pipe.
    func lines(_ body: (Logger) -> Void) throws -> [String] {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw CocoaError(.fileWriteUnknown) }
        var logger = Logger(label: "ppid-central") { label in TextLogHandler(label: label, descriptor: ends[1]) }
        logger.logLevel = .info
        body(logger)
        close(ends[1])
        let data = FileHandle(fileDescriptor: ends[0], closeOnDealloc: true).readDataToEndOfFile()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test("A line reads as swift-log's stream handler writes it: time, level, label, sorted metadata, source, message")
    func format() throws {
        struct Refusal: Error, CustomStringConvertible { var description: String { "kunci salah" } }
        let written = try lines { logger in
            logger.info("request", metadata: ["status": "200", "method": "GET", "path": "/v1/changes", "principal": "rina@HUMAS", "ms": "0.4"])
            logger.debug("not at this level")
            logger.warning("refused", error: Refusal())
            logger.error("no metadata")
        }
        #expect(written.count == 3)
        let time = #"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{4}"#
        #expect(written[0].wholeMatch(of: try Regex(
            time + #" info ppid-central: method=GET ms=0\.4 path=/v1/changes principal=rina@HUMAS status=200 \[PPIDCentralServerTests\] request"#)) != nil,
                "\(written[0])")
        #expect(written[1].contains(" warning ppid-central: error.message=kunci salah error.type="), "\(written[1])")
        #expect(written[1].hasSuffix("Refusal [PPIDCentralServerTests] refused"), "\(written[1])")
        #expect(written[2].wholeMatch(of: try Regex(time + #" error ppid-central: \[PPIDCentralServerTests\] no metadata"#)) != nil, "\(written[2])")
    }

    @Test("The time's text is the system's local time, made again when the second changes")
    func timestamp() {
        let clock = LogTimestamp()
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        var buffer = [CChar](repeating: 0, count: 64)
        let length = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%S%z", &parts)
        let expected = String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        #expect(expected.count == 24)
        #expect(clock.text(at: now) == expected)
        #expect(clock.text(at: now) == expected, "from the cache")
        #expect(clock.text(at: now + 1) != expected, "the next second")
    }
}
