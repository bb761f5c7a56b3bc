/// How the public portal looks: the built-in templates, or a body's own in a folder
/// (`ppid-central serve --portal-templates DIR`), read once when the server starts.
public struct PortalConfiguration: Sendable {
    let templates: PortalTemplates

    /// The built-in templates and style sheet.
    public static let builtIn = PortalConfiguration(templates: .builtIn)

    /// The built-in templates with those in `folder` in their place; a template that does not parse
    /// is refused here, with its file and the reason.
    public static func load(templates folder: String?) throws -> PortalConfiguration {
        PortalConfiguration(templates: try PortalTemplates.load(folder: folder))
    }
}
