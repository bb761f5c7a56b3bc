import Foundation

extension ServiceReport {
    /// One labelled figure of the report.
    public struct Figure: Hashable, Sendable {
        /// A stable key for scripts, such as `requests.received`.
        public let key: String
        public let label: String
        public let value: String
    }

    /// The figures in reading order, labelled in `language`.
    public func figures(_ l: Language) -> [Figure] {
        let r = self
        typealias Line = Figure
        var lines: [Line] = [
            Line(key: "cohort.rule", label: l.pick("Dasar hitung: permohonan yang diterima dalam periode ini, dan apa yang terjadi pada masing-masing",
                                                   "Counted: the requests received in this period, and what became of each"),
                 value: "\(r.period.first.iso) – \(r.period.last.iso)"),
        ]
        if let due = r.period.reportDue {
            lines.append(Line(key: "report.due", label: l.pick("Laporan tahunan wajib disampaikan paling lambat", "The annual report is due by"),
                              value: due.iso))
        }
        lines += [
            Line(key: "requests.received", label: l.pick("Permohonan diterima", "Requests received"), value: "\(r.requestsReceived)"),
            Line(key: "requests.decided", label: l.pick("Pemberitahuan tertulis diterbitkan", "Written notices issued"), value: "\(r.decided)"),
            Line(key: "days.mean", label: l.pick("Rata-rata hari kerja sampai pemberitahuan", "Mean working days to the notice"), value: Self.format(r.meanDays)),
            Line(key: "days.median", label: l.pick("Median hari kerja", "Median working days"), value: Self.format(r.medianDays)),
            Line(key: "days.p90", label: l.pick("Persentil ke-90 hari kerja", "90th percentile working days"), value: Self.format(r.p90Days)),
            Line(key: "days.within10", label: l.pick("Dalam 10 hari kerja", "Within 10 working days"), value: "\(r.withinTen)"),
            Line(key: "notices.onTime", label: l.pick("Tepat waktu (10 hari kerja, atau 17 bila diperpanjang dengan alasan)",
                                                      "On time (10 working days, or 17 when extended with a reason)"), value: "\(r.noticesOnTime)"),
            Line(key: "notices.late", label: l.pick("Terlambat (setelah tenggatnya)", "Late (after their due date)"), value: "\(r.noticesLate)"),
            Line(key: "requests.openOverdue", label: l.pick("Belum diberi pemberitahuan, lewat tenggat", "No notice yet, past the due date"),
                 value: "\(r.openOverdue)"),
            Line(key: "outcome.full", label: l.pick("Diberikan seluruhnya", "Granted in full"), value: "\(r.grantedInFull)"),
            Line(key: "outcome.part", label: l.pick("Diberikan sebagian", "Granted in part"), value: "\(r.grantedInPart)"),
            Line(key: "outcome.refused", label: l.pick("Ditolak", "Refused"), value: "\(r.refused)"),
        ]
        for (basis, count) in r.exemptionsByBasis.sorted(by: { $0.key < $1.key }) {
            let label = basis.hasPrefix("17") && basis.count == 3 ? "Pasal 17 huruf \(basis.suffix(1))" : basis
            lines.append(Line(key: "exemption.\(basis)", label: "  " + l.pick("Dasar pengecualian: ", "Exemption basis: ") + label, value: "\(count)"))
        }
        lines += [
            Line(key: "outcome.notHeld", label: l.pick("Informasi tidak dikuasai", "Not held"), value: "\(r.notHeld)"),
            Line(key: "outcome.notDocumented", label: l.pick("Belum didokumentasikan", "Not yet documented"), value: "\(r.notYetDocumented)"),
            Line(key: "requests.withdrawn", label: l.pick("Ditarik pemohon", "Withdrawn"), value: "\(r.withdrawn)"),
            Line(key: "requests.open", label: l.pick("Masih berjalan", "Still open"), value: "\(r.stillOpen)"),
            Line(key: "objections.received", label: l.pick("Keberatan diterima", "Objections received"), value: "\(r.objectionsReceived)"),
        ]
        for ground in ObjectionGround.allCases {
            guard let count = r.objectionsByGround[ground] else { continue }
            lines.append(Line(key: "objections.ground.\(ground.rawValue)", label: "  " + ground.text(l), value: "\(count)"))
        }
        let outcomes = ["granted": l.pick("Keberatan diterima atasan", "Objection granted"), "refusal-upheld": l.pick("Penolakan dikuatkan", "Refusal upheld"),
                        "settled": l.pick("Musyawarah", "Settled by agreement"), "pending": l.pick("Belum ditanggapi", "Not yet answered"),
                        "withdrawn": l.pick("Ditarik", "Withdrawn")]
        for (code, count) in r.objectionsByOutcome.sorted(by: { $0.key < $1.key }) {
            lines.append(Line(key: "objections.outcome.\(code)", label: "  " + (outcomes[code] ?? code), value: "\(count)"))
        }
        lines.append(Line(key: "objections.answeredLate", label: l.pick("Keberatan ditanggapi terlambat (lewat 30 hari kerja)",
                                                                        "Objections answered late (after 30 working days)"), value: "\(r.objectionsAnsweredLate)"))
        lines.append(Line(key: "objections.overdue", label: l.pick("Keberatan belum ditanggapi, lewat tenggat", "Objections unanswered past their due date"),
                          value: "\(r.objectionsOverdue)"))
        lines.append(Line(key: "disputes.filed", label: l.pick("Sengketa di Komisi Informasi", "Disputes at the Information Commission"), value: "\(r.disputesFiled)"))
        for (code, count) in r.disputesByOutcome.sorted(by: { $0.key < $1.key }) {
            // Outcomes in words, never their codes.
            let label = DisputeOutcome(rawValue: code)?.text(l) ?? [
                "pending": l.pick("Masih berjalan di Komisi Informasi", "Still before the Commission"),
                "withdrawn": l.pick("Dicabut", "Withdrawn"),
            ][code] ?? code
            lines.append(Line(key: "disputes.outcome.\(code)", label: "  " + label, value: "\(count)"))
        }
        lines.append(Line(key: "court.cases", label: l.pick("Perkara di pengadilan (PTUN/PN, kasasi)", "Court cases (PTUN/PN, cassation)"),
                          value: "\(r.courtCases)"))
        for (code, count) in r.courtByOutcome.sorted(by: { $0.key < $1.key }) {
            let label = DisputeOutcome(rawValue: code)?.text(l) ?? [
                "pending": l.pick("Masih diperiksa pengadilan", "Still before a court"),
                "withdrawn": l.pick("Dicabut", "Withdrawn"),
            ][code] ?? code
            lines.append(Line(key: "court.outcome.\(code)", label: "  " + l.pick("Putusan: ", "Ruling: ") + label, value: "\(count)"))
        }
        return lines
    }

    static func format(_ value: Double?) -> String {
        guard let value else { return "-" }
        return String(format: "%.1f", value)
    }
}
