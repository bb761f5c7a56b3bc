import Foundation
import PPIDDomain
import PPIDLetters
import PPIDStore

/// Writes letters to files as part of the actions that need them: deciding writes the notice (and
/// the refusal decision), extending writes the extension notice, answering writes the answer.
public struct LetterDesk: Sendable {
    public let renderer: LetterRenderer
    /// Where letters are written: `${XDG_DATA_HOME:-~/.local/share}/ppid/letters` by default.
    public let folder: String

    /// The letter register's number format (placeholders as for register numbers).
    public let numberFormat: String

    /// The letter register's usual form: `0007-B/SRT/PPID-<UNIT>/XII/2026`.
    public static let standardNumberFormat = "{seq:4}{terminal}/SRT/PPID-{unit}/{roman}/{year}"

    public init(renderer: LetterRenderer, folder: String, numberFormat: String = LetterDesk.standardNumberFormat) {
        self.renderer = renderer
        self.folder = folder
        self.numberFormat = numberFormat
    }

    /// Renders `kind` for `subject` in both formats, numbered from the letter register; returns the text file's path.
    public func write(_ kind: LetterKind, subject: LetterSubject, store: LocalStore) throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let date = store.today
        // A letter printed again keeps the number it was given: the register has one line per letter.
        let number = try store.letterNumber(case: subject.caseID, kind: kind.rawValue, template: numberFormat, date: date)
        let base = folder + "/" + kind.rawValue + "-" + number.replacingOccurrences(of: "/", with: "-")
        var textPath = ""
        for format in LetterFormat.allCases {
            let rendered = try renderer.render(kind, format: format, subject: subject, number: number, date: date)
            let path = base + "." + format.rawValue
            try rendered.write(toFile: path, atomically: true, encoding: .utf8)
            chmod(path, 0o600)
            if format == .text { textPath = path }
        }
        try store.noteLetterFile(number: number, path: textPath)
        return textPath
    }

    /// The letters an accepted change calls for: a decision's notice (and the refusal decision),
    /// an extension's notice, the atasan's answer. The app and `ppid request` ask the same.
    public static func letters(for event: DomainEvent, record: CaseRecord, store: LocalStore) -> [(LetterKind, LetterSubject)] {
        switch (event, record) {
        case let (.request(_, .decided(decision)), .request(r)):
            if case .refused = decision.outcome { return [(.notice, .request(r)), (.refusal, .request(r))] }
            return [(.notice, .request(r))]
        case let (.request(_, .extended), .request(r)):
            return [(.extensionNotice, .request(r))]
        case let (.request(_, .incompleteNoted), .request(r)):
            return [(.completenessRequest, .request(r))]
        case let (.objection(_, .answered), .objection(o)):
            let request: RequestRecord? = if case let .request(r)? = try? store.caseRecord(o.filing.requestID) { r } else { nil }
            return [(.objectionAnswer, .objection(o, request: request))]
        default:
            return []
        }
    }

    /// Writes every letter the accepted `events` call for; returns the text files' paths, or
    /// throws the first failure (the acts themselves are already recorded).
    public func writeLetters(for events: [DomainEvent], records: [CaseRecord], store: LocalStore) throws -> [String] {
        var written: [String] = []
        for (event, record) in zip(events, records) {
            for (kind, subject) in Self.letters(for: event, record: record, store: store) {
                written.append(try write(kind, subject: subject, store: store))
            }
        }
        return written
    }
}
