import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import PPIDWire
import Synchronization

/// The terminal's side of the HTTP API v1: one request at a time, answers decoded and checked,
/// every failure turned into a ``SyncError``. Counts round trips and bytes for the status and the benchmark.
public final class CentralClient: Sendable {
    let settings: SyncSettings
    let http: HTTPClient
    /// Whether `http` is this client's own (closed by ``shutdown()``) or shared with others.
    let ownsHTTP: Bool
    private let counters = Mutex((roundTrips: 0, bytesReceived: 0, bytesSent: 0))
    /// The most a single answer may be, decompressed: far above the server's page budget.
    public static let maximumAnswer = 64 << 20

    /// A client on a connection pool shared with other clients (`shared`, closed by its owner): a
    /// benchmark's hundreds of simulated terminals.
    public init(settings: SyncSettings, shared: HTTPClient) {
        self.settings = settings
        http = shared
        ownsHTTP = false
    }

    /// What every connection pool of sync clients is set up with: gzipped answers accepted, and
    /// no tracing. A pool shared by many clients (``init(settings:shared:)``) starts from this too.
    public static func baseConfiguration() -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration()
        configuration.decompression = .enabled(limit: .ratio(200))
        // No distributed tracing here: without a tracer no span is made and no request's attributes
        // are gathered for one (with the global no-op tracer, both were, on every request).
        configuration.tracing.tracer = nil
        return configuration
    }

    public init(settings: SyncSettings) {
        self.settings = settings
        ownsHTTP = true
        var configuration = Self.baseConfiguration()
        // A refused connection fails at once; our own backoff decides when to try again.
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout = .init(connect: .seconds(10), read: .seconds(Int64(settings.timeout.components.seconds)))
        if let trusted = settings.trustedCertificates {
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.trustRoots = .file(trusted)
            tls.minimumTLSVersion = .tlsv12
            configuration.tlsConfiguration = tls
        }
        http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Closes the connection pool; call once done.
    public func shutdown() async {
        if ownsHTTP { try? await http.shutdown() }
    }

    public var roundTrips: Int { counters.withLock { $0.roundTrips } }
    public var bytesReceived: Int { counters.withLock { $0.bytesReceived } }
    public var bytesSent: Int { counters.withLock { $0.bytesSent } }

    /// One page of changes after `cursor`; `reference` is the revision of reference data held. With it,
    /// each event's envelope JSON as sent, so the store keeps it without encoding it again.
    /// `known` names the highest number this terminal holds an event at, and that event: the page
    /// says whether the server still holds it there.
    public func changes(after cursor: Int64, limit: Int, reference: Int64,
                        known: (sequence: Int64, id: UUID)? = nil) async throws(SyncError) -> (ChangesPage, [Data]?) {
        try decodeChanges(try await changesData(after: cursor, limit: limit, reference: reference, known: known))
    }

    /// A page of changes as the server sent it, not yet read: a sync asks for the next page while
    /// it reads this one (``WireDecoding/continuation(of:)``).
    public func changesData(after cursor: Int64, limit: Int, reference: Int64,
                            known: (sequence: Int64, id: UUID)? = nil) async throws(SyncError) -> Data {
        let at = known.map { "&known=\($0.sequence)&at=\($0.id.uuidString)" } ?? ""
        return try await send(.GET, "v1/changes?after=\(cursor)&limit=\(limit)&reference=\(reference)\(at)", body: nil)
    }

    /// Reads a page fetched by ``changesData(after:limit:reference:known:)``.
    public func decodeChanges(_ data: Data) throws(SyncError) -> (ChangesPage, [Data]?) {
        let started = ContinuousClock.now
        let startedCPU = SyncTrace.enabled ? SyncTrace.threadCPU() : .zero
        let answer = try read(data) { data in try WireDecoding.changesPage(from: data) }
        if SyncTrace.enabled {
            SyncTrace.write("decoded \(answer.0.events.count) in \(ContinuousClock.now - started), CPU \(SyncTrace.threadCPU() - startedCPU)")
        }
        return answer
    }

    /// Pushes a batch of local events.
    public func push(_ request: PushRequest) async throws(SyncError) -> PushResponse {
        let body: Data
        do { body = try WireCoding.encoder().encode(request) } catch { throw .malformedAnswer("\(error)") }
        return try await push(body: body, ids: request.events.map(\.envelope.meta.id))
    }

    /// Pushes a batch already written as a body (``PushRequest/body(envelopes:unit:)``), whose
    /// events have `ids`, in order.
    public func push(body: Data, ids: [UUID]) async throws(SyncError) -> PushResponse {
        let response = try decode(PushResponse.self, from: try await send(.POST, "v1/events", body: body))
        guard response.outcomes.count == ids.count else {
            throw .malformedAnswer("\(response.outcomes.count) outcomes for \(ids.count) events")
        }
        // Matched by id, not by position: an answer naming an event that was not sent, or one twice, is refused whole.
        let sent = Set(ids)
        let named = Set(response.outcomes.map(\.eventID))
        guard named == sent else {
            throw .inconsistentServer("the push answer names \(named.subtracting(sent).count) events that were not sent")
        }
        return response
    }

    /// The files of a case (names, types, sizes; not their content).
    public func files(of caseID: UUID) async throws(SyncError) -> [WireFile] {
        try decode(FileList.self, from: try await send(.GET, "v1/files?case=\(caseID.uuidString)", body: nil)).files
    }

    /// Attaches a file to a case on the server, which checks its type by content and its size.
    public func attach(_ bytes: Data, name: String, role: String, to caseID: UUID) async throws(SyncError) -> WireFile {
        var query = URLComponents()
        query.queryItems = [URLQueryItem(name: "case", value: caseID.uuidString), URLQueryItem(name: "role", value: role),
                            URLQueryItem(name: "name", value: name)]
        return try decode(WireFile.self, from: try await send(.POST, "v1/files?" + (query.percentEncodedQuery ?? ""), body: bytes,
                                                             contentType: "application/octet-stream"))
    }

    /// One file's content, fetched when it is opened (an identity scan's viewing is recorded by the server).
    public func fileContent(_ sha256: String, of caseID: UUID) async throws(SyncError) -> Data {
        try await send(.GET, "v1/file?case=\(caseID.uuidString)&sha256=\(sha256)", body: nil)
    }

    /// The letters mailed for a case and what became of them.
    public func mail(of caseID: UUID) async throws(SyncError) -> [WireMail] {
        try decode(MailList.self, from: try await send(.GET, "v1/mail?case=\(caseID.uuidString)", body: nil)).mails
    }

    /// The server's health.
    public func health() async throws(SyncError) -> HealthResponse {
        try decode(HealthResponse.self, from: try await send(.GET, "v1/health", body: nil))
    }

    func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(SyncError) -> T {
        try read(data) { data in try WireDecoding.decode(T.self, from: data) }
    }

    /// An answer read by `reader`; what it cannot read is a malformed answer, described.
    func read<T>(_ data: Data, _ reader: (Data) throws -> T) throws(SyncError) -> T {
        do {
            return try reader(data)
        } catch {
            throw .malformedAnswer(Self.describe(error, bytes: data.count))
        }
    }

    static func describe(_ error: any Error, bytes: Int) -> String {
        switch error {
        case DecodingError.dataCorrupted: "not JSON or cut short, \(bytes) bytes"
        case let DecodingError.keyNotFound(key, _): "missing field '\(key.stringValue)'"
        case let DecodingError.typeMismatch(_, context): "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case let DecodingError.valueNotFound(_, context): "missing value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: "\(error)"
        }
    }

    func send(_ method: HTTPMethod, _ path: String, body: Data?, contentType: String = "application/json") async throws(SyncError) -> Data {
        let server = settings.server.absoluteString
        let token = try settings.tokenFile.map { path throws(SyncError) in try TokenFile.read(path) } ?? settings.token
        guard TokenFile.isWellFormed(token) else { throw .tokenFileInvalid(path: "(token)") }
        var url = server
        if !url.hasSuffix("/") { url += "/" }
        var request = HTTPClientRequest(url: url + path)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "Accept-Encoding", value: "gzip")
        request.headers.add(name: "User-Agent", value: SoftwareVersion.userAgent)
        if let body {
            request.headers.add(name: "Content-Type", value: contentType)
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let answer: Data
        let status: Int
        let http = self.http
        let timeout = settings.timeout
        let sentRequest = request
        do {
            // One deadline for the whole answer, body included: a server that sends a byte now and
            // then cannot hold a sync past it.
            let (code, buffer, wireBytes) = try await Self.within(timeout) {
                let response = try await http.execute(sentRequest, timeout: .seconds(Int64(timeout.components.seconds)))
                let wireBytes = response.headers.first(name: "Content-Length").flatMap(Int.init)
                if let wireBytes, wireBytes > Self.maximumAnswer { throw NIOTooManyBytesError(maxBytes: Self.maximumAnswer) }
                let buffer = try await response.body.collect(upTo: Self.maximumAnswer)
                return (Int(response.status.code), buffer, wireBytes)
            }
            status = code
            answer = Data(buffer.readableBytesView)
            counters.withLock {
                $0.roundTrips += 1
                $0.bytesReceived += wireBytes ?? buffer.readableBytes
                $0.bytesSent += body?.count ?? 0
            }
        } catch is AnswerDeadline {
            throw .timedOut(server: server)
        } catch is NIOTooManyBytesError {
            throw .answerTooLarge(limitBytes: Self.maximumAnswer)
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
            throw .timedOut(server: server)
        } catch let error as NIOSSLError {
            throw .untrustedServer(server: server, detail: Self.redacted(Self.short(error), token: token))
        } catch let error as BoringSSLError {
            throw .untrustedServer(server: server, detail: Self.redacted(Self.short(error), token: token))
        } catch {
            let detail = Self.redacted(Self.short(error), token: token)
            if detail.contains("certificate") || detail.contains("handshake") || detail.contains("SSL") {
                throw .untrustedServer(server: server, detail: detail)
            }
            if detail.contains("limit") && detail.lowercased().contains("decompress") {
                throw .answerTooLarge(limitBytes: Self.maximumAnswer)
            }
            // A body cut short or garbled in transit is a bad answer, not an absent server.
            if detail.contains("truncated") || detail.contains("ecompression") || detail.contains("corrupt") {
                throw .malformedAnswer("the answer was cut short or garbled: \(detail)")
            }
            throw .unreachable(server: server, detail: detail)
        }
        switch status {
        case 200..<300: return answer
        case 401: throw .unauthorized
        case 403: throw .forbidden(Self.printable(Self.message(in: answer) ?? "403"))
        default: throw .serverFailed(status: status, message: Self.printable(Self.message(in: answer) ?? String(decoding: answer.prefix(200), as: UTF8.self)))
        }
    }

    /// The deadline of a whole answer passed.
    struct AnswerDeadline: Error {}

    /// Runs `body`, cancelling it and throwing ``AnswerDeadline`` once `limit` has passed.
    ///
    /// The body runs as one task and the deadline is a timer on an event loop: a task group with a
    /// second, sleeping task per request cost a morning rush of empty syncs a noticeable share of
    /// each request's CPU.
    static func within<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let work = Task { try await body() }
        let expiry = Expiry()
        let timer = MultiThreadedEventLoopGroup.singleton.any().scheduleTask(in: TimeAmount(limit)) {
            expiry.passed.store(true, ordering: .releasing)
            work.cancel()
        }
        defer { timer.cancel() }
        do {
            return try await work.valueCancelledWithWaiter
        } catch {
            if expiry.passed.load(ordering: .acquiring) { throw AnswerDeadline() }
            throw error
        }
    }

    /// Whether a deadline of ``within(_:_:)`` passed.
    private final class Expiry: Sendable {
        let passed = Atomic(false)
    }

    /// `text` with every occurrence of the token blanked: no error message carries it.
    static func redacted(_ text: String, token: String) -> String {
        token.isEmpty ? text : text.replacingOccurrences(of: token, with: "***")
    }

    /// A text from the server made safe to show and store: control characters (a terminal would
    /// take some as escape sequences) become spaces, and it is cut to `maximum` characters.
    public static func printable(_ text: String, maximum: Int = 500) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars.prefix(maximum) {
            let value = scalar.value
            scalars.append(value < 0x20 || (0x7F...0x9F).contains(value) ? " " : scalar)
        }
        return String(scalars)
    }

    static func message(in data: Data) -> String? {
        (try? WireCoding.decoder().decode(WireError.self, from: data))?.message
    }

    static func short(_ error: any Error) -> String {
        let text = "\(error)"
        if text.contains("connectionRefused") || text.contains("Connection refused") { return "connection refused" }
        if text.contains("remoteConnectionClosed") { return "the server closed the connection" }
        return String(text.prefix(160))
    }
}
