import Foundation

/// The OpenAPI document of the API v1, shipped with the server and served at `/v1/openapi.json`.
public enum OpenAPIDocument {
    /// The document's bytes, or nil when the resource bundle is missing.
    public static let bytes: [UInt8]? = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"),
              let data = try? Data(contentsOf: url) else { return nil }
        return Array(data)
    }()
}
