import PPIDDomain
import PPIDStore
import PPIDSync
import PPIDWire

/// A terminal that syncs is one of several registers of its unit: its numbers carry the series its
/// token was issued with. The series is read from the token file, so a terminal enrolled but still
/// offline gives final numbers from its first request on.
enum Enrollment {
    /// Adopts the series of the configured token file and, when sync is set up, makes the store give
    /// no number without a series. An unreadable token file is not an error here: sync says why.
    static func prepare(_ store: LocalStore, config: Config, tokenFile: String? = nil, server: String? = nil) {
        guard (server ?? config["server"]) != nil else { return }
        store.requireSeries()
        guard let path = tokenFile ?? config["token_file"], let token = try? TokenFile.read(path),
              let series = TerminalSeries.carried(by: token) else { return }
        try? store.adoptTerminalSeries(series)
    }
}

extension SyncOptions {
    /// ``Enrollment/prepare(_:config:tokenFile:server:)`` with these options over the config.
    func enroll(_ store: LocalStore, config: Config) {
        Enrollment.prepare(store, config: config, tokenFile: tokenFile, server: server)
    }
}
