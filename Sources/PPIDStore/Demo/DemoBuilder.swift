import Foundation
import GRDB
import PPIDDomain
import Synchronization

/// What a demo build made.
public struct DemoSummary: Sendable {
    public let requests: Int
    public let objections: Int
    public let disputes: Int
    public let documents: Int
    public let events: Int
}

extension LocalStore {
    /// Fills the database with a demo workspace: generated cases, each validated by the domain, written
    /// in large transactions. Events are marked as already synced so the outbox stays empty.
    public func generateDemo(_ options: DemoOptions,
                             progress: @Sendable (DemoProgress) -> Void = { _ in }) throws(StoreError) -> DemoSummary {
        if try !hasProfile() { try saveProfile(.demo) }
        let profile = self.profile
        let generator = DemoGenerator(options: options, context: context, unit: profile.code)
        let format = (try? RegistrationNumberFormat(template: profile.requestNumberFormat)) ?? .standard
        let dates = generator.receiptDates()
        var counters: [Int: Int] = [:]
        let numbers = dates.map { date -> String in
            counters[date.year, default: 0] += 1
            return format.render(sequence: counters[date.year]!, unit: profile.code, date: date)
        }
        // A demo can be rebuilt at will: trade durability for speed while building it, and give the
        // random-keyed indexes room in memory.
        try pragmas(synchronous: "OFF", cacheKiB: 400_000)
        defer { try? pragmas(synchronous: "FULL", cacheKiB: 16_384) }
        // Index in one pass at the end instead of row by row: the triggers come back in the same
        // transaction that rebuilds the indexes, so no committed state lacks them for long.
        try write { db in try SearchSchema.dropTriggers(in: db) }
        var objections = 0, disputes = 0, events = 0
        let batchSize = 5_000
        let batches = (0..<max(1, (max(dates.count, options.documents) + batchSize - 1) / batchSize)).map { batch in
            (requests: min(batch * batchSize, dates.count)..<min((batch + 1) * batchSize, dates.count),
             documents: min(batch * batchSize, options.documents)..<min((batch + 1) * batchSize, options.documents))
        }
        @Sendable func make(_ batch: Int) -> [EncodedCase] {
            Self.generate(requestRange: batches[batch].requests, documentRange: batches[batch].documents,
                          generator: generator, dates: dates, numbers: numbers)
        }
        // A pipeline: while one batch is written in its transaction, the next is generated and encoded.
        var ready = make(0)
        for batch in batches.indices {
            let cases = ready
            let upcoming = Mutex<[EncodedCase]>([])
            let group = DispatchGroup()
            if batch + 1 < batches.count {
                DispatchQueue.global().async(group: group) {
                    let next = make(batch + 1)
                    upcoming.withLock { $0 = next }
                }
            }
            try write { db in
                let writer = ProjectionWriter(db: db)
                let insert = try db.cachedStatement(sql: """
                    INSERT INTO events(uuid, case_kind, case_uuid, name, officer, instant, local_date, terminal, origin, payload)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'demo', 'central', ?)
                    """)
                for generated in cases {
                    for (envelope, payload) in zip(generated.case.envelopes, generated.payloads) {
                        try insert.execute(arguments: [envelope.meta.id.uuidString, envelope.event.caseKind.rawValue,
                                                       envelope.event.caseID.uuidString, envelope.event.name,
                                                       envelope.meta.officer, envelope.meta.instant.timeIntervalSince1970,
                                                       envelope.meta.localDate.iso, payload])
                    }
                    try writer.write(generated.case.record)
                }
            }
            for generated in cases {
                events += generated.case.envelopes.count
                if case .objection = generated.case.record { objections += 1 }
                if case .dispute = generated.case.record { disputes += 1 }
            }
            progress(DemoProgress(requestsDone: batches[batch].requests.upperBound,
                                  documentsDone: batches[batch].documents.upperBound))
            group.wait()
            ready = upcoming.withLock { $0 }
        }
        try write { db in
            try SearchSchema.restore(in: db)
            for (year, last) in counters {
                try db.execute(sql: """
                    INSERT INTO register_counters(register, unit, year, last_issued) VALUES ('request', ?, ?, ?)
                    ON CONFLICT(register, unit, year) DO UPDATE SET last_issued = max(last_issued, excluded.last_issued)
                    """, arguments: [profile.code, year, last])
            }
            try self.audit(db, action: "demo.generate", subject: profile.code,
                           detail: "\(options.requests) permohonan, \(options.documents) dokumen")
            // The unit sent in its reports of earlier years on time (Perki 1/2021: by 31 March).
            for year in Set(dates.map(\.year)) where year < options.today.year {
                guard let sent = CivilDate(year: year + 1, month: 3, day: 20), sent <= options.today else { continue }
                try db.execute(sql: "INSERT OR IGNORE INTO annual_reports(year, submitted_on, note) VALUES (?, ?, 'demo')",
                               arguments: [year, sent.iso])
            }
            try db.execute(sql: "PRAGMA optimize")
        }
        // Copy the write-ahead log into the database and empty it: left at gigabytes, every later
        // open would first read it whole to rebuild its index (a 1M demo's first screen: 200 ms, not 30).
        try? pragma("PRAGMA wal_checkpoint(TRUNCATE)")
        return DemoSummary(requests: dates.count, objections: objections, disputes: disputes,
                           documents: options.documents, events: events)
    }

    private func pragmas(synchronous: String, cacheKiB: Int) throws(StoreError) {
        try pragma("PRAGMA synchronous = \(synchronous)")
        try pragma("PRAGMA cache_size = -\(cacheKiB)")
    }

    private struct EncodedCase: Sendable {
        let `case`: DemoGenerator.GeneratedCase
        let payloads: [Data]
    }

    /// Generates a batch of cases on all cores, in a deterministic order.
    private static func generate(requestRange: Range<Int>, documentRange: Range<Int>, generator: DemoGenerator,
                                 dates: [CivilDate], numbers: [String]) -> [EncodedCase] {
        let jobs = requestRange.count + documentRange.count
        let slices = max(1, min(8, jobs / 250))
        let results = Mutex<[[EncodedCase]]>(Array(repeating: [], count: slices))
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            let encoder = EventCoding.encoder()
            var out: [EncodedCase] = []
            var job = slice
            while job < jobs {
                let cases: [DemoGenerator.GeneratedCase]
                if job < requestRange.count {
                    let i = requestRange.lowerBound + job
                    cases = generator.request(index: i, received: dates[i], number: numbers[i])
                } else {
                    cases = generator.document(index: documentRange.lowerBound + job - requestRange.count).map { [$0] } ?? []
                }
                for generated in cases {
                    let payloads = generated.envelopes.map { (try? encoder.encode($0)) ?? Data() }
                    out.append(EncodedCase(case: generated, payloads: payloads))
                }
                job += slices
            }
            results.withLock { $0[slice] = out }
        }
        // Slice by slice: the order (and so every row id) does not depend on thread timing.
        return results.withLock { $0.flatMap { $0 } }
    }
}
