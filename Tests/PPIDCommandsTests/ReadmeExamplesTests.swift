import Foundation
import Testing

/// The README's command examples, run: every example that can run unattended is run in order, in a
/// sandbox home, against a temporary demo server and databases, and must succeed. The few that
/// cannot (the interactive app, a server in the foreground, release builds and benchmarks) are
/// listed below with the reason; for them, and for every synopsis line, each flag is checked
/// against the command's `--help`.
@Suite("README examples", .serialized)
struct ReadmeExamplesTests {
    /// Examples not run, by how their command starts, and why.
    static let notRun: [(prefix: String, reason: String)] = [
        ("bash .ci/", "the quick start itself: CI runs it"),
        ("swift build", "a release build takes minutes; CI builds the package"),
        ("swift run ppid-central --demo", "a server in the foreground: the test starts the same demo server in the background"),
        ("swift run ppid --db", "the interactive app: the tmux tests drive it"),
        (".build/release/", "benchmarks over a million rows: run by hand"),
        ("pg=$(mktemp", "a PostgreSQL cluster for the tests: .ci/test makes the same one"),
        ("PPID_TEST_POSTGRES=", "the server suites on PostgreSQL: .ci/test runs them"),
    ]

    /// Words that stand for a value in a synopsis line.
    static let placeholders: Set<String> = ["NAME", "CODE", "LOGIN", "FILE", "DIR", "PATH", "URL", "N", "M", "S", "TEXT", "NIK",
                                            "EMAIL", "PHONE", "ADDRESS", "STATE", "STATE]", "YYYY-MM-DD", "...", "<REGISTRATION-NUMBER>",
                                            "<OBJECTION-NUMBER>"]

    struct Example {
        let block: Int
        let command: String
    }

    static func readme() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    }

    /// The shell blocks, each as its commands: continuation lines joined, comments and output dropped.
    static func blocks(of readme: String) -> [[String]] {
        var blocks: [[String]] = []
        var current: [String]? = nil
        var pending = ""
        var prompted = false
        for line in readme.components(separatedBy: "\n") {
            if current == nil {
                if line == "```sh" || line == "```bash" { current = []; prompted = false }
                continue
            }
            if line.hasPrefix("```") {
                blocks.append(current ?? [])
                current = nil
                continue
            }
            var text = line
            if text.hasPrefix("$ ") { prompted = true; text.removeFirst(2) } else if prompted && pending.isEmpty { continue }
            if let comment = text.range(of: #"\s{2,}#\s.*$"#, options: .regularExpression) { text.removeSubrange(comment) }
            if text.hasSuffix("\\") {
                pending += String(text.dropLast()).trimmingCharacters(in: .whitespaces) + " "
                continue
            }
            let command = (pending + text.trimmingCharacters(in: .whitespaces)).trimmingCharacters(in: .whitespaces)
            pending = ""
            if !command.isEmpty { current?.append(command) }
        }
        return blocks
    }

    static func isSynopsis(_ command: String) -> Bool {
        if command.contains(" [") || command.contains("|") { return true }
        return command.split(separator: " ").contains { placeholders.contains(String($0)) }
    }

    /// The command's program and arguments as words (quotes kept together), `swift run X` as X.
    static func words(_ command: String) -> [String] {
        var words: [String] = []
        var word = ""
        var quote: Character? = nil
        for character in command {
            if let open = quote {
                if character == open { quote = nil } else { word.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == " " {
                if !word.isEmpty { words.append(word); word = "" }
            } else {
                word.append(character)
            }
        }
        if !word.isEmpty { words.append(word) }
        if words.starts(with: ["swift", "run"]) { words.removeFirst(2) }
        if let first = words.first, first.hasPrefix(".build/release/") { words[0] = String(first.dropFirst(".build/release/".count)) }
        return words
    }

    let ppid = ppidExecutable()?.path ?? "ppid"
    var central: String { URL(fileURLWithPath: ppid).deletingLastPathComponent().appendingPathComponent("ppid-central").path }

    func run(_ executable: String, _ arguments: [String], home: String, environment extra: [String: String] = [:]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: home)
        process.environment = ["HOME": home, "PATH": "/usr/bin:/bin", "USER": "readme", "TERM": "xterm-256color"].merging(extra) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// Every `--flag` of a command appears in the help of the deepest subcommand its words name.
    func checkFlags(_ command: String, home: String) throws {
        let words = Self.words(command)
        guard let program = words.first, program == "ppid" || program == "ppid-central" else { return }
        let executable = program == "ppid" ? ppid : central
        var path = Array(words.dropFirst().prefix { !$0.hasPrefix("-") && !$0.hasPrefix("[") && !$0.hasPrefix("(") })
        var help = ""
        while true {
            let (status, text) = try run(executable, path + ["--help"], home: home)
            if status == 0 && !path.isEmpty || path.isEmpty {
                help = text
                break
            }
            path.removeLast()
        }
        // A command with a default subcommand takes that one's options too (`ppid letter notice …` is `letter write`).
        if let line = help.split(separator: "\n").first(where: { $0.contains("(default)") }),
           let name = line.split(separator: " ").first {
            help += try run(executable, path + [String(name), "--help"], home: home).1
        }
        let flags = command.matches(of: /--[a-z][a-z-]*/).map { String($0.output) }
        for flag in flags {
            #expect(help.contains(flag), "README: \(command)\n\(flag) is not in `\(program) \(path.joined(separator: " ")) --help`")
        }
    }

    @Test("Every command example in the README runs, or is listed here with its reason and its flags checked")
    func examples() throws {
        try #require(FileManager.default.isExecutableFile(atPath: central), "build the package first (swift build)")
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ppid-readme-\(UUID())").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        // The files the examples name.
        try "# covers: 2027\n2027-06-01\tdaerah\tHari jadi provinsi\n".write(toFile: home + "/skb-2027.txt", atomically: true, encoding: .utf8)
        // The demo server the walk-through starts in its first terminal, here in the background.
        let port = SyncEndToEndTests.freePort()
        let server = Process()
        server.executableURL = URL(fileURLWithPath: central)
        server.arguments = ["--demo", "--port", String(port)]
        server.environment = ["HOME": home, "PATH": "/usr/bin:/bin"]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { if server.isRunning { kill(server.processIdentifier, SIGTERM); server.waitUntilExit() } }
        let demo = home + "/.local/share/ppid-central/demo-tokens/utama.token"
        for _ in 0..<200 where !FileManager.default.fileExists(atPath: demo) { usleep(50_000) }
        try #require(FileManager.default.fileExists(atPath: demo), "the demo server wrote its tokens")

        var ran = 0, checked = 0, skipped = 0
        for block in Self.blocks(of: try Self.readme()) {
            let reference = block.contains(where: Self.isSynopsis)
            var variables: [String: String] = [:]
            for command in block {
                if let match = command.wholeMatch(of: /([A-Z]+)=(\S+)/) {
                    variables[String(match.1)] = String(match.2).replacingOccurrences(of: "~", with: home)
                    continue
                }
                if let rule = Self.notRun.first(where: { command.hasPrefix($0.prefix) }) {
                    #expect(!rule.reason.isEmpty)
                    try checkFlags(command, home: home)
                    skipped += 1
                    continue
                }
                if reference {
                    try checkFlags(command, home: home)
                    checked += 1
                    continue
                }
                var words = Self.words(command).map { word in
                    var word = word.replacingOccurrences(of: "127.0.0.1:8080", with: "127.0.0.1:\(port)")
                    if word.hasPrefix("~/") { word = home + word.dropFirst() }
                    for (name, value) in variables { word = word.replacingOccurrences(of: "$" + name, with: value) }
                    return word
                }
                let program = words.removeFirst()
                let executable = program == "ppid" ? ppid : program == "ppid-central" ? central : program
                let (status, output) = try run(executable, words, home: home)
                #expect(status == 0, "README example failed: \(command)\n\(output)")
                ran += 1
            }
        }
        print("README examples: \(ran) run, \(checked) synopsis lines checked against --help, \(skipped) not run (listed with reasons)")
        #expect(ran >= 8 && checked >= 15)
    }
}
