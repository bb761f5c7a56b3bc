import PPIDDomain
import PPIDWire

/// Who is calling: the officer a bearer token belongs to, and what that token may see and write.
public struct Principal: Hashable, Sendable {
    public let officer: String
    public let unit: String
    /// The PPID Utama sees every unit and dispatches requests; any other token is scoped to its unit.
    public let isMain: Bool
    /// The officer's full name as the directory holds it.
    public let name: String
    /// The number series of the terminal the token enrolled (nil for a token issued before series).
    public let series: TerminalSeries?
    /// The token's row: one per enrolled terminal, for its activity in the status.
    public let tokenID: Int64?

    public init(officer: String, unit: String, isMain: Bool, name: String = "", series: TerminalSeries? = nil, tokenID: Int64? = nil) {
        self.officer = officer
        self.unit = unit
        self.isMain = isMain
        self.name = name
        self.series = series
        self.tokenID = tokenID
    }

    /// The role this principal's acts are recorded under.
    public var role: ActingRole { isMain ? .ppidUtama : .unitOfficer }

    /// The unit whose cases this principal is limited to, or nil for all (PPID Utama).
    public var scope: String? { isMain ? nil : unit }

    /// Whether this principal may read or write a case of `unit`.
    public func mayAccess(unit other: String) -> Bool { isMain || other == unit }

    public var identity: Identity { Identity(officer: officer, unit: unit, isMain: isMain, name: name, series: series?.code) }
}
