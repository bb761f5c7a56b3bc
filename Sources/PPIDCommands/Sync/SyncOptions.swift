import ArgumentParser
import Foundation
import PPIDDomain
import PPIDSync

/// `--server` and `--token-file`, over the config's `server` and `token_file`.
struct SyncOptions: ParsableArguments {
    @Option(help: "Alamat server pusat, mis. http://127.0.0.1:8080 (bawaan: 'server' di config) / Central server address.")
    var server: String?

    @Option(help: "Berkas token petugas, mode 0600 (bawaan: 'token_file' di config) / The officer's token file.")
    var tokenFile: String?

    /// Whether sync is set up at all, by option or config.
    func isConfigured(_ config: Config) -> Bool {
        (server ?? config["server"]) != nil
    }

    /// The settings, or a message saying what to set.
    func settings(_ config: Config, language: Language) throws -> SyncSettings {
        do {
            return try SyncSettings.load(server: server ?? config["server"], tokenFile: tokenFile ?? config["token_file"],
                                         trustedCertificates: config["server_ca"])
        } catch {
            throw CommandError(error, language: language)
        }
    }
}

/// Runs async work from a synchronous command, waiting for it.
func runBlocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
    let semaphore = DispatchSemaphore(value: 0)
    let box = ResultBox<T>()
    Task {
        do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
        semaphore.signal()
    }
    semaphore.wait()
    return try box.result!.get()
}

final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}
