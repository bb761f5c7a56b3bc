import Hummingbird
import PPIDWire

/// Answers 405 with `Allow` for any method (TRACE, PUT, QUERY, ...) on a path of the API that is
/// served under another method, instead of the router's 404: the path exists, the method does not.
struct MethodNotAllowedMiddleware: RouterMiddleware {
    typealias Context = CentralRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let served = Endpoint.allCases.filter { $0.path == request.uri.path }
        guard !served.isEmpty, !served.contains(where: { request.method == $0.method || (request.method == .head && $0.method == .get) }) else {
            return try await next(request, context)
        }
        let allowed = served.map(\.method.rawValue).joined(separator: ", ")
        let path = request.uri.path
        throw APIFailure(status: .methodNotAllowed,
                         body: WireError(error: "method-not-allowed",
                                         message: "Metode \(request.method) tidak dipakai di \(path); gunakan \(allowed).",
                                         messageEnglish: "Method \(request.method) is not used on \(path); use \(allowed)."),
                         headers: [.allow: allowed])
    }
}
