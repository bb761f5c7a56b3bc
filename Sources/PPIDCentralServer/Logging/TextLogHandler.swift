import Foundation
import Logging
import Synchronization

/// One line per event on standard error, as swift-log's `StreamLogHandler` writes it
/// (`2026-12-07T09:15:02+0700 info ppid-central: method=GET path=/v1/changes status=200 [PPIDCentralServer] request`),
/// at less cost: the server writes a line for every API call, and in a morning rush of empty
/// syncs `StreamLogHandler` was a tenth of the server's CPU, most of it `localtime`, which
/// looks at the system's zone file again at every call. Here the time's text is made once a
/// second, and a line goes out in one write.
public struct TextLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    let label: String
    let descriptor: Int32

    /// A handler writing to `descriptor` (standard error by default).
    public init(label: String, descriptor: Int32 = STDERR_FILENO) {
        self.label = label
        self.descriptor = descriptor
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var line = LogTimestamp.shared.text(at: time(nil))
        line.reserveCapacity(256)
        line += " "
        line += event.level.rawValue
        if !label.isEmpty {
            line += " "
            line += label
        }
        line += ":"
        var fields = metadata.isEmpty ? event.metadata ?? [:] : metadata.merging(event.metadata ?? [:]) { $1 }
        if let error = event.error {
            fields["error.message"] = "\(error)"
            fields["error.type"] = "\(String(reflecting: type(of: error)))"
        }
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
            line += " "
            line += key
            line += "="
            line += value.description
        }
        line += " ["
        line += event.source
        line += "] "
        line += event.message.description
        line += "\n"
        Self.write(line, to: descriptor)
    }

    /// Writes the whole line, retrying where the system wrote part of it or was interrupted.
    static func write(_ line: String, to descriptor: Int32) {
        var line = line
        line.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(descriptor, base + offset, bytes.count - offset)
                if written > 0 { offset += written } else if written < 0 && errno == EINTR { continue } else { return }
            }
        }
    }
}

/// The local time's text for a log line (`%Y-%m-%dT%H:%M:%S%z`), made once per second.
final class LogTimestamp: Sendable {
    static let shared = LogTimestamp()
    private let last = Mutex<(second: time_t, text: String)>((-1, ""))

    func text(at second: time_t) -> String {
        if let cached = last.withLock({ $0.second == second ? $0.text : nil }) { return cached }
        var seconds = second
        var parts = tm()
        var buffer = [CChar](repeating: 0, count: 64)
        var text = "<unknown>"
        if localtime_r(&seconds, &parts) != nil, case let length = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%S%z", &parts), length > 0 {
            text = String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        last.withLock { $0 = (second, text) }
        return text
    }
}
