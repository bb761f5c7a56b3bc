// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ppid",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ppid", targets: ["ppid"]),
        .library(name: "PPIDDomain", targets: ["PPIDDomain"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The law and the language of the work: calendars, deadlines, lifecycles. No I/O.
        .target(name: "PPIDDomain"),
        // The command-line subcommands of `ppid`, kept in a library so tests can run them.
        .target(
            name: "PPIDCommands",
            dependencies: [
                "PPIDDomain",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "ppid", dependencies: ["PPIDCommands"]),
        .testTarget(name: "PPIDDomainTests", dependencies: ["PPIDDomain"]),
        .testTarget(name: "PPIDCommandsTests", dependencies: ["PPIDCommands", "PPIDDomain"]),
    ],
    swiftLanguageModes: [.v6]
)
