import CompressNIO
import Foundation
import Hummingbird
import PPIDWire

/// JSON answers, gzip-compressed when the client accepts it and the body is worth compressing.
enum JSONResponse {
    static let compressionThreshold = 1024

    static func make(bytes: [UInt8], for request: Request, status: HTTPResponse.Status = .ok) -> Response {
        make(bytes: bytes, contentType: "application/json; charset=utf-8", for: request, status: status)
    }

    /// Any body, gzip-compressed as a JSON answer is; `headers` are added to the content type's.
    static func make(bytes: [UInt8], contentType: String, for request: Request, status: HTTPResponse.Status = .ok,
                     headers extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: contentType]
        headers.append(contentsOf: extra)
        var buffer = ByteBuffer(bytes: bytes)
        if bytes.count >= compressionThreshold, acceptsGzip(request) {
            var source = buffer
            if let compressed = try? source.compress(with: .gzip(configuration: gzipConfiguration(for: bytes.count))) {
                buffer = compressed
                headers[.contentEncoding] = "gzip"
            }
            headers[.vary] = "Accept-Encoding"
        }
        return Response(status: status, headers: headers, body: .init(byteBuffer: buffer))
    }

    /// Level 1 (most of the saving on a slow link, for a fraction of the server's time), with a
    /// window no larger than the body needs: a small answer compresses the same, and zlib sets
    /// up and clears far less memory for it (the default reserves about 256 KiB per answer).
    static func gzipConfiguration(for count: Int) -> ZlibConfiguration {
        var bits: Int32 = 9
        while bits < 15 && (1 << bits) < count { bits += 1 }
        return ZlibConfiguration(windowSize: bits, compressionLevel: 1, memoryLevel: bits < 15 ? 6 : 8)
    }

    static func make(_ value: some Encodable, for request: Request, status: HTTPResponse.Status = .ok) throws -> Response {
        make(bytes: Array(try WireCoding.encoder().encode(value)), for: request, status: status)
    }

    static func acceptsGzip(_ request: Request) -> Bool {
        guard let accept = request.headers[.acceptEncoding]?.lowercased() else { return false }
        return accept.split(separator: ",").contains { part in
            let fields = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.first == "gzip" else { return false }
            return !fields.dropFirst().contains { $0.replacingOccurrences(of: " ", with: "") == "q=0" }
        }
    }
}
