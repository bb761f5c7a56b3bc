import Foundation
import GRDB
import PPIDDomain

/// The annual report's clock (Perki 1/2021: the report on the year's service is due by 31 March of
/// the next year): on the board until the unit records it submitted. Shown for the last full year
/// when the unit served requests in it here; the submission is kept in `annual_reports` and audited.
extension LocalStore {
    /// The year whose report is still to submit on `today`, with its due date; nil when there is none.
    public func annualReportDue(today: CivilDate) throws(StoreError) -> (year: Int, due: CivilDate)? {
        let year = today.year - 1
        guard let due = CivilDate(year: today.year, month: 3, day: 31) else { return nil }
        let pending = try readOne { db in
            try Bool.fetchOne(db.cachedStatement(sql: """
                SELECT EXISTS(SELECT 1 FROM requests INDEXED BY requests_by_received WHERE received_on BETWEEN ?1 AND ?2)
                   AND NOT EXISTS(SELECT 1 FROM annual_reports WHERE year = ?3 AND submitted_on IS NOT NULL)
                """), arguments: ["\(year)-01-01", "\(year)-12-31", year]) ?? false
        }
        return pending ? (year, due) : nil
    }

    /// The board's row of the annual report due on `today`, if any.
    func annualReportItem(today: CivilDate) throws(StoreError) -> BoardItem? {
        guard let (year, due) = try annualReportDue(today: today) else { return nil }
        return BoardItem(kind: .annualReport, rowid: Int64(year), id: Self.annualReportID(year), number: "LAPORAN-\(year)",
                         title: "Laporan tahunan layanan informasi publik \(year) / Annual report \(year)",
                         dueDate: due, isProvisional: false, clock: nil, countsFrom: CivilDate(year: year, month: 12, day: 31) ?? due)
    }

    /// A stable id for a year's report row (the board selects rows by id).
    static func annualReportID(_ year: Int) -> UUID {
        UUID(uuidString: String(format: "00000000-0000-4000-8000-%012d", max(0, min(year, 999_999)))) ?? UUID()
    }

    /// Records the year's report as submitted on `date` (to the body's head and the Commission), in
    /// the audit trail too: its clock leaves the board.
    public func recordAnnualReportSubmitted(year: Int, on date: CivilDate, note: String) throws(StoreError) {
        try write { db in
            try db.execute(sql: """
                INSERT INTO annual_reports(year, submitted_on, note) VALUES (?, ?, ?)
                ON CONFLICT(year) DO UPDATE SET submitted_on = excluded.submitted_on, note = excluded.note
                """, arguments: [year, date.iso, note])
            try audit(db, action: "report.submitted", subject: "\(year)", detail: date.iso + (note.isEmpty ? "" : " " + note))
        }
    }

    /// The day the year's report was recorded submitted, if it was.
    public func annualReportSubmitted(year: Int) throws(StoreError) -> CivilDate? {
        try readOne { db in
            try String.fetchOne(db, sql: "SELECT submitted_on FROM annual_reports WHERE year = ?", arguments: [year]).flatMap(CivilDate.init(iso:))
        }
    }
}
