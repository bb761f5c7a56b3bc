import Foundation
import Hummingbird
import Logging
import PPIDCentral
import PPIDDomain
import PPIDWire

/// The handlers of the HTTP API v1. Every handler with data asks ``principal(of:)`` first; the
/// store then limits what the principal reads and writes to its own unit (all units for the PPID Utama).
struct CentralAPI: Sendable {
    let store: CentralStore
    let rateLimiter: RateLimiter
    let logger: Logger
    /// The largest page a client may ask for, and the page it gets when it does not say.
    static let maximumPageSize = 5000
    static let defaultPageSize = 1000
    /// The largest push body accepted.
    static let maximumPushBytes = PushRequest.maximumBytes
    static let maximumPushEvents = PushRequest.maximumEvents
    /// The largest intake body accepted.
    static let maximumIntakeBytes = 256 << 10

    func register(on router: Router<CentralRequestContext>) {
        router.add(middleware: RequestLogMiddleware(logger: logger))
        router.add(middleware: MethodNotAllowedMiddleware())
        for endpoint in Endpoint.allCases {
            router.on(RouterPath(endpoint.path), method: endpoint.method) { request, context in
                try await self.handle(endpoint, request: request, context: context)
            }
        }
    }

    func handle(_ endpoint: Endpoint, request: Request, context: CentralRequestContext) async throws -> Response {
        switch endpoint {
        case .health: try await health(request)
        case .changes: try await changes(request)
        case .events: try await events(request)
        case .requests: try await intake(request)
        case .openAPI: try openAPI(request)
        case .metrics: try await metrics(request)
        case .fileList: try await fileList(request)
        case .fileUpload: try await fileUpload(request)
        case .fileContent: try await fileContent(request)
        case .mail: try await caseMail(request)
        }
    }

    /// The principal behind the request's bearer token; 401 without a valid one.
    func principal(of request: Request) async throws -> Principal {
        let token = try bearerToken(of: request)
        let store = self.store
        guard let principal = try await run({ try store.authenticate(token: token) }) else { throw unknownToken(request) }
        if let wait = admit(principal, recorder: RequestPrincipal.current) { throw Self.rateLimited(wait) }
        return principal
    }

    /// The request's bearer token, or the answer that it has none.
    func bearerToken(of request: Request) throws -> String {
        guard let header = request.headers[.authorization], let token = Self.bearerCredentials(header) else {
            logger.warning("authentication failed", metadata: ["path": "\(request.uri.path)", "reason": "no bearer token"])
            throw APIFailure.missingToken
        }
        // Tokens are 64 characters or so; anything far longer is not one and is not hashed.
        guard !token.isEmpty, token.utf8.count <= 512 else { throw APIFailure.missingToken }
        return token
    }

    /// The credentials of an `Authorization: Bearer …` header (the scheme in any case), spaces and
    /// tabs around them dropped; nil for another scheme. Read as bytes: every request asks.
    static func bearerCredentials(_ header: String) -> String? {
        let bytes = header.utf8
        let scheme = "bearer ".utf8
        guard bytes.count >= scheme.count, zip(bytes, scheme).allSatisfy({ $0 | 0x20 == $1 }) else { return nil }
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        let rest = bytes.dropFirst(scheme.count).drop(while: isSpace)
        guard let last = rest.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(Substring(rest[...last]))
    }

    func unknownToken(_ request: Request) -> APIFailure {
        logger.warning("authentication failed", metadata: ["path": "\(request.uri.path)", "reason": "unknown or revoked token"])
        return APIFailure.missingToken
    }

    /// Records the request's principal in `recorder` (its log line's) and takes one from its
    /// rate: the seconds to wait when the rate is spent, nil when admitted.
    func admit(_ principal: Principal, recorder: RequestPrincipal?) -> Int? {
        recorder?.set(principal)
        return rateLimiter.take(principal.officer)
    }

    static func rateLimited(_ wait: Int) -> APIFailure {
        APIFailure(status: .tooManyRequests,
                   body: WireError(error: "rate-limited",
                                   message: "Terlalu banyak permintaan dari token ini; coba lagi dalam \(wait) detik.",
                                   messageEnglish: "Too many requests from this token; try again in \(wait) s."),
                   headers: [.retryAfter: String(wait)])
    }

    func health(_ request: Request) async throws -> Response {
        let store = self.store
        let sequence = try await run { try store.latestSequence() }
        return try JSONResponse.make(HealthResponse(status: "ok", apiVersion: WireVersion.current, sequence: sequence), for: request)
    }

    func changes(_ request: Request) async throws -> Response {
        let token = try bearerToken(of: request)
        let query = request.uri.queryParameters
        // The parameters are read first, their refusal given after the token's (an unknown token
        // learns nothing): the token, its rate and the page are then one read on one worker.
        let parameters = Result { () throws -> (after: Int64, limit: Int64, known: Int64, check: (sequence: Int64, id: UUID)?) in
            let after = try Self.integer(query["after"], name: "after", default: 0, range: 0...Int64.max)
            let limit = try Self.integer(query["limit"], name: "limit", default: Int64(Self.defaultPageSize),
                                         range: 1...Int64(Self.maximumPageSize))
            let known = try Self.integer(query["reference"], name: "reference", default: -1, range: -1...Int64.max)
            // The client's highest known event (`known`, `at`): whether this register still holds it there.
            var check: (sequence: Int64, id: UUID)?
            let knownNumber = try Self.integer(query["known"], name: "known", default: after, range: 0...Int64.max)
            if let at = query["at"] {
                guard let id = UUID(uuidString: String(at)) else {
                    throw APIFailure.badRequest("Parameter 'at' harus UUID peristiwa pada nomor 'known'.",
                                                "Parameter 'at' must be the UUID of the event at number 'known'.")
                }
                check = (knownNumber, id)
            }
            return (after, limit, known, check)
        }
        let store = self.store
        let api = self
        let valid = try? parameters.get()
        // The request's log line names its principal; the task's record is taken to the worker.
        let recorder = RequestPrincipal.current
        let found: (CentralStore.TokenPage, Int?)
        if let gathered = try await gathered(token: token, valid) {
            found = gathered
        } else {
            found = try await read { () -> (CentralStore.TokenPage, Int?) in
                var wait: Int?
                let found = try store.changesPage(token: token, after: valid?.after ?? 0, limit: valid.map { Int($0.limit) } ?? 0,
                                                  knownReference: valid?.known ?? -1, check: valid?.check) { principal in
                    wait = api.admit(principal, recorder: recorder)
                    // Invalid parameters: the token is checked and counted, and no page is read.
                    return wait == nil && valid != nil
                }
                return (found, wait)
            }
        }
        switch found.0 {
        case .unknownToken:
            throw unknownToken(request)
        case .refused:
            if let wait = found.1 { throw Self.rateLimited(wait) }
            _ = try parameters.get()
            throw APIFailure.badRequest("Parameter tidak sah.", "Invalid parameters.")
        case let .page(principal, bytes, nextCursor):
            // Where the terminal stands once it has applied this page: its lag is measured from there.
            // In memory (written within a second), so no trip to a worker for it.
            let version = SoftwareVersion.version(fromUserAgent: request.headers[.userAgent])
            try store.notePull(by: principal, cursor: nextCursor, version: version)
            return JSONResponse.make(bytes: bytes, for: request)
        }
    }

    /// `PPID_PULLS_ALONE=1` asks every pull alone on PostgreSQL, as SQLite does (to compare, or
    /// should a problem show).
    static let pullsAlone = ProcessInfo.processInfo.environment["PPID_PULLS_ALONE"] != nil

    /// The page asked together with the other pulls waiting at the same moment (on PostgreSQL,
    /// for a unit's token seen before), or nil when this pull is to be asked alone.
    func gathered(token: String, _ valid: (after: Int64, limit: Int64, known: Int64, check: (sequence: Int64, id: UUID)?)?)
        async throws -> (CentralStore.TokenPage, Int?)? {
        // The store would answer nil on SQLite too; asked here, a SQLite pull makes no async call to learn it.
        guard store.engine == .postgres, !Self.pullsAlone, let valid else { return nil }
        let recorder = RequestPrincipal.current
        var wait: Int?
        do {
            let found = try await store.gatheredChangesPage(token: token, after: valid.after, limit: Int(valid.limit),
                                                            knownReference: valid.known, check: valid.check) { principal in
                wait = admit(principal, recorder: recorder)
                return wait == nil
            }
            return found.map { ($0, wait) }
        } catch {
            throw APIFailure.from(error)
        }
    }

    func events(_ request: Request) async throws -> Response {
        let principal = try await principal(of: request)
        let (push, sent) = try await Self.decodePush(request)
        guard push.events.count <= Self.maximumPushEvents else {
            throw APIFailure.badRequest("Paling banyak \(Self.maximumPushEvents) peristiwa per kiriman.",
                                        "At most \(Self.maximumPushEvents) events per push.")
        }
        let store = self.store
        let version = SoftwareVersion.version(fromUserAgent: request.headers[.userAgent])
        let answer = try await run { try store.push(push, sent: sent, as: principal, version: version) }
        for outcome in answer.outcomes where outcome.status == .rejected {
            logger.notice("event refused", metadata: ["event": "\(outcome.eventID.uuidString)", "principal": "\(principal.officer)@\(principal.unit)",
                                                      "reason": "\(outcome.reasonEnglish ?? outcome.reason ?? "")"])
        }
        return JSONResponse.make(bytes: answer.json(), for: request)
    }

    func intake(_ request: Request) async throws -> Response {
        let principal = try await principal(of: request)
        let intake: IntakeRequest = try await Self.decodeBody(request, as: IntakeRequest.self, limit: Self.maximumIntakeBytes,
                                                              allowed: StrictBody.intake)
        let store = self.store
        let answer = try await run { try store.dispatch(intake, by: principal) }
        return try JSONResponse.make(answer, for: request, status: .created)
    }

    /// The terminals' sync figures for Prometheus; only the PPID Utama's token may read them (they
    /// name every officer).
    func metrics(_ request: Request) async throws -> Response {
        let principal = try await principal(of: request)
        guard principal.isMain else {
            throw APIFailure.from(.notPermitted("hanya token PPID Utama yang membaca metrik / only a PPID Utama token reads the metrics"))
        }
        let store = self.store
        let text = try await run { try SyncMetrics.render(store) }
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    func openAPI(_ request: Request) throws -> Response {
        guard let document = OpenAPIDocument.bytes else {
            throw APIFailure(status: .notFound, body: WireError(error: "not-found", message: "Dokumen OpenAPI tidak terpasang.",
                                                                messageEnglish: "The OpenAPI document is not installed."))
        }
        return JSONResponse.make(bytes: document, for: request)
    }

    /// Runs a short read of the register, turning its errors into API answers: in the task itself
    /// on SQLite (a WAL reader waits on no lock, and the read costs less than the two thread
    /// switches of ``run(_:)``, which a morning rush's four hundred pulls paid for), on a worker
    /// thread on PostgreSQL, whose reads wait on the network.
    func read<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        guard store.engine == .sqlite else { return try await run(body) }
        do {
            return try body()
        } catch let error as CentralError {
            throw APIFailure.from(error)
        }
    }

    /// Runs store work off the event loop, turning its errors into API answers.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        do {
            return try await offload { try body() }
        } catch let error as CentralError {
            throw APIFailure.from(error)
        }
    }

    static func integer(_ value: Substring?, name: String, default fallback: Int64, range: ClosedRange<Int64>) throws -> Int64 {
        guard let value else { return fallback }
        guard let number = Int64(value), range.contains(number) else {
            throw APIFailure.badRequest("Parameter '\(name)' harus bilangan bulat dalam \(range.lowerBound)...\(range.upperBound).",
                                        "Parameter '\(name)' must be an integer in \(range.lowerBound)...\(range.upperBound).")
        }
        return number
    }

    static func decodeBody<T: Decodable>(_ request: Request, as type: T.Type, limit: Int, allowed: MemberShape) async throws -> T {
        let data = try await body(of: request, limit: limit)
        // One parse: members checked on the tape the value is then read from.
        return try strict(T.self) { try WireDecoding.decode(T.self, from: data, allowing: allowed) }
    }

    /// A push body, with its envelopes as sent when the fast reader read it (stored with the
    /// token's officer stamped in, not encoded again).
    static func decodePush(_ request: Request) async throws -> (PushRequest, [SentEnvelope]?) {
        let data = try await body(of: request, limit: maximumPushBytes)
        var sent: [SentEnvelope]?
        let push = try strict(PushRequest.self) {
            let (decoded, envelopes) = try WireDecoding.pushRequest(from: data, allowing: StrictBody.push)
            sent = StrictBody.pushIsStrict ? envelopes : nil
            return decoded
        }
        return (push, sent)
    }

    static func body(of request: Request, limit: Int) async throws -> Data {
        do {
            return Data(buffer: try await request.body.collect(upTo: limit))
        } catch {
            throw APIFailure(status: .contentTooLarge,
                             body: WireError(error: "too-large", message: "Isi permintaan lebih dari \(limit) bita; kirim dalam beberapa bagian.",
                                             messageEnglish: "The request body is over \(limit) bytes; send it in parts."))
        }
    }

    /// The value a strict read found, or the answer that says what is wrong with the body.
    static func strict<T>(_ type: T.Type, _ read: () throws -> StrictDecoded<T>) throws -> T {
        let decoded: StrictDecoded<T>
        do {
            decoded = try read()
        } catch {
            throw APIFailure.badRequest("Isi permintaan bukan JSON yang sah untuk \(T.self): \(error)",
                                        "The request body is not valid JSON for \(T.self): \(error)")
        }
        switch decoded {
        case let .value(value):
            return value
        case let .unknownMember(unknown):
            throw APIFailure.badRequest("Isian '\(unknown)' tidak dikenal atau tertulis dua kali; hapus isian itu.",
                                        "The member '\(unknown)' is not known or is given twice; remove it.")
        }
    }
}
