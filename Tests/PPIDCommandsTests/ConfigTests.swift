import Testing
@testable import PPIDCommands

@Suite("Config file")
struct ConfigTests {
    @Test func parsesKnownKeysAndReportsTheRest() {
        let config = Config.parse("# mine\ntheme = light\nlang=en\n\ncolour = red\nnonsense\n", source: "cfg")
        #expect(config["theme"] == "light")
        #expect(config["lang"] == "en")
        #expect(config.problems == ["cfg:5: unknown key 'colour' (known: db, fees, fees_decree, incomplete_clock, lang, letter_address, letter_city, letter_number_format, letters, report_narrative, server, server_ca, signatory_name, signatory_position, sync_interval, templates, theme, token_file)", "cfg:6: expected 'key = value'"])
        #expect(Config.path(environment: ["XDG_CONFIG_HOME": "/x"]) == "/x/ppid/config")
        #expect(Config.path(environment: ["HOME": "/home/a"]) == "/home/a/.config/ppid/config")
    }
}
