import Testing
@testable import PPIDDomain
@testable import PPIDStore
@testable import PPIDTerminal

@Suite("Panes rendered on the in-memory screen", .serialized)
struct SnapshotTests {
    static let sizes = [(80, 24), (140, 45)]

    @Test("Every pane at 80x24 and 140x45 with demo data", arguments: [Pane.requests, .registry, .deadlines])
    func panes(_ pane: Pane) throws {
        let app = try makeDemoApp()
        for (columns, rows) in Self.sizes {
            let screen = TextScreen(rows: rows, columns: columns)
            app.switchPane(pane)
            app.render(on: screen)
            expectSnapshot(screen.text, named: "\(pane)-\(columns)x\(rows)")
        }
    }

    @Test("Details, help, the intake form and the English interface")
    func overlays() throws {
        let app = try makeDemoApp()
        let screen = TextScreen(rows: 24, columns: 80)
        app.render(on: screen)
        app.handle(.enter)
        app.render(on: screen)
        expectSnapshot(screen.text, named: "request-detail-80x24")
        app.handle(.escape)
        app.handle(.character("3"))
        app.render(on: screen)
        app.handle(.enter)
        app.render(on: screen)
        expectSnapshot(screen.text, named: "why-this-date-80x24")
        app.handle(.escape)
        app.handle(.character("?"))
        app.render(on: screen)
        expectSnapshot(screen.text, named: "help-deadlines-80x24")
        app.handle(.escape)
        app.handle(.character("1"))
        app.handle(.character("a"))
        app.render(on: screen)
        expectSnapshot(screen.text, named: "register-form-80x24")

        let english = try makeDemoApp(language: .english)
        let wide = TextScreen(rows: 45, columns: 140)
        english.render(on: wide)
        expectSnapshot(wide.text, named: "requests-english-140x45")
    }

    @Test("Wide and combining characters are cut by display columns")
    func displayWidths() {
        #expect(DisplayWidth.of("Dewi") == 4)
        #expect(DisplayWidth.of("日本") == 4)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.fit("日本語のテキスト", 7) == "日本語…")
        #expect(DisplayWidth.fit("Désa Sejahtera", 6) == "Désa …")
        #expect(DisplayWidth.fit("Laporan", 5, unicode: false) == "Lapo~")
        #expect(DisplayWidth.pad("ab", 4, alignRight: true) == "  ab")
        let screen = TextScreen(rows: 1, columns: 6)
        screen.put("日本語のテ", row: 0, column: 0, role: .normal)
        #expect(screen.text == "日本語")
    }

    @Test("A terminal below the minimum size gets a message, not a crash")
    func tooSmall() throws {
        let app = try makeDemoApp()
        let screen = TextScreen(rows: 10, columns: 40)
        app.render(on: screen)
        #expect(screen.text.contains("Layar terlalu kecil"))
        #expect(screen.text.contains("40×10"))
    }
}
