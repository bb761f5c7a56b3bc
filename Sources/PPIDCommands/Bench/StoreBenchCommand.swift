import ArgumentParser
import Foundation
import PPIDDomain
import PPIDStore

/// `ppid bench`: figures for notes and reviews, never a pass/fail test.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Ukur kinerja / Print performance figures.",
        subcommands: [StoreBenchCommand.self, TerminalBenchCommand.self, SyncBenchCommand.self, BodyBenchCommand.self]
    )
}

/// `ppid bench store --db FILE`: each screen query of the store next to the raw SQLite query doing
/// the same on the same file, as a ratio (target: at most 1.5).
struct StoreBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Kueri layar vs SQLite mentah pada berkas yang sama / Screen queries vs raw SQLite on the same file."
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "Ulangan hangat per kueri / Warm runs per query.")
    var runs: Int = 30

    @Flag(help: "Juga ukur dingin (butuh root: mengosongkan page cache) / Also measure cold (needs root to drop the page cache).")
    var cold = false

    @Option(help: "Hari acuan untuk papan tenggat / The day for the deadline board (YYYY-MM-DD).")
    var today: String?

    struct Case {
        let name: String
        let ours: () throws -> Void
        let raw: () -> Void
    }

    func run() throws {
        let language = Language.english
        let local = try store.open(language)
        let raw = try RawSQLite(path: local.path)
        let day = today.flatMap(CivilDate.init(iso:)) ?? local.today
        let total = Int(raw.scalar("SELECT count(*) FROM requests") ?? "0") ?? 0
        let totalDIP = Int(raw.scalar("SELECT count(*) FROM dip_entries") ?? "0") ?? 0
        let cases = makeCases(local: local, raw: raw, day: day, requests: total, documents: totalDIP)

        print("ppid bench store: \(local.path)")
        print("rows: \(total) requests, \(totalDIP) DIP entries, \((try? local.eventCount()) ?? 0) events; SQLite \(raw.scalar("SELECT sqlite_version()") ?? "?")")
        print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(Self.cpuModel()); warm = median of \(runs) runs after one warm-up")
        print("ppid = the store's API, rows decoded into its types; raw = the same SQL through the sqlite3 C API, columns copied into Strings")
        print("")
        let header = "query".padding(toLength: 44, withPad: " ", startingAt: 0) + "   ppid ms    raw ms   ratio" + (cold ? "   cold ppid   cold raw" : "")
        print(header)
        print(String(repeating: "-", count: header.count))
        var worst = 0.0
        let overhead = (try Self.median(runs: runs, { _ = try local.ping() }), try Self.median(runs: runs, { raw.run("SELECT 1") }))
        print("SELECT 1 (the cost of reaching the file)".padding(toLength: 44, withPad: " ", startingAt: 0)
              + String(format: " %9.3f %9.3f   (not counted)", overhead.0, overhead.1))
        for item in cases {
            let ours = try Self.median(runs: runs, item.ours)
            let theirs = try Self.median(runs: runs, { item.raw() })
            let ratio = ours / max(theirs, 0.000_1)
            worst = max(worst, ratio)
            var line = item.name.padding(toLength: 44, withPad: " ", startingAt: 0)
                + String(format: " %9.3f %9.3f %7.2f", ours, theirs, ratio)
            if cold {
                let c1 = try Self.coldRun(item.ours), c2 = try Self.coldRun({ item.raw() })
                line += c1.map { String(format: " %11.1f", $0) } ?? "         n/a"
                line += c2.map { String(format: " %10.1f", $0) } ?? "        n/a"
            }
            print(line)
        }
        print("")
        print(String(format: "worst ratio: %.2f (target: at most 1.5)", worst))
    }

    func makeCases(local: LocalStore, raw: RawSQLite, day: CivilDate, requests: Int, documents: Int) -> [Case] {
        let requestColumns = "rowid, uuid, number, received_on, requester_name, subject, channel, state, due_date, provisional, extended_due, outcome, requester_kind"
        let dipColumns = "rowid, uuid, number, category, title, summary, holder, retired, exemption_basis, exempt_until"
        // A cursor half-way down each list, found once with OFFSET (not timed).
        let middle = max(0, requests / 2)
        let deepDue = raw.scalar("SELECT due_date || '|' || rowid FROM requests ORDER BY due_date, rowid LIMIT 1 OFFSET \(middle)")?
            .split(separator: "|").map(String.init) ?? ["", "0"]
        let deepDIP = raw.scalar("SELECT number || '|' || rowid FROM dip_entries ORDER BY number, rowid LIMIT 1 OFFSET \(max(0, documents / 2))")?
            .split(separator: "|").map(String.init) ?? ["", "0"]
        let bounds = UrgencyBounds(today: day, calendar: local.context.calendar)
        let groups: [(String, String)] = [("0000-00-00", day.iso), (day.iso, day.next.iso),
                                          (day.next.iso, bounds.soonUntil.next.iso), (bounds.soonUntil.next.iso, "9999-99-99")]
        func ftsRaw(_ fts: String, _ table: String, _ columns: String, _ text: String) -> () -> Void {
            let query = SearchQuery.fts(from: text) ?? ""
            return {
                let hits = Int(raw.run("SELECT rowid FROM \(fts) WHERE \(fts) MATCH ? LIMIT \(SearchQuery.rankingCap + 1)", [query]))
                let prefixed = columns.split(separator: ", ").map { "t.\($0)" }.joined(separator: ", ")
                if hits <= SearchQuery.rankingCap {
                    raw.run("SELECT \(prefixed) FROM \(fts) f JOIN \(table) t ON t.rowid = f.rowid WHERE \(fts) MATCH ? ORDER BY bm25(\(fts)) LIMIT 50", [query])
                } else {
                    raw.run("SELECT \(prefixed) FROM \(fts) f JOIN \(table) t ON t.rowid = f.rowid WHERE \(fts) MATCH ? LIMIT 50", [query])
                }
            }
        }
        return [
            Case(name: "requests: first page by due date", ours: { _ = try local.requests(order: .dueDate) },
                 raw: { raw.run("SELECT \(requestColumns) FROM requests ORDER BY due_date ASC, rowid ASC LIMIT 50") }),
            Case(name: "requests: page at row \(middle) by due date",
                 ours: { _ = try local.requests(order: .dueDate, after: ListCursor(key: deepDue[0], rowid: Int64(deepDue[1]) ?? 0)) },
                 raw: { raw.run("SELECT \(requestColumns) FROM requests WHERE (due_date, rowid) > (?, ?) ORDER BY due_date ASC, rowid ASC LIMIT 50", deepDue) }),
            Case(name: "requests: newest first", ours: { _ = try local.requests(order: .received) },
                 raw: { raw.run("SELECT \(requestColumns) FROM requests ORDER BY received_on DESC, rowid DESC LIMIT 50") }),
            Case(name: "requests: open, by due date", ours: { _ = try local.requests(filter: .open) },
                 raw: { raw.run("SELECT \(requestColumns) FROM requests WHERE open = 1 ORDER BY due_date ASC, rowid ASC LIMIT 50") }),
            Case(name: "requests: state 'diproses'", ours: { _ = try local.requests(filter: .state(.inProcess)) },
                 raw: { raw.run("SELECT \(requestColumns) FROM requests WHERE state = ? ORDER BY due_date ASC, rowid ASC LIMIT 50", ["diproses"]) }),
            Case(name: "counts per state and category", ours: { _ = try local.overviewCounts() },
                 raw: { raw.run(LocalStore.overviewCountsSQL) }),
            Case(name: "DIP: first page", ours: { _ = try local.dipEntries() },
                 raw: { raw.run("SELECT \(dipColumns) FROM dip_entries ORDER BY number ASC, rowid ASC LIMIT 50") }),
            Case(name: "DIP: category 'dikecualikan'", ours: { _ = try local.dipEntries(category: .exempt) },
                 raw: { raw.run("SELECT \(dipColumns) FROM dip_entries WHERE category = ? ORDER BY number ASC, rowid ASC LIMIT 50", ["dikecualikan"]) }),
            Case(name: "DIP: page at row \(documents / 2)",
                 ours: { _ = try local.dipEntries(after: ListCursor(key: deepDIP[0], rowid: Int64(deepDIP[1]) ?? 0)) },
                 raw: { raw.run("SELECT \(dipColumns) FROM dip_entries WHERE (number, rowid) > (?, ?) ORDER BY number ASC, rowid ASC LIMIT 50", deepDIP) }),
            Case(name: "deadline board (4 groups: counts + 50 each)", ours: { _ = try local.deadlineBoard(today: day) }, raw: {
                for (low, high) in groups {
                    raw.run("SELECT count(*) FROM requests WHERE open = 1 AND due_date >= ? AND due_date < ?", [low, high])
                    raw.run("SELECT count(*) FROM objections WHERE open = 1 AND answer_due >= ? AND answer_due < ?", [low, high])
                    raw.run("SELECT rowid, uuid, number, subject, due_date, provisional, extended_due, counts_from FROM requests WHERE open = 1 AND due_date >= ? AND due_date < ? AND (due_date, rowid) > (?, ?) ORDER BY due_date, rowid LIMIT 50", [low, high, "", "0"])
                    raw.run("SELECT rowid, uuid, number, request_number, answer_due, provisional, filed_on FROM objections WHERE open = 1 AND answer_due >= ? AND answer_due < ? AND (answer_due, rowid) > (?, ?) ORDER BY answer_due, rowid LIMIT 50", [low, high, "", "-9223372036854775808"])
                }
            }),
            Case(name: "search DIP 'laporan keu'", ours: { _ = try local.searchDIP("laporan keu") },
                 raw: ftsRaw("dip_fts", "dip_entries", dipColumns, "laporan keu")),
            Case(name: "search DIP 'la' (broad prefix)", ours: { _ = try local.searchDIP("la") },
                 raw: ftsRaw("dip_fts", "dip_entries", dipColumns, "la")),
            Case(name: "search DIP 'jembatan sorong'", ours: { _ = try local.searchDIP("jembatan sorong") },
                 raw: ftsRaw("dip_fts", "dip_entries", dipColumns, "jembatan sorong")),
            Case(name: "search requests 'siti nas'", ours: { _ = try local.searchRequests("siti nas") },
                 raw: ftsRaw("request_fts", "requests", requestColumns, "siti nas")),
        ]
    }

    /// Median milliseconds of `runs` runs after one warm-up run.
    static func median(runs: Int, _ body: () throws -> Void) throws -> Double {
        try body()
        var times: [Double] = []
        for _ in 0..<max(1, runs) {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        return times.sorted()[times.count / 2]
    }

    /// One run after dropping the page cache; nil where that is not allowed.
    static func coldRun(_ body: () throws -> Void) throws -> Double? {
        sync()
        guard let handle = FileHandle(forWritingAtPath: "/proc/sys/vm/drop_caches") else { return nil }
        do { try handle.write(contentsOf: Data("3\n".utf8)); try handle.close() } catch { return nil }
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }

    static func cpuModel() -> String {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown CPU" }
        return info.split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
    }
}
