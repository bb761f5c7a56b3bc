import Foundation
import PPIDCentral
import PPIDCentralServer
import PPIDDomain
import PPIDStore
import PPIDSync
import Testing

/// HTTPS served directly: a body's own CA, a server certificate for its address, and terminals
/// that trust that CA (`server_ca`), on loopback.
@Suite("Sync over HTTPS", .serialized)
struct TLSTests {
    /// Runs openssl; true when it succeeded.
    @discardableResult
    static func openssl(_ arguments: [String], in folder: String) throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// A CA, and a certificate for 127.0.0.1 that it signed.
    static func certificates(in folder: String) throws {
        try #require(try openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
                                  "-subj", "/CN=PPID Test CA", "-addext", "basicConstraints=critical,CA:TRUE",
                                  "-addext", "keyUsage=critical,keyCertSign,cRLSign"], in: folder))
        try #require(try openssl(["req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
                                  "-subj", "/CN=127.0.0.1"], in: folder))
        try "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n"
            .write(toFile: folder + "/ext.cnf", atomically: true, encoding: .utf8)
        try #require(try openssl(["x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                                  "-out", "server.pem", "-days", "2", "-extfile", "ext.cnf"], in: folder))
        try #require(try openssl(["req", "-newkey", "rsa:2048", "-nodes", "-keyout", "other.key", "-out", "other.csr",
                                  "-subj", "/CN=other"], in: folder))
    }

    @Test("A terminal trusting the body's CA syncs over HTTPS; without it, or over plain HTTP, it is refused with a message", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl")))
    func httpsSync() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ppid-tls-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Self.certificates(in: folder)
        #expect(throws: CentralError.self, "a key that is not the certificate's is refused at start") {
            _ = try ServerTLS.load(certificate: folder + "/server.pem", key: folder + "/other.key")
        }
        #expect(throws: CentralError.self) { _ = try ServerTLS.load(certificate: folder + "/ext.cnf", key: folder + "/server.key") }
        let tls = try ServerTLS.load(certificate: folder + "/server.pem", key: folder + "/server.key")

        let store = try CentralStore(path: try TestRegister.fresh())
        try store.addUnit(code: "HUMAS", name: "Biro Humas")
        try store.addOfficer(login: "rina", name: "Rina", unit: "HUMAS")
        let token = try store.issueToken(officer: "rina")
        let server = try await RunningServer.start(CentralServer(store: store, port: 0, tls: tls))
        defer { Task { await server.stop() } }
        let local = try LocalStore(path: folder + "/t.sqlite", workstation: Workstation(officer: "rina", terminal: "t"))

        let trusted = Self.engine(local, port: server.port, token: token, scheme: "https", trusting: folder + "/ca.pem")
        _ = try await trusted.runOnce()
        _ = try Work.register(local, unit: "HUMAS")
        let report = try await Self.engine(local, port: server.port, token: token, scheme: "https", trusting: folder + "/ca.pem").runOnce()
        #expect(report.accepted == 1 && store.profileUnitCount() == 1)
        let untrusted = await Self.failure(of: Self.engine(local, port: server.port, token: token, scheme: "https", trusting: nil))
        if case .untrustedServer? = untrusted {} else { Issue.record("an untrusted CA must be refused as such: \(String(describing: untrusted))") }
        #expect(untrusted?.text(.english).contains("server_ca") == true)
        let plain = await Self.failure(of: Self.engine(local, port: server.port, token: token, scheme: "http", trusting: nil))
        #expect(plain != nil, "plain HTTP to the HTTPS port fails")
        try TokenFileWriter.write(token, to: folder + "/t.token")
        #expect(throws: SyncError.certificatesUnreadable(path: folder + "/missing.pem")) {
            _ = try SyncSettings.load(server: "https://127.0.0.1:1", tokenFile: folder + "/t.token", trustedCertificates: folder + "/missing.pem")
        }
    }

    static func engine(_ local: LocalStore, port: Int, token: String, scheme: String, trusting: String?) -> SyncEngine {
        var settings = SyncSettings(server: URL(string: "\(scheme)://127.0.0.1:\(port)")!, token: token)
        settings.trustedCertificates = trusting
        settings.attempts = 1
        settings.timeout = .seconds(5)
        return SyncEngine(store: local, settings: settings, sleep: { _ in }, random: { 0 })
    }

    static func failure(of engine: SyncEngine) async -> SyncError? {
        do {
            _ = try await engine.runOnce()
            return nil
        } catch {
            return error
        }
    }
}

extension CentralStore {
    /// Cases in the ledger, for a quick check.
    func profileUnitCount() -> Int { (try? caseRecords(unit: nil).count) ?? 0 }
}
