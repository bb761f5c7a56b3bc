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
            if let item = board.window.selectedRow, item.kind == .request { return [item.id] }
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
        var written: [String] = []
        for (event, record) in zip(events, records) {
            for (kind, subject) in letters(for: event, record: record) {
                do {
                    if let path = try letterDesk?.write(kind, subject: subject, store: store) { written.append(path) }
                } catch {
                    return .done(done + " " + t("Surat gagal dibuat: ", "The letter could not be made: ") + describe(error))
                }
            }
        }
        guard let first = written.first else { return .done(done) }
        return .done(done + " " + t("Surat: ", "Letter: ") + first + (written.count > 1 ? " (+\(written.count - 1))" : ""))
    }

    /// The letters an accepted change calls for.
    func letters(for event: DomainEvent, record: CaseRecord) -> [(LetterKind, LetterSubject)] {
        switch (event, record) {
        case let (.request(_, .decided(decision)), .request(r)):
            if case .refused = decision.outcome { return [(.notice, .request(r)), (.refusal, .request(r))] }
            return [(.notice, .request(r))]
        case let (.request(_, .extended), .request(r)):
            return [(.extensionNotice, .request(r))]
        case let (.objection(_, .answered), .objection(o)):
            let request: RequestRecord? = if case let .request(r)? = try? store.caseRecord(o.filing.requestID) { r } else { nil }
            return [(.objectionAnswer, .objection(o, request: request))]
        default:
            return []
        }
    }

    func openActionForm(_ id: ActionID) throws {
        let targets = requestTargets(for: id)
        let needsRequest: Set<ActionID> = [.startProcessing, .forward, .extend, .decide, .deliver, .close, .withdraw, .fileObjection, .linkDocuments]
        if needsRequest.contains(id) && targets.isEmpty {
            message = (t("Pilih permohonan terlebih dahulu.", "Select a request first."), true)
            return
        }
        let count = targets.count
        let plural = count > 1 ? t(" (\(count) permohonan ditandai)", " (\(count) marked requests)") : ""
        switch id {
        case .startProcessing:
            overlays.append(.confirm(ConfirmState(question: t("Mulai proses\(plural)? (y/n)", "Start processing\(plural)? (y/n)"), onYes: { [unowned self] in
                self.finish(self.apply(targets.map { .request($0, .processingStarted) }, done: self.t("Diproses.", "In process.")))
            })))
        case .close:
            overlays.append(.confirm(ConfirmState(question: t("Tutup permohonan\(plural)? (y/n)", "Close the request\(plural)? (y/n)"), onYes: { [unowned self] in
                self.finish(self.apply(targets.map { .request($0, .closed) }, done: self.t("Ditutup.", "Closed.")))
            })))
        case .register: openForm(registerForm())
        case .forward: openForm(forwardForm(targets[0]))
        case .extend: openForm(extendForm(targets, plural: plural))
        case .decide: openForm(decideForm(targets[0]))
        case .deliver: openForm(deliverForm(targets, plural: plural))
        case .withdraw: openForm(withdrawForm(targets[0]))
        case .fileObjection: openForm(try objectionForm(targets[0]))
        case .linkDocuments: openForm(linkForm(targets[0]))
        case .answerObjection:
            guard pane == .deadlines, let item = board.window.selectedRow, item.kind == .objection else {
                message = (t("Pilih keberatan di panel Tenggat.", "Select an objection on the Deadlines pane."), true)
                return
            }
            openForm(answerForm(item))
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
        }
    }

    /// Opens a form, filling it from its kept draft if there is one.
    func openForm(_ form: FormState) {
        var form = form
        if let draft = try? store.drafts().first(where: { $0.form == form.id }) {
            form.restore(draftBody: draft.body)
            form.message = t("Draf dipulihkan.", "Draft restored.")
        }
        overlays.append(.form(form))
    }

    // MARK: - The forms

    func choice<T: RawRepresentable & CaseIterable & Localized>(_ type: T.Type) -> FormField.Kind where T.RawValue == String {
        .choice(T.allCases.map { ($0.rawValue, $0.text(language)) })
    }

    func registerForm() -> FormState {
        let kinds: FormField.Kind = .choice([(Requester.Kind.person.rawValue, t("Perorangan", "Person")),
                                             (Requester.Kind.entity.rawValue, t("Badan hukum/kelompok", "Legal entity/group"))])
        let obtain: FormField.Kind = .choice(ObtainMethod.allCases.map { ($0.rawValue, $0.rawValue.replacingOccurrences(of: "-", with: " ")) })
        let delivery: FormField.Kind = .choice(DeliveryMethod.allCases.map { ($0.rawValue, $0.rawValue.replacingOccurrences(of: "-", with: " ")) })
        let isPerson: (FormState) -> Bool = { $0["kind"] == Requester.Kind.person.rawValue }
        return FormState(id: "register", title: t("Daftarkan permohonan informasi", "Register a request for information"), fields: [
            FormField("channel", t("Kanal", "Channel"), value: Channel.inPerson.rawValue, kind: choice(Channel.self), hint: t("←/→ atau Spasi", "←/→ or Space")),
            FormField("kind", t("Jenis pemohon", "Requester"), value: Requester.Kind.person.rawValue, kind: kinds),
            FormField("name", t("Nama", "Name"), required: true),
            FormField("nik", "NIK", required: true, hint: t("16 angka", "16 digits"), shownWhen: isPerson),
            FormField("entityDocument", t("Akta/dok. badan hukum", "Entity document"), required: true, shownWhen: { !isPerson($0) }),
            FormField("address", t("Alamat", "Address")),
            FormField("occupation", t("Pekerjaan", "Occupation")),
            FormField("phone", t("Telepon", "Phone"), hint: "08xx / +62"),
            FormField("email", "Email"),
            FormField("information", t("Rincian informasi", "Information requested"), required: true),
            FormField("purpose", t("Tujuan penggunaan", "Purpose"), required: true),
            FormField("obtain", t("Cara memperoleh", "How to obtain"), value: ObtainMethod.softCopy.rawValue, kind: obtain),
            FormField("delivery", t("Cara menerima salinan", "How to receive"), value: DeliveryMethod.email.rawValue, kind: delivery),
        ], submit: { [unowned self] form in self.submitRegistration(form) })
    }

    func submitRegistration(_ form: FormState) -> FormOutcome {
        var submission = RequestSubmission()
        submission.kind = form["kind"]
        submission.name = form["name"]
        submission.nik = form["nik"]
        submission.entityDocument = form["entityDocument"]
        submission.address = form["address"]
        submission.occupation = form["occupation"]
        submission.phone = form["phone"]
        submission.email = form["email"]
        submission.information = form["information"]
        submission.purpose = form["purpose"]
        submission.channel = form["channel"]
        submission.obtain = form["obtain"]
        submission.delivery = form["delivery"]
        do {
            let registration = try submission.registration(id: store.newCaseID(), unit: store.profile.code, now: Date())
            let record = try store.registerRequest(registration)
            return .done(t("Terdaftar \(record.registration.registrationNumber); tenggat \(record.noticeDue.iso).",
                           "Registered \(record.registration.registrationNumber); due \(record.noticeDue.iso)."))
        } catch let problem as SubmissionProblem {
            if let field = problem.field, form.fields.contains(where: { $0.key == field }) {
                return .invalid([field: problem.text(language)])
            }
            return .failed(problem.text(language))
        } catch let error as StoreError {
            if case let .rejected(.request(rejection)) = error, let field = SubmissionProblem.field(of: rejection) {
                return .invalid([field: rejection.text(language)])
            }
            return .failed(describe(error))
        } catch {
            return .failed("\(error)")
        }
    }

    func forwardForm(_ id: UUID) -> FormState {
        FormState(id: "forward:\(id.uuidString)", title: t("Teruskan permohonan", "Forward the request"), fields: [
            FormField("target", t("Tujuan", "To"), value: "unit", kind: .choice([("unit", t("Unit lain di badan publik ini", "Another unit of this body")),
                                                                                 ("body", t("Badan publik lain", "Another public body"))])),
            FormField("name", t("Kode unit / nama badan", "Unit code / body name"), required: true),
            FormField("note", t("Catatan", "Note")),
        ]) { [unowned self] form in
            let target: ForwardTarget = form["target"] == "unit" ? .unit(form["name"]) : .otherBody(form["name"])
            return self.apply([.request(id, .forwarded(to: target, note: form["note"]))], done: self.t("Diteruskan.", "Forwarded."))
        }
    }

    func extendForm(_ ids: [UUID], plural: String) -> FormState {
        var form = FormState(id: "extend:" + ids.map(\.uuidString).joined(separator: ","),
                             title: t("Perpanjang tenggat 7 hari kerja", "Extend by 7 working days") + plural, fields: [
            FormField("reason", t("Alasan tertulis", "Written reason"), required: true, hint: "Pasal 22(8)"),
        ]) { [unowned self] form in
            self.apply(ids.map { .request($0, .extended(reason: form["reason"])) }, done: self.t("Diperpanjang.", "Extended."))
        }
        form.count = ids.count
        return form
    }

    func decideForm(_ id: UUID) -> FormState {
        let outcomes: FormField.Kind = .choice([("full", t("Diberikan seluruhnya", "Granted in full")), ("part", t("Diberikan sebagian", "Granted in part")),
                                                ("refused", t("Ditolak", "Refused")), ("notHeld", t("Tidak dikuasai", "Not held")),
                                                ("notDocumented", t("Belum didokumentasikan", "Not yet documented"))])
        let bases = exemptionBases()
        let exempting: (FormState) -> Bool = { $0["outcome"] == "refused" || $0["outcome"] == "part" }
        return FormState(id: "decide:\(id.uuidString)", title: t("Pemberitahuan tertulis (Pasal 22 ayat 7)", "Written notice (Pasal 22(7))"), fields: [
            FormField("outcome", t("Keputusan", "Outcome"), value: "full", kind: outcomes),
            FormField("basis", t("Dasar pengecualian", "Exemption basis"), value: "", kind: bases, shownWhen: exempting),
            FormField("statute", t("UU lain (sebutkan)", "Other statute (name it)"), shownWhen: { exempting($0) && $0["basis"] == "other" }),
            FormField("harm", t("Uji konsekuensi: bahaya", "Consequence test: harm"), shownWhen: exempting),
            FormField("interest", t("Pertimbangan kepentingan publik", "Public interest weighed"), shownWhen: exempting),
            FormField("withheld", t("Bagian yang dikecualikan", "Part withheld"), shownWhen: exempting),
            FormField("until", t("Dikecualikan sampai", "Exempt until"), kind: .date, hint: t("TTTT-BB-HH", "YYYY-MM-DD"), shownWhen: exempting),
            FormField("holder", t("Badan yang menguasai", "Body holding it"), shownWhen: { $0["outcome"] == "notHeld" }),
            FormField("cost", t("Biaya (Rp)", "Cost (Rp)"), value: "0"),
            FormField("note", t("Catatan", "Note")),
        ]) { [unowned self] form in
            guard let cost = Int(form["cost"].isEmpty ? "0" : form["cost"]), cost >= 0 else {
                return .invalid(["cost": self.t("angka rupiah", "a number of rupiah")])
            }
            let outcome: NoticeOutcome
            switch (form["outcome"], self.exemption(from: form)) {
            case let ("part", exemption?): outcome = .grantedInPart([exemption])
            case let ("refused", exemption?): outcome = .refused(exemption)
            case ("part", nil), ("refused", nil):
                return .invalid(["basis": self.t("pilih huruf Pasal 17 atau UU lain", "choose a Pasal 17 letter or another statute")])
            case ("notHeld", _): outcome = .notHeld(holder: form["holder"].isEmpty ? nil : form["holder"])
            case ("notDocumented", _): outcome = .notYetDocumented
            default: outcome = .grantedInFull
            }
            return self.apply([.request(id, .decided(Decision(outcome: outcome, costRupiah: cost, note: form["note"])))],
                              done: self.t("Pemberitahuan tertulis dicatat.", "Written notice recorded."))
        }
    }

    func deliverForm(_ ids: [UUID], plural: String) -> FormState {
        var form = FormState(id: "deliver:" + ids.map(\.uuidString).joined(separator: ","),
                             title: t("Catat penyampaian", "Record delivery") + plural, fields: [
            FormField("method", t("Cara", "Method"), value: DeliveryMethod.email.rawValue,
                      kind: .choice(DeliveryMethod.allCases.map { ($0.rawValue, $0.rawValue.replacingOccurrences(of: "-", with: " ")) })),
            FormField("note", t("Catatan", "Note")),
        ]) { [unowned self] form in
            self.apply(ids.map { .request($0, .delivered(method: DeliveryMethod(rawValue: form["method"]), note: form["note"])) },
                       done: self.t("Penyampaian dicatat.", "Delivery recorded."))
        }
        form.count = ids.count
        return form
    }

    func withdrawForm(_ id: UUID) -> FormState {
        FormState(id: "withdraw:\(id.uuidString)", title: t("Penarikan oleh pemohon", "Withdrawal by the requester"), fields: [
            FormField("reason", t("Alasan (bila ada)", "Reason (if any)")),
        ]) { [unowned self] form in
            self.apply([.request(id, .withdrawn(reason: form["reason"]))], done: self.t("Penarikan dicatat.", "Withdrawal recorded."))
        }
    }

    func objectionForm(_ id: UUID) throws -> FormState {
        let record = try requestRecord(id)
        // The objector is usually the requester: their full name is filled in, and that reading of
        // personal data is recorded in the audit trail (a legal entity's name is not personal data).
        var requesterName = record.registration.requester.name
        if record.registration.requester.kind == .person {
            requesterName = try store.revealPersonalData(ofRequest: id, purpose: t("Formulir keberatan: nama pemohon diisi", "Objection form: requester's name filled in")).name
        }
        return FormState(id: "objection:\(id.uuidString)", title: t("Keberatan atas \(record.registration.registrationNumber)", "Objection to \(record.registration.registrationNumber)"), fields: [
            FormField("grounds", t("Alasan (Pasal 35 ayat 1: a-g)", "Grounds (Pasal 35(1): a-g)"), required: true, hint: t("mis. a atau c,g", "e.g. a or c,g")),
            FormField("filedBy", t("Diajukan oleh", "Filed by"), value: requesterName, required: true),
            FormField("proxy", t("Kuasa?", "Proxy?"), value: "no", kind: .choice([("no", t("Pemohon sendiri", "The requester")), ("yes", t("Kuasa pemohon", "A proxy"))])),
            FormField("statement", t("Uraian keberatan", "Statement")),
            FormField("late", t("Alasan menerima meski terlambat", "Reason to accept it late"), hint: t("hanya bila lewat 30 hari kerja", "only past 30 working days")),
        ]) { [unowned self] form in
            let letters = form["grounds"].lowercased().split(whereSeparator: { $0 == "," || $0 == " " })
            let grounds = letters.compactMap { ObjectionGround(rawValue: String($0)) }
            guard !grounds.isEmpty, grounds.count == letters.count else {
                return .invalid(["grounds": self.t("huruf a sampai g, dipisah koma", "letters a to g, comma separated")])
            }
            let filing = ObjectionFiling(
                id: self.store.newCaseID(), number: "", requestID: id, requestNumber: record.registration.registrationNumber,
                unit: record.registration.unit, filedBy: form["filedBy"], isProxy: form["proxy"] == "yes", grounds: grounds,
                statement: form["statement"], groundsAroseOn: record.objectionGroundsArose,
                lateFilingOverride: form["late"].isEmpty ? nil : form["late"])
            do {
                let filed = try self.store.fileObjection(filing)
                return .done(self.t("Keberatan \(filed.filing.number) terdaftar; tanggapan paling lambat \(filed.answerDue.iso).",
                                    "Objection \(filed.filing.number) registered; answer due \(filed.answerDue.iso)."))
            } catch {
                return .failed(self.describe(error))
            }
        }
    }

    func answerForm(_ item: BoardItem) -> FormState {
        FormState(id: "answer:\(item.id.uuidString)", title: t("Tanggapan atasan PPID atas \(item.number)", "Atasan PPID's answer to \(item.number)"), fields: [
            FormField("verdict", t("Keputusan", "Decision"), value: "granted", kind: .choice([
                ("granted", t("Keberatan diterima", "Objection granted")), ("upheld", t("Penolakan dikuatkan", "Refusal upheld")),
                ("settled", t("Musyawarah (b-g)", "Settled by agreement (b-g)"))])),
            FormField("reasons", t("Alasan tertulis / kesepakatan", "Written reasons / terms"), hint: "Pasal 36(3)"),
            FormField("atasan", t("Nama atasan PPID", "Atasan PPID's name"), required: true),
            FormField("position", t("Jabatan", "Position")),
        ]) { [unowned self] form in
            let verdict: ObjectionVerdict = switch form["verdict"] {
            case "upheld": .refusalUpheld(reasons: form["reasons"])
            case "settled": .settledByAgreement(terms: form["reasons"])
            default: .objectionGranted
            }
            return self.apply([.objection(item.id, .answered(ObjectionAnswer(verdict: verdict, atasanName: form["atasan"], atasanPosition: form["position"])))],
                              done: self.t("Tanggapan dicatat.", "Answer recorded."))
        }
    }

    func linkForm(_ id: UUID) -> FormState {
        FormState(id: "link:\(id.uuidString)", title: t("Kaitkan dengan entri DIP", "Link to DIP entries"), fields: [
            FormField("numbers", t("Nomor DIP", "DIP numbers"), required: true, hint: t("dipisah koma", "comma separated")),
        ]) { [unowned self] form in
            let numbers = form["numbers"].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            do {
                let found = try self.store.dipEntries(numbers: numbers)
                let missing = numbers.filter { n in !found.contains { $0.number == n } }
                guard missing.isEmpty else {
                    return .invalid(["numbers": self.t("tidak ada: ", "not found: ") + missing.joined(separator: ", ")])
                }
                return self.apply([.request(id, .documentsLinked(found.map(\.id)))], done: self.t("Dikaitkan.", "Linked."))
            } catch {
                return .failed(self.describe(error))
            }
        }
    }

    func documentForm(_ entry: DIPEntry?) -> FormState {
        let bases = exemptionBases()
        let isExempt: (FormState) -> Bool = { $0["category"] == DIPCategory.exempt.rawValue }
        var basis = "", statute = ""
        switch entry?.exemption?.basis {
        case let .pasal17(letter)?: basis = letter.rawValue
        case let .otherStatute(text)?: basis = "other"; statute = text
        case nil: break
        }
        let test = entry?.exemption?.test
        return FormState(id: "dip:" + (entry?.id.uuidString ?? "new"), title: entry == nil ? t("Tambah entri DIP", "Add a DIP entry") : t("Ubah entri DIP", "Edit the DIP entry"), fields: [
            FormField("number", t("Nomor", "Number"), value: entry?.number ?? "", required: true),
            FormField("category", t("Kategori", "Category"), value: entry?.category.rawValue ?? DIPCategory.onRequest.rawValue, kind: choice(DIPCategory.self)),
            FormField("title", t("Judul", "Title"), value: entry?.title ?? "", required: true),
            FormField("summary", t("Ringkasan isi", "Summary"), value: entry?.summary ?? ""),
            FormField("holder", t("Pejabat/unit penguasa", "Held by"), value: entry?.holder ?? "", required: true),
            FormField("responsible", t("Penanggung jawab", "Responsible"), value: entry?.responsible ?? ""),
            FormField("made", t("Waktu & tempat pembuatan", "Made when and where"), value: entry?.madeWhenWhere ?? ""),
            FormField("form", t("Bentuk", "Form"), value: entry?.form.rawValue ?? DocumentForm.soft.rawValue,
                      kind: .choice(DocumentForm.allCases.map { ($0.rawValue, $0.rawValue) })),
            FormField("retention", t("Jangka simpan", "Retention"), value: entry?.retention ?? ""),
            FormField("decree", t("Nomor SK", "Decree number"), value: entry?.decreeNumber ?? ""),
            FormField("location", t("Lokasi / tautan", "Location / link"), value: entry?.location ?? ""),
            FormField("basis", t("Dasar pengecualian", "Exemption basis"), value: basis, kind: bases, shownWhen: isExempt),
            FormField("statute", t("UU lain (sebutkan)", "Other statute"), value: statute, shownWhen: { isExempt($0) && $0["basis"] == "other" }),
            FormField("harm", t("Uji konsekuensi: bahaya", "Consequence test: harm"), value: test?.harm ?? "", shownWhen: isExempt),
            FormField("interest", t("Pertimbangan kepentingan publik", "Public interest weighed"), value: test?.publicInterestWeighed ?? "", shownWhen: isExempt),
            FormField("withheld", t("Bagian yang dikecualikan", "Part withheld"), value: test?.withheldPart ?? "", shownWhen: isExempt),
            FormField("until", t("Dikecualikan sampai", "Exempt until"), value: test?.until?.iso ?? "", kind: .date, shownWhen: isExempt),
        ]) { [unowned self] form in
            let category = DIPCategory(rawValue: form["category"]) ?? .onRequest
            var exemption: Exemption? = nil
            if category == .exempt {
                guard let chosen = self.exemption(from: form) else {
                    return .invalid(["basis": self.t("pilih huruf Pasal 17 atau UU lain", "choose a Pasal 17 letter or another statute")])
                }
                exemption = chosen
            }
            let updated = DIPEntry(id: entry?.id ?? self.store.newCaseID(), number: form["number"], unit: entry?.unit ?? self.store.profile.code,
                                   title: form["title"], summary: form["summary"], holder: form["holder"], responsible: form["responsible"],
                                   madeWhenWhere: form["made"], form: DocumentForm(rawValue: form["form"]) ?? .soft, retention: form["retention"],
                                   category: category, decreeNumber: form["decree"], location: form["location"], exemption: exemption)
            let event: DIPEvent = entry == nil ? .added(updated) : .revised(updated)
            return self.apply([.dip(updated.id, event)], done: entry == nil ? self.t("Entri DIP ditambahkan.", "DIP entry added.") : self.t("Entri DIP diubah.", "DIP entry updated."))
        }
    }
}

extension App {
    /// The choice of an exemption's basis: no letter is chosen for the officer, and each shows what it protects.
    func exemptionBases() -> FormField.Kind {
        .choice([("", t("— pilih —", "— choose —"))] + Pasal17Letter.allCases.map { ($0.rawValue, $0.text(language)) }
                 + [("other", t("UU lain", "Other statute"))])
    }

    /// The exemption a form's `basis`, `statute`, `harm`, `interest`, `withheld` and `until` describe;
    /// nil when no basis was chosen.
    func exemption(from form: FormState) -> Exemption? {
        let basis: ExemptionBasis
        if form["basis"] == "other" {
            basis = .otherStatute(form["statute"])
        } else if let letter = Pasal17Letter(rawValue: form["basis"]) {
            basis = .pasal17(letter)
        } else {
            return nil
        }
        return Exemption(basis: basis, test: ConsequenceTest(harm: form["harm"], publicInterestWeighed: form["interest"],
                                                             withheldPart: form["withheld"], until: CivilDate(iso: form["until"])))
    }
}
