import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal SMTP client (RFC 5321) over a blocking socket with timeouts: one letter per
/// connection, UTF-8 text as base64, the subject RFC 2047-encoded. Run off the event loops.
struct SMTPClient {
    let relay: SMTPRelay
    var timeout: TimeInterval = 20

    /// Hands one letter to the relay; throws ``MailFailure`` with the relay's own words.
    func send(to recipient: String, subject: String, body: String, messageID: String) throws(MailFailure) {
        guard recipient.contains("@"), !recipient.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\r" || $0 == "\n" }) else {
            throw MailFailure(permanent: true, reason: "not an email address: \(recipient)")
        }
        let connection = try Connection(host: relay.host, port: relay.port, timeout: timeout)
        defer { connection.close() }
        try connection.expect(220)
        try connection.command("EHLO ppid-central", expect: 250)
        if let user = relay.user {
            let credentials = Data(("\0" + user + "\0" + (relay.password ?? "")).utf8).base64EncodedString()
            try connection.command("AUTH PLAIN \(credentials)", expect: 235)
        }
        try connection.command("MAIL FROM:<\(relay.from)>", expect: 250)
        try connection.command("RCPT TO:<\(recipient)>", expect: 250, 251)
        try connection.command("DATA", expect: 354)
        try connection.write(Self.message(from: relay.from, to: recipient, subject: subject, body: body, messageID: messageID))
        try connection.command(".", expect: 250)
        try? connection.command("QUIT", expect: 221)
    }

    static func message(from: String, to: String, subject: String, body: String, messageID: String) -> String {
        let date = DateFormatter()
        date.locale = Locale(identifier: "en_US_POSIX")
        date.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let encodedSubject = "=?UTF-8?B?\(Data(subject.utf8).base64EncodedString())?="
        let normalized = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        let lines = Data(normalized.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return [
            "From: PPID <\(from)>", "To: <\(to)>", "Subject: \(encodedSubject)", "Date: \(date.string(from: Date()))",
            "Message-ID: <\(messageID)>", "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64", "", lines, "",
        ].joined(separator: "\r\n")
    }

    /// A connected socket with line reading.
    final class Connection {
        let fd: Int32
        var buffer: [UInt8] = []

        init(host: String, port: Int, timeout: TimeInterval) throws(MailFailure) {
            var hints = addrinfo()
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
            var result: UnsafeMutablePointer<addrinfo>?
            guard getaddrinfo(host, String(port), &hints, &result) == 0, let first = result else {
                throw MailFailure(permanent: false, reason: "cannot resolve \(host)")
            }
            defer { freeaddrinfo(result) }
            var connected: Int32 = -1
            var cursor: UnsafeMutablePointer<addrinfo>? = first
            while let info = cursor, connected < 0 {
                let candidate = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
                if candidate >= 0 {
                    var interval = timeval(tv_sec: Int(timeout), tv_usec: 0)
                    setsockopt(candidate, SOL_SOCKET, SO_RCVTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
                    setsockopt(candidate, SOL_SOCKET, SO_SNDTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
                    if connect(candidate, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 { connected = candidate } else { Glibc.close(candidate) }
                }
                cursor = info.pointee.ai_next
            }
            guard connected >= 0 else { throw MailFailure(permanent: false, reason: "cannot connect to \(host):\(port)") }
            fd = connected
        }

        func close() { Glibc.close(fd) }

        /// Writes the message after DATA, dot-stuffed (RFC 5321 4.5.2): a line starting with "." gets another.
        func write(_ text: String) throws(MailFailure) {
            var bytes = Array(text.replacingOccurrences(of: "\r\n.", with: "\r\n..").utf8)
            if bytes.first == UInt8(ascii: ".") { bytes.insert(UInt8(ascii: "."), at: 0) }
            try sendAll(bytes)
        }

        /// Sends every byte, however many calls the socket takes.
        func sendAll(_ bytes: [UInt8]) throws(MailFailure) {
            var offset = 0
            while offset < bytes.count {
                let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                guard sent > 0 else { throw MailFailure(permanent: false, reason: "the relay closed the connection") }
                offset += sent
            }
        }

        func command(_ line: String, expect codes: Int...) throws(MailFailure) {
            try sendAll(Array((line + "\r\n").utf8))
            try expect(codes)
        }

        func expect(_ codes: Int...) throws(MailFailure) { try expect(codes) }

        /// Reads a reply (its continuation lines too) and checks its code.
        func expect(_ codes: [Int]) throws(MailFailure) {
            var text = ""
            while true {
                let line = try readLine()
                text += line + " "
                // "250-..." continues, "250 ..." ends.
                if line.count < 4 || line[line.index(line.startIndex, offsetBy: 3)] != "-" { break }
            }
            guard let code = Int(text.prefix(3)) else { throw MailFailure(permanent: false, reason: "the relay answered: \(text)") }
            guard codes.contains(code) else {
                throw MailFailure(permanent: code >= 500, reason: "the relay answered: \(text.trimmingCharacters(in: .whitespaces))")
            }
        }

        func readLine() throws(MailFailure) -> String {
            while true {
                if let end = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = String(decoding: buffer[..<end], as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
                    buffer.removeSubrange(...end)
                    return line
                }
                guard buffer.count < 64 << 10 else { throw MailFailure(permanent: false, reason: "the relay sent an endless line") }
                var chunk = [UInt8](repeating: 0, count: 4096)
                let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                guard count > 0 else { throw MailFailure(permanent: false, reason: "no answer from the relay in time") }
                buffer += chunk[..<count]
            }
        }
    }
}
