import Foundation

/// What a file attached to a case is for; each role has its own size limit and who may see it.
public enum FileRole: String, Hashable, Sendable, Codable, CaseIterable {
    /// The requester's identity document (KTP scan, a legal entity's deed): seen only by the case's
    /// unit and the PPID Utama, each viewing audited.
    case idScan = "id-scan"
    /// A document released with the written notice: the requester downloads it.
    case released
    /// An objection's supporting document.
    case supporting
    /// A DIP entry's public file.
    case dip

    /// The largest file accepted, in bytes.
    public var maximumBytes: Int {
        switch self {
        case .idScan: 5 << 20
        case .supporting: 10 << 20
        case .released, .dip: 20 << 20
        }
    }
}

/// The kinds of file accepted, told by their content (their first bytes), never by their name.
public enum FileMediaType: String, Hashable, Sendable, Codable, CaseIterable {
    case pdf = "application/pdf"
    case png = "image/png"
    case jpeg = "image/jpeg"

    /// The file name extension a download gets.
    public var fileExtension: String {
        switch self {
        case .pdf: "pdf"
        case .png: "png"
        case .jpeg: "jpg"
        }
    }

    /// The type `bytes` are, by their signature; nil when none of ours.
    public static func sniff(_ bytes: some Collection<UInt8>) -> FileMediaType? {
        let head = Array(bytes.prefix(8))
        if head.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        return nil
    }
}

/// Why a file was not accepted.
public enum FileProblem: OfficerFacingError, Hashable {
    case empty
    case tooLarge(maximumBytes: Int)
    case unsupportedType

    public func text(_ language: Language) -> String {
        switch self {
        case .empty: language.pick("Berkas kosong; pilih berkasnya lagi.", "The file is empty; choose it again.")
        case let .tooLarge(maximum):
            language.pick("Berkas lebih dari \(maximum >> 20) MB; perkecil (pindai dengan resolusi lebih rendah) lalu kirim lagi.",
                          "The file is over \(maximum >> 20) MB; make it smaller (scan at a lower resolution) and send it again.")
        case .unsupportedType:
            language.pick("Hanya berkas PDF, PNG atau JPEG yang diterima (dikenali dari isinya, bukan namanya).",
                          "Only PDF, PNG or JPEG files are accepted (told by their content, not their name).")
        }
    }
}

/// The one check every upload passes, from the portal, the app and the command line alike.
public enum FileRules {
    /// The type of `bytes` when they may be attached as `role`; else why not.
    public static func check(_ bytes: some Collection<UInt8>, as role: FileRole) throws(FileProblem) -> FileMediaType {
        guard !bytes.isEmpty else { throw .empty }
        guard bytes.count <= role.maximumBytes else { throw .tooLarge(maximumBytes: role.maximumBytes) }
        guard let type = FileMediaType.sniff(bytes) else { throw .unsupportedType }
        return type
    }

    /// A file's size as a list shows it: "1.4 MB", "12 KB" (at least 1 KB).
    public static func sizeText(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? String(format: "%.1f MB", Double(bytes) / Double(1 << 20)) : "\(max(1, bytes >> 10)) KB"
    }

    /// A file name as shown and offered for download: the base name, printable, at most 120 characters.
    public static func displayName(_ name: String, type: FileMediaType) -> String {
        let base = (name as NSString).lastPathComponent
        let clean = String(base.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) && $0 != "\"" && $0 != "\\" }.prefix(120))
        return clean.trimmingCharacters(in: .whitespaces).isEmpty ? "berkas.\(type.fileExtension)" : clean
    }
}
