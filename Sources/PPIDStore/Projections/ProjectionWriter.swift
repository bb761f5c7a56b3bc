import Foundation
import GRDB
import PPIDDomain

/// Writes the current state of a case into the projection tables the screens read.
///
/// Each statement is looked up once per writer, not per row (GRDB's cache hashes the whole SQL
/// text), and its values are bound through SQLite's C API (``BoundStatement``): a pull writes
/// thousands of rows per page with one writer.
final class ProjectionWriter {
    let db: Database
    private var statements: [Table: Statement] = [:]

    private enum Table { case requests, requestDocuments, objections, disputes, dipEntries }

    init(db: Database) {
        self.db = db
    }

    private func run(_ table: Table, _ sql: @autoclosure () -> String) throws -> BoundStatement {
        if let statement = statements[table] { return BoundStatement(db: db, statement: statement) }
        let statement = try db.cachedStatement(sql: sql())
        statements[table] = statement
        return BoundStatement(db: db, statement: statement)
    }

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
        var row = try run(.requests, """
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
        let id = reg.id.text
        row.bind(1, id)
        row.bind(2, reg.registrationNumber)
        row.bind(3, reg.unit)
        row.bind(4, r.receivedOn.iso)
        row.bind(5, reg.receivedAt.timeIntervalSince1970)
        row.bind(6, reg.channel.rawValue)
        row.bind(7, reg.requester.name)
        row.bind(8, reg.requester.kind.rawValue)
        row.bind(9, reg.requester.nik)
        row.bind(10, reg.requester.address)
        row.bind(11, reg.requester.phone)
        row.bind(12, reg.requester.email)
        row.bind(13, reg.information)
        row.bind(14, reg.purpose)
        row.bind(15, r.state.rawValue)
        row.bind(16, r.state.awaitsNotice)
        row.bind(17, r.noticeDue.iso)
        row.bind(18, r.extendedDue?.iso)
        row.bind(19, r.effectiveDue.iso)
        row.bind(20, r.dueIsProvisional)
        row.bind(21, r.decision?.outcome.code)
        row.bind(22, r.decidedOn?.iso)
        row.bind(23, r.deliveredOn?.iso)
        row.bind(24, r.closedOn?.iso ?? r.withdrawnOn?.iso)
        row.bind(25, r.countsFrom.iso)
        row.bind(26, r.compliedOn?.iso)
        try row.step()
        if !r.linkedDocuments.isEmpty {
            var link = try run(.requestDocuments, "INSERT OR IGNORE INTO request_documents(request_uuid, dip_uuid) VALUES (?, ?)")
            for document in r.linkedDocuments {
                link.bind(1, id)
                link.bind(2, document.text)
                try link.step()
            }
        }
    }

    func write(_ o: ObjectionRecord) throws {
        let f = o.filing
        var row = try run(.objections, """
            INSERT INTO objections(uuid, number, request_uuid, request_number, unit, filed_by, grounds, filed_on, state,
                open, answer_due, provisional, verdict, answered_on)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(uuid) DO UPDATE SET state = excluded.state, open = excluded.open, answer_due = excluded.answer_due,
                provisional = excluded.provisional, verdict = excluded.verdict, answered_on = excluded.answered_on
            """)
        row.bind(1, f.id.text)
        row.bind(2, f.number)
        row.bind(3, f.requestID.text)
        row.bind(4, f.requestNumber)
        row.bind(5, f.unit)
        row.bind(6, f.filedBy)
        row.bind(7, f.grounds.map(\.rawValue).joined(separator: ","))
        row.bind(8, o.filedOn.iso)
        row.bind(9, o.state.rawValue)
        row.bind(10, o.state == .filed)
        row.bind(11, o.answerDue.iso)
        row.bind(12, o.answerDueIsProvisional)
        row.bind(13, o.answer?.verdict.code)
        row.bind(14, o.answeredOn?.iso)
        try row.step()
    }

    func write(_ d: DisputeRecord) throws {
        var row = try run(.disputes, """
            INSERT INTO disputes(uuid, objection_uuid, number, filed_on, state, start_due, settlement_due, outcome, decided_on,
                ruling, ruled_on, next_step, next_due, next_from)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(uuid) DO UPDATE SET state = excluded.state, outcome = excluded.outcome, decided_on = excluded.decided_on,
                ruling = excluded.ruling, ruled_on = excluded.ruled_on, next_step = excluded.next_step,
                next_due = excluded.next_due, next_from = excluded.next_from
            """)
        let next = d.nextStep
        row.bind(1, d.filing.id.text)
        row.bind(2, d.filing.objectionID.text)
        row.bind(3, d.filing.registerNumber)
        row.bind(4, d.filedOn.iso)
        row.bind(5, d.state.rawValue)
        row.bind(6, d.startDue.iso)
        row.bind(7, d.settlementDue.iso)
        row.bind(8, d.outcome?.rawValue)
        row.bind(9, d.decidedOn?.iso)
        row.bind(10, d.ruling?.outcome.rawValue)
        row.bind(11, d.ruling?.on.iso)
        row.bind(12, next?.kind.rawValue)
        row.bind(13, next?.due.iso)
        row.bind(14, next?.countsFrom.iso)
        try row.step()
    }

    func write(_ e: DIPRecord) throws {
        let entry = e.entry
        var row = try run(.dipEntries, """
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
        row.bind(1, entry.id.text)
        row.bind(2, entry.number)
        row.bind(3, entry.unit)
        row.bind(4, entry.category.rawValue)
        row.bind(5, entry.title)
        row.bind(6, entry.summary)
        row.bind(7, entry.holder)
        row.bind(8, entry.form.rawValue)
        row.bind(9, basis)
        row.bind(10, entry.exemption?.test.until?.iso)
        row.bind(11, e.isRetired)
        row.bind(12, e.updatedOn.iso)
        try row.step()
    }
}
