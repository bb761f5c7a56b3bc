import Foundation
import GRDB
import PPIDDomain

/// Writes the current state of a case into the projection tables the screens read.
struct ProjectionWriter {
    let db: Database

    func write(_ record: CaseRecord) throws {
        switch record {
        case let .request(r): try write(r)
        case let .objection(o): try write(o)
        case let .dispute(d): try write(d)
        case let .dip(e): try write(e)
        }
    }

    func write(_ r: RequestRecord) throws {
        let reg = r.registration
        let statement = try db.cachedStatement(sql: """
            INSERT INTO requests(uuid, number, unit, received_on, received_at, channel, requester_name, requester_kind, nik,
                address, phone, email, subject, purpose, state, open, notice_due, extended_due, due_date, provisional,
                outcome, decided_on, delivered_on, closed_on, counts_from, complied_on)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(uuid) DO UPDATE SET number = excluded.number, unit = excluded.unit, state = excluded.state,
                open = excluded.open, notice_due = excluded.notice_due, extended_due = excluded.extended_due,
                due_date = excluded.due_date, provisional = excluded.provisional, outcome = excluded.outcome,
                decided_on = excluded.decided_on, delivered_on = excluded.delivered_on, closed_on = excluded.closed_on,
                complied_on = excluded.complied_on, counts_from = excluded.counts_from
            """)
        try statement.execute(arguments: [
            reg.id.text, reg.registrationNumber, reg.unit, r.receivedOn.iso, reg.receivedAt.timeIntervalSince1970,
            reg.channel.rawValue, reg.requester.name, reg.requester.kind.rawValue, reg.requester.nik,
            reg.requester.address, reg.requester.phone, reg.requester.email, reg.information, reg.purpose,
            r.state.rawValue, r.state.awaitsNotice, r.noticeDue.iso, r.extendedDue?.iso, r.effectiveDue.iso,
            r.dueIsProvisional, r.decision?.outcome.code, r.decidedOn?.iso, r.deliveredOn?.iso,
            r.closedOn?.iso ?? r.withdrawnOn?.iso, r.countsFrom.iso, r.compliedOn?.iso,
        ])
        if !r.linkedDocuments.isEmpty {
            let link = try db.cachedStatement(sql: "INSERT OR IGNORE INTO request_documents(request_uuid, dip_uuid) VALUES (?, ?)")
            for document in r.linkedDocuments {
                try link.execute(arguments: [reg.id.text, document.text])
            }
        }
    }

    func write(_ o: ObjectionRecord) throws {
        let f = o.filing
        let statement = try db.cachedStatement(sql: """
            INSERT INTO objections(uuid, number, request_uuid, request_number, unit, filed_by, grounds, filed_on, state,
                open, answer_due, provisional, verdict, answered_on)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(uuid) DO UPDATE SET state = excluded.state, open = excluded.open, answer_due = excluded.answer_due,
                provisional = excluded.provisional, verdict = excluded.verdict, answered_on = excluded.answered_on
            """)
        try statement.execute(arguments: [
            f.id.text, f.number, f.requestID.text, f.requestNumber, f.unit, f.filedBy,
            f.grounds.map(\.rawValue).joined(separator: ","), o.filedOn.iso, o.state.rawValue, o.state == .filed,
            o.answerDue.iso, o.answerDueIsProvisional, o.answer?.verdict.code, o.answeredOn?.iso,
        ])
    }

    func write(_ d: DisputeRecord) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO disputes(uuid, objection_uuid, number, filed_on, state, start_due, settlement_due, outcome, decided_on,
                ruling, ruled_on, next_step, next_due, next_from)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(uuid) DO UPDATE SET state = excluded.state, outcome = excluded.outcome, decided_on = excluded.decided_on,
                ruling = excluded.ruling, ruled_on = excluded.ruled_on, next_step = excluded.next_step,
                next_due = excluded.next_due, next_from = excluded.next_from
            """)
        let next = d.nextStep
        try statement.execute(arguments: [
            d.filing.id.text, d.filing.objectionID.text, d.filing.registerNumber, d.filedOn.iso,
            d.state.rawValue, d.startDue.iso, d.settlementDue.iso, d.outcome?.rawValue, d.decidedOn?.iso,
            d.ruling?.outcome.rawValue, d.ruling?.on.iso, next?.kind.rawValue, next?.due.iso, next?.countsFrom.iso,
        ])
    }

    func write(_ e: DIPRecord) throws {
        let entry = e.entry
        let statement = try db.cachedStatement(sql: """
            INSERT INTO dip_entries(uuid, number, unit, category, title, summary, holder, form, exemption_basis, exempt_until,
                retired, updated_on)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(uuid) DO UPDATE SET number = excluded.number, category = excluded.category, title = excluded.title,
                summary = excluded.summary, holder = excluded.holder, form = excluded.form,
                exemption_basis = excluded.exemption_basis, exempt_until = excluded.exempt_until,
                retired = excluded.retired, updated_on = excluded.updated_on
            """)
        var basis: String? = nil
        switch entry.exemption?.basis {
        case let .pasal17(letter)?: basis = "17" + letter.rawValue
        case let .otherStatute(statute)?: basis = statute
        case nil: break
        }
        try statement.execute(arguments: [
            entry.id.text, entry.number, entry.unit, entry.category.rawValue, entry.title, entry.summary,
            entry.holder, entry.form.rawValue, basis, entry.exemption?.test.until?.iso, e.isRetired, e.updatedOn.iso,
        ])
    }
}
