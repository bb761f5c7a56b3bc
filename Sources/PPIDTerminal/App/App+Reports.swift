import Foundation
import PPIDDomain
import PPIDStore

extension App {
    /// The service report of this year: the unit's figures and the body's, as `ppid report` gives them.
    func showReport() throws {
        guard let period = ReportPeriod(year: today.year) else { return }
        let records = try store.reportRecords(for: period)
        let units = try store.units()
        let reports = ServiceReport.perUnit(period: period, units: units, requests: records.requests, objections: records.objections,
                                            disputes: records.disputes, calendar: store.context.calendar)
        var lines: [(String, Role)] = [(t("LAPORAN LAYANAN INFORMASI PUBLIK \(period.text(language))", "PUBLIC INFORMATION SERVICE REPORT \(period.text(language))"), .title)]
        for report in reports {
            lines.append(("", .normal))
            lines.append((report.unit ?? t("Seluruh badan publik", "Whole public body"), .header))
            for figure in report.figures(language) {
                lines.append(("  " + DisplayWidth.pad(figure.label, 56) + DisplayWidth.pad(figure.value, 8, alignRight: true), .normal))
            }
        }
        lines.append(("", .normal))
        lines.append((t("Untuk berkas: ppid report --year \(period.year) --format md|csv|html", "For a file: ppid report --year \(period.year) --format md|csv|html"), .dim))
        overlays.append(.detail(DetailOverlay(title: t("Laporan", "Report"), lines: lines)))
    }

    /// This year's registers, personal data masked, newest first.
    func showRegisters() throws {
        guard let period = ReportPeriod(year: today.year) else { return }
        let records = try store.reportRecords(for: period)
        var lines: [(String, Role)] = [(t("REGISTER PERMOHONAN \(period.year)", "REQUEST REGISTER \(period.year)"), .title)]
        for r in records.requests.filter({ period.contains($0.receivedOn) }).sorted(by: { $0.receivedOn > $1.receivedOn }) {
            let name = r.registration.requester.kind == .person ? PersonalDataMask.name(r.registration.requester.name) : r.registration.requester.name
            lines.append(("  " + [DisplayWidth.pad(r.registration.registrationNumber, 24), r.receivedOn.iso, DisplayWidth.pad(name, 18),
                                  DisplayWidth.pad(r.registration.information, 40), DisplayWidth.pad(r.state.text(language), 12),
                                  r.effectiveDue.iso, r.decision?.outcome.text(language) ?? ""].joined(separator: " "), .normal))
        }
        lines.append(("", .normal))
        lines.append((t("REGISTER KEBERATAN \(period.year)", "OBJECTION REGISTER \(period.year)"), .title))
        for o in records.objections.filter({ period.contains($0.filedOn) }).sorted(by: { $0.filedOn > $1.filedOn }) {
            lines.append(("  " + [DisplayWidth.pad(o.filing.number, 28), o.filedOn.iso, DisplayWidth.pad(o.filing.requestNumber, 24),
                                  DisplayWidth.pad(o.filing.grounds.map(\.rawValue).joined(separator: ","), 6),
                                  o.answerDue.iso, o.answer?.verdict.text(language) ?? t("belum ditanggapi", "not answered")].joined(separator: " "), .normal))
        }
        lines.append(("", .normal))
        lines.append((t("CSV: ppid register requests|objections --year \(period.year) [--include-personal-data] [--bom]",
                        "CSV: ppid register requests|objections --year \(period.year) [--include-personal-data] [--bom]"), .dim))
        overlays.append(.detail(DetailOverlay(title: t("Register", "Registers"), lines: lines)))
    }
}
