import Foundation
import PPIDDomain

/// The `B` key (berkas): a request's files on the central server, opened one at a time, and a new
/// one attached from a path.
extension App {
    var filesRefusal: String? {
        if fileDesk == nil {
            return t("Berkas ada di server pusat: atur sinkron dulu (server, token_file).", "Files live on the central server: set up sync first (server, token_file).")
        }
        return requestTargets(for: .files).isEmpty ? t("Pilih permohonan terlebih dahulu.", "Select a request first.") : nil
    }

    func showFiles() throws {
        guard let desk = fileDesk, let target = requestTargets(for: .files).first else { return }
        let number = (try? requestRecord(target))?.registration.registrationNumber ?? ""
        let files: [CaseFileInfo]
        do { files = try desk.files(of: target) } catch {
            message = (error.message, true)
            return
        }
        var options: [(label: String, action: () -> Void)] = files.map { file in
            (label: t("Buka", "Open") + ": \(file.name) (\(Self.roleText(file.role, language)), \(FileRules.sizeText(file.size)))", action: { [unowned self] in
                do throws(FileDeskFailure) {
                    let path = try desk.open(file, of: target)
                    self.message = (self.t("Disimpan: \(path)", "Saved: \(path)"), false)
                } catch {
                    self.message = (error.message, true)
                }
            })
        }
        options.append((label: t("Lampirkan berkas…", "Attach a file…"), action: { [unowned self] in self.openForm(self.attachForm(target)) }))
        // The letters mailed to the requester: a relay's refusal is the officer's to see and act on.
        let letters = (try? desk.letters(of: target)) ?? []
        for letter in letters {
            let line = t("Email", "Email") + " \(letter.kind) → \(letter.recipient): " + letterState(letter)
            options.append((label: line, action: { [unowned self] in self.message = (line, letter.state == "failed") }))
        }
        overlays.append(.choose(ChooseOverlay(title: t("Berkas \(number)", "Files of \(number)") + (files.isEmpty ? t(" (belum ada)", " (none yet)") : ""),
                                              options: options)))
    }

    func letterState(_ letter: CaseLetterInfo) -> String {
        switch letter.state {
        case "sent":
            let day = letter.sentAt.map { store.profile.zone.civilDate(of: $0).iso } ?? ""
            return t("terkirim \(day)", "sent \(day)")
        case "failed":
            return t("GAGAL", "FAILED") + (letter.lastError.map { ": \($0)" } ?? "") + t(" (periksa alamat; admin: ppid-central mail retry)", " (check the address; admin: ppid-central mail retry)")
        default:
            return t("menunggu", "waiting") + (letter.lastError.map { " (\(letter.attempts)×: \($0))" } ?? "")
        }
    }

    func attachForm(_ id: UUID) -> FormState {
        let form = FormState(.attachFile(id), title: t("Lampirkan berkas (PDF, PNG, JPEG)", "Attach a file (PDF, PNG, JPEG)"), fields: [
            FormField("path", t("Berkas (path)", "File (path)"), required: true),
            FormField("role", t("Peran", "Role"), value: FileRole.released.rawValue, kind: .choice([
                (FileRole.released.rawValue, t("Dokumen yang diberikan (diunduh pemohon)", "Released (the requester downloads it)")),
                (FileRole.idScan.rawValue, t("Identitas pemohon", "The requester's identity")),
                (FileRole.supporting.rawValue, t("Pendukung", "Supporting")),
            ])),
            FormField("name", t("Nama tampil", "Name shown"), hint: t("bawaan: nama berkas", "default: the file's name")),
        ]) { [unowned self] form in
            guard let desk = self.fileDesk else { return .failed(self.filesRefusal ?? "") }
            let path = NSString(string: form["path"]).expandingTildeInPath
            guard let bytes = FileManager.default.contents(atPath: path) else {
                return .invalid(["path": self.t("berkas tidak terbaca", "cannot read the file")])
            }
            let role = FileRole(rawValue: form["role"]) ?? .released
            // The server's rules, here first: a wrong file is said before anything is sent.
            do throws(FileProblem) { _ = try FileRules.check(bytes, as: role) } catch {
                return .invalid(["path": error.text(self.language)])
            }
            let name = form["name"].isEmpty ? (path as NSString).lastPathComponent : form["name"]
            do throws(FileDeskFailure) {
                let file = try desk.attach(path: path, name: name, role: role, to: id)
                return .done(self.t("Terlampir: \(file.name).", "Attached: \(file.name)."))
            } catch {
                return .failed(error.message)
            }
        }
        return form
    }

    static func roleText(_ role: FileRole, _ language: Language) -> String {
        switch role {
        case .idScan: language.pick("identitas", "identity")
        case .released: language.pick("diberikan", "released")
        case .supporting: language.pick("pendukung", "supporting")
        case .dip: "DIP"
        }
    }
}
