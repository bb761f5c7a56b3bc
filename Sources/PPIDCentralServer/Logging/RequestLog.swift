import Foundation
import Hummingbird
import Logging
import PPIDCentral
import Synchronization

/// Who a request turned out to be, filled in by the handler once the token is checked, for the
/// request's log line. Carried in a task local, so the middleware and the handler share it
/// without a custom request context.
final class RequestPrincipal: Sendable {
    private let value = Mutex<String?>(nil)
    var description: String? { value.withLock { $0 } }
    func set(_ principal: Principal) {
        value.withLock { $0 = "\(principal.officer)@\(principal.unit)\(principal.isMain ? "(utama)" : "")" }
    }

    @TaskLocal static var current: RequestPrincipal?
}

/// Logs every API call: method, path (never the query or a header), status, principal and
/// duration in milliseconds. Tokens are never logged.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = CentralRequestContext
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        let principal = RequestPrincipal()
        do {
            let response = try await RequestPrincipal.$current.withValue(principal) { try await next(request, context) }
            log(request, status: Int(response.status.code), principal: principal, started: started)
            return response
        } catch {
            let status = (error as? any HTTPResponseError).map { Int($0.status.code) } ?? 500
            log(request, status: status, principal: principal, started: started)
            throw error
        }
    }

    private func log(_ request: Request, status: Int, principal: RequestPrincipal, started: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - started
        // Tenths of a millisecond by integer arithmetic: Foundation's formatter, per request, was
        // a noticeable part of an empty sync.
        let tenths = elapsed.components.seconds * 10_000 + (elapsed.components.attoseconds + 50_000_000_000_000) / 100_000_000_000_000
        logger.log(level: status >= 500 ? .error : .info, "request", metadata: [
            "method": "\(request.method)", "path": "\(request.uri.path)", "status": "\(status)",
            "principal": "\(principal.description ?? "-")", "ms": "\(tenths / 10).\(tenths % 10)",
        ])
    }
}
