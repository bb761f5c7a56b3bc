import Testing
@testable import PPIDCentralServer

/// `serve` on SQLite runs its tasks on the event loops; PostgreSQL's engine waits on futures, which
/// an event loop may not do, so it and every other subcommand keep Swift's own pool.
@Suite("Tasks on the event loops")
struct ConcurrencyOnEventLoopsTests {
    let plain: [String: String] = [:]

    @Test("serve on a SQLite file, named or by default, runs its tasks on the event loops")
    func sqliteServe() {
        #expect(ConcurrencyOnEventLoops.wanted(arguments: ["serve", "--db", "/tmp/central.sqlite"], environment: plain))
        #expect(ConcurrencyOnEventLoops.wanted(arguments: ["--db", "/tmp/central.sqlite", "--port", "9000"], environment: plain))
        #expect(ConcurrencyOnEventLoops.wanted(arguments: ["--demo"], environment: plain))
    }

    @Test("serve on PostgreSQL keeps Swift's pool")
    func postgresServe() {
        #expect(!ConcurrencyOnEventLoops.wanted(arguments: ["serve", "--db", "postgres://ppid@127.0.0.1/ppid"], environment: plain))
        #expect(!ConcurrencyOnEventLoops.wanted(arguments: ["--db", "postgresql://ppid@db.example/ppid"], environment: plain))
    }

    @Test("Other subcommands, a command line that does not parse, and PPID_COOPERATIVE_POOL keep Swift's pool")
    func everythingElse() {
        #expect(!ConcurrencyOnEventLoops.wanted(arguments: ["status", "--db", "/tmp/central.sqlite"], environment: plain))
        #expect(!ConcurrencyOnEventLoops.wanted(arguments: ["serve", "--port", "not-a-port"], environment: plain))
        #expect(!ConcurrencyOnEventLoops.wanted(arguments: ["serve", "--db", "/tmp/central.sqlite"],
                                                environment: ["PPID_COOPERATIVE_POOL": "1"]))
    }
}
