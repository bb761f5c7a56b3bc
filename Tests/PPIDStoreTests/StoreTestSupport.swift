import Foundation
import Synchronization
import Testing
@testable import PPIDDomain
@testable import PPIDStore

/// A fresh folder under /tmp for one test, removed at the end of the process.
func temporaryFolder() -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("ppid-store-tests-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// A clock the test moves by hand.
final class TestClock: Sendable {
    private let now: Mutex<Date>
    init(_ iso: String) { now = Mutex(Self.parse(iso)) }
    func set(_ iso: String) { now.withLock { $0 = Self.parse(iso) } }
    var date: Date { now.withLock { $0 } }
    static func parse(_ iso: String) -> Date {
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: iso)!
    }
}

let officer = Workstation(officer: "rina", terminal: "tty-test")

/// A new store in a new folder, on a clock set to Monday 2026-03-02 09:00 WIB.
func makeStore(clock: TestClock = TestClock("2026-03-02T02:00:00Z"), path: String? = nil) throws -> (LocalStore, TestClock) {
    let store = try LocalStore(path: path ?? temporaryFolder() + "/unit.sqlite", workstation: officer, busyTimeout: 0.2,
                               clock: { clock.date })
    try store.saveProfile(UnitProfile(code: "HUMAS", name: "Biro Humas"))
    return (store, clock)
}

func sampleRegistration(name: String = "Siti Nurhaliza", subject: String = "Laporan realisasi anggaran 2025",
                        at clock: TestClock) -> RequestRegistration {
    RequestRegistration(
        registrationNumber: "", unit: "HUMAS", receivedAt: clock.date, channel: .inPerson,
        requester: Requester(name: name, nik: "3171234567890002", address: "Jl. Merdeka 1, Jakarta",
                             phone: "081234567890", email: "siti@example.id"),
        information: subject, purpose: "Penelitian")
}

func d(_ text: String) -> CivilDate { CivilDate(iso: text)! }
