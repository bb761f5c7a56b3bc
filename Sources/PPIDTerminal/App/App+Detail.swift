import Foundation
import PPIDDomain
import PPIDStore

extension App {
    func openSelected() throws {
        switch pane {
        case .requests:
            guard let row = requests.selected else { return }
            overlays.append(.detail(try requestDetail(row.id, revealed: nil)))
        case .registry:
            guard let row = registry.selected else { return }
            overlays.append(.detail(try documentDetail(row.id)))
        case .deadlines:
            guard let item = board.window.selectedRow else { return }
            // An ended exemption opens its DIP entry, where e edits (reclassifies) it.
            switch item.kind {
            case .exemptionEnded: overlays.append(.detail(try documentDetail(item.id)))
            case .orderUnfulfilled: overlays.append(.detail(try requestDetail(item.id, revealed: nil)))
            case .annualReport: overlays.append(.detail(annualReportDetail(item)))
            default: overlays.append(.detail(try whyThisDate(item)))
            }
        }
    }

    func requestDetail(_ id: UUID, revealed: Requester?) throws -> DetailOverlay {
        let record = try requestRecord(id)
        let reg = record.registration
        let person = revealed ?? reg.requester
        func masked(_ value: String, _ mask: (String) -> String) -> String { revealed == nil ? mask(value) : value }
        var lines: [(String, Role)] = []
        func field(_ label: String, _ value: String, _ role: Role = .normal) { lines.append(("  " + Self.label(label, 22) + value, role)) }
        lines.append((t("PERMOHONAN", "REQUEST") + "  \(reg.registrationNumber)", .title))
        field(t("Status", "State"), record.state.text(language), .header)
        field(t("Diterima", "Received"), "\(record.receivedOn.iso) \(t("melalui", "via")) \(reg.channel.text(language))")
        if record.countsFrom != record.receivedOn { field(t("Dianggap diterima", "Deemed received"), record.countsFrom.iso) }
        // Both dates when a letter or email was registered after it came: the clock counts from receipt.
        let history = try store.history(of: id)
        if let recorded = history.first?.envelope.meta.localDate, recorded != record.receivedOn {
            field(t("Dicatat", "Recorded"), recorded.iso + t(" (tenggat dihitung dari tanggal diterima)", " (the deadline counts from the day received)"))
        }
        let bounds = UrgencyBounds(today: today, calendar: store.context.calendar)
        let dueRole: Role = record.state.awaitsNotice ? Role.urgency(bounds.group(of: record.effectiveDue)) : .normal
        field(t("Tenggat pemberitahuan", "Notice due"), record.noticeDue.iso + (record.dueIsProvisional ? t(" (sementara)", " (provisional)") : ""), dueRole)
        if let extended = record.extendedDue {
            field(t("Diperpanjang sampai", "Extended to"), extended.iso + " — " + (record.extensionReason ?? ""), dueRole)
        }
        lines.append(("", .normal))
        lines.append((t("Pemohon", "Requester") + (revealed == nil ? t("  (data pribadi disamarkan; p: tampilkan, dicatat)", "  (personal data masked; p: show, recorded)") : t("  (data lengkap: pembukaan ini dicatat)", "  (full data: this reading is recorded)")), .title))
        field(t("Nama", "Name"), revealed == nil && person.kind == .person ? PersonalDataMask.name(person.name) : person.name)
        if let nik = person.nik { field("NIK", masked(nik, PersonalDataMask.nik)) }
        if let doc = person.entityDocument { field(t("Dok. badan hukum", "Entity document"), doc) }
        field(t("Alamat", "Address"), revealed == nil ? String(repeating: "•", count: min(12, person.address.count)) : person.address)
        field(t("Telepon", "Phone"), masked(person.phone, PersonalDataMask.phone))
        field("Email", masked(person.email, PersonalDataMask.email))
        field(t("Pekerjaan", "Occupation"), person.occupation)
        lines.append(("", .normal))
        lines.append((t("Informasi", "Information"), .title))
        field(t("Rincian", "Requested"), reg.information)
        field(t("Tujuan", "Purpose"), reg.purpose)
        field(t("Cara memperoleh", "How to obtain"), reg.obtainMethod.text(language) + " / " + reg.deliveryMethod.text(language))
        if let decision = record.decision {
            field(t("Keputusan", "Decision"), decision.outcome.text(language) + " (\(record.decidedOn?.iso ?? ""))")
            switch decision.outcome {
            case let .refused(exemption?): field(t("Dasar", "Basis"), exemption.basisText(language))
            case let .grantedInPart(exemptions): for e in exemptions { field(t("Dasar", "Basis"), e.basisText(language)) }
            default: break
            }
            if decision.costRupiah > 0 {
                field(t("Biaya", "Cost"), "Rp \(decision.costRupiah)" + (decision.feeDecree.map { " (\($0))" } ?? ""))
                for charge in decision.charges ?? [] { field("", charge.line, .dim) }
                let owed = record.owedRupiah
                field(t("Dibayar", "Paid"), "Rp \(record.paidRupiah)" + (owed > 0 ? t(", sisa Rp \(owed) ($: catat pembayaran)", ", Rp \(owed) owed ($: record a payment)") : ""),
                      owed > 0 ? .provisional : .normal)
            }
        }
        let documents = try store.linkedDocuments(ofRequest: id)
        if !documents.isEmpty {
            field(t("Entri DIP terkait", "Linked DIP entries"), documents.map(\.number).joined(separator: ", "))
        }
        lines.append(("", .normal))
        lines.append((t("Riwayat", "History"), .title))
        let officers = (try? store.officerDirectory()) ?? [:]
        for event in history {
            let meta = event.envelope.meta
            // The full name where the server's directory has it; the login otherwise.
            let who = officers[meta.officer]?.name ?? meta.officer
            let text = event.envelope.event.actText(language)
            var sync = ""
            switch event.syncState {
            case "pending": sync = t("  [belum tersinkron]", "  [not synced]")
            case "rejected": sync = t("  [DITOLAK server: ", "  [REJECTED by server: ") + (event.rejectionReason ?? "") + "]"
            default: break
            }
            lines.append(("  \(meta.localDate.iso)  \(DisplayWidth.pad(who, 14))  \(text)\(sync)", event.syncState == "rejected" ? .error : .normal))
        }
        // The keys are on the hint line, made from the action table: nothing hand-written here.
        return DetailOverlay(title: reg.registrationNumber, lines: lines, requestID: id.uuidString)
    }

    func documentDetail(_ id: UUID) throws -> DetailOverlay {
        guard case let .dip(record)? = try store.caseRecord(id) else { throw StoreError.notFound(id.uuidString) }
        let e = record.entry
        var lines: [(String, Role)] = [(t("ENTRI DIP", "DIP ENTRY") + "  \(e.number)", .title)]
        func field(_ label: String, _ value: String) { lines.append(("  " + Self.label(label, 24) + value, .normal)) }
        field(t("Kategori", "Category"), e.category.text(language) + (record.isRetired ? t(" (dihapus dari daftar)", " (retired)") : ""))
        field(t("Judul", "Title"), e.title)
        field(t("Ringkasan isi", "Summary"), e.summary)
        field(t("Pejabat/unit penguasa", "Held by"), e.holder)
        field(t("Penanggung jawab", "Responsible"), e.responsible)
        field(t("Waktu & tempat pembuatan", "Made when and where"), e.madeWhenWhere)
        field(t("Bentuk", "Form"), e.form.text(language))
        field(t("Jangka simpan", "Retention"), e.retention)
        field(t("Nomor SK", "Decree"), e.decreeNumber)
        field(t("Lokasi / tautan", "Location"), e.location)
        if let exemption = e.exemption {
            lines.append(("", .normal))
            lines.append((t("Pengecualian", "Exemption"), .title))
            field(t("Dasar", "Basis"), exemption.basisText(language))
            field(t("Bahaya", "Harm"), exemption.test.harm)
            field(t("Kepentingan publik", "Public interest"), exemption.test.publicInterestWeighed)
            field(t("Bagian dikecualikan", "Part withheld"), exemption.test.withheldPart)
            field(t("Sampai", "Until"), exemption.test.until?.iso ?? "")
        }
        return DetailOverlay(title: e.number, lines: lines, documentID: id)
    }

    /// The annual report's row: what is due, by when, and how to make and record it.
    func annualReportDetail(_ item: BoardItem) -> DetailOverlay {
        let year = item.rowid
        let lines: [(String, Role)] = [
            (t("LAPORAN TAHUNAN \(year)", "ANNUAL REPORT \(year)"), .title),
            (t("  Laporan layanan informasi publik tahun \(year) wajib disampaikan paling lambat \(item.dueDate.iso)",
               "  The report on the public information service of \(year) is due by \(item.dueDate.iso)"), .header),
            (t("  (Perki 1/2021, kepada atasan PPID dan Komisi Informasi; UU 14/2008 Pasal 12).",
               "  (Perki 1/2021, to the head of the body and the Information Commission; UU 14/2008 Pasal 12)."), .normal),
            ("", .normal),
            (t("  Buat laporannya:  ppid report --year \(year) --format html > laporan-\(year).html",
               "  Make it:          ppid report --year \(year) --format html > report-\(year).html"), .normal),
            (t("  Setelah disampaikan: ppid report --year \(year) --submitted TTTT-BB-HH",
               "  Once submitted:   ppid report --year \(year) --submitted YYYY-MM-DD"), .normal),
        ]
        return DetailOverlay(title: "LAPORAN-\(year)", lines: lines)
    }

    /// "Why this date": the counted and skipped days of the clock, from the domain.
    func whyThisDate(_ item: BoardItem) throws -> DetailOverlay {
        let calendar = store.context.calendar
        var deadlines: [Deadline] = []
        switch item.clock {
        case .writtenNotice?: deadlines = [calendar.deadline(.writtenNotice, after: item.countsFrom)]
        case .extensionOfNotice?:
            let notice = calendar.deadline(.writtenNotice, after: item.countsFrom)
            deadlines = [notice, calendar.deadline(.extensionOfNotice, after: notice.due)]
        case let clock?: deadlines = [calendar.deadline(clock, after: item.countsFrom)]
        case nil: deadlines = []
        }
        var lines: [(String, Role)] = [(t("MENGAPA TANGGAL INI", "WHY THIS DATE") + "  \(item.number)", .title)]
        lines.append(("  " + item.title, .normal))
        switch item.disputeStep {
        case .hearing?:
            lines.append((t("  Sidang berikutnya \(item.dueDate.iso), ditetapkan pada sidang \(item.countsFrom.iso). Setelah sidang, catat hasilnya (K).",
                            "  Next hearing \(item.dueDate.iso), set at the hearing of \(item.countsFrom.iso). After it, record it (K)."), .header))
        case .awaitingCourt?:
            lines.append((t("  Di pengadilan sejak \(item.countsFrom.iso); belum ada sidang tercatat. Catat sidang berikutnya atau putusannya (K).",
                            "  In court since \(item.countsFrom.iso); no hearing recorded. Record the next hearing or the ruling (K)."), .header))
        default: break
        }
        for deadline in deadlines {
            lines.append(("", .normal))
            let days = deadline.clock.countsWorkingDays ? t("hari kerja setelah", "working days after") : t("hari setelah", "days after")
            lines.append(("\(deadline.clock.text(language)): \(deadline.due.iso) (\(deadline.counted.count) \(days) \(deadline.start.iso), UU 14/2008 \(deadline.clock.article))",
                          deadline.isProvisional ? .provisional : .header))
            if deadline.isProvisional {
                lines.append((t("  SEMENTARA: kalender \(deadline.uncoveredYears.map(String.init).joined(separator: ", ")) belum ditetapkan.",
                                "  PROVISIONAL: the calendar for \(deadline.uncoveredYears.map(String.init).joined(separator: ", ")) is not yet decreed."), .provisional))
            }
            var skipped = deadline.skipped[...]
            for (index, day) in deadline.counted.enumerated() {
                while let skip = skipped.first, skip.date < day {
                    lines.append(("     -  \(skip.date.iso) \(DisplayWidth.pad(skip.date.weekday.text(language), 8)) \(skip.reason.text(language))", .dim))
                    skipped = skipped.dropFirst()
                }
                lines.append((String(format: "  %3d  ", index + 1) + "\(day.iso) \(day.weekday.text(language))", .normal))
            }
        }
        return DetailOverlay(title: item.number, lines: lines, requestID: item.kind == .request ? item.id.uuidString : nil)
    }


    func revealPersonalData() throws {
        guard let id = requestTargets(for: .revealPersonalData).first else { return }
        let requester = try store.revealPersonalData(ofRequest: id, purpose: t("Dilihat di layar", "Viewed on screen"))
        if case .detail? = overlays.last { overlays.removeLast() }
        overlays.append(.detail(try requestDetail(id, revealed: requester)))
        say(t("Data pribadi ditampilkan; pembukaan ini dicatat di jejak audit.", "Personal data shown; this reading is recorded in the audit trail."))
    }

    func showConflicts() throws {
        let conflicts = try store.conflicts()
        markFailureRead()
        // A failed sync first: the status line's "sinkron gagal (!)" leads here.
        var lines: [(String, Role)] = syncFailureLines().map { ($0.text, $0.role) }
        if let restored = try store.serverRestoreNote() {
            lines.append((t("SERVER DIPULIHKAN", "SERVER RESTORED"), .title))
            lines.append(("  " + restored.text(language), .header))
            lines.append(("", .normal))
        }
        lines.append((t("KONFLIK SINKRONISASI", "SYNC CONFLICTS"), .title))
        if conflicts.isEmpty { lines.append((t("  Tidak ada: semua perubahan diterima server atau masih menunggu.", "  None: every change was accepted or is still waiting."), .dim)) }
        for conflict in conflicts {
            lines.append(contentsOf: ConflictText.lines(conflict, language: language).enumerated().map { index, line in
                (index == 0 ? "  " + line : "      " + line, index == 0 ? .error : .normal)
            })
        }
        for entry in try store.setAsideEvents() {
            lines.append(contentsOf: ConflictText.lines(entry, language: language).enumerated().map { index, line in
                (index == 0 ? "  " + line : "      " + line, index == 0 ? .error : .normal)
            })
        }
        overlays.append(.detail(DetailOverlay(title: t("Konflik", "Conflicts"), lines: lines)))
    }

    func showAudit() throws {
        let zone = store.context.zone
        var lines: [(String, Role)] = [(t("JEJAK AUDIT (terbaru, waktu \(zone))", "AUDIT TRAIL (latest, \(zone) time)"), .title)]
        let officers = (try? store.officerDirectory()) ?? [:]
        for entry in try store.auditTrail(limit: 200) {
            let who = officers[entry.officer]?.name ?? entry.officer
            let action = EventKindText.auditAction(entry.action, language)
            lines.append(("  \(zone.stamp(of: entry.at))  \(DisplayWidth.pad(who, 12)) \(DisplayWidth.pad(action, 34)) \(entry.subject) \(auditDetail(entry))", .normal))
        }
        overlays.append(.detail(DetailOverlay(title: t("Jejak audit", "Audit trail"), lines: lines)))
    }

    /// An audit row's detail in the officer's language: the store writes a few fixed phrases in
    /// Indonesian (kept as written, for the record); the English UI shows them in English.
    func auditDetail(_ entry: AuditEntry) -> String {
        guard language == .english else { return entry.detail }
        if entry.detail == "dari server pusat" { return "from the central server" }
        if entry.detail.hasSuffix(" tenggat bergeser"), let count = Int(entry.detail.dropLast(" tenggat bergeser".count)) {
            return "\(count) deadlines moved"
        }
        return entry.detail
    }
}

extension App {
    /// A detail's label in a column of `width`, always followed by at least one space, so a long
    /// label never runs into its value (`Waktu & tempat pembuatan2020`).
    static func label(_ label: String, _ width: Int) -> String {
        DisplayWidth.pad(DisplayWidth.fit(label, width - 1), width)
    }
}
