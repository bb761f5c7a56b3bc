import Foundation
import Testing
@testable import PPIDDomain
@testable import PPIDStore
@testable import PPIDTerminal

/// The central server's files, as the app shows them: a fake desk in place of the server.
final class FakeFileDesk: CaseFileDesk, @unchecked Sendable {
    var stored: [UUID: [CaseFileInfo]] = [:]
    var opened: [String] = []
    var refuse: String?

    func files(of caseID: UUID) throws(FileDeskFailure) -> [CaseFileInfo] {
        if let refuse { throw FileDeskFailure(refuse) }
        return stored[caseID] ?? []
    }

    func attach(path: String, name: String, role: FileRole, to caseID: UUID) throws(FileDeskFailure) -> CaseFileInfo {
        if let refuse { throw FileDeskFailure(refuse) }
        let bytes = FileManager.default.contents(atPath: path) ?? Data()
        let file = CaseFileInfo(sha256: String(repeating: "a", count: 64), name: name, role: role, mediaType: "application/pdf", size: bytes.count)
        stored[caseID, default: []].append(file)
        return file
    }

    var letters: [CaseLetterInfo] = []

    func letters(of caseID: UUID) throws(FileDeskFailure) -> [CaseLetterInfo] { letters }

    func open(_ file: CaseFileInfo, of caseID: UUID) throws(FileDeskFailure) -> String {
        opened.append(file.name)
        return "/tmp/files/\(file.name)"
    }
}

@Suite("Files from the app")
struct FileDeskTests {
    @Test("B lists a request's files on the server, opens one, and attaches a new one after checking it as the server will")
    func listOpenAttach() throws {
        let app = try makeDemoApp()
        let desk = FakeFileDesk()
        app.fileDesk = desk
        let screen = TextScreen(rows: 40, columns: 120)
        let row = try #require(app.requests.selected)
        desk.stored[row.id] = [CaseFileInfo(sha256: String(repeating: "b", count: 64), name: "ktp.jpg", role: .idScan, mediaType: "image/jpeg", size: 2048)]
        desk.letters = [CaseLetterInfo(kind: "pemberitahuan", recipient: "siti@contoh.id", state: "failed", attempts: 1,
                                       lastError: "550 no such mailbox", sentAt: nil)]
        app.handle(.character("B"))
        app.render(on: screen)
        #expect(screen.text.contains("Email pemberitahuan → siti@contoh.id: GAGAL: 550 no such mailbox"), "\(screen.text)")
        #expect(screen.text.contains("Berkas \(row.number)") && screen.text.contains("Buka: ktp.jpg (identitas, 2 KB)"), "\(screen.text)")
        #expect(screen.text.contains("Lampirkan berkas…"))
        app.handle(.enter)
        #expect(desk.opened == ["ktp.jpg"])
        #expect(app.message?.0 == "Disimpan: /tmp/files/ktp.jpg")

        // Attach: a file that is not a PDF, PNG or JPEG is refused at its field, nothing sent.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ppid-files-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("<html>".utf8).write(to: URL(fileURLWithPath: folder + "/wrong.pdf"))
        try Data("%PDF-1.4\nlaporan\n".utf8).write(to: URL(fileURLWithPath: folder + "/lra.pdf"))
        app.handle(.character("B"))
        app.handle(.down)
        app.handle(.enter)
        var form = try #require(app.openForm)
        #expect(form.title.hasPrefix("Lampirkan berkas"))
        form["path"] = folder + "/wrong.pdf"
        app.overlays[app.overlays.count - 1] = .form(form)
        app.handle(.control("s"))
        #expect(app.openForm != nil && desk.stored[row.id]?.count == 1)
        app.render(on: screen)
        #expect(screen.text.contains("Hanya berkas PDF, PNG atau JPEG"), "\(screen.text)")
        form = try #require(app.openForm)
        form["path"] = folder + "/lra.pdf"
        app.overlays[app.overlays.count - 1] = .form(form)
        app.handle(.control("s"))
        #expect(app.openForm == nil, "\(String(describing: app.openForm?.message))")
        #expect(desk.stored[row.id]?.last?.name == "lra.pdf" && desk.stored[row.id]?.last?.role == .released)
        #expect(app.message?.0 == "Terlampir: lra.pdf.")
    }

    @Test("Without sync there is no desk: B says how to set it up; a server's refusal is shown, not lost")
    func withoutDeskAndRefused() throws {
        let app = try makeDemoApp()
        app.handle(.character("B"))
        #expect(app.message?.0.contains("atur sinkron dulu") == true && app.message?.1 == true)
        let desk = FakeFileDesk()
        desk.refuse = "Server tidak dapat dihubungi."
        app.fileDesk = desk
        app.handle(.character("B"))
        #expect(app.message?.0 == "Server tidak dapat dihubungi." && app.message?.1 == true)
    }
}
