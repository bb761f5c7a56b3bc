import ArgumentParser
import Foundation
import PPIDCentral

/// `ppid-central views NUMBER`: who opened a request's identity scan, and when.
struct ViewsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "views",
        abstract: "Siapa membuka pindaian identitas sebuah permohonan, dan kapan. / Who opened a request's identity scan, and when.")
    @OptionGroup var database: DatabaseOption
    @Argument(help: "Nomor registrasi. / The register number.") var number: String

    func run() throws {
        let store = try database.open()
        guard let views = try perform({ () throws(CentralError) in try store.fileViews(number: number) }) else {
            throw CentralError.invalid(field: "number", reason: "tidak ada perkara bernomor \(number) / no case numbered \(number)").exit()
        }
        if views.isEmpty { print("Pindaian identitas belum pernah dibuka. / The identity scan has not been opened."); return }
        let formatter = ISO8601DateFormatter()
        for view in views {
            print("\(formatter.string(from: view.viewedAt))\t\(view.officer)@\(view.unit)\t\(view.sha256.prefix(12))")
        }
    }
}
