import Foundation
import Testing
@testable import PPIDTerminal

@Suite("Themes")
struct ThemeTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Themes")

    @Test("The built-in themes are the files in Themes/, and each parses with every role")
    func builtInsMatchFiles() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".theme") }.sorted()
        #expect(files == ["default-dark.theme", "high-contrast.theme", "light.theme", "monochrome.theme"])
        for file in files {
            let name = String(file.dropLast(".theme".count))
            let text = try String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8)
            #expect(BuiltInThemes.texts[name].map { $0 + "\n" } == text, "\(file) differs from the built-in copy")
            let theme = try #require(BuiltInThemes.theme(name))
            #expect(Set(theme.styles.keys) == Set(Role.allCases), "\(file) styles every role")
        }
    }

    @Test("Monochrome uses attributes only")
    func monochrome() throws {
        let theme = try #require(BuiltInThemes.theme("monochrome"))
        for role in Role.allCases {
            #expect(theme.style(role).foreground == .default && theme.style(role).background == .default)
        }
        #expect(theme.style(.overdue).bold && theme.style(.overdue).reverse)
    }

    @Test("Colours fall back from 256 to 16 to 8")
    func fallbacks() throws {
        let theme = try #require(BuiltInThemes.theme("default-dark"))
        let overdue = theme.style(.overdue).foreground
        #expect(overdue.number(forTerminalWith: 256) == (203, false))
        #expect(overdue.number(forTerminalWith: 16) == (9, false))
        #expect(overdue.number(forTerminalWith: 8) == (1, true))
        #expect(ThemeColor.default.number(forTerminalWith: 256) == (-1, false))
    }

    @Test("An invalid theme file names the file, line and problem, and the default is used")
    func invalidTheme() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID()).theme").path
        try "normal = default\noverdue = crimson bold\n".write(toFile: path, atomically: true, encoding: .utf8)
        let (theme, warning) = ThemeLoader.load(path)
        #expect(theme.name == "default-dark")
        let error = try #require(warning)
        #expect(error.source == path && error.line == 2)
        #expect(error.problem == .unknownColour("crimson"))
        #expect(error.text(.indonesian).contains("Tema bawaan dipakai"))
        // Each language whole: no English inside the Indonesian message, and the reverse.
        #expect(error.text(.indonesian).contains("warna 'crimson' tidak dikenal"))
        #expect(!error.text(.indonesian).contains("unknown"))
        #expect(error.text(.english).contains("unknown colour 'crimson'"))
        #expect(ThemeLoader.load("no-such-theme").warning?.text(.indonesian).contains("tema tidak ada") == true)
        #expect(ThemeLoader.load("no-such-theme").warning?.text(.english).contains("no such theme") == true)
        #expect(ThemeLoader.load("light").theme.name == "light")
        #expect(ThemeLoader.load(nil).warning == nil)
    }

    @Test("Unknown roles and attributes are refused with their line")
    func grammar() {
        #expect(throws: ThemeError.self) { try Theme(name: "x", source: "x.theme", text: "glow = red\n") }
        #expect(throws: ThemeError(source: "x.theme", line: 1, problem: .unknownAttribute("blink"))) {
            try Theme(name: "x", source: "x.theme", text: "overdue = red blink\n")
        }
        #expect(throws: ThemeError.self) { try Theme(name: "x", source: "x.theme", text: "overdue = red/300\n") }
    }
}
