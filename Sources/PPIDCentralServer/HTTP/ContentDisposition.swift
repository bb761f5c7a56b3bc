import Foundation
import Hummingbird
import PPIDCentral

/// `Content-Disposition: attachment` for a file name of any script: an ASCII fallback and the
/// UTF-8 name (RFC 6266), nothing that could end the header or the quoted string.
enum ContentDisposition {
    static func attachment(_ name: String) -> String {
        let ascii = String(name.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" ? Character($0) : "_" })
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let encoded = name.addingPercentEncoding(withAllowedCharacters: allowed) ?? ascii
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }
}

/// A stored file as a download: its type, `attachment` with its name, and the caller's caching
/// and other headers. The one answer the API, the status page and the DIP pages give for a file.
enum FileDownload {
    static func response(_ file: StoredFile, bytes: Data, cacheControl: String, headers base: HTTPFields = [:]) -> Response {
        var headers = base
        headers[.contentType] = file.mediaType.rawValue
        headers[.contentDisposition] = ContentDisposition.attachment(file.name)
        headers[.cacheControl] = cacheControl
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
