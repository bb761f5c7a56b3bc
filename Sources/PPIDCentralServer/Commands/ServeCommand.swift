import ArgumentParser
import Foundation
import Hummingbird
import Logging
import PPIDCentral
import PPIDWire

/// How `serve` writes its log lines.
enum LogFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `ppid-central serve`: runs the HTTP API.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Menjalankan server API v1 (bawaan). / Runs the API v1 server (default).")

    @OptionGroup var database: DatabaseOption
    @Option(help: "Alamat yang didengar. / Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port.") var port = 8080
    @Option(help: "Log ke stderr: text atau json. / Logs on standard error: text or json.") var logFormat: LogFormat = .text
    @Option(help: "Sertifikat TLS (PEM, rantai lengkap): layani HTTPS. / TLS certificate chain (PEM): serve HTTPS.")
    var tlsCertificate: String?
    @Option(help: "Kunci privat TLS (PEM). / TLS private key (PEM).") var tlsKey: String?
    @Option(help: "Folder templat portal (layout/home/dip-list/dip-entry/not-found.mustache, portal.css) pengganti bawaan. / Folder of portal templates replacing the built-in ones.")
    var portalTemplates: String?
    @Option(help: "Relai SMTP untuk surat kepada pemohon: smtp://[USER:PASSWORD@]HOST[:PORT]. Tanpa ini surat menunggu di kotak keluar. / SMTP relay for letters to requesters; without it they wait in the outbox.")
    var smtp: String?
    @Option(help: "Alamat pengirim surat. / The letters' sender address.") var mailFrom = "ppid@localhost"
    @Flag(help: "Mulai dengan unit, petugas, token dan permohonan demo (basis data demo tersendiri). / Start with demo data.")
    var demo = false
    @Option(help: "Folder berkas token demo. / Folder for the demo token files.") var tokenFolder: String?
    @Option(help: ArgumentHelp("Untuk uji: bagian permintaan yang diberi gangguan acak (0-1). / Testing: share of requests given a random fault.",
                               visibility: .hidden))
    var faults: Double?

    func validate() throws {
        guard (1...65_535).contains(port) else {
            throw ValidationError("--port harus 1-65535 (diberi \(port)). / --port must be 1-65535 (given \(port)).")
        }
        if let faults, !(0...1).contains(faults) {
            throw ValidationError("--faults harus 0-1. / --faults must be 0-1.")
        }
    }

    func run() async throws {
        ServerLimits.raiseFileLimit()
        let store = try database.open(demo: demo)
        if demo {
            let folder = tokenFolder ?? (CentralPaths.dataFolder as NSString).appendingPathComponent("demo-tokens")
            let logins = try perform { () throws(CentralError) in try CentralDemo.install(into: store, tokenFolder: folder) }
            print("Demo: \(store.path)")
            print("Token demo (mode 0600) / demo tokens:")
            for login in logins { print("  \(login.unit.padding(toLength: 6, withPad: " ", startingAt: 0)) \(login.officer.padding(toLength: 7, withPad: " ", startingAt: 0)) \(login.tokenFile)") }
            print("Terminal unit HUMAS / a HUMAS terminal:")
            print("  ppid --db /tmp/humas1.sqlite --empty --server http://\(host):\(port) --token-file \(logins.first { $0.officer == "humas1" }?.tokenFile ?? "")")
        }
        fflush(nil)
        var plan: FaultPlan? = nil
        if let faults {
            plan = FaultPlan()
            plan?.injectRandomly(rate: faults, seed: 0x5EED)
        }
        let format = logFormat
        var logger = Logger(label: "ppid-central") { label -> any LogHandler in
            format == .json ? JSONLogHandler(label: label) : TextLogHandler(label: label)
        }
        logger.logLevel = Logger.Level.info
        var tls: ServerTLS? = nil
        switch (tlsCertificate, tlsKey) {
        case let (certificate?, key?):
            tls = try perform { () throws(CentralError) in try ServerTLS.load(certificate: HomePath.expand(certificate), key: HomePath.expand(key)) }
        case (nil, nil): break
        default:
            throw CentralError.invalid(field: "--tls-certificate", reason: "beri --tls-certificate dan --tls-key bersama / give --tls-certificate and --tls-key together").exit()
        }
        let portal: PortalConfiguration
        do {
            portal = try PortalConfiguration.load(templates: portalTemplates.map(HomePath.expand))
        } catch {
            throw CentralError.invalid(field: "--portal-templates", reason: "\(error)").exit()
        }
        var delivery: MailDelivery?
        if let smtp {
            do {
                delivery = MailDelivery(store: store, relay: try SMTPRelay(url: smtp, from: mailFrom), logger: logger)
            } catch {
                throw CentralError.invalid(field: "--smtp", reason: "\(error)").exit()
            }
        }
        let scheme = tls == nil ? "http" : "https"
        let server = CentralServer(store: store, host: host, port: port, faults: plan, logger: logger, tls: tls, portal: portal)
        let app = try server.application(onRunning: { port in
            print("ppid-central mendengar di / listening on \(scheme)://\(host):\(port)  (Ctrl-C berhenti / stops)")
            print("Portal publik / public portal: \(scheme)://\(host):\(port)/")
            fflush(nil)
        })
        // Letters go out while the server runs; without a relay they wait in the outbox.
        let mailer = delivery.map { worker in Task { await worker.run() } }
        if let delivery { print("Surat lewat / letters via \(delivery.relay) dari / from \(delivery.relay.from)") }
        // The pulls noted in memory are written before the process ends (SIGTERM, Ctrl-C).
        defer {
            mailer?.cancel()
            store.close()
        }
        try await app.runService()
    }
}
