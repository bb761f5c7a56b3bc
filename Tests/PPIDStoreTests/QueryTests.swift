import Foundation
import GRDB
import Testing
@testable import PPIDDomain
@testable import PPIDStore

/// One demo workspace shared by the query tests (built once: it is read-only for them).
let demoStore: LocalStore = {
    let store = try! LocalStore(path: temporaryFolder() + "/demo.sqlite", workstation: officer,
                                clock: { TestClock.parse("2026-11-26T03:00:00Z") })
    _ = try! store.generateDemo(DemoOptions(requests: 3000, documents: 2000, seed: 7, today: d("2026-11-26")))
    return store
}()

@Suite("Queries the screens need")
struct QueryTests {
    @Test("Keyset paging walks every request once, in order, forward and back")
    func keysetPaging() throws {
        for order in [RequestOrder.dueDate, .received] {
            var seen: [RequestRow] = []
            var cursor: ListCursor? = nil
            while true {
                let page = try demoStore.requests(order: order, after: cursor, limit: 37)
                if page.isEmpty { break }
                seen += page
                cursor = LocalStore.cursor(of: page.last!, order: order)
            }
            #expect(seen.count == 3000)
            #expect(Set(seen.map(\.rowid)).count == 3000)
            // Due dates ascend; received dates descend (newest first); the row id breaks ties the same way.
            for (a, b) in zip(seen, seen.dropFirst()) {
                let inOrder: Bool
                if order == .dueDate {
                    inOrder = (a.dueDate, a.rowid) < (b.dueDate, b.rowid)
                } else {
                    inOrder = (b.receivedOn, b.rowid) < (a.receivedOn, a.rowid)
                }
                #expect(inOrder, "\(a.number) before \(b.number)")
            }
            // Backward from the 100th row gives exactly the 37 rows before it.
            let back = try demoStore.requests(order: order, after: LocalStore.cursor(of: seen[100], order: order),
                                              direction: .backward, limit: 37)
            #expect(back.map(\.rowid) == seen[63..<100].map(\.rowid))
        }
    }

    @Test("Filters by state and open use their indexes and agree with the counts")
    func filtersAndCounts() throws {
        let counts = try demoStore.requestCounts()
        #expect(counts.values.reduce(0, +) == 3000)
        for state in RequestState.allCases {
            let rows = try demoStore.requests(filter: .state(state), limit: 5000)
            #expect(rows.count == counts[state, default: 0], "\(state)")
            #expect(rows.allSatisfy { $0.state == state })
        }
        let open = try demoStore.requests(filter: .open, limit: 5000)
        #expect(open.allSatisfy { $0.state.awaitsNotice })
        #expect(open.count == RequestState.allCases.filter(\.awaitsNotice).map { counts[$0, default: 0] }.reduce(0, +))
        let plan = try demoStore.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT rowid FROM requests INDEXED BY requests_open_by_due WHERE open = 1 AND (due_date, rowid) > ('2026-01-01', 0) ORDER BY due_date, rowid LIMIT 50")
                .map { $0["detail"] as String }.joined()
        }
        #expect(plan.contains("requests_open_by_due"))
        #expect(!plan.contains("TEMP B-TREE"))
    }

    @Test("The default list is what needs action: open clocks, and decided requests not yet delivered, by its own index")
    func needsAction() throws {
        let rows = try demoStore.requests(filter: .needsAction, limit: 5000)
        let counts = try demoStore.requestCounts()
        let expected = RequestState.allCases.filter { $0.awaitsNotice || $0 == .decided }
        #expect(rows.count == expected.map { counts[$0, default: 0] }.reduce(0, +))
        #expect(rows.contains { $0.state == .decided })
        #expect(!rows.contains { $0.state == .delivered || $0.state == .closed || $0.state == .withdrawn })
        #expect(zip(rows, rows.dropFirst()).allSatisfy { ($0.dueDate, $0.rowid) < ($1.dueDate, $1.rowid) })
        let plan = try demoStore.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT rowid FROM requests WHERE \(LocalStore.needsActionCondition) AND (due_date, rowid) > ('2026-01-01', 0) ORDER BY due_date, rowid LIMIT 50")
                .map { $0["detail"] as String }.joined()
        }
        #expect(plan.contains("requests_action_by_due"), "\(plan)")
        #expect(!plan.contains("TEMP B-TREE"))
    }

    @Test("DIP entries by category, and counts per category")
    func dipByCategory() throws {
        let counts = try demoStore.dipCounts()
        #expect(counts.values.reduce(0, +) == 2000)
        #expect(Set(counts.keys) == Set(DIPCategory.allCases))
        let exempt = try demoStore.dipEntries(category: .exempt, limit: 1000)
        #expect(exempt.count == counts[.exempt])
        #expect(exempt.allSatisfy { $0.exemptionBasis?.hasPrefix("17") == true && $0.exemptUntil != nil })
        let next = try demoStore.dipEntries(category: .exempt, after: LocalStore.cursor(of: exempt[9]), limit: 5)
        #expect(next.map(\.rowid) == exempt[10..<15].map(\.rowid))
    }

    @Test("The deadline board groups every open clock, and its groups add up")
    func deadlineBoard() throws {
        let board = try demoStore.deadlineBoard(today: d("2026-11-26"))
        #expect(board.map(\.group) == [.overdue, .today, .soon, .later])
        let bounds = UrgencyBounds(today: d("2026-11-26"), calendar: demoStore.context.calendar)
        #expect(bounds.soonUntil == d("2026-12-01"))  // Fri 27, Mon 30, Tue 1
        for group in board {
            #expect(group.items.allSatisfy { bounds.group(of: $0.dueDate) == group.group })
            #expect(zip(group.items, group.items.dropFirst()).allSatisfy { $0.dueDate <= $1.dueDate })
        }
        let openRequests = try demoStore.requests(filter: .open, limit: 5000).count
        let openObjections = try demoStore.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM objections WHERE open = 1") ?? 0 }
        // Disputes pending before the Commission or a court, and decided ones whose window to go further is still open.
        let openDisputes = try demoStore.read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM disputes WHERE state IN ('didaftarkan', 'mediasi', 'ajudikasi', 'pengadilan', 'kasasi')
                    OR (state IN ('diputus', 'diputus-pengadilan') AND next_due >= '2026-11-26')
                """) ?? 0
        }
        let orders = try demoStore.read { db in
            try Int.fetchOne(db, sql: """
                SELECT (SELECT count(*) FROM objections o JOIN requests r ON r.uuid = o.request_uuid
                        WHERE o.verdict = 'granted' AND o.answered_on IS NOT NULL AND r.complied_on IS NULL)
                     + (SELECT count(*) FROM disputes d JOIN objections o ON o.uuid = d.objection_uuid JOIN requests r ON r.uuid = o.request_uuid
                        WHERE d.state IN ('diputus', 'diputus-pengadilan', 'diputus-kasasi') AND d.ruling IN ('dikabulkan', 'dikabulkan-sebagian')
                        AND r.complied_on IS NULL)
                """) ?? 0
        }
        #expect(board.map(\.count).reduce(0, +) == openRequests + openObjections + openDisputes + orders)
        // Each group's count, from the per-date counts a bulk build restores, equals a count over the cases.
        for group in board {
            let (low, high) = bounds.range(of: group.group)
            let counted = try demoStore.read { db in
                try Int.fetchOne(db, sql: """
                    SELECT (SELECT count(*) FROM requests WHERE open = 1 AND due_date >= ?1 AND due_date < ?2)
                         + (SELECT count(*) FROM objections WHERE open = 1 AND answer_due >= ?1 AND answer_due < ?2)
                         + (SELECT count(*) FROM disputes WHERE (state IN ('didaftarkan', 'mediasi', 'ajudikasi', 'pengadilan', 'kasasi')
                            OR (state IN ('diputus', 'diputus-pengadilan') AND next_due >= '2026-11-26'))
                            AND next_due >= ?1 AND next_due < ?2)
                         + (SELECT count(*) FROM objections o JOIN requests r ON r.uuid = o.request_uuid
                            WHERE o.verdict = 'granted' AND r.complied_on IS NULL AND o.answered_on >= ?1 AND o.answered_on < ?2)
                         + (SELECT count(*) FROM disputes d JOIN objections o ON o.uuid = d.objection_uuid JOIN requests r ON r.uuid = o.request_uuid
                            WHERE d.ruling IN ('dikabulkan', 'dikabulkan-sebagian') AND r.complied_on IS NULL
                            AND d.ruled_on >= ?1 AND d.ruled_on < ?2)
                    """, arguments: [low, high]) ?? -1
            }
            #expect(group.count == counted, "\(group.group)")
        }
        #expect(board[0].count > 0, "the demo has overdue items")
        #expect(board[3].count > 0)
        // Paging through a group by its cursor reaches every item of it.
        let later = board[3]
        var all: [BoardItem] = []
        var cursor: BoardCursor? = nil
        repeat {
            let page = try demoStore.boardItems(.later, bounds: bounds, after: cursor, limit: 7)
            all += page
            cursor = page.last.map(LocalStore.cursor(of:))
        } while cursor != nil
        #expect(all.count == later.count)
    }

    @Test("Pasal 20(1): a DIP entry whose exemption has ended is on the board as overdue, to be reclassified; paging over three kinds walks each row once, both ways")
    func endedExemptionsOnTheBoard() throws {
        let (store, clock) = try makeStore()
        let request = try store.registerRequest(sampleRegistration(at: clock))
        let test = ConsequenceTest(harm: "x", publicInterestWeighed: "y", withheldPart: "z", until: d("2026-02-27"))
        let ended = DIPEntry(number: "DIP-9", unit: "HUMAS", title: "Berkas penyidikan 2024", summary: "s", holder: "Bagian Hukum",
                             category: .exempt, exemption: Exemption(basis: .pasal17(.a), test: test))
        try store.record(.dip(ended.id, .added(ended)))
        var later = test
        later.until = d("2027-01-01")
        let current = DIPEntry(number: "DIP-10", unit: "HUMAS", title: "Berkas berjalan", summary: "s", holder: "Bagian Hukum",
                               category: .exempt, exemption: Exemption(basis: .pasal17(.a), test: later))
        try store.record(.dip(current.id, .added(current)))
        let today = d("2026-03-02")
        let bounds = UrgencyBounds(today: today, calendar: store.context.calendar)
        #expect(try store.boardCounts(bounds: bounds)[.overdue] == 1, "the ended one counts as overdue")
        let all = try store.openClocks(limit: 50, today: today)
        #expect(all.map(\.kind) == [.exemptionEnded, .request])
        #expect(all.first?.id == ended.id && all.first?.clock == nil && all.first?.dueDate == d("2026-02-27"))
        #expect(!all.contains { $0.id == current.id }, "an exemption still running is not on the board")
        // One row a page, forward then back: every row once, in order.
        var forward: [BoardItem] = []
        var cursor: BoardCursor? = nil
        while let next = try store.openClocks(after: cursor, limit: 1, today: today).first {
            forward.append(next)
            cursor = LocalStore.cursor(of: next)
        }
        #expect(forward.map(\.id) == all.map(\.id))
        var backward: [BoardItem] = []
        cursor = forward.last.map(LocalStore.cursor(of:))
        while let cursorValue = cursor, let previous = try store.openClocks(after: cursorValue, direction: .backward, limit: 1, today: today).first {
            backward.insert(previous, at: 0)
            cursor = LocalStore.cursor(of: previous)
        }
        #expect(backward.map(\.id) == Array(all.dropLast()).map(\.id))
        _ = request
    }

    @Test("Search: prefixes, diacritics removed, ranked when few, first hits when many")
    func search() throws {
        let (store, clock) = try makeStore()
        let entry = DIPEntry(number: "DIP-1", unit: "HUMAS", title: "Pengelolaan Dana Désa Tahun 2026",
                             summary: "Rincian penyaluran dana desa", holder: "Bagian Pemerintahan Desa", category: .periodic)
        try store.record(.dip(entry.id, .added(entry)))
        try store.registerRequest(sampleRegistration(name: "Ketut Ariawan", subject: "Salinan kontrak jembatan", at: clock))
        #expect(try store.searchDIP("desa").rows.map(\.number) == ["DIP-1"])
        #expect(try store.searchDIP("pengelolaan de").rows.map(\.number) == ["DIP-1"])
        #expect(try store.searchDIP("DÉSA").rows.count == 1)
        #expect(try store.searchDIP("jembatan").rows.isEmpty)
        #expect(try store.searchRequests("arIA").rows.map(\.requesterName) == ["Ketut Ariawan"])
        #expect(try store.searchRequests("0001/PPID").rows.count == 1)
        #expect(try store.searchDIP("d").rows.isEmpty, "one letter does not search yet")
        #expect(SearchQuery.fts(from: "laporan \"keu") == "\"laporan\" \"keu\"*")

        let ranked = try demoStore.searchDIP("jembatan")
        #expect(ranked.isRanked)
        #expect(!ranked.rows.isEmpty)
        #expect(ranked.rows.allSatisfy { ($0.title + $0.summary).lowercased().contains("jembatan") })
        let broad = try demoStore.searchDIP("di")  // matches "di" and "disusun", "diverifikasi", ...
        #expect(broad.rows.count == 50)
        #expect(broad.hitCount <= SearchQuery.rankingCap)
    }
}
