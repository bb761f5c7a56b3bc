import Foundation
import HTTPTypes
import Hummingbird

/// The portal's answers: HTML and open data with the headers a public site needs.
enum PortalResponse {
    /// No script, no frames, nothing from elsewhere; forms post only here; no referrer leaves.
    static let securityHeaders: HTTPFields = [
        .contentSecurityPolicy: "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
        .xContentTypeOptions: "nosniff",
        HTTPField.Name("Referrer-Policy")!: "no-referrer",
        HTTPField.Name("X-Frame-Options")!: "DENY",
        HTTPField.Name("Permissions-Policy")!: "camera=(), microphone=(), geolocation=()",
        HTTPField.Name("Cross-Origin-Opener-Policy")!: "same-origin",
    ]

    static func html(_ text: String, for request: Request, status: HTTPResponse.Status = .ok) -> Response {
        var headers = securityHeaders
        headers[.cacheControl] = "no-cache"
        return JSONResponse.make(bytes: Array(text.utf8), contentType: "text/html; charset=utf-8", for: request, status: status, headers: headers)
    }

    static func data(_ bytes: [UInt8], contentType: String, filename: String? = nil, for request: Request) -> Response {
        var headers = securityHeaders
        headers[.cacheControl] = "public, max-age=60"
        // Open data is for anyone, from anywhere: a page elsewhere may read it.
        headers[.accessControlAllowOrigin] = "*"
        if let filename { headers[.contentDisposition] = "attachment; filename=\"\(filename)\"" }
        return JSONResponse.make(bytes: bytes, contentType: contentType, for: request, headers: headers)
    }
}
