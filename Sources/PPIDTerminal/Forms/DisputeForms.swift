import Foundation
import PPIDDomain
import PPIDStore

/// The forms of a dispute at the Komisi Informasi, on the deadline board: filing one against the
/// selected objection (K), and its next step on the selected dispute (K again: mediation or
/// adjudication, the decision, the court, a withdrawal). Both go through the acts layer
/// (``DisputeFilingSubmission``, ``DisputeStepSubmission``), as `ppid dispute` does.
extension App {
    func disputeFilingForm(_ objection: ObjectionRecord) -> FormState {
        var form = FormState(.disputeFiling(objection.id), title: t("Sengketa ke Komisi Informasi atas \(objection.filing.number)",
                                                                    "Dispute at the Information Commission over \(objection.filing.number)"), fields: [
            FormField("registerNumber", t("Nomor register KI", "Commission register no."), required: true),
            FormField("commission", t("Komisi Informasi", "Information Commission"), hint: t("Pusat, atau provinsi", "central, or a province's")),
            FormField("late", t("Alasan mencatat setelah 14 hari kerja", "Reason to record it after 14 working days"),
                      hint: t("hanya bila lewat batas (Pasal 37 ayat 2)", "only past the window (Pasal 37(2))")),
        ]) { [unowned self] form in
            do throws(ActRefusal) {
                let filing = try DisputeFilingSubmission(registerNumber: form["registerNumber"], late: form["late"], commission: form["commission"])
                    .filing(id: self.store.newCaseID(), against: objection)
                return self.apply([.dispute(filing.id, .filed(filing))],
                                  done: self.t("Sengketa \(filing.registerNumber) dicatat.", "Dispute \(filing.registerNumber) recorded."))
            } catch {
                return .refused(error)
            }
        }
        form.check = { form in
            do throws(ActRefusal) {
                _ = try DisputeFilingSubmission(registerNumber: form["registerNumber"], late: form["late"]).filing(id: UUID(), against: objection)
                return nil
            } catch { return error }
        }
        return form
    }

    func disputeStepForm(_ dispute: DisputeRecord) -> FormState {
        // Mediation only where the grounds allow it (Pasal 40(2)).
        var steps: [(String, String)] = []
        if dispute.state == .filed {
            if dispute.filing.mayMediate { steps.append(("mediation", t("Mediasi dimulai", "Mediation started"))) }
            steps.append(("adjudication", t("Ajudikasi dimulai", "Adjudication started")))
        }
        if [.filed, .mediation, .adjudication].contains(dispute.state) {
            steps.append(("decide", t("Putusan / kesepakatan", "Decision / agreement")))
            steps.append(("withdraw", t("Dicabut", "Withdrawn")))
        }
        if dispute.state == .decided && dispute.outcome != .mediatedAgreement { steps.append(("court", t("Gugatan ke PTUN/PN", "Taken to court (PTUN/PN)"))) }
        let outcomes = DisputeOutcome.allCases.filter { $0 != .mediatedAgreement || dispute.state == .mediation }.map { ($0.rawValue, $0.text(language)) }
        var form = FormState(.disputeStep(dispute.id), title: t("Sengketa \(dispute.filing.registerNumber): \(dispute.state.text(.indonesian))",
                                                               "Dispute \(dispute.filing.registerNumber): \(dispute.state.text(.english))"), fields: [
            FormField("step", t("Langkah", "Step"), value: steps.first?.0 ?? "", kind: .choice(steps)),
            FormField("outcome", t("Hasil", "Outcome"), value: outcomes.first?.0 ?? "", kind: .choice(outcomes), shownWhen: { $0["step"] == "decide" }),
            FormField("summary", t("Ringkasan putusan", "Summary"), shownWhen: { $0["step"] == "decide" }),
            FormField("court", t("Pengadilan", "Court"), hint: t("mis. PTUN Jakarta (14 hari kerja, Pasal 48)", "e.g. PTUN Jakarta (14 working days, Pasal 48)"),
                      shownWhen: { $0["step"] == "court" }),
            FormField("reason", t("Alasan", "Reason"), shownWhen: { $0["step"] == "withdraw" }),
        ]) { [unowned self] form in
            do throws(ActRefusal) {
                let event = try DisputeStepSubmission(form.values).event()
                return self.apply([.dispute(dispute.id, event)], done: self.t("Sengketa dicatat.", "Dispute recorded."))
            } catch {
                return .refused(error)
            }
        }
        form.check = { form in
            do throws(ActRefusal) { _ = try DisputeStepSubmission(form.values).event(); return nil } catch { return error }
        }
        return form
    }

    /// K on the board: a dispute's form for the selected objection or dispute.
    func openDisputeForm() throws {
        guard pane == .deadlines, let item = board.window.selectedRow else { return }
        switch (item.kind, try store.caseRecord(item.id)) {
        case let (.objection, .objection(record)?): openForm(disputeFilingForm(record))
        case let (.dispute, .dispute(record)?): openForm(disputeStepForm(record))
        default: break
        }
    }

    /// Why K does nothing on the selected row, or nil when it opens a form.
    var disputeRefusal: String? {
        guard let item = board.window.selectedRow, item.kind == .objection || item.kind == .dispute else {
            return t("Pilih keberatan (untuk mencatat sengketa) atau sengketa di panel Tenggat.",
                     "Select an objection (to record a dispute) or a dispute on the Deadlines pane.")
        }
        return nil
    }
}
