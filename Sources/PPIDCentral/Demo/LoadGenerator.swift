import Foundation
import PPIDDomain
import PPIDWire

extension CentralStore {
    /// Fills the ledger with `events` valid events of `unit` (five per request: registered, in process,
    /// extended, decided, delivered), written in batches so memory stays flat: the benchmark's load.
    /// Each case is checked with the domain rules as it is built.
    ///
    /// Time moves forward as in a busy unit: 40 requests each working day from January 5 of `year`
    /// (a Monday), one every 12 minutes, numbered afresh each year. Ids are ordered by time as the
    /// terminals make them, so a large load spans years rather than replaying one year over and over.
    /// A load that would run past today starts as many weeks earlier as it needs (``loadStart(events:year:now:)``).
    public func generateLoad(unit: String, events: Int, year: Int = 2026,
                             progress: (Int) -> Void = { _ in }) throws(CentralError) {
        let context = try read { db in try Self.context(forUnit: unit, in: db) }
        let start = Self.loadStart(events: events, year: year, now: clock())
        let encoder = WireCoding.encoder()
        let zone = context.zone
        var written = 0
        var caseIndex = 0
        var numbers: [Int: Int] = [:]
        while written < events {
            let batch = min(50_000, events - written)
            try writeLedger { db in
                // Numbered and written as a push batch is: multi-row inserts, one head update.
                let writer = try PushBatch(PushRequest(events: []), in: db, principal: Principal(officer: "beban", unit: unit, isMain: false))
                var inBatch = 0
                while inBatch < batch {
                    let received = Self.loadReceipt(index: caseIndex, from: start)
                    let receivedYear = zone.civilDate(of: received).year
                    numbers[receivedYear, default: 0] += 1
                    let envelopes = Self.loadCase(index: caseIndex, received: received, number: numbers[receivedYear]!, unit: unit, zone: zone)
                    caseIndex += 1
                    var record: CaseRecord? = nil
                    for envelope in envelopes.prefix(batch - inBatch) {
                        do throws(EventRejection) {
                            record = try DomainRules.apply(envelope, to: record, context: context)
                        } catch {
                            throw CentralError.invalid(field: "generated event", reason: error.text(.english))
                        }
                        _ = writer.append(envelope, payload: try encoder.encode(envelope), unit: unit, zone: zone)
                        inBatch += 1
                    }
                }
                try writer.flush()
            }
            written += batch
            progress(written)
        }
    }

    /// When the `index`th request of the load arrives: working day `index / 40` from the Monday at
    /// `start`, 08:00 WIB plus 12 minutes a slot.
    static func loadReceipt(index: Int, from start: TimeInterval) -> Date {
        let workingDay = index / 40, slot = index % 40
        let day = workingDay / 5 * 7 + workingDay % 5  // from a Monday, weekends skipped
        return Date(timeIntervalSince1970: start + Double(day) * 86_400 - 3_600 + Double(slot) * 720)
    }

    /// The Monday a load of `events` starts on: January 5 of `year`, or whole weeks before it when
    /// the load would otherwise reach past `now`. A register's history lies in the past, so the ids
    /// terminals make today sort after all of it, as they do in a body: a history running into the
    /// next year put them in the middle of the ledger's indexes, and made every push after it
    /// insert there instead of at their ends.
    static func loadStart(events: Int, year: Int, now: Date) -> TimeInterval {
        let cases = (max(0, events) + 4) / 5
        let workingDays = (cases + 39) / 40
        // The calendar days the load spans, with a week to spare (its last events follow the receipt by hours).
        let span = Double((workingDays + 4) / 5 * 7 + 7) * 86_400
        let start = epoch(year: year)
        let overrun = start + span - now.timeIntervalSince1970
        guard overrun > 0 else { return start }
        let week = 7.0 * 86_400
        return start - (overrun / week).rounded(.up) * week
    }

    static func loadCase(index: Int, received: Date, number: Int, unit: String, zone: UnitZone) -> [EventEnvelope] {
        let year = zone.civilDate(of: received).year
        let id = TimeOrderedID.make(at: received)
        let registration = RequestRegistration(
            id: id, registrationNumber: String(format: "%07d/PPID-%@/%d", number, unit, year), unit: unit,
            receivedAt: received, channel: .webPortal,
            requester: Requester(name: "Pemohon \(index)", nik: String(format: "3171%012d", index), address: "Jl. Merdeka \(index % 200), Jakarta",
                                 email: "pemohon\(index)@contoh.id"),
            information: "Laporan realisasi anggaran triwulan \(index % 4 + 1)", purpose: "Pengawasan publik")
        let steps: [RequestEvent] = [
            .registered(registration), .processingStarted, .extended(reason: "Koordinasi dengan unit pengolah"),
            .decided(Decision(outcome: .grantedInFull, form: .softCopy)), .delivered(method: .email, note: ""),
        ]
        return steps.enumerated().map { offset, step in
            let instant = received.addingTimeInterval(Double(offset) * 3_600)
            return EventEnvelope(meta: EventMeta(id: TimeOrderedID.make(at: instant), officer: "beban", instant: instant, zone: zone),
                                 event: .request(id, step))
        }
    }

    static func epoch(year: Int) -> TimeInterval {
        var components = DateComponents()
        components.year = year; components.month = 1; components.day = 5; components.hour = 2
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        return calendar.date(from: components)?.timeIntervalSince1970 ?? 0
    }
}
