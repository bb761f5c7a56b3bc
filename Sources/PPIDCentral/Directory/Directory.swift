import Foundation
import PPIDDomain
import PPIDWire

extension CentralStore {
    /// Creates a work unit. `isMain` marks the PPID Utama (at most one).
    public func addUnit(code: String, name: String, zone: String = "WIB", isMain: Bool = false) throws(CentralError) {
        let code = code.trimmingCharacters(in: .whitespaces).uppercased()
        guard !code.isEmpty, code.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
            throw .invalid(field: "code", reason: "letters, digits and '-' only / huruf, angka dan '-' saja")
        }
        do { _ = try UnitZone(parsing: zone) } catch {
            throw .invalid(field: "zone", reason: error.text(.indonesian))
        }
        try write { db in
            if try db.exists("SELECT 1 FROM units WHERE code = ?", [code]) {
                throw CentralError.duplicate(what: "Unit \(code)")
            }
            if isMain, try db.exists("SELECT 1 FROM units WHERE is_main = 1") {
                throw CentralError.duplicate(what: "PPID Utama")
            }
            try db.execute("INSERT INTO units(code, name, zone, is_main) VALUES (?, ?, ?, ?)", [code, name, zone, isMain])
            try Self.bumpReference(db)
        }
    }

    /// Creates an officer of a unit.
    public func addOfficer(login: String, name: String, unit: String) throws(CentralError) {
        guard !login.isEmpty, login.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) }) else {
            throw .invalid(field: "login", reason: "letters, digits, '.', '_' and '-' only / huruf, angka, '.', '_' dan '-' saja")
        }
        try write { db in
            guard try db.exists("SELECT 1 FROM units WHERE code = ?", [unit]) else {
                throw CentralError.unknownUnit(unit)
            }
            if try db.exists("SELECT 1 FROM officers WHERE login = ?", [login]) {
                throw CentralError.duplicate(what: "Officer \(login)")
            }
            try db.execute("INSERT INTO officers(login, name, unit) VALUES (?, ?, ?)", [login, name, unit])
            try Self.bumpReference(db)
        }
    }

    /// Issues a new API token for an officer and returns it: it is shown this once, only its hash is kept.
    ///
    /// The token enrolls one terminal: it carries the next number series of the officer's unit
    /// (see ``TerminalSeries``), so the numbers that terminal gives are unique in the unit, offline too.
    public func issueToken(officer login: String, label: String = "") throws(CentralError) -> String {
        let now = clock().timeIntervalSince1970
        return try write { db in
            guard let unit = try db.value("SELECT unit FROM officers WHERE login = ?", [login], as: String.self) else {
                throw CentralError.unknownOfficer(login)
            }
            let last = try db.value("SELECT max(ordinal) FROM terminal_series WHERE unit = ?", [unit], as: Int.self) ?? 0
            guard let series = TerminalSeries(ordinal: last + 1) else { throw CentralError.seriesExhausted(unit: unit) }
            let token = series.token(secret: APIToken.generateSecret())
            guard let tokenID = try db.value("INSERT INTO tokens(hash, officer, label, created_at, series) VALUES (?, ?, ?, ?, ?) RETURNING id",
                                             [APIToken.hash(token), login, label, now, series.code], as: Int64.self) else {
                throw CentralError.database(path: "tokens", reason: "no id returned")
            }
            try db.execute("INSERT INTO terminal_series(unit, code, ordinal, token_id) VALUES (?, ?, ?, ?)",
                           [unit, series.code, series.ordinal, tokenID])
            return token
        }
    }

    /// Revokes every token of an officer; returns how many were live.
    @discardableResult
    public func revokeTokens(officer login: String) throws(CentralError) -> Int {
        let now = clock().timeIntervalSince1970
        return try write { db in
            try db.execute("UPDATE tokens SET revoked_at = ? WHERE officer = ? AND revoked_at IS NULL", [now, login])
        }
    }

    /// Revokes one token (one that was issued but could not be handed over).
    public func revokeToken(_ token: String) throws(CentralError) {
        let now = clock().timeIntervalSince1970
        try write { db in
            try db.execute("UPDATE tokens SET revoked_at = ? WHERE hash = ? AND revoked_at IS NULL", [now, APIToken.hash(token)])
        }
    }

    /// The principal a bearer token stands for, or nil for an unknown or revoked token.
    public func authenticate(token: String) throws(CentralError) -> Principal? {
        let hash = APIToken.hash(token)
        return try read { db in try Self.principal(tokenHash: hash, in: db) }
    }

    /// The principal of a live token, by the token's hash, in the caller's transaction.
    static func principal(tokenHash hash: String, in db: any SQLSession) throws -> Principal? {
        guard let row = try db.row(HotStatements.principalByTokenHash, [hash]) else { return nil }
        return Principal(officer: try row[0], unit: try row[1], isMain: try row[2], name: try row[3],
                         series: (try row.get(4, as: String?.self)).flatMap(TerminalSeries.init(code:)), tokenID: try row[5])
    }

    /// Every unit, by code.
    public func units() throws(CentralError) -> [WireUnit] {
        try read { db in try Self.units(db) }
    }

    static func units(_ db: any SQLSession) throws -> [WireUnit] {
        try db.rows("SELECT code, name, zone, is_main FROM units ORDER BY code").map(unit(from:))
    }

    static func unit(_ code: String, in db: any SQLSession) throws -> WireUnit? {
        try db.row("SELECT code, name, zone, is_main FROM units WHERE code = ?", [code]).map(unit(from:))
    }

    /// A unit from a `code, name, zone, is_main` row.
    static func unit(from row: SQLRow) throws -> WireUnit {
        WireUnit(code: try row[0], name: try row[1], zone: try row[2], isMain: try row[3])
    }
}
