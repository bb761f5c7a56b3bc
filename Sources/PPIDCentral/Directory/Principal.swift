import PPIDWire

/// Who is calling: the officer a bearer token belongs to, and what that token may see and write.
public struct Principal: Hashable, Sendable {
    public let officer: String
    public let unit: String
    /// The PPID Utama sees every unit and dispatches requests; any other token is scoped to its unit.
    public let isMain: Bool

    public init(officer: String, unit: String, isMain: Bool) {
        self.officer = officer
        self.unit = unit
        self.isMain = isMain
    }

    /// The unit whose cases this principal is limited to, or nil for all (PPID Utama).
    public var scope: String? { isMain ? nil : unit }

    /// Whether this principal may read or write a case of `unit`.
    public func mayAccess(unit other: String) -> Bool { isMain || other == unit }

    public var identity: Identity { Identity(officer: officer, unit: unit, isMain: isMain) }
}
