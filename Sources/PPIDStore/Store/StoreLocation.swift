import Foundation
import PPIDDomain

/// Where a unit's database lives, and how its files are protected.
public enum StoreLocation {
    /// `${XDG_DATA_HOME:-~/.local/share}/ppid`.
    public static func defaultFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/ppid" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/ppid"
    }

    /// The default file for a unit: `<folder>/<unit>.sqlite`.
    public static func defaultPath(unit: String = "default", environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        defaultFolder(environment: environment) + "/\(unit.lowercased()).sqlite"
    }

    /// Creates the folder with mode 0700 if needed (the file holds NIKs, addresses and phone numbers).
    static func prepareFolder(for path: String) throws(StoreError) {
        let folder = (path as NSString).deletingLastPathComponent
        guard !folder.isEmpty else { return }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) { return }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw .cannotCreateFolder(path: folder, reason: (error as NSError).localizedDescription)
        }
    }

    /// Sets mode 0600 on the database and its WAL and shared-memory files.
    static func protectFiles(of path: String) {
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            chmod(path + suffix, 0o600)
        }
    }
}
