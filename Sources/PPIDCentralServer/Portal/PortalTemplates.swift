import Foundation
import Mustache

/// The portal's templates: the built-in ones, each replaced by a body's own file of the same name
/// in its templates folder. Read and parsed once, at start: a template with a mistake stops the
/// server with the file and the reason, rather than failing a page in front of the public.
struct PortalTemplates: Sendable {
    let library: MustacheLibrary
    let css: String

    /// Why a body's template could not be used.
    struct Failure: Error, CustomStringConvertible {
        let file: String
        let reason: String
        var description: String {
            "Templat portal \(file) tidak dapat dipakai: \(reason). Perbaiki berkasnya atau hapus agar templat bawaan dipakai. / "
                + "Portal template \(file) cannot be used: \(reason). Fix the file, or remove it to use the built-in one."
        }
    }

    static let builtIn: PortalTemplates = {
        var library = MustacheLibrary()
        for (name, source) in BuiltInPortalTemplates.templates {
            // The built-in templates are tested to parse; one that did not would leave its page blank, not crash.
            if let template = try? MustacheTemplate(string: source) { library.register(template, named: name) }
        }
        return PortalTemplates(library: library, css: BuiltInPortalTemplates.css)
    }()

    /// The built-in templates with those `folder` holds in their place.
    static func load(folder: String?) throws(Failure) -> PortalTemplates {
        guard let folder else { return builtIn }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw Failure(file: folder, reason: "folder tidak ada / no such folder")
        }
        var library = builtIn.library
        for name in BuiltInPortalTemplates.templates.keys {
            let file = (folder as NSString).appendingPathComponent("\(name).mustache")
            guard FileManager.default.fileExists(atPath: file) else { continue }
            guard let data = FileManager.default.contents(atPath: file), let source = String(data: data, encoding: .utf8) else {
                throw Failure(file: file, reason: "tidak terbaca sebagai UTF-8 / not readable as UTF-8")
            }
            do {
                library.register(try MustacheTemplate(string: source), named: name)
            } catch {
                throw Failure(file: file, reason: "\(error)")
            }
        }
        var css = builtIn.css
        let cssFile = (folder as NSString).appendingPathComponent("portal.css")
        if FileManager.default.fileExists(atPath: cssFile) {
            guard let data = FileManager.default.contents(atPath: cssFile), let text = String(data: data, encoding: .utf8) else {
                throw Failure(file: cssFile, reason: "tidak terbaca sebagai UTF-8 / not readable as UTF-8")
            }
            css = text
        }
        return PortalTemplates(library: library, css: css)
    }

    /// The page `name` rendered with `context`; nil when the template is missing.
    func render(_ name: String, _ context: [String: Any]) -> String? {
        library.render(context, withTemplate: name)
    }
}
