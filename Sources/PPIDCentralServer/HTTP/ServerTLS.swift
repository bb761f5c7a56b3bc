import Foundation
import NIOSSL
import PPIDCentral

/// The server's certificate and key for HTTPS served directly (`serve --tls-certificate FILE
/// --tls-key FILE`), PEM files, checked when loaded so a wrong file is refused at start with a
/// message, never at the first connection.
public struct ServerTLS: Sendable {
    public let configuration: TLSConfiguration

    public static func load(certificate: String, key: String) throws(CentralError) -> ServerTLS {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificate)
        } catch {
            throw .invalid(field: "--tls-certificate", reason: "\(certificate): bukan sertifikat PEM yang dapat dibaca / not a readable PEM certificate (\(error))")
        }
        guard !chain.isEmpty else { throw .invalid(field: "--tls-certificate", reason: "\(certificate): tidak ada sertifikat / no certificate in it") }
        let privateKey: NIOSSLPrivateKey
        do {
            privateKey = try NIOSSLPrivateKey(file: key, format: .pem)
        } catch {
            throw .invalid(field: "--tls-key", reason: "\(key): bukan kunci privat PEM yang dapat dibaca / not a readable PEM private key (\(error))")
        }
        var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) },
                                                                     privateKey: .privateKey(privateKey))
        configuration.minimumTLSVersion = .tlsv12
        do {
            _ = try NIOSSLContext(configuration: configuration)
        } catch {
            throw .invalid(field: "--tls-key", reason: "sertifikat dan kunci tidak cocok / the certificate and key do not match (\(error))")
        }
        return ServerTLS(configuration: configuration)
    }
}
