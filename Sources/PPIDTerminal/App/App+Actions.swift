import Foundation
import PPIDDomain
import PPIDLetters
import PPIDStore

extension App {
    /// The requests an action applies to: the marked ones when the action allows it, else the selected one.
    func requestTargets(for id: ActionID) -> [UUID] {
        let spec = ActionTable.all.first { $0.id == id }
        if spec?.appliesToMarked == true, pane == .requests, !requests.marks.isEmpty {
            return requests.marks.sorted().compactMap(UUID.init(uuidString:))
        }
        for overlay in overlays.reversed() {
            if case let .detail(detail) = overlay, let id = detail.requestID { return [UUID(uuidString: id)].compactMap { $0 } }
        }
        switch pane {
        case .requests: return requests.selected.map { [$0.id] } ?? []
        case .deadlines:
            // An unfulfilled order's row is its request's.
            if let item = board.window.selectedRow, item.kind == .request || item.kind == .orderUnfulfilled { return [item.id] }
            return []
        case .registry: return []
        }
    }

    func requestRecord(_ id: UUID) throws -> RequestRecord {
        guard case let .request(record)? = try store.caseRecord(id) else { throw StoreError.notFound(id.uuidString) }
        return record
    }

    /// The domain's refusal in one line, or the store's message.
    func describe(_ error: any Error) -> String {
        (error as? any OfficerFacingError)?.text(language) ?? "\(error)"
    }

    /// Records events for every target in one transaction, so a refusal leaves everything as it was;
    /// then writes the letters the change calls for and says where they went.
    func apply(_ events: [DomainEvent], done: String) -> FormOutcome {
        let records: [CaseRecord]
        do {
            records = try store.recordAll(events)
            if events.count > 1 { requests.marks.removeAll() }
        } catch {
            return .failed(describe(error))
        }
        let written: [String]
        do {
            written = try letterDesk?.writeLetters(for: events, records: records, store: store) ?? []
        } catch {
            return .done(done + " " + t("Surat gagal dibuat: ", "The letter could not be made: ") + describe(error))
        }
        guard let first = written.first else { return .done(done) }
        return .done(done + " " + t("Surat: ", "Letter: ") + first + (written.count > 1 ? " (+\(written.count - 1))" : ""))
    }

    /// The request act an action does, if it is one.
    static func requestAct(of id: ActionID) -> RequestAct? {
        switch id {
        case .startProcessing: .startProcessing
        case .forward: .forward
        case .extend: .extend
        case .decide: .decide
        case .deliver: .deliver
        case .close: .close
        case .withdraw: .withdraw
        case .linkDocuments: .linkDocuments
        case .comply: .comply
        case .incomplete: .noteIncomplete
        case .complete: .complete
        case .pay: .recordPayment
        default: nil
        }
    }

    /// Why a request action cannot be done to its targets now, naming the case when several are
    /// marked; nil when it can. Asked before a form opens, with the lifecycle's own rule.
    func refusal(of id: ActionID, targets: [UUID]) -> String? {
        guard Self.requestAct(of: id) != nil || id == .fileObjection else { return nil }
        if targets.isEmpty { return t("Pilih permohonan terlebih dahulu.", "Select a request first.") }
        guard let act = Self.requestAct(of: id) else { return nil }
        for target in targets {
            guard let record = try? requestRecord(target) else { continue }
            if let rejection = RequestLifecycle.refusal(of: act, for: record, on: today) {
                let number = record.registration.registrationNumber
                return targets.count > 1 ? "\(number): " + rejection.text(language) : rejection.text(language)
            }
        }
        return nil
    }

    func openActionForm(_ id: ActionID) throws {
        // The action's record already refused what cannot be done (`perform` asks `disabledReason`,
        // which is ``refusal(of:targets:)``): the targets are not read again here.
        let targets = requestTargets(for: id)
        guard targets.count > 0 || Self.requestAct(of: id) == nil && id != .fileObjection else { return }
        let count = targets.count
        let plural = count > 1 ? t(" (\(count) permohonan ditandai)", " (\(count) marked requests)") : ""
        switch id {
        case .startProcessing:
            overlays.append(.confirm(ConfirmOverlay(question: t("Mulai proses\(plural)? (y/n)", "Start processing\(plural)? (y/n)"), onYes: { [unowned self] in
                self.finish(self.apply(targets.map { .request($0, .processingStarted) }, done: self.t("Diproses.", "In process.")))
            })))
        case .close:
            overlays.append(.confirm(ConfirmOverlay(question: t("Tutup permohonan\(plural)? (y/n)", "Close the request\(plural)? (y/n)"), onYes: { [unowned self] in
                self.finish(self.apply(targets.map { .request($0, .closed) }, done: self.t("Ditutup.", "Closed.")))
            })))
        case .register: openForm(registerForm())
        case .forward: openForm(forwardForm(targets[0]))
        case .extend: openForm(extendForm(targets))
        case .decide: openForm(decideForm(targets[0]))
        case .deliver: openForm(deliverForm(targets))
        case .withdraw: openForm(withdrawForm(targets[0]))
        case .fileObjection: openForm(try objectionForm(targets[0]))
        case .linkDocuments: openForm(linkForm(targets[0]))
        case .comply: openForm(complyForm(targets[0]))
        case .incomplete: openForm(incompleteForm(targets[0]))
        case .pay: openForm(payForm(targets[0]))
        case .complete:
            // The unit's policy decides whether the clock restarts (config: incomplete_clock).
            let restarts = incompleteRestartsClock
            let question = restarts
                ? t("Pemohon sudah melengkapi? Tenggat dihitung ulang dari hari ini. (y/n)", "The requester completed it? The deadline counts from today. (y/n)")
                : t("Pemohon sudah melengkapi? Tenggat tetap dari tanggal diterima. (y/n)", "The requester completed it? The deadline stays from receipt. (y/n)")
            overlays.append(.confirm(ConfirmOverlay(question: question, onYes: { [unowned self] in
                self.finish(self.apply([.request(targets[0], .completed(restartsClock: restarts))], done: self.t("Kelengkapan dicatat.", "Completion recorded.")))
            })))
        case .answerObjection:
            guard pane == .deadlines, let item = board.window.selectedRow, item.kind == .objection,
                  case let .objection(record)? = try store.caseRecord(item.id) else {
                message = (t("Pilih keberatan di panel Tenggat.", "Select an objection on the Deadlines pane."), true)
                return
            }
            if let rejection = ObjectionLifecycle.refusal(of: .answer, for: record) {
                message = (rejection.text(language), true)
                return
            }
            openForm(answerForm(record))
        case .addDocument: openForm(documentForm(nil))
        case .editDocument:
            guard let row = registry.selected, case let .dip(record)? = try store.caseRecord(row.id) else {
                message = (t("Pilih entri DIP terlebih dahulu.", "Select a DIP entry first."), true)
                return
            }
            openForm(documentForm(record.entry))
        default: break
        }
    }

    func finish(_ outcome: FormOutcome) {
        switch outcome {
        case let .done(text):
            say(text)
            refresh()
        case let .failed(text): message = (text, true)
        case .invalid: message = (t("Isian tidak lengkap.", "Incomplete."), true)
        case let .refused(refusal): message = (refusal.text(language), true)
        }
    }

    /// Opens a form, filling it from its kept draft if there is one.
    func openForm(_ form: FormState) {
        var form = form
        if let draft = try? store.drafts().first(where: { FormKind(draftKey: $0.form) == form.kind }) {
            form.restore(draftBody: draft.body)
            form.message = t("Draf dipulihkan.", "Draft restored.")
        }
        overlays.append(.form(form))
    }
}
