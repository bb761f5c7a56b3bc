import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import PPIDCentral
import PPIDCentralServer
import PPIDDomain
import PPIDWire

/// A central server on loopback with two units and the PPID Utama, and one token per officer.
struct Fixture {
    let store: CentralStore
    let server: RunningServer
    let humas: String
    let keu: String
    let main: String

    static func start(limits: ServerLimits = ServerLimits(), path: String = ":memory:",
                      logger: Logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })) async throws -> Fixture {
        let store = try CentralStore(path: path == ":memory:" ? try TestRegister.fresh() : path)
        try store.addUnit(code: "UTAMA", name: "PPID Utama", isMain: true)
        try store.addUnit(code: "HUMAS", name: "Humas")
        try store.addUnit(code: "KEU", name: "Keuangan", zone: "WITA")
        try store.addOfficer(login: "ratna", name: "Ratna", unit: "UTAMA")
        try store.addOfficer(login: "rina", name: "Rina", unit: "HUMAS")
        try store.addOfficer(login: "dewi", name: "Dewi", unit: "KEU")
        let fixture = Fixture(store: store, server: try await RunningServer.start(CentralServer(store: store, port: 0, limits: limits, logger: logger)),
                              humas: try store.issueToken(officer: "rina"), keu: try store.issueToken(officer: "dewi"),
                              main: try store.issueToken(officer: "ratna"))
        return fixture
    }

    struct Answer {
        let status: Int
        let headers: HTTPHeaders
        let body: Data
        func json() throws -> Any { try JSONSerialization.jsonObject(with: body) }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try WireCoding.decoder().decode(T.self, from: body) }
    }

    func call(_ method: HTTPMethod, _ path: String, token: String?, body: Data? = nil, gzip: Bool = false) async throws -> Answer {
        var request = HTTPClientRequest(url: server.url.absoluteString + path)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if gzip { request.headers.add(name: "Accept-Encoding", value: "gzip") }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let response = try await (gzip ? Self.client : Self.plainClient).execute(request, timeout: .seconds(10))
        let buffer = try await response.body.collect(upTo: 64 << 20)
        return Answer(status: Int(response.status.code), headers: response.headers, body: Data(buffer.readableBytesView))
    }

    func stop() async { await server.stop() }

    /// A client that asks for no compression.
    static let plainClient = HTTPClient(eventLoopGroupProvider: .singleton)

    /// One client for every test, inflating gzip answers like the terminal's does.
    static let client: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.decompression = .enabled(limit: .ratio(200))
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }()
}

/// Builds events the way a terminal would.
enum Events {
    nonisolated(unsafe) static let formatter = ISO8601DateFormatter()

    static func registration(unit: String, id: UUID = UUID()) -> RequestRegistration {
        RequestRegistration(id: id, registrationNumber: "\(id.uuidString.prefix(8))/PPID-\(unit)/III/2026", unit: unit,
                            receivedAt: formatter.date(from: "2026-03-02T02:00:00Z")!, channel: .inPerson,
                            requester: Requester(name: "Siti", nik: "3171234567890002", address: "Jakarta"), information: "Data", purpose: "Riset")
    }

    static func wire(_ event: DomainEvent, unit: String, day: String = "2026-03-03") -> WireEvent {
        WireEvent(envelope: EventEnvelope(meta: EventMeta(id: TimeOrderedID.make(at: Date()), officer: "t",
                                                          instant: formatter.date(from: "\(day)T03:00:00Z")!,
                                                          localDate: CivilDate(iso: day)!), event: event),
                  unit: unit, sequence: nil)
    }

    static func push(_ events: [WireEvent]) throws -> Data {
        try WireCoding.encoder().encode(PushRequest(events: events))
    }
}
