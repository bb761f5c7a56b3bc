import Foundation
import PPIDDomain
import PPIDWire

extension CentralStore {
    /// The state of a case during a push: its record, and the time of its latest event.
    struct CaseState {
        var record: CaseRecord?
        var latest: Date?
    }

    /// Validates and appends pushed events, in order, in one transaction. Each event is checked
    /// against its principal in full (``LedgerChecks``) and then by the lifecycle rules; the officer
    /// recorded is the token's, whatever the terminal claimed. An event already in the ledger is
    /// answered "accepted" with its first sequence number only when it is the same principal's
    /// identical event; any other use of its id is refused.
    ///
    /// With `sent` (each event's envelope as the terminal sent it, in order), an accepted event is
    /// stored as those bytes with the token's officer stamped in; without, it is encoded.
    ///
    /// The push is noted for the terminal's status (``terminalStatus()``), with the client's
    /// `version`, in the same transaction.
    public func push(_ request: PushRequest, sent: [SentEnvelope]? = nil, as principal: Principal,
                     version: String? = nil) throws(CentralError) -> PushResponse {
        let now = clock()
        let sent = sent.flatMap { $0.count == request.events.count ? $0 : nil }
        return try writeLedger { db in
            let batch = try PushBatch(request, in: db, principal: principal)
            var outcomes: [PushOutcome] = []
            outcomes.reserveCapacity(request.events.count)
            var contexts: [String: LifecycleContext] = [:]
            // Both hold large values, so each is sized once rather than grown (every growth copied
            // all of them: most of a push's memory traffic when most of its events call for letters).
            var folded: [String: CaseState] = [:]
            folded.reserveCapacity(request.events.count)
            var letters: [(EventEnvelope, CaseRecord, String)] = []
            letters.reserveCapacity(request.events.reduce(0) { $0 + (Self.callsForLetter($1.envelope.event) ? 1 : 0) })
            let encoder = WireCoding.encoder()
            let officerJSON = try encoder.encode(principal.officer)
            for (index, wire) in request.events.enumerated() {
                // The officer is the token's: a terminal's claim is replaced, never trusted.
                let envelope = EventEnvelope(meta: EventMeta(id: wire.envelope.meta.id, officer: principal.officer,
                                                             instant: wire.envelope.meta.instant, localDate: wire.envelope.meta.localDate),
                                             event: wire.envelope.event)
                let id = envelope.meta.id
                do {
                    if let sequence = try batch.replayedSequence(of: envelope) {
                        outcomes.append(PushOutcome(eventID: id, status: .accepted, sequence: sequence, reason: nil, reasonEnglish: nil))
                        continue
                    }
                    do throws(FieldProblem) { try EventBounds.check(envelope) } catch { throw LedgerRefusal(error) }
                    let caseID = envelope.event.caseID.text
                    // A check that looks at other cases sees the batch's own first.
                    if Self.looksAtOtherCases(envelope.event) { try batch.flush() }
                    let unit = try LedgerChecks.caseUnit(of: envelope, owner: batch.owners[caseID], fallback: wire.unit, principal: principal,
                                                         isKnown: batch.isKnownUnit, in: db)
                    let context = try contexts[unit] ?? Self.context(forUnit: unit, in: db)
                    contexts[unit] = context
                    // Each case is folded from the ledger once per batch, then carried forward in
                    // memory: taken out of the table while its event is checked (not copied), and
                    // put back, moved on or as it was when the event is refused.
                    var current = try folded.removeValue(forKey: caseID) ?? CaseState(try batch.history(of: caseID), context: context)
                    defer { folded[caseID] = current }
                    try LedgerChecks.claims(of: envelope, now: now, latest: current.latest, zone: context.zone)
                    try LedgerChecks.references(of: envelope, unit: unit, in: db)
                    try batch.checkNumbers(of: envelope, unit: unit, zone: context.zone)
                    let record: CaseRecord
                    do throws(EventRejection) {
                        // Its bounds were checked above, before any check that reads its values.
                        record = try DomainRules.apply(envelope, to: current.record, context: context, boundsChecked: true)
                    } catch {
                        throw LedgerRefusal(error)
                    }
                    let payload = try sent.map { $0[index].stamped(officer: officerJSON) } ?? encoder.encode(envelope)
                    guard payload.count <= Self.maximumEventBytes else {
                        throw LedgerRefusal("Peristiwa ini lebih dari \(Self.maximumEventBytes / 1024) KiB; persingkat teksnya.",
                                            "This event is over \(Self.maximumEventBytes / 1024) KiB; shorten its texts.")
                    }
                    current = CaseState(record: record, latest: max(current.latest ?? envelope.meta.instant, envelope.meta.instant))
                    let sequence = batch.append(envelope, payload: payload, unit: unit, zone: context.zone)
                    try batch.flushIfLarge()
                    if Self.callsForLetter(envelope.event) { letters.append((envelope, record, unit)) }
                    outcomes.append(PushOutcome(eventID: id, status: .accepted, sequence: sequence, reason: nil, reasonEnglish: nil))
                } catch let refusal as LedgerRefusal {
                    outcomes.append(PushOutcome(eventID: id, status: .rejected, sequence: nil,
                                                reason: refusal.indonesian, reasonEnglish: refusal.english))
                } catch let problem as FieldProblem {
                    outcomes.append(PushOutcome(eventID: id, status: .rejected, sequence: nil,
                                                reason: problem.text(.indonesian), reasonEnglish: problem.text(.english)))
                }
            }
            try batch.flush()
            // The letters the accepted acts call for, mailed by the outbox: in this transaction.
            for (envelope, record, unit) in letters {
                try Self.queueLetters(for: envelope, record: record, unit: unit, at: now, in: db)
            }
            let refused = outcomes.filter { $0.status == .rejected }.count
            try Self.notePush(by: principal, accepted: outcomes.count - refused, refused: refused, version: version,
                              at: now.timeIntervalSince1970, in: db)
            return PushResponse(outcomes: outcomes)
        }
    }

    /// Whether an event may call for a letter by email (``MailLetters`` decides which).
    static func callsForLetter(_ event: DomainEvent) -> Bool {
        switch event {
        case .request(_, .registered), .request(_, .decided), .request(_, .extended), .objection(_, .answered): true
        default: false
        }
    }

    /// Whether an event's checks read other cases from the register (so the batch writes its own first).
    static func looksAtOtherCases(_ event: DomainEvent) -> Bool {
        switch event {
        case .objection(_, .filed), .dispute(_, .filed), .request(_, .documentsLinked): true
        default: false
        }
    }

    /// The most one stored event may be, encoded: with the page budget, what bounds a page.
    public static let maximumEventBytes = 256 << 10
    /// A page of changes ends early once it holds this many bytes (it always holds at least one event).
    public static let maximumPageBytes = 4 << 20

    /// A stored envelope, decoded.
    static func decodeEnvelope(_ payload: Data) throws -> EventEnvelope {
        try WireCoding.decoder().decode(EventEnvelope.self, from: payload)
    }

    /// The events after `cursor` that `principal` may see, `limit` at most, decoded: for tools and tests.
    /// The HTTP API sends ``changesJSON(after:limit:for:knownReference:)``, which gives the same JSON.
    public func changes(after cursor: Int64, limit: Int, for principal: Principal, knownReference: Int64 = -1,
                        check: (sequence: Int64, id: UUID)? = nil) throws(CentralError) -> ChangesPage {
        let data = try changesJSON(after: cursor, limit: limit, for: principal, knownReference: knownReference, check: check)
        do {
            return try WireCoding.decoder().decode(ChangesPage.self, from: Data(data))
        } catch {
            throw .database(path: path, reason: "a stored event does not decode: \(error)")
        }
    }

    /// One page of changes as JSON bytes. Events are stored as the JSON they travel as, so the page is
    /// assembled from them without decoding: the server's work per event is a copy.
    public func changesJSON(after cursor: Int64, limit: Int, for principal: Principal, knownReference: Int64,
                            check: (sequence: Int64, id: UUID)? = nil) throws(CentralError) -> [UInt8] {
        try changesPage(after: cursor, limit: limit, for: principal, knownReference: knownReference, check: check).bytes
    }

    /// ``changesJSON(after:limit:for:knownReference:)`` with the page's next cursor: where the
    /// terminal stands once it has applied the page.
    /// With `check`, the client's highest known event is checked against the ledger: a page says
    /// `cursorKnown: false` when the register no longer holds that event at that number (restored
    /// from an older backup), or the number is not the client's to see.
    public func changesPage(after cursor: Int64, limit: Int, for principal: Principal, knownReference: Int64,
                            check: (sequence: Int64, id: UUID)? = nil) throws(CentralError) -> (bytes: [UInt8], nextCursor: Int64) {
        try read { db in
            try Self.changesPage(after: cursor, limit: limit, for: principal, knownReference: knownReference, check: check, in: db)
        }
    }

    /// What a sync's first request found: no live token, a principal refused (its rate), or a page.
    public enum TokenPage: Sendable {
        case unknownToken
        case refused
        case page(Principal, bytes: [UInt8], nextCursor: Int64)
    }

    /// A sync's first request in one read: the token's principal, admitted by `admit` (false: refused,
    /// say for its rate), then its page of changes. One transaction and one trip to a worker
    /// thread per pull, where two of each were spent: in a morning rush every terminal asks at once.
    ///
    /// A token seen before is taken to be the principal it was then, and the page's one question
    /// also asks whether that is still so (the token live, its officer's unit, role, name and
    /// series unchanged): one statement per empty sync, not three. When it is not so, the token is
    /// read again and its page asked for afresh, in the same call.
    public func changesPage(token: String, after cursor: Int64, limit: Int, knownReference: Int64,
                            check: (sequence: Int64, id: UUID)? = nil,
                            admit: (Principal) -> Bool) throws(CentralError) -> TokenPage {
        let hash = APIToken.hash(token)
        var admitted: Principal?
        if let known = knownPrincipals.principal(forTokenHash: hash) {
            guard admit(known) else { return .refused }
            admitted = known
            let page = try read { db -> (bytes: [UInt8], nextCursor: Int64)? in
                guard let found = try PageQuestion.askConfirming(tokenHash: hash, after: cursor, limit: limit, for: known,
                                                                 knownAt: check?.sequence, in: db) else { return nil }
                return try Self.changesPage(found, after: cursor, limit: limit, for: known, knownReference: knownReference,
                                            check: check, in: db)
            }
            if let page { return .page(known, bytes: page.bytes, nextCursor: page.nextCursor) }
            knownPrincipals.forget(tokenHash: hash)
        }
        // Admitted once per request: a token whose principal changed was counted above.
        return try freshPage(tokenHash: hash, after: cursor, limit: limit, knownReference: knownReference, check: check,
                             admitted: admitted != nil, admit: admit)
    }

    /// A sync's first request with its token read afresh: the principal (remembered for the next
    /// pulls), admitted by `admit` unless `admitted` already, then its page.
    func freshPage(tokenHash hash: String, after cursor: Int64, limit: Int, knownReference: Int64, check: (sequence: Int64, id: UUID)?,
                   admitted: Bool, admit: (Principal) -> Bool) throws(CentralError) -> TokenPage {
        let found = try read { db -> TokenPage in
            guard let principal = try Self.principal(tokenHash: hash, in: db) else { return .unknownToken }
            if !admitted { guard admit(principal) else { return .refused } }
            let page = try Self.changesPage(after: cursor, limit: limit, for: principal, knownReference: knownReference, check: check, in: db)
            return .page(principal, bytes: page.bytes, nextCursor: page.nextCursor)
        }
        if case let .page(principal, _, _) = found { knownPrincipals.remember(principal, tokenHash: hash) }
        return found
    }

    /// ``changesPage(token:after:limit:knownReference:check:admit:)`` asked together with the other
    /// pulls waiting at the same moment, in one statement (``GatheredPulls``): on PostgreSQL, for a
    /// unit's token seen before, which is every terminal's in a morning rush. Nil when this pull is
    /// not one to gather (SQLite, whose reads cost no trip; a token not seen yet; the PPID Utama's
    /// whole-body pages): the caller asks it alone.
    public func gatheredChangesPage(token: String, after cursor: Int64, limit: Int, knownReference: Int64,
                                    check: (sequence: Int64, id: UUID)? = nil,
                                    admit: (Principal) -> Bool) async throws(CentralError) -> TokenPage? {
        guard engine == .postgres else { return nil }
        let hash = APIToken.hash(token)
        guard let known = knownPrincipals.principal(forTokenHash: hash), known.scope != nil, known.tokenID != nil else { return nil }
        guard admit(known) else { return .refused }
        let question = GatheredQuestion(tokenHash: hash, cursor: cursor, limit: limit, principal: known, knownAt: check?.sequence)
        let result = await gatheredPulls.ask(question, knownReference: knownReference, check: check) { gathered in
            self.answer(gathered)
        }
        return try result.get()
    }

    /// Answers gathered pulls with one statement, on a runner's thread: each its page, or, for a
    /// token no longer the principal it was, its page read afresh (admitted already).
    func answer(_ gathered: [GatheredPulls.Waiting]) {
        var answers: [Result<TokenPage, CentralError>?]
        do {
            answers = try read { db in
                let found = try PageQuestion.askGathered(gathered.map(\.question), in: db)
                return zip(gathered, found).map { waiting, found -> Result<TokenPage, CentralError>? in
                    guard let found else { return nil }
                    let question = waiting.question
                    do {
                        let page = try Self.changesPage(found, after: question.cursor, limit: question.limit, for: question.principal,
                                                        knownReference: waiting.knownReference,
                                                        check: waiting.check, in: db)
                        return .success(.page(question.principal, bytes: page.bytes, nextCursor: page.nextCursor))
                    } catch {
                        return .failure(CentralError.wrap(error, path: path))
                    }
                }
            }
        } catch {
            answers = Array(repeating: .failure(error), count: gathered.count)
        }
        for (waiting, answer) in zip(gathered, answers) {
            if let answer {
                waiting.answer.resume(returning: answer)
                continue
            }
            let question = waiting.question
            knownPrincipals.forget(tokenHash: question.tokenHash)
            waiting.answer.resume(returning: Result { () throws(CentralError) -> TokenPage in
                try freshPage(tokenHash: question.tokenHash, after: question.cursor, limit: question.limit,
                              knownReference: waiting.knownReference, check: waiting.check,
                              admitted: true) { _ in true }
            })
        }
    }

    static func changesPage(after cursor: Int64, limit: Int, for principal: Principal, knownReference: Int64,
                            check: (sequence: Int64, id: UUID)?, in db: any SQLSession) throws -> (bytes: [UInt8], nextCursor: Int64) {
        let found = try PageQuestion.ask(after: cursor, limit: limit, for: principal, knownAt: check?.sequence, in: db)
        return try changesPage(found, after: cursor, limit: limit, for: principal, knownReference: knownReference, check: check, in: db)
    }

    /// The page of changes `found` (``PageQuestion``) holds for `principal`, as JSON, with its next cursor.
    static func changesPage(_ found: PageQuestion, after cursor: Int64, limit: Int, for principal: Principal, knownReference: Int64,
                            check: (sequence: Int64, id: UUID)?, in db: any SQLSession) throws -> (bytes: [UInt8], nextCursor: Int64) {
        let rows = found.rows
        let heads = (latest: found.latest, reference: found.reference)
        // Room for the rows as stored (about 600 bytes each), with their frames; an empty sync's
        // page is a few hundred bytes, where a megabyte reserved for each was most of its cost.
        var out: [UInt8] = []
        out.reserveCapacity(min(rows.count, limit) * 640 + 512)
        out.append(contentsOf: Array(#"{"events":["#.utf8))
        var count = 0
        var last = cursor
        var hasMore = false
        var unitJSON: [String: [UInt8]] = [:]
        for row in rows {
            // A page ends at its count, or early once its byte budget is spent.
            if count == limit || out.count >= Self.maximumPageBytes { hasMore = true; break }
            let sequence: Int64 = try row[0]
            let unit: String = try row[1]
            if count > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: Array(#"{"envelope":"#.utf8))
            out.append(contentsOf: try row.get(2, as: Data.self))
            out.append(contentsOf: Array(#","sequence":"#.utf8))
            out.append(contentsOf: Array(String(sequence).utf8))
            out.append(contentsOf: Array(#","unit":"#.utf8))
            if let cached = unitJSON[unit] { out.append(contentsOf: cached) } else {
                var encoded: [UInt8] = []
                JSONText.appendString(unit, to: &encoded)
                unitJSON[unit] = encoded
                out.append(contentsOf: encoded)
            }
            out.append(UInt8(ascii: "}"))
            count += 1
            last = sequence
        }
        out.append(contentsOf: Array(#"],"hasMore":"#.utf8))
        out.append(contentsOf: Array((hasMore ? "true" : "false").utf8))
        out.append(contentsOf: Array(#","identity":"#.utf8))
        principal.identity.appendJSON(to: &out)
        out.append(contentsOf: Array(#","nextCursor":"#.utf8))
        out.append(contentsOf: Array(String(last).utf8))
        out.append(contentsOf: Array(#","latest":"#.utf8))
        out.append(contentsOf: Array(String(heads.latest).utf8))
        if let check {
            let matches = found.held.map { held in held.uuid == check.id.uuidString && principal.mayAccess(unit: held.unit) } ?? false
            out.append(contentsOf: Array(#","cursorKnown":"#.utf8))
            out.append(contentsOf: Array((matches ? "true" : "false").utf8))
        }
        if heads.reference > knownReference {
            out.append(contentsOf: Array(#","reference":"#.utf8))
            out.append(contentsOf: Array(try WireCoding.encoder().encode(try Self.referenceData(db))))
        }
        out.append(UInt8(ascii: "}"))
        return (out, last)
    }

    /// The current state of a case on the server, folded from its events in sequence order.
    public func caseRecord(_ caseID: UUID) throws(CentralError) -> CaseRecord? {
        try read { db in
            guard let unit = try LedgerChecks.owner(of: caseID, in: db) else { return nil }
            return try Self.fold(caseID: caseID.uuidString, in: db, context: try Self.context(forUnit: unit, in: db))
        }
    }

    /// Every case of a unit (all units when nil), folded: what a client of that unit must hold after a full sync.
    public func caseRecords(unit: String?) throws(CentralError) -> [UUID: CaseRecord] {
        try read { db in
            var result: [UUID: CaseRecord] = [:]
            let rows = try db.rows(unit == nil ? "SELECT case_uuid, unit FROM case_units" :
                                    "SELECT case_uuid, unit FROM case_units WHERE unit = ?", unit.map { [$0] } ?? [])
            for row in rows {
                let id: String = try row[0]
                if let record = try Self.fold(caseID: id, in: db, context: try Self.context(forUnit: try row[1], in: db)),
                   let uuid = UUID(uuidString: id) {
                    result[uuid] = record
                }
            }
            return result
        }
    }

    /// The ids of the events of a unit (all when nil), in sequence order.
    public func eventIDs(unit: String?) throws(CentralError) -> [UUID] {
        try read { db in
            try db.rows(unit == nil ? "SELECT uuid FROM ledger ORDER BY sequence" : "SELECT uuid FROM ledger WHERE unit = ? ORDER BY sequence",
                        unit.map { [$0] } ?? []).compactMap { UUID(uuidString: try $0[0]) }
        }
    }

    static func fold(caseID: String, in db: any SQLSession, context: LifecycleContext) throws -> CaseRecord? {
        try caseState(caseID: caseID, in: db, context: context).record
    }

    /// A case folded from its events in sequence order, with the time of its latest event.
    static func caseState(caseID: String, in db: any SQLSession, context: LifecycleContext) throws -> CaseState {
        let decoder = WireCoding.decoder()
        let envelopes = try db.rows("SELECT payload FROM ledger WHERE case_uuid = ? ORDER BY sequence", [caseID])
            .map { try decoder.decode(EventEnvelope.self, from: try $0.get(0, as: Data.self)) }
        return CaseState(envelopes, context: context)
    }
}

extension CentralStore.CaseState {
    /// A case folded from its events in sequence order, with the time of its latest event.
    init(_ envelopes: [EventEnvelope], context: LifecycleContext) {
        self.init(record: DomainRules.fold(envelopes, context: context).record, latest: envelopes.map(\.meta.instant).max())
    }
}

/// The role an officer acted under, recorded with every accepted event.
public enum ActingRole: String, Sendable, Hashable, Codable {
    case unitOfficer = "unit"
    case ppidUtama = "utama"
}

/// Who the ledger records behind one event: the token's officer, their name and role.
public struct RecordedActor: Hashable, Sendable {
    public let login: String
    public let name: String
    public let role: ActingRole

    public init(login: String, name: String, role: ActingRole) {
        self.login = login
        self.name = name
        self.role = role
    }
}

extension CentralStore {
    /// Who the ledger records behind an event (nil for an unknown event).
    public func recordedActor(of eventID: UUID) throws(CentralError) -> RecordedActor? {
        try read { db in
            guard let row = try db.row("""
                SELECT l.pushed_by, COALESCE(o.name, l.pushed_by), l.acted_as FROM ledger l
                LEFT JOIN officers o ON o.login = l.pushed_by WHERE l.uuid = ?
                """, [eventID.uuidString]) else { return nil }
            return RecordedActor(login: try row[0], name: try row[1], role: ActingRole(rawValue: try row[2]) ?? .unitOfficer)
        }
    }
}
