import Foundation
import PPIDDomain
import PPIDLetters
import PPIDStore

/// The forms of the acts. Each collects values and hands them to the acts layer in `PPIDDomain`
/// (``ExtensionSubmission``, ``DecisionSubmission``...), which turns them into events or into the
/// reasons they are refused, every field at once; the command line calls the same layer.
extension App {
    
    func choice<T: RawRepresentable & CaseIterable & Localized>(_ type: T.Type) -> FormField.Kind where T.RawValue == String {
        .choice(T.allCases.map { ($0.rawValue, $0.text(language)) })
    }

    func registerForm() -> FormState {
        let kinds: FormField.Kind = .choice([(Requester.Kind.person.rawValue, t("Perorangan", "Person")),
                                             (Requester.Kind.entity.rawValue, t("Badan hukum", "Legal entity")),
                                             (Requester.Kind.group.rawValue, t("Kelompok orang", "Group of persons"))])
        let obtain = choice(ObtainMethod.self)
        let delivery = choice(DeliveryMethod.self)
        // A person and a group (by its representative) give a NIK; an entity its document.
        let isPerson: (FormState) -> Bool = { $0["kind"] != Requester.Kind.entity.rawValue }
        return FormState(.register, title: t("Daftarkan permohonan informasi", "Register a request for information"), fields: [
            FormField("channel", t("Kanal", "Channel"), value: Channel.inPerson.rawValue, kind: choice(Channel.self), hint: t("←/→ atau Spasi", "←/→ or Space")),
            // When it reached the unit: a letter or email of days ago counts from then, not from today.
            FormField("received", t("Diterima", "Received"), value: receivedNow(), required: true,
                      hint: t("TTTT-BB-HHTJJ:MM waktu unit; surat/email lama: saat tiba", "YYYY-MM-DDTHH:MM unit time; an older letter/email: when it came")),
            FormField("kind", t("Jenis pemohon", "Requester"), value: Requester.Kind.person.rawValue, kind: kinds),
            FormField("name", t("Nama", "Name"), required: true),
            FormField("nik", "NIK", required: true, hint: t("16 angka", "16 digits"), shownWhen: isPerson),
            FormField("entityDocument", t("Akta/dok. badan hukum", "Entity document"), required: true, shownWhen: { !isPerson($0) }),
            FormField("address", t("Alamat", "Address")),
            FormField("occupation", t("Pekerjaan", "Occupation")),
            FormField("phone", t("Telepon", "Phone"), hint: "08xx / +62"),
            FormField("email", "Email"),
            FormField("proxyName", t("Kuasa pemohon (bila ada)", "Proxy (if any)")),
            FormField("powerOfAttorney", t("Surat kuasa", "Power of attorney"), hint: t("nomor dan tanggal; wajib bila ada kuasa", "number and date; required with a proxy"),
                      shownWhen: { !$0["proxyName"].trimmingCharacters(in: .whitespaces).isEmpty }),
            FormField("information", t("Rincian informasi", "Information requested"), required: true),
            FormField("purpose", t("Tujuan penggunaan", "Purpose"), required: true),
            FormField("obtain", t("Cara memperoleh", "How to obtain"), value: ObtainMethod.softCopy.rawValue, kind: obtain),
            FormField("delivery", t("Cara menerima salinan", "How to receive"), value: DeliveryMethod.email.rawValue, kind: delivery),
        ], submit: { [unowned self] form in self.submitRegistration(form) })
    }

    /// Writes the receipt a registration gives (Pasal 22(4); an objection's, Perki 1/2021) and says
    /// where it went; the act is recorded whatever becomes of the letter.
    func receiptNote(_ kind: LetterKind, _ subject: LetterSubject) -> String {
        guard let letterDesk else { return "" }
        do {
            return " " + t("Tanda terima: ", "Receipt: ") + (try letterDesk.write(kind, subject: subject, store: store))
        } catch {
            return " " + t("Tanda terima gagal dibuat: ", "The receipt could not be made: ") + describe(error)
        }
    }

    /// Now, in the unit's zone, as the intake form's received field writes it.
    func receivedNow() -> String {
        let moment = store.context.zone.localMoment(of: store.now)
        return "\(moment.date.iso)T\(moment.time.text)"
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
        submission.proxyName = form["proxyName"]
        submission.powerOfAttorney = form["powerOfAttorney"]
        submission.information = form["information"]
        submission.purpose = form["purpose"]
        submission.channel = form["channel"]
        submission.obtain = form["obtain"]
        submission.delivery = form["delivery"]
        let received = form["received"].trimmingCharacters(in: .whitespaces)
        if !received.isEmpty {
            guard let instant = ReceivedTime.parse(received, zone: store.profile.zone) else {
                return .invalid(["received": t("tulis TTTT-BB-HH atau TTTT-BB-HHTJJ:MM (waktu unit)", "write YYYY-MM-DD or YYYY-MM-DDTHH:MM (unit time)")])
            }
            submission.receivedAt = instant
        }
        do {
            let registration = try submission.registration(id: store.newCaseID(), unit: store.profile.code, now: store.now)
            let record = try store.registerRequest(registration)
            let done = t("Terdaftar \(record.registration.registrationNumber); tenggat \(record.noticeDue.iso).",
                         "Registered \(record.registration.registrationNumber); due \(record.noticeDue.iso).")
            return .done(done + receiptNote(.requestReceipt, .request(record)))
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


    /// A form whose values make one request event, applied to every target in one transaction.
    func requestActForm(_ kind: FormKind, title: String, targets: [UUID], fields: [FormField], done: String,
                        event: @escaping ([String: String]) throws(ActRefusal) -> RequestEvent) -> FormState {
        let plural = targets.count > 1 ? t(" (\(targets.count) permohonan ditandai)", " (\(targets.count) marked requests)") : ""
        var form = FormState(kind, title: title + plural, fields: fields) { [unowned self] form in
            do throws(ActRefusal) {
                let made = try event(form.values)
                return self.apply(targets.map { .request($0, made) }, done: done)
            } catch {
                return .refused(error)
            }
        }
        form.check = { form in
            do throws(ActRefusal) { _ = try event(form.values); return nil } catch { return error }
        }
        form.count = targets.count
        return form
    }

    func forwardForm(_ id: UUID) -> FormState {
        requestActForm(.forward(id), title: t("Teruskan permohonan", "Forward the request"), targets: [id], fields: [
            FormField("target", t("Tujuan", "To"), value: "unit", kind: .choice([("unit", t("Unit lain di badan publik ini", "Another unit of this body")),
                                                                                 ("body", t("Badan publik lain", "Another public body"))])),
            FormField("destination", t("Kode unit / nama badan", "Unit code / body name"), required: true),
            FormField("note", t("Catatan", "Note")),
        ], done: t("Diteruskan.", "Forwarded.")) { values throws(ActRefusal) in try ForwardSubmission(values).event() }
    }

    func extendForm(_ ids: [UUID]) -> FormState {
        requestActForm(.extend(ids), title: t("Perpanjang tenggat 7 hari kerja", "Extend by 7 working days"), targets: ids, fields: [
            FormField("reason", t("Alasan tertulis", "Written reason"), required: true, hint: "Pasal 22(8)"),
        ], done: t("Diperpanjang.", "Extended.")) { values throws(ActRefusal) in try ExtensionSubmission(values).event() }
    }

    func decideForm(_ id: UUID) -> FormState {
        let record = try? requestRecord(id)
        // Forwarded to the body that holds it: the notice names it (Pasal 22(7)).
        var holder = ""
        if case let .otherBody(body)? = record?.forwardedTo { holder = body }
        let grants: (FormState) -> Bool = { $0["outcome"] == "full" || $0["outcome"] == "part" }
        let costs: (FormState) -> Bool = {
            (Int($0["cost"].trimmingCharacters(in: .whitespaces)) ?? 0) > 0 || !$0["fees"].trimmingCharacters(in: .whitespaces).isEmpty
        }
        let outcomes: FormField.Kind = .choice([("full", t("Diberikan seluruhnya", "Granted in full")), ("part", t("Diberikan sebagian", "Granted in part")),
                                                ("refused", t("Ditolak", "Refused")), ("notHeld", t("Tidak dikuasai", "Not held")),
                                                ("notDocumented", t("Belum didokumentasikan", "Not yet documented"))])
        // A field's visibility reads other fields directly (`values` itself asks which fields are shown).
        let exempting: (FormState) -> Bool = { DecisionSubmission.withholds($0["outcome"]) }
        return requestActForm(.decide(id), title: t("Pemberitahuan tertulis (Pasal 22 ayat 7)", "Written notice (Pasal 22(7))"), targets: [id], fields: [
            FormField("outcome", t("Keputusan", "Outcome"), value: "full", kind: outcomes),
        ] + exemptionFields(shownWhen: exempting, from: nil) + [
            FormField("holder", t("Badan yang menguasai", "Body holding it"), value: holder, shownWhen: { $0["outcome"] == "notHeld" }),
            // What the notice states besides the outcome (Pasal 22(7)): form, cost and how to pay, delivery.
            FormField("form", t("Bentuk informasi", "Form of the information"), value: (record?.registration.obtainMethod ?? .softCopy).rawValue,
                      kind: choice(ObtainMethod.self), shownWhen: grants),
            FormField("deliveryBy", t("Disampaikan paling lambat", "Delivered by"), value: today.iso, kind: .date,
                      hint: t("TTTT-BB-HH", "YYYY-MM-DD"), shownWhen: grants),
            FormField("fees", t("Rincian biaya", "Fees"), hint: feeSchedule.map { schedule in
                t("KODE=JUMLAH: ", "CODE=QTY: ") + schedule.items.map { "\($0.code) Rp \($0.rateRupiah)/\($0.unit)" }.joined(separator: ", ")
            } ?? "", shownWhen: { [feeSchedule] _ in feeSchedule != nil }),
            FormField("cost", t("Biaya (Rp)", "Cost (Rp)"), value: "0",
                      hint: feeSchedule == nil ? t("biaya ringan: salinan dan pengiriman (Pasal 21)", "copying and postage only (Pasal 21)")
                                               : t("0 = jumlah rincian", "0 = the fees' sum")),
            FormField("payment", t("Cara pembayaran", "How to pay"), hint: t("rekening/kas; wajib bila ada biaya", "account/cashier; required with a cost"),
                      shownWhen: costs),
            FormField("note", t("Catatan", "Note")),
        ], done: t("Pemberitahuan tertulis dicatat.", "Written notice recorded.")) { [feeSchedule] values throws(ActRefusal) in
            var submission = DecisionSubmission(values)
            submission.schedule = feeSchedule
            return try submission.event()
        }
    }

    func payForm(_ id: UUID) -> FormState {
        let owed = (try? requestRecord(id))?.owedRupiah ?? 0
        let today = self.today
        return requestActForm(.pay(id), title: t("Pembayaran biaya (sisa Rp \(owed))", "Payment of the cost (Rp \(owed) owed)"), targets: [id], fields: [
            FormField("amount", t("Jumlah (Rp)", "Amount (Rp)"), value: String(owed)),
            FormField("paidOn", t("Tanggal bayar", "Paid on"), value: today.iso, kind: .date),
            FormField("reference", t("No. kuitansi / bukti transfer", "Receipt / transfer ref."), required: true),
        ], done: t("Pembayaran dicatat.", "Payment recorded.")) { values throws(ActRefusal) in
            try PaymentSubmission(values).event(owed: owed, today: today)
        }
    }

    func deliverForm(_ ids: [UUID]) -> FormState {
        requestActForm(.deliver(ids), title: t("Catat penyampaian", "Record delivery"), targets: ids, fields: [
            FormField("method", t("Cara", "Method"), value: DeliveryMethod.email.rawValue, kind: choice(DeliveryMethod.self)),
            FormField("note", t("Catatan", "Note")),
        ], done: t("Penyampaian dicatat.", "Delivery recorded.")) { values throws(ActRefusal) in try DeliverySubmission(values).event() }
    }

    func complyForm(_ id: UUID) -> FormState {
        requestActForm(.comply(id), title: t("Informasi diberikan sesuai perintah (Pasal 52)", "Information given as ordered (Pasal 52)"),
                       targets: [id], fields: [
            FormField("order", t("Perintah dari", "Ordered by"), value: ComplianceOrder.objection.rawValue, kind: choice(ComplianceOrder.self)),
            FormField("note", t("Catatan", "Note"), hint: t("apa yang diberikan, bagaimana", "what was given, how")),
        ], done: t("Pemenuhan perintah dicatat.", "Compliance recorded.")) { values throws(ActRefusal) in try ComplianceSubmission(values).event() }
    }

    func incompleteForm(_ id: UUID) -> FormState {
        requestActForm(.incomplete(id), title: t("Permohonan belum lengkap", "The request is incomplete"), targets: [id], fields: [
            FormField("missing", t("Yang belum lengkap", "What it lacks"), required: true,
                      hint: t("surat meminta kelengkapan ini", "a letter asks the requester for it")),
        ], done: t("Dicatat belum lengkap.", "Noted incomplete.")) { values throws(ActRefusal) in try IncompleteSubmission(values).event() }
    }

    func withdrawForm(_ id: UUID) -> FormState {
        requestActForm(.withdraw(id), title: t("Penarikan oleh pemohon", "Withdrawal by the requester"), targets: [id], fields: [
            FormField("reason", t("Alasan (bila ada)", "Reason (if any)")),
        ], done: t("Penarikan dicatat.", "Withdrawal recorded.")) { values throws(ActRefusal) in try WithdrawalSubmission(values).event() }
    }

    func linkForm(_ id: UUID) -> FormState {
        var form = FormState(.link(id), title: t("Kaitkan dengan entri DIP", "Link to DIP entries"), fields: [
            FormField("numbers", t("Nomor DIP", "DIP numbers"), required: true,
                      hint: t("dipisah koma; Ctrl-F mencari", "comma separated; Ctrl-F searches")),
        ]) { [unowned self] form in
            let submission = LinkSubmission(form.values)
            do {
                let found = try self.store.dipEntries(numbers: submission.list)
                let event = try submission.event(found: Dictionary(found.map { ($0.number, $0.id) }, uniquingKeysWith: { first, _ in first }))
                return self.apply([.request(id, event)], done: self.t("Dikaitkan.", "Linked."))
            } catch let refusal as ActRefusal {
                return .refused(refusal)
            } catch {
                return .failed(self.describe(error))
            }
        }
        form.picksDocuments = true
        return form
    }

    func objectionForm(_ id: UUID) throws -> FormState {
        let record = try requestRecord(id)
        // The objector is usually the requester: their full name is filled in, and that reading of
        // personal data is recorded in the audit trail (a legal entity's name is not personal data).
        var requesterName = record.registration.requester.name
        if record.registration.requester.kind == .person {
            requesterName = try store.revealPersonalData(ofRequest: id, purpose: t("Formulir keberatan: nama pemohon diisi", "Objection form: requester's name filled in")).name
        }
        var grounds = FormField("grounds", t("Alasan (Pasal 35 ayat 1)", "Grounds (Pasal 35(1))"), required: true,
                                hint: t("huruf, mis. a atau c,g", "letters, e.g. a or c,g"))
        grounds.legend = ObjectionGround.allCases.map { "\($0.rawValue)  " + $0.text(language) }
        var form = FormState(.objection(id), title: t("Keberatan atas \(record.registration.registrationNumber)", "Objection to \(record.registration.registrationNumber)"), fields: [
            grounds,
            FormField("filedBy", t("Diajukan oleh", "Filed by"), value: requesterName, required: true),
            FormField("proxy", t("Kuasa?", "Proxy?"), value: "no", kind: .choice([("no", t("Pemohon sendiri", "The requester")), ("yes", t("Kuasa pemohon", "A proxy"))])),
            FormField("powerOfAttorney", t("Surat kuasa", "Power of attorney"), required: true, hint: t("nomor dan tanggal", "number and date"),
                      shownWhen: { $0["proxy"] == "yes" }),
            FormField("statement", t("Uraian keberatan", "Statement")),
            FormField("received", t("Diterima tanggal", "Received on"), value: today.iso,
                      hint: t("TTTT-BB-HH; keberatan lewat pos: tanggal tiba (Pasal 36 ayat 2)", "YYYY-MM-DD; a posted objection: the day it came (Pasal 36(2))")),
            FormField("late", t("Alasan menerima meski terlambat", "Reason to accept it late"), hint: t("hanya bila lewat 30 hari kerja", "only past 30 working days")),
        ]) { [unowned self] form in
            do {
                let filing = try ObjectionSubmission(form.values).filing(id: self.store.newCaseID(), against: record, today: self.today)
                let filed = try self.store.fileObjection(filing)
                return .done(self.t("Keberatan \(filed.filing.number) terdaftar; tanggapan paling lambat \(filed.answerDue.iso).",
                                    "Objection \(filed.filing.number) registered; answer due \(filed.answerDue.iso).")
                             + self.receiptNote(.objectionReceipt, .objection(filed, request: record)))
            } catch let refusal as ActRefusal {
                return .refused(refusal)
            } catch {
                return .failed(self.describe(error))
            }
        }
        form.check = { [today] form in
            do throws(ActRefusal) { _ = try ObjectionSubmission(form.values).filing(id: UUID(), against: record, today: today); return nil } catch { return error }
        }
        return form
    }

    func answerForm(_ objection: ObjectionRecord) -> FormState {
        var form = FormState(.answer(objection.id), title: t("Tanggapan atasan PPID atas \(objection.filing.number)", "Atasan PPID's answer to \(objection.filing.number)"), fields: [
            FormField("verdict", t("Keputusan", "Decision"), value: "granted", kind: .choice([
                ("granted", t("Keberatan diterima", "Objection granted")), ("upheld", t("Penolakan dikuatkan", "Refusal upheld")),
                ("settled", t("Musyawarah (b-g)", "Settled by agreement (b-g)"))])),
            FormField("reasons", t("Alasan tertulis / kesepakatan", "Written reasons / terms"), hint: "Pasal 36(3)"),
            FormField("atasan", t("Nama atasan PPID", "Atasan PPID's name"), required: true),
            FormField("position", t("Jabatan", "Position")),
        ]) { [unowned self] form in
            do throws(ActRefusal) {
                let event = try AnswerSubmission(form.values).event(for: objection)
                return self.apply([.objection(objection.id, event)], done: self.t("Tanggapan dicatat.", "Answer recorded."))
            } catch {
                return .refused(error)
            }
        }
        form.check = { form in
            do throws(ActRefusal) { _ = try AnswerSubmission(form.values).event(for: objection); return nil } catch { return error }
        }
        return form
    }

    func documentForm(_ entry: DIPEntry?) -> FormState {
        let isExempt: (FormState) -> Bool = { $0["category"] == DIPCategory.exempt.rawValue }
        let kind: FormKind = entry.map { .editEntry($0.id) } ?? .newEntry
        let id = entry?.id ?? store.newCaseID()
        let unit = entry?.unit ?? store.profile.code
        var form = FormState(kind, title: entry == nil ? t("Tambah entri DIP", "Add a DIP entry") : t("Ubah entri DIP", "Edit the DIP entry"), fields: [
            FormField("number", t("Nomor", "Number"), value: entry?.number ?? "", required: true),
            FormField("category", t("Kategori", "Category"), value: entry?.category.rawValue ?? DIPCategory.onRequest.rawValue, kind: choice(DIPCategory.self)),
            FormField("title", t("Judul", "Title"), value: entry?.title ?? "", required: true),
            FormField("summary", t("Ringkasan isi", "Summary"), value: entry?.summary ?? ""),
            FormField("holder", t("Pejabat/unit penguasa", "Held by"), value: entry?.holder ?? "", required: true),
            FormField("responsible", t("Penanggung jawab", "Responsible"), value: entry?.responsible ?? ""),
            FormField("made", t("Waktu & tempat pembuatan", "Made when and where"), value: entry?.madeWhenWhere ?? ""),
            FormField("form", t("Bentuk", "Form"), value: entry?.form.rawValue ?? DocumentForm.soft.rawValue, kind: choice(DocumentForm.self)),
            FormField("retention", t("Jangka simpan", "Retention"), value: entry?.retention ?? ""),
            FormField("decree", t("Nomor SK", "Decree number"), value: entry?.decreeNumber ?? ""),
            FormField("location", t("Lokasi / tautan", "Location / link"), value: entry?.location ?? ""),
        ] + exemptionFields(shownWhen: isExempt, from: entry?.exemption)) { [unowned self] form in
            do throws(ActRefusal) {
                let updated = try DIPSubmission(form.values).entry(id: id, unit: unit)
                let event: DIPEvent = entry == nil ? .added(updated) : .revised(updated)
                return self.apply([.dip(id, event)], done: entry == nil ? self.t("Entri DIP ditambahkan.", "DIP entry added.") : self.t("Entri DIP diubah.", "DIP entry updated."))
            } catch {
                return .refused(error)
            }
        }
        form.check = { form in
            do throws(ActRefusal) { _ = try DIPSubmission(form.values).entry(id: id, unit: unit); return nil } catch { return error }
        }
        return form
    }

    /// The fields of an exemption (basis, statute, consequence test, end), shown when `shownWhen`
    /// holds. No Pasal 17 letter is chosen for the officer, and each shows what it protects.
    func exemptionFields(shownWhen: @escaping (FormState) -> Bool, from exemption: Exemption?) -> [FormField] {
        var basis = "", statute = ""
        switch exemption?.basis {
        case let .pasal17(letter)?: basis = letter.rawValue
        case let .otherStatute(text)?: basis = "other"; statute = text
        case nil: break
        }
        let test = exemption?.test
        let bases: FormField.Kind = .choice([("", t("— pilih —", "— choose —"))] + Pasal17Letter.allCases.map { ($0.rawValue, $0.text(language)) }
                                            + [("other", t("UU lain", "Other statute"))])
        return [
            FormField("basis", t("Dasar pengecualian", "Exemption basis"), value: basis, kind: bases, shownWhen: shownWhen),
            // Letter j is information withheld under another statute: it names that statute too.
            FormField("statute", t("UU lain (sebutkan)", "Other statute (name it)"), value: statute,
                      shownWhen: { shownWhen($0) && ($0["basis"] == "other" || $0["basis"] == "j") }),
            // The letter's numbered point, where Pasal 17 has them (a.1-5, c.1-7, e.1-7, f.1-4, h.1-5).
            FormField("subPoint", t("Angka (bila ada)", "Point (if any)"), value: exemption?.subPoint.map(String.init) ?? "",
                      hint: t("mis. 2 untuk huruf a angka 2", "e.g. 2 for letter a point 2"),
                      shownWhen: { shownWhen($0) && Pasal17Letter(rawValue: $0["basis"])?.subPoints != nil }),
            FormField("harm", t("Uji konsekuensi: bahaya", "Consequence test: harm"), value: test?.harm ?? "", shownWhen: shownWhen),
            FormField("interest", t("Pertimbangan kepentingan publik", "Public interest weighed"), value: test?.publicInterestWeighed ?? "", shownWhen: shownWhen),
            FormField("withheld", t("Bagian yang dikecualikan", "Part withheld"), value: test?.withheldPart ?? "", shownWhen: shownWhen),
            FormField("until", t("Dikecualikan sampai", "Exempt until"), value: test?.until?.iso ?? "", kind: .date,
                      hint: t("TTTT-BB-HH; wajib untuk huruf a-f (Pasal 20)", "YYYY-MM-DD; required for letters a-f (Pasal 20)"), shownWhen: shownWhen),
        ]
    }

    /// Rebuilds the form a kept draft belongs to; nil when its subject is gone.
    func form(for kind: FormKind) -> FormState? {
        switch kind {
        case .register: return registerForm()
        case let .forward(id): return forwardForm(id)
        case let .extend(ids): return ids.isEmpty ? nil : extendForm(ids)
        case let .decide(id): return decideForm(id)
        case let .deliver(ids): return ids.isEmpty ? nil : deliverForm(ids)
        case let .withdraw(id): return withdrawForm(id)
        case let .objection(id): return try? objectionForm(id)
        case let .answer(id):
            guard case let .objection(record)? = try? store.caseRecord(id) else { return nil }
            return answerForm(record)
        case let .link(id): return linkForm(id)
        case let .comply(id): return complyForm(id)
        case let .incomplete(id): return incompleteForm(id)
        case let .pay(id): return payForm(id)
        case let .attachFile(id): return attachForm(id)
        case let .disputeFiling(id):
            guard case let .objection(record)? = try? store.caseRecord(id) else { return nil }
            return disputeFilingForm(record)
        case let .disputeStep(id):
            guard case let .dispute(record)? = try? store.caseRecord(id) else { return nil }
            return disputeStepForm(record)
        case .newEntry: return documentForm(nil)
        case let .editEntry(id):
            guard case let .dip(record)? = try? store.caseRecord(id) else { return nil }
            return documentForm(record.entry)
        }
    }
}
