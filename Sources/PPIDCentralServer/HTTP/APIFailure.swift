import Foundation
import Hummingbird
import PPIDCentral
import PPIDDomain
import PPIDWire

/// An error answer of the API: an HTTP status and a ``WireError`` body a person can act on.
struct APIFailure: HTTPResponseError {
    let status: HTTPResponse.Status
    let body: WireError
    var headers: HTTPFields = [:]

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        let data = (try? WireCoding.encoder().encode(body)) ?? Data()
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static let missingToken = APIFailure(
        status: .unauthorized,
        body: WireError(error: "unauthorized",
                        message: "Token tidak ada atau tidak berlaku. Minta token baru kepada admin PPID Utama.",
                        messageEnglish: "The token is missing or not valid. Ask the PPID Utama administrator for a new one."),
        headers: [.wwwAuthenticate: "Bearer realm=\"ppid-central\""])

    static func badRequest(_ message: String, _ english: String) -> APIFailure {
        APIFailure(status: .badRequest, body: WireError(error: "bad-request", message: message, messageEnglish: english))
    }

    static func from(_ error: CentralError) -> APIFailure {
        let body = WireError(error: code(of: error), message: error.text(.indonesian), messageEnglish: error.text(.english))
        switch error {
        case .notPermitted: return APIFailure(status: .forbidden, body: body)
        case .unknownUnit, .unknownOfficer, .invalid, .badCalendar, .duplicate, .seriesExhausted:
            return APIFailure(status: .unprocessableContent, body: body)
        case .database, .newerSchema, .notOurDatabase, .missingDatabase: return APIFailure(status: .serviceUnavailable, body: body)
        }
    }

    private static func code(of error: CentralError) -> String {
        switch error {
        case .notPermitted: "forbidden"
        case .unknownUnit: "unknown-unit"
        case .unknownOfficer: "unknown-officer"
        case .invalid, .badCalendar: "invalid"
        case .duplicate: "duplicate"
        case .seriesExhausted: "series-exhausted"
        case .database, .newerSchema, .notOurDatabase, .missingDatabase: "unavailable"
        }
    }
}
