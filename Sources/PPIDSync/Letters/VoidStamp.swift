import Foundation
import PPIDStore

/// Marks the files of a letter whose act the server refused, so a printed copy cannot pass for a
/// valid one: a banner at the top of the text file and of the HTML page. The letter register
/// (the database) is the record; a file that was moved or deleted is left alone.
enum VoidStamp {
    static func mark(_ letter: LetterEntry) {
        guard !letter.path.isEmpty else { return }
        let reason = letter.voidReason ?? ""
        let banner = "*** BATAL / VOID: \(letter.number) — tindakan ini ditolak server pusat / the act was refused by the central server: \(reason) ***"
        prepend(banner + "\n\n", to: letter.path, unlessStartsWith: "*** BATAL")
        let html = (letter.path as NSString).deletingPathExtension + ".html"
        guard var page = try? String(contentsOfFile: html, encoding: .utf8), !page.contains("ppid-void") else { return }
        let escaped = banner.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
        let block = "<p class=\"ppid-void\" style=\"color:#b00;font-weight:bold;border:3px solid #b00;padding:8px\">\(escaped)</p>"
        if let body = page.range(of: "<body[^>]*>", options: .regularExpression) {
            page.insert(contentsOf: block, at: body.upperBound)
        } else {
            page = block + page
        }
        if (try? page.write(toFile: html, atomically: true, encoding: .utf8)) != nil { chmod(html, 0o600) }
    }

    private static func prepend(_ text: String, to path: String, unlessStartsWith marker: String) {
        guard let content = try? String(contentsOfFile: path, encoding: .utf8), !content.hasPrefix(marker) else { return }
        if (try? (text + content).write(toFile: path, atomically: true, encoding: .utf8)) != nil { chmod(path, 0o600) }
    }
}
