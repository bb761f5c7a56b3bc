import Foundation
import PPIDDomain
import PPIDStore

/// The forms of a dispute at the Komisi Informasi, on the deadline board: filing one against the
/// selected objection (K), and its next step on the selected dispute (K again: mediation or
/// adjudication, a hearing, the decision, the court and cassation with their rulings, a withdrawal). Both go through the acts layer
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
        if [.mediation, .adjudication, .inCourt, .cassation].contains(dispute.state) {
            steps.insert(("hearing", t("Sidang", "Hearing")), at: 0)
        }
        if dispute.state == .decided && dispute.outcome != .mediatedAgreement { steps.append(("court", t("Gugatan ke PTUN/PN", "Taken to court (PTUN/PN)"))) }
        if dispute.state == .inCourt { steps.append(("court-decide", t("Putusan pengadilan", "Court ruling"))) }
        if dispute.state == .courtDecided { steps.append(("cassation", t("Kasasi ke Mahkamah Agung", "Cassation at the Supreme Court"))) }
        if dispute.state == .cassation { steps.append(("cassation-decide", t("Putusan kasasi", "Cassation ruling"))) }
        if [.inCourt, .cassation].contains(dispute.state) { steps.append(("withdraw", t("Dicabut", "Withdrawn"))) }
        let outcomes = DisputeOutcome.allCases.filter { $0 != .mediatedAgreement || dispute.state == .mediation }.map { ($0.rawValue, $0.text(language)) }
        let rulingSteps: Set<String> = ["decide", "court-decide", "cassation-decide"]
        let courtWindow = dispute.courtFilingDue(store.context.calendar)?.due ?? dispute.cassationFilingDue(store.context.calendar)?.due
        var form = FormState(.disputeStep(dispute.id), title: t("Sengketa \(dispute.filing.registerNumber): \(dispute.state.text(.indonesian))",
                                                               "Dispute \(dispute.filing.registerNumber): \(dispute.state.text(.english))"), fields: [
            FormField("step", t("Langkah", "Step"), value: steps.first?.0 ?? "", kind: .choice(steps)),
            FormField("heldOn", t("Tanggal sidang", "Held on"), value: today.iso, kind: .date, shownWhen: { $0["step"] == "hearing" }),
            FormField("nextOn", t("Sidang berikutnya", "Next hearing"), kind: .date, shownWhen: { $0["step"] == "hearing" }),
            FormField("note", t("Catatan sidang", "Notes"), shownWhen: { $0["step"] == "hearing" }),
            FormField("outcome", t("Hasil bagi pemohon", "Outcome for the requester"), value: outcomes.first?.0 ?? "", kind: .choice(outcomes),
                      shownWhen: { rulingSteps.contains($0["step"]) }),
            FormField("summary", t("Ringkasan putusan", "Summary"), shownWhen: { rulingSteps.contains($0["step"]) }),
            FormField("court", t("Pengadilan", "Court"), hint: t("mis. PTUN Jakarta (14 hari kerja, Pasal 48)", "e.g. PTUN Jakarta (14 working days, Pasal 48)"),
                      shownWhen: { $0["step"] == "court" }),
            FormField("late", t("Alasan mencatat setelah batas", "Reason to record it after the window"),
                      hint: courtWindow.map { t("batas \($0.iso)", "window closes \($0.iso)") } ?? "",
                      shownWhen: { $0["step"] == "court" || $0["step"] == "cassation" }),
            FormField("reason", t("Alasan", "Reason"), shownWhen: { $0["step"] == "withdraw" }),
        ]) { [unowned self] form in
            do throws(ActRefusal) {
                let event = try DisputeStepSubmission(form.values).event(today: self.today)
                return self.apply([.dispute(dispute.id, event)], done: self.t("Sengketa dicatat.", "Dispute recorded."))
            } catch {
                return .refused(error)
            }
        }
        let today = self.today
        form.check = { form in
            do throws(ActRefusal) { _ = try DisputeStepSubmission(form.values).event(today: today); return nil } catch { return error }
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
