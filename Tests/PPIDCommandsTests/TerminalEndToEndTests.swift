import Foundation
import Testing

/// The built binary in a real terminal (tmux): what an officer does in a day, end to end.
@Suite("ppid in a real terminal", .serialized, .enabled(if: TmuxDriver.available))
struct TerminalEndToEndTests {
    let ppid = ppidExecutable()?.path ?? "ppid"

    func newDatabase() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("ppid-e2e-\(UUID().uuidString)/unit.sqlite").path
    }

    @Test("Start on a demo database, switch panes, search the DIP, register a request, quit, start again and find it",
          .timeLimit(.minutes(3)))
    func officersDay() throws {
        let driver = TmuxDriver()
        defer { driver.finish() }
        let db = newDatabase()
        driver.start("'\(ppid)' --db '\(db)'")
        #expect(driver.wait(for: "Ruang kerja contoh dibuat"))
        #expect(driver.screen.contains("data CONTOH. Unit nyata: ppid unit set, atau --empty."), "a newcomer is told it is sample data, and how to start")
        #expect(driver.screen.contains("1 Permohonan"))
        driver.keys("2")
        #expect(driver.wait(for: "Kategori"))
        driver.keys("/")
        driver.text("laporan keu")
        #expect(driver.wait(for: "/laporan keu"))
        #expect(driver.wait(for: "Laporan keuangan"))
        driver.keys("Enter")
        driver.keys("3")
        #expect(driver.wait(for: "Kelompok"))
        #expect(driver.screen.contains("Lewat tenggat"))
        driver.keys("1")
        driver.keys("a")
        #expect(driver.wait(for: "Daftarkan permohonan informasi"))
        driver.keys("Tab", "Tab", "Tab")         // past the channel, the received time (now) and the requester kind
        driver.text("Wayan Sudarsana")
        driver.keys("Tab")
        driver.text("5171234567890001")
        driver.keys("Tab")
        driver.text("Jl. Gajah Mada 7, Denpasar")
        driver.keys("Tab", "Tab", "Tab", "Tab", "Tab")    // occupation, phone, email, proxy, to the information
        driver.text("Daftar penerima beasiswa 2026")
        driver.keys("Tab")
        driver.text("Liputan berita")
        driver.keys("C-s")
        #expect(driver.wait(for: "Terdaftar"))
        let number = driver.screen.split(separator: "\n").last { $0.contains("Terdaftar") }?
            .split(separator: " ").dropFirst().first.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ";")) }
        #expect(number?.contains("/PPID-HUMAS/") == true)
        driver.keys("q")
        #expect(driver.wait(for: "Keluar dari ppid?"))
        driver.keys("y")
        #expect(driver.exitStatus() == 0)
        #expect(driver.terminalRestored, "the terminal is back in its original mode")

        driver.start("'\(ppid)' --db '\(db)'")
        #expect(driver.wait(for: "1 Permohonan"))
        driver.keys("/")
        driver.text("sudarsana")
        #expect(driver.wait(for: "Way** Sud"), "the name is masked in the list")
        #expect(driver.screen.contains("Daftar penerima beasisw"), "the subject, fitted to its column at 80")
        if let number { #expect(driver.screen.contains(number), "the number whole") }
        driver.keys("Enter", "Enter")
        #expect(driver.wait(for: "Daftar penerima beasiswa 2026"))
        driver.keys("Escape", "q", "y")
        #expect(driver.exitStatus() == 0)
    }

    @Test("Resizing while running redraws for the new size; too small gets a message", .timeLimit(.minutes(2)))
    func resize() throws {
        let driver = TmuxDriver()
        defer { driver.finish() }
        driver.start("'\(ppid)' --db '\(newDatabase())'", columns: 100, rows: 30)
        #expect(driver.wait(for: "Ruang kerja contoh dibuat"))
        driver.resize(columns: 50, rows: 12)
        #expect(driver.wait(for: "Layar terlalu kecil"))
        driver.resize(columns: 140, rows: 40)
        #expect(driver.wait(for: "Diterima"), "the wide layout has the received column")
        #expect(driver.screen.split(separator: "\n").count >= 39)
        driver.keys("q", "y")
        #expect(driver.exitStatus() == 0)
    }

    @Test("SIGHUP (an SSH drop) in the middle of a form: the terminal is restored and the draft comes back",
          .timeLimit(.minutes(2)))
    func hangupKeepsTheDraft() throws {
        let driver = TmuxDriver()
        defer { driver.finish() }
        let db = newDatabase()
        driver.start("'\(ppid)' --db '\(db)'")
        #expect(driver.wait(for: "Ruang kerja contoh dibuat"))
        driver.keys("a")
        #expect(driver.wait(for: "Daftarkan permohonan informasi"))
        driver.keys("Tab", "Tab", "Tab")
        driver.text("Ketut Draf Tersimpan")
        #expect(driver.wait(for: "Ketut Draf Tersimpan"))
        let pid = try #require(driver.programPID())
        kill(pid, SIGHUP)
        #expect(driver.exitStatus() != nil, "ppid exits on SIGHUP")
        #expect(driver.terminalRestored)

        driver.start("'\(ppid)' --db '\(db)'")
        #expect(driver.wait(for: "Draf formulir yang belum selesai dipulihkan"))
        #expect(driver.screen.contains("Ketut Draf Tersimpan"))
        driver.keys("Escape")
        driver.keys("q", "y")
        #expect(driver.exitStatus() == 0)
    }

    @Test("Ctrl-C in the middle of a form leaves at once, restores the terminal and keeps the draft", .timeLimit(.minutes(2)))
    func controlCKeepsTheDraft() throws {
        let driver = TmuxDriver()
        defer { driver.finish() }
        let db = newDatabase()
        driver.start("'\(ppid)' --db '\(db)'")
        #expect(driver.wait(for: "Ruang kerja contoh dibuat"))
        driver.keys("a")
        #expect(driver.wait(for: "Daftarkan permohonan informasi"))
        driver.keys("Tab", "Tab", "Tab")
        driver.text("Wayan Ctrl C")
        #expect(driver.wait(for: "Wayan Ctrl C"))
        driver.keys("C-c")
        #expect(driver.exitStatus() == 0, "Ctrl-C quits")
        #expect(driver.terminalRestored)
        driver.start("'\(ppid)' --db '\(db)'")
        #expect(driver.wait(for: "Draf formulir yang belum selesai dipulihkan"))
        #expect(driver.screen.contains("Wayan Ctrl C"))
        driver.keys("C-c")
        #expect(driver.exitStatus() == 0)
    }

    @Test("An unknown TERM gets a clear message and a non-zero exit, not a crash")
    func unknownTerminal() throws {
        let driver = TmuxDriver()
        defer { driver.finish() }
        driver.start("'\(ppid)' --db '\(newDatabase())'", term: "no-such-terminal-xyz")
        #expect(driver.wait(for: "tidak dikenal"))
        #expect(driver.exitStatus() == 1)
        #expect(driver.terminalRestored)
    }

    @Test("Works on the usual terminal types", arguments: ["xterm-256color", "screen-256color", "tmux-256color", "xterm", "vt100", "linux"])
    func terminalTypes(_ term: String) throws {
        let driver = TmuxDriver()
        defer { driver.finish() }
        driver.start("'\(ppid)' --db '\(newDatabase())'", term: term)
        #expect(driver.wait(for: "Permohonan"))
        driver.keys("3")
        #expect(driver.wait(for: "Kelompok"))
        driver.keys("q", "y")
        #expect(driver.exitStatus() == 0)
        #expect(driver.terminalRestored)
    }

    @Test("NO_COLOR: attributes only, no colour")
    func noColor() throws {
        let driver = TmuxDriver()
        defer { driver.finish() }
        driver.start("'\(ppid)' --db '\(newDatabase())'", environment: "LANG=C.UTF-8 NO_COLOR=1")
        #expect(driver.wait(for: "Permohonan"))
        let screen = driver.screenWithAttributes
        #expect(screen.contains("\u{1B}[7m") || screen.contains(";7m"), "reverse video marks the selection and status line")
        #expect(!screen.contains("38;5;") && !screen.contains("48;5;"), "no 256-colour codes")
        driver.keys("q", "y")
        #expect(driver.exitStatus() == 0)
    }

    @Test("Outside a UTF-8 locale the screen is drawn in ASCII")
    func asciiLocale() throws {
        let driver = TmuxDriver()
        defer { driver.finish() }
        driver.start("'\(ppid)' --db '\(newDatabase())'", environment: "LANG=C LC_ALL=C")
        #expect(driver.wait(for: "Permohonan"))
        let screen = driver.screen
        #expect(screen.contains("~"), "cut text ends in ~")
        #expect(!screen.contains("…"))
        driver.keys("q", "y")
        #expect(driver.exitStatus() == 0)
    }
}
