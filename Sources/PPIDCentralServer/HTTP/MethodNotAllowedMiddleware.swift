import Hummingbird
import PPIDWire

/// Answers 405 with `Allow` for any method (TRACE, PUT, QUERY, ...) on a path of the API that is
/// served under another method, instead of the router's 404: the path exists, the method does not.
struct MethodNotAllowedMiddleware: RouterMiddleware {
    typealias Context = CentralRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let endpoint = Endpoint.allCases.first(where: { $0.path == request.uri.path }),
              request.method != endpoint.method, !(request.method == .head && endpoint.method == .get) else {
            return try await next(request, context)
        }
        throw APIFailure(status: .methodNotAllowed,
                         body: WireError(error: "method-not-allowed",
                                         message: "Metode \(request.method) tidak dipakai di \(endpoint.path); gunakan \(endpoint.method).",
                                         messageEnglish: "Method \(request.method) is not used on \(endpoint.path); use \(endpoint.method)."),
                         headers: [.allow: endpoint.method.rawValue])
    }
}
