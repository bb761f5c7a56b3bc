import Foundation
import GRDB
import PPIDDomain

/// An event pulled from the central server, with its global sequence number.
public struct PulledEvent: Sendable {
    public let envelope: EventEnvelope
    public let sequence: Int64
    /// The envelope's JSON as the server sent it, stored as is (nil: encode it here).
    public let payload: Data?

    public init(envelope: EventEnvelope, sequence: Int64, payload: Data? = nil) {
        self.envelope = envelope
        self.sequence = sequence
        self.payload = payload
    }
}

/// Reference data the server sent: kept as given, calendars applied.
public struct PulledReference: Sendable {
    public let revision: Int64
    /// The units and officers, as JSON, for display.
    public let unitsJSON: String
    public let officersJSON: String
    public let calendars: [(name: String, body: String)]

    public init(revision: Int64, unitsJSON: String, officersJSON: String, calendars: [(name: String, body: String)]) {
        self.revision = revision
        self.unitsJSON = unitsJSON
        self.officersJSON = officersJSON
        self.calendars = calendars
    }
}

/// One page of changes to apply: all of it or none.
public struct PulledPage: Sendable {
    public let events: [PulledEvent]
    public let nextCursor: Int64
    public let reference: PulledReference?
    /// Events of the page this terminal could not read: kept aside, the rest applies.
    public let setAside: [PulledSetAside]
    /// Its cases folded ahead (``LocalStore/prefold(_:)``), which the write uses where it can.
    public var prefolded: PrefoldedCases?

    public init(events: [PulledEvent], nextCursor: Int64, reference: PulledReference?, setAside: [PulledSetAside] = []) {
        self.events = events
        self.nextCursor = nextCursor
        self.reference = reference
        self.setAside = setAside
    }
}

/// An event of the server's log this terminal could not read (see ``LocalStore/setAsideEvents()``).
public struct PulledSetAside: Sendable, Hashable {
    public let sequence: Int64
    public let unit: String
    public let caseID: UUID?
    public let payload: Data
    public let reason: String

    public init(sequence: Int64, unit: String, caseID: UUID?, payload: Data, reason: String) {
        self.sequence = sequence
        self.unit = unit
        self.caseID = caseID
        self.payload = payload
        self.reason = reason
    }
}

/// What applying a page did.
public struct PullApplied: Hashable, Sendable {
    /// Events new to this database.
    public var added = 0
    /// Events it already held (its own pushes, a page seen twice).
    public var alreadyHeld = 0
    /// Calendar files added, and deadlines they moved.
    public var calendarsAdded = 0
    public var deadlinesMoved = 0
    /// Events this terminal could not read, set aside.
    public var setAside = 0
}

extension LocalStore {
    /// Applies one page of the server's changes in one transaction: the events, the projections of
    /// their cases, the reference data and the new cursor, all or nothing. A page seen before changes
    /// nothing, so a sync interrupted at any point resumes by pulling from the stored cursor again.
    /// The client's own events coming back are matched by id and marked accepted.
    @discardableResult
    public func applyPull(_ page: PulledPage) throws(StoreError) -> PullApplied {
        var calendarsChanged = false
        defer { if calendarsChanged { try? reloadCache() } }
        return try write { db in
            var applied = PullApplied()
            let cursor = try Self.syncCursor(in: db)
            // Cases touched by this page: new ones fold in memory, ones with history refold from the log.
            var order: [UUID] = []
            // A new case's events, as their places in `others` (the envelopes are only taken out
            // when the case was not folded ahead).
            var fresh: [UUID: [Int]] = [:]
            var refold: Set<UUID> = []
            // The events past the cursor (the rest: a page seen before), walked in place rather than
            // copied out of the page: thousands of envelopes per page.
            var incomingCount = 0
            var pageCases: Set<UUID> = []
            for event in page.events where event.sequence > cursor {
                incomingCount += 1
                pageCases.insert(event.envelope.event.caseID)
            }
            applied.alreadyHeld += page.events.count - incomingCount
            // This terminal's own events still waiting for the server's word: few, asked once per page.
            let pending = Set(try String.fetchAll(db, sql: "SELECT event_uuid FROM outbox WHERE state = 'pending'"))
            // Cases this database held before the page, asked once per page rather than once per event.
            let knownCases = try Self.found(db, pageCases.map(\.text), sql: "SELECT DISTINCT case_uuid FROM events WHERE case_uuid IN")
            let accept = try db.cachedStatement(sql: "UPDATE outbox SET state = 'accepted', server_seq = ? WHERE event_uuid = ? AND state = 'pending'")
            // This terminal's own events are marked accepted; the others are inserted, many rows per
            // statement, and then taken in page order. (An own event's case is refolded whatever
            // came before or after it in the page, so the order of the two passes changes nothing.)
            var others: [PulledEvent] = []
            // The usual case (nothing of this terminal's waiting, the whole page new): the page itself.
            let ownOrHeld = !pending.isEmpty || incomingCount < page.events.count
            if !ownOrHeld { others = page.events } else { others.reserveCapacity(incomingCount) }
            for event in ownOrHeld ? page.events[...] : [] where event.sequence > cursor {
                let envelope = event.envelope
                let caseID = envelope.event.caseID
                if !pending.isEmpty, case let id = envelope.meta.id.text, pending.contains(id) {
                    // Its own event, back with the server's sequence number: accepted.
                    applied.alreadyHeld += 1
                    try accept.execute(arguments: [event.sequence, id])
                    try self.takeServerRecord(of: event, in: db)
                    refold.insert(caseID)
                    if !order.contains(caseID) { order.append(caseID) }
                    continue
                }
                others.append(event)
            }
            let added = try EventBatchInsert(db: db)(others)
            for (index, added) in added.enumerated() {
                let caseID = others[index].envelope.event.caseID
                guard added else {
                    applied.alreadyHeld += 1  // Held already: pulled before under an older cursor, or accepted earlier.
                    try self.takeServerRecord(of: others[index], in: db)
                    continue
                }
                if fresh[caseID] == nil && !refold.contains(caseID) {
                    order.append(caseID)
                    if knownCases.contains(caseID.text) {
                        refold.insert(caseID)
                    } else {
                        fresh[caseID] = []
                    }
                }
                if !refold.contains(caseID) { fresh[caseID, default: []].append(index) }
                applied.added += 1
            }
            for aside in page.setAside where aside.sequence > cursor {
                try db.execute(sql: """
                    INSERT OR IGNORE INTO set_aside(sequence, unit, case_uuid, payload, reason, at) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [aside.sequence, aside.unit, aside.caseID?.text, aside.payload, aside.reason,
                                     self.clock().timeIntervalSince1970])
                applied.setAside += 1
            }
            // The units' zones come first: a case is folded in its own unit's zone.
            var zonesChanged = false
            if let reference = page.reference, try Self.syncValue("units", in: db) != reference.unitsJSON {
                try Self.setSyncValue("units", reference.unitsJSON, in: db)
                self.setCache(try Self.loadCache(db))
                zonesChanged = true
                calendarsChanged = true  // The cache is reloaded again after the transaction, as for calendars.
            }
            let (contexts, generation) = self.unitContextsWithGeneration
            let writer = ProjectionWriter(db: db)
            for caseID in order {
                if refold.contains(caseID) {
                    try self.reproject(caseID, in: db)
                } else if let places = fresh[caseID] {
                    let folded: (record: CaseRecord?, rejected: [(EventEnvelope, EventRejection)])
                    if let ahead = page.prefolded?.fold(of: caseID, events: places.count, generation: generation) {
                        folded = ahead
                    } else {
                        let envelopes = places.map { others[$0].envelope }
                        folded = DomainRules.fold(envelopes, context: try contexts.context(forCase: envelopes, in: db))
                    }
                    if let record = folded.record { try writer.write(record) }
                    if !folded.rejected.isEmpty { try self.setAsideUnapplied(folded.rejected, in: db) }
                }
            }
            // Cases of other units held before their unit's zone was known are computed again in it.
            if zonesChanged { try self.reprojectOtherUnits(in: db, except: Set(order)) }
            if let reference = page.reference {
                let known = try String.fetchAll(db, sql: "SELECT name FROM calendar_files")
                for calendar in reference.calendars where !known.contains(calendar.name) {
                    let file: CalendarFile
                    do throws(CalendarError) {
                        file = try CalendarFile(source: calendar.name, text: calendar.body)
                    } catch {
                        throw StoreError.undecodable(what: "calendar \(calendar.name) from the server", reason: error.text(.english))
                    }
                    try db.execute(sql: "INSERT INTO calendar_files(name, body, added_at) VALUES (?, ?, ?)",
                                   arguments: [file.source, calendar.body, self.clock().timeIntervalSince1970])
                    self.setCache(try Self.loadCache(db))
                    calendarsChanged = true
                    applied.calendarsAdded += 1
                    applied.deadlinesMoved += try self.recomputeOpenDeadlines(in: db, reason: file.source).count
                    try self.audit(db, action: "calendar.add", subject: file.source, detail: "dari server pusat")
                }
                try Self.setSyncValue("referenceRevision", String(reference.revision), in: db)
                try Self.setSyncValue("officers", reference.officersJSON, in: db)
            }
            if page.nextCursor > cursor {
                try Self.setSyncValue("cursor", String(page.nextCursor), in: db)
                // The event at the cursor, which the next pull names: a server restored from an older
                // backup no longer holds it there, and says so.
                if let last = page.events.last(where: { $0.sequence == page.nextCursor }) {
                    try Self.noteKnownTop(sequence: last.sequence, id: last.envelope.meta.id, in: db)
                }
            }
            return applied
        }
    }

    /// Which of many keys `sql` (ending in `IN`, its one column the key) finds, asked in chunks.
    static func found(_ db: Database, _ keys: [String], sql: String) throws -> Set<String> {
        var found: Set<String> = []
        var start = 0
        while start < keys.count {
            let chunk = Array(keys[start..<min(start + 500, keys.count)])
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            found.formUnion(try String.fetchAll(db, sql: "\(sql) (\(marks))", arguments: StatementArguments(chunk)))
            start += 500
        }
        return found
    }

    /// Sets the unit profile from the server when this database has none and no events of its own:
    /// a new terminal takes its unit from its token.
    public func adoptProfileIfNew(_ profile: UnitProfile) throws(StoreError) -> Bool {
        guard try !hasProfile(), try eventCount() == 0 else { return false }
        try saveProfile(profile)
        return true
    }
}

extension LocalStore {
    /// Every case this database holds, folded as the projections are: what sync tests compare
    /// with the server's state.
    public func allCaseRecords() throws(StoreError) -> [UUID: CaseRecord] {
        let ids = try read { db in try String.fetchAll(db, sql: "SELECT DISTINCT case_uuid FROM events") }
        var result: [UUID: CaseRecord] = [:]
        for id in ids.compactMap(UUID.init(uuidString:)) {
            if let record = try caseRecord(id) { result[id] = record }
        }
        return result
    }

    /// The ids of the events that count (all but those the server refused).
    public func countedEventIDs() throws(StoreError) -> Set<UUID> {
        try read { db in
            Set(try String.fetchAll(db, sql: """
                SELECT e.uuid FROM events e LEFT JOIN outbox o ON o.event_uuid = e.uuid
                WHERE o.state IS NULL OR o.state <> 'rejected'
                """).compactMap(UUID.init(uuidString:)))
        }
    }
}

extension LocalStore {
    /// Keeps the server's record of who made one of this terminal's events: the server stamps the
    /// officer of the token that pushed it, whatever the terminal claimed, and its word is the record.
    func takeServerRecord(of event: PulledEvent, in db: Database) throws {
        try noteRecordedOfficer(event.envelope.meta.id, officer: event.envelope.meta.officer, in: db)
        // The server's number for it, which changes when a restored server takes it back.
        try db.execute(sql: "UPDATE events SET server_seq = ?1 WHERE uuid = ?2 AND server_seq IS NOT NULL AND server_seq <> ?1",
                       arguments: [event.sequence, event.envelope.meta.id.text])
    }
}
