import HTTPTypes

/// The endpoints of the HTTP API v1. The router registers exactly these, and a test holds the
/// OpenAPI document (API/openapi.json) to the same list.
public enum Endpoint: String, CaseIterable, Sendable {
    case health
    case changes
    case events
    case requests
    case openAPI
    case metrics
    case fileList
    case fileUpload
    case fileContent
    case mail

    public var method: HTTPRequest.Method {
        switch self {
        case .health, .changes, .openAPI, .metrics, .fileList, .fileContent, .mail: .get
        case .events, .requests, .fileUpload: .post
        }
    }

    public var path: String {
        switch self {
        case .health: "/v1/health"
        case .changes: "/v1/changes"
        case .events: "/v1/events"
        case .requests: "/v1/requests"
        case .openAPI: "/v1/openapi.json"
        case .metrics: "/metrics"
        case .fileList, .fileUpload: "/v1/files"
        case .fileContent: "/v1/file"
        case .mail: "/v1/mail"
        }
    }

    /// Whether a bearer token is needed.
    public var needsToken: Bool {
        switch self {
        case .health, .openAPI: false
        case .changes, .events, .requests, .metrics, .fileList, .fileUpload, .fileContent, .mail: true
        }
    }
}
