import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// A form the portal received: its text fields and, for a multipart form, its files.
struct PortalForm {
    struct File {
        let name: String
        let bytes: Data
    }

    var fields: [String: String] = [:]
    var files: [String: File] = [:]

    subscript(_ name: String) -> String { fields[name] ?? "" }

    /// Why a form could not be read.
    struct Unreadable: Error {
        let tooLarge: Bool
    }

    /// Reads `request`'s body (URL-encoded or multipart) of at most `limit` bytes. Text fields are
    /// capped at 20,000 bytes each, and at most 60 parts are read: the domain's own limits are lower.
    static func read(_ request: Request, limit: Int) async throws(Unreadable) -> PortalForm {
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: limit) } catch { throw Unreadable(tooLarge: true) }
        let type = request.headers[.contentType] ?? ""
        if type.lowercased().hasPrefix("multipart/form-data") {
            guard let boundary = Self.boundary(of: type) else { throw Unreadable(tooLarge: false) }
            return try multipart(buffer, boundary: boundary)
        }
        return urlEncoded(String(buffer: buffer))
    }

    static func urlEncoded(_ text: String) -> PortalForm {
        var form = PortalForm()
        var components = URLComponents()
        components.percentEncodedQuery = text.replacingOccurrences(of: "+", with: "%20")
        for item in (components.queryItems ?? []).prefix(60) where form.fields[item.name] == nil {
            form.fields[item.name] = String((item.value ?? "").prefix(20_000))
        }
        return form
    }

    static func boundary(of contentType: String) -> String? {
        for part in contentType.split(separator: ";") {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            if trimmed.lowercased().hasPrefix("boundary=") {
                let value = trimmed.dropFirst("boundary=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return value.isEmpty || value.count > 200 ? nil : value
            }
        }
        return nil
    }

    static func multipart(_ buffer: ByteBuffer, boundary: String) throws(Unreadable) -> PortalForm {
        final class Collector {
            var form = PortalForm()
            var headers: [(String, String)] = []
            var body = ByteBuffer()
            var parts = 0
        }
        let collector = Collector()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in collector.headers.append((name.lowercased(), value)) }
        parser.onBody = { chunk in collector.body.writeBuffer(&chunk) }
        parser.onPartComplete = {
            defer {
                collector.headers = []
                collector.body = ByteBuffer()
                collector.parts += 1
            }
            guard collector.parts < 60, let disposition = collector.headers.first(where: { $0.0 == "content-disposition" })?.1,
                  let name = Self.parameter("name", in: disposition) else { return }
            if let filename = Self.parameter("filename", in: disposition) {
                guard collector.form.files[name] == nil, collector.body.readableBytes > 0 || !filename.isEmpty else { return }
                collector.form.files[name] = File(name: filename, bytes: Data(buffer: collector.body))
            } else if collector.form.fields[name] == nil {
                collector.form.fields[name] = String(String(buffer: collector.body).prefix(20_000))
            }
        }
        do { try parser.execute(buffer) } catch { throw Unreadable(tooLarge: false) }
        return collector.form
    }

    /// `name="value"` in a Content-Disposition header.
    static func parameter(_ key: String, in header: String) -> String? {
        for part in header.split(separator: ";") {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            guard trimmed.lowercased().hasPrefix(key + "=") else { continue }
            var value = String(trimmed.dropFirst(key.count + 1))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}

/// Cross-site request forgery: every form carries a random token that must equal the one in the
/// visitor's cookie (set with the form, HttpOnly, SameSite=Strict); a post from another site has
/// neither. An `Origin` header, when sent, must be this server.
enum CSRF {
    static let cookie = "ppid_csrf"

    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(format: "%016llx", generator.next() as UInt64) }.joined()
    }

    /// The token of the visitor's cookie, if it holds a well-formed one.
    static func token(of request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count == 2, parts[0] == cookie, parts[1].count == 64, parts[1].allSatisfy(\.isHexDigit) { return parts[1] }
            }
        }
        return nil
    }

    static func setCookie(_ token: String) -> String {
        "\(cookie)=\(token); Path=/; HttpOnly; SameSite=Strict; Max-Age=7200"
    }

    /// Whether a posted form is this site's own.
    static func admits(_ request: Request, form: PortalForm) -> Bool {
        guard let expected = token(of: request) else { return false }
        let given = form["csrf"]
        guard given.utf8.count == expected.utf8.count else { return false }
        // Compared in constant time.
        let difference = zip(given.utf8, expected.utf8).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) }
        guard difference == 0 else { return false }
        if let origin = request.headers[.origin], origin != "null" {
            guard let host = request.head.authority, let url = URL(string: origin), let originHost = url.host else {
                return false
            }
            let originAuthority = url.port.map { "\(originHost):\($0)" } ?? originHost
            return originAuthority == host
        }
        return true
    }
}
