import Foundation
import PPIDDomain

/// Reads calendar files from disk and layers them over the shipped national table.
enum CalendarLoader {
    /// The national table plus each file in `paths`, in order.
    static func load(paths: [String], jointLeaveIsWorking: Bool) throws(CalendarError) -> WorkCalendar {
        var files: [CalendarFile] = []
        for path in paths {
            files.append(try read(path))
        }
        return WorkCalendar.national(adding: files, jointLeaveIsWorking: jointLeaveIsWorking)
    }

    /// Reads and parses one calendar file.
    static func read(_ path: String) throws(CalendarError) -> CalendarFile {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "permission denied or not a file" : "no such file"
            throw .unreadableFile(path: path, reason: reason)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadableFile(path: path, reason: "not UTF-8 text")
        }
        return try CalendarFile(source: path, text: text)
    }
}
