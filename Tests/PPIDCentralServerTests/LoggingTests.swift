import Foundation
import Logging
import Synchronization
import Testing
import PPIDCentralServer
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
}
