// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ppid",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "ppid", targets: ["ppid"]),
        .executable(name: "ppid-central", targets: ["ppid-central"]),
        .library(name: "PPIDDomain", targets: ["PPIDDomain"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    ],
    targets: [
        // The law and the language of the work: calendars, deadlines, lifecycles. No I/O.
        .target(name: "PPIDDomain"),
        // The unit's local database: event log, projections, search, audit trail, outbox.
        .target(
            name: "PPIDStore",
            dependencies: ["PPIDDomain", .product(name: "GRDB", package: "GRDB.swift"),
                           // The C API, for the one insert a pull makes by the hundred thousand.
                           .product(name: "GRDBSQLite", package: "GRDB.swift")]
        ),
        // The versioned JSON wire format of the sync API, shared by both sides.
        .target(name: "PPIDWire", dependencies: ["PPIDDomain", "CMalloc"]),
        // glibc's malloc.h, for the heap's tuning (``PageHeap``).
        .target(name: "CMalloc"),
        // The central server's core: the authoritative ledger, validated with the same domain rules;
        // units, officers and their hashed tokens; calendars; central intake and dispatch.
        .target(
            name: "PPIDCentral",
            dependencies: [
                "PPIDDomain", "PPIDWire",
                // The letters mailed to requesters (receipt, notice, extension, objection answer).
                "PPIDLetters",
                .product(name: "GRDB", package: "GRDB.swift"),
                // The C API, to bind and read the ledger's rows without boxing each value.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                // PostgreSQL, what a body runs in production (`--db postgres://...`), several instances on one.
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // The central server's HTTP API v1 (Hummingbird) and its admin command line.
        .target(
            name: "PPIDCentralServer",
            dependencies: [
                "PPIDDomain", "PPIDWire", "PPIDCentral",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                // HTTPS served directly, with the body's own certificate (`serve --tls-certificate`).
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                // The threads that wait on the database, so the server's own never do.
                .product(name: "NIOPosix", package: "swift-nio"),
                // The HTTP parts a connection handler sees, for the request-body deadline.
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                // The terminals' sync figures in the Prometheus text format, at /metrics.
                .product(name: "Prometheus", package: "swift-prometheus"),
                // The portal: pages from templates a body can restyle, the DIP as open data.
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "CSV", package: "CSV.swift"),
                // The portal's request form, with its identity scan (multipart/form-data).
                .product(name: "MultipartKit", package: "multipart-kit"),
            ],
            resources: [.copy("API/openapi.json")]
        ),
        .executableTarget(name: "ppid-central", dependencies: [
            "PPIDCentralServer", "PPIDWire", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The terminal's sync client: pull and push over HTTP, applied to the local store, with backoff.
        .target(
            name: "PPIDSync",
            dependencies: [
                "PPIDDomain", "PPIDWire", "PPIDStore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                // The deadline of a whole answer, a timer on the client's event loops.
                .product(name: "NIOPosix", package: "swift-nio"),
                // The trust roots of an https server with the body's own CA (`server_ca`).
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                // A fetched file is checked against its SHA-256.
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Letters (written notice, refusal, extension, answer to an objection) from editable Mustache templates.
        .target(
            name: "PPIDLetters",
            dependencies: ["PPIDDomain", .product(name: "Mustache", package: "swift-mustache")]
        ),
        // ncursesw with wide characters on; macros and globals wrapped as functions. Only PPIDTerminal uses it.
        .target(
            name: "CNCursesW",
            linkerSettings: [.linkedLibrary("ncursesw"), .linkedLibrary("util")]
        ),
        // The terminal front end: panes, forms, the action table, themes, the event loop.
        .target(
            name: "PPIDTerminal",
            dependencies: ["PPIDDomain", "PPIDStore", "PPIDLetters", "CNCursesW"]
        ),
        // The command-line subcommands of `ppid`, kept in a library so tests can run them.
        .target(
            name: "PPIDCommands",
            dependencies: [
                "PPIDDomain",
                "PPIDStore",
                "PPIDTerminal",
                "PPIDLetters",
                "PPIDSync",
                "PPIDWire",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                // Raw SQLite, for the benchmark's side-by-side figures.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                // A pseudo-terminal for the terminal benchmark.
                "CNCursesW",
                .product(name: "CSV", package: "CSV.swift"),
                // One connection pool for the body benchmark's hundreds of simulated terminals.
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .executableTarget(name: "ppid", dependencies: ["PPIDCommands", "PPIDWire"]),
        .testTarget(name: "PPIDDomainTests", dependencies: ["PPIDDomain"]),
        .testTarget(name: "PPIDStoreTests", dependencies: ["PPIDStore", "PPIDDomain"]),
        .testTarget(name: "PPIDTerminalTests", dependencies: ["PPIDTerminal", "PPIDStore", "PPIDDomain", "PPIDLetters"],
                    exclude: ["Snapshots"]),
        .testTarget(name: "PPIDCentralTests", dependencies: ["PPIDCentral", "PPIDWire", "PPIDDomain"]),
        .testTarget(name: "PPIDWireTests", dependencies: ["PPIDWire", "PPIDDomain", "PPIDStore", "CMalloc"]),
        .testTarget(name: "PPIDCentralServerTests",
                    dependencies: ["PPIDCentralServer", "PPIDCentral", "PPIDWire", "PPIDDomain",
                                   .product(name: "AsyncHTTPClient", package: "async-http-client"),
                                   .product(name: "GRDB", package: "GRDB.swift"),
                                   .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "PPIDSyncTests",
                    dependencies: ["PPIDSync", "PPIDCentralServer", "PPIDCentral", "PPIDStore", "PPIDWire", "PPIDDomain",
                                   .product(name: "AsyncHTTPClient", package: "async-http-client"),
                                   .product(name: "GRDB", package: "GRDB.swift"),
                                   // A hostile server for the client, written per test.
                                   .product(name: "Hummingbird", package: "hummingbird")]),
        .testTarget(name: "PPIDLettersTests", dependencies: ["PPIDLetters", "PPIDDomain"]),
        .testTarget(name: "PPIDCommandsTests", dependencies: ["PPIDCommands", "PPIDDomain", "PPIDStore",
                                                            .product(name: "GRDB", package: "GRDB.swift")],
                    // The portal in a real browser: a selenium script the test runs (PortalBrowserTests).
                    exclude: ["Portal/portal_e2e.py"]),
    ],
    swiftLanguageModes: [.v6]
)
