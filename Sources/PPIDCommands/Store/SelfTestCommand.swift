import ArgumentParser
import Foundation
import PPIDDomain
import PPIDStore

/// `ppid selftest write-loop`: registers requests one transaction at a time and prints the number
/// of each as soon as it is committed. The crash-safety test kills it with SIGKILL mid-stream and
/// checks that every printed request survived. Hidden from help: it is for tests.
struct SelfTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "selftest",
        abstract: "Program uji internal / Internal test helpers.",
        shouldDisplay: false,
        subcommands: [WriteLoop.self]
    )

    struct WriteLoop: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "write-loop")

        @OptionGroup var store: StoreOptions

        @Option var count: Int = 1_000_000

        func run() throws {
            let local = try store.open(.english)
            if try !withStore(.english, { () throws(StoreError) in try local.hasProfile() }) {
                try withStore(.english) { () throws(StoreError) in try local.saveProfile(.demo) }
            }
            for i in 0..<count {
                let registration = RequestRegistration(
                    registrationNumber: "", unit: "HUMAS", receivedAt: Date(), channel: .letter,
                    requester: Requester(name: "Pemohon \(i)", nik: "3171234567890002", address: "Jl. Uji \(i)"),
                    information: "Dokumen uji \(i)", purpose: "Uji ketahanan")
                let record = try withStore(.english) { () throws(StoreError) in try local.registerRequest(registration) }
                // The number is printed only after its transaction committed.
                FileHandle.standardOutput.write(Data((record.registration.registrationNumber + "\n").utf8))
            }
        }
    }
}
