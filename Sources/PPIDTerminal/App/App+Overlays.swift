import Foundation
import PPIDDomain
import PPIDStore

extension App {
    /// Routes a key to the topmost overlay (help, command line, form, detail, question, search,
    /// choice, picker); each decides from its own bindings whether it stays open.
    func handleOverlay(_ key: Key) {
        guard let top = overlays.popLast() else { return }
        switch top {
        case var .help(help):
            if help.handle(key, count: { [unowned self] in helpRows(filter: $0).count }, visible: listRows) {
                overlays.append(.help(help))
            }

        case var .command(line):
            switch line.handle(key, completions: { [pane] in ActionTable.completions($0, in: pane) }, history: commandHistory) {
            case .stay: overlays.append(.command(line))
            case .cancel: break
            case let .run(text): runCommand(text)
            }

        case var .form(form):
            // F1 shows the form's keys over it; any other key belongs to the form.
            if OverlayBindings.formHelp.contains(where: { $0.keys.contains(key) }) {
                overlays.append(.form(form))
                overlays.append(.help(HelpOverlay()))
                return
            }
            if handleForm(&form, key) { overlays.append(.form(form)) }

        case var .detail(detail):
            if let stays = detail.handle(key, visible: listRows) {
                if stays { overlays.append(.detail(detail)) }
                return
            }
            overlays.append(.detail(detail))
            // The actions that work on this detail (a request's acts, e on a DIP entry, whichever
            // pane it was opened from) act on the case shown.
            if let action = detailActions.first(where: { $0.keys.contains(key) }) {
                perform(action.id)
            } else if case .character = key {
                message = (t("Tombol tidak berlaku di sini; tekan ? untuk bantuan.", "That key does nothing here; press ? for help."), true)
            }

        case let .confirm(question):
            if ConfirmOverlay.isYes(key) { question.onYes() } else { say(t("Dibatalkan.", "Cancelled.")) }

        case var .search(prompt):
            switch prompt.handle(key) {
            case .cancel: clearSearch()
            case .done: break  // keep the results; the list has them
            case let .move(delta):
                moveInSearch(delta)
                overlays.append(.search(prompt))
            case let .stay(changed):
                if changed { prompt.text.isEmpty ? clearSearch() : runSearch(prompt.text) }
                overlays.append(.search(prompt))
            }

        case let .pick(picker):
            handlePicker(picker, key)

        case var .choose(choice):
            switch choice.handle(key) {
            case .stay: overlays.append(.choose(choice))
            case .cancel: break
            case let .chose(index): choice.options[index].action()
            }
        }
    }

    /// Runs a `:` command: an action's command name, with `:q` to quit.
    func runCommand(_ text: String) {
        let name = text.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return }
        commandHistory.removeAll { $0 == name }
        commandHistory.append(name)
        // `:q!` leaves at once, as Ctrl-C does; `:q` asks, as `q` does.
        if name == "q!" {
            shouldQuit = true
            return
        }
        guard let action = ActionTable.command(name, in: pane) else {
            message = (t("Perintah tidak dikenal: \(name). Tekan Tab untuk melengkapi.", "Unknown command: \(name). Press Tab to complete."), true)
            return
        }
        if let first = action.panes.first, !action.panes.contains(pane) { switchPane(first) }
        perform(action.id)
    }

    /// Form keys, dispatched from ``OverlayBindings/form``; anything else types into the field.
    /// Returns whether the form stays open.
    func handleForm(_ form: inout FormState, _ key: Key) -> Bool {
        guard let command = OverlayBindings.formCommand(for: key, in: form) else {
            guard case let .character(c) = key else { return true }
            form.type(c)
            saveDraft(form)
            return true
        }
        switch command {
        case .cancel:
            try? store.deleteDraft(form: form.kind.draftKey)
            say(t("Formulir dibatalkan.", "Form cancelled."))
            return false
        case .next: form.moveFocus(1)
        case .previous: form.moveFocus(-1)
        case .save: return save(&form)
        case .pickDocument:
            openDocumentPicker()
            return true
        case .sync:
            perform(.sync)
            return true
        case .backspace: form.backspace()
        case .delete: form.deleteForward()
        case .left: form.horizontal(-1)
        case .right: form.horizontal(1)
        case .home: form.caretHome()
        case .end: form.caretEnd()
        case .clear: form.clearField()
        }
        saveDraft(form)
        return true
    }

    /// Saves a form: every problem at once (the required fields and dates, and the acts layer's
    /// reasons), else submits it. Returns whether the form stays open.
    func save(_ form: inout FormState) -> Bool {
        form.message = nil
        var complete = form.validateBasics(language)
        var unplaced: [String] = []
        if let refusal = form.check(form) {
            unplaced = form.mark(refusal, language)
            complete = false
        }
        guard complete else {
            showProblems(&form, unplaced)
            return true
        }
        switch form.submit(form) {
        case let .done(text):
            try? store.deleteDraft(form: form.kind.draftKey)
            say(text)
            refresh()
            return false
        case let .failed(text):
            form.message = text
        case let .invalid(errors):
            for i in form.fields.indices { form.fields[i].error = errors[form.fields[i].key] }
            showProblems(&form, [])
        case let .refused(refusal):
            for i in form.fields.indices { form.fields[i].error = nil }
            showProblems(&form, form.mark(refusal, language))
        }
        return true
    }

    /// Shows a form's problems: the fields are marked; reasons naming no shown field go on its message line.
    func showProblems(_ form: inout FormState, _ unplaced: [String]) {
        let check = t("Periksa isian yang ditandai.", "Check the marked fields.")
        let marked = form.shownIndices.contains { form.fields[$0].error != nil }
        form.message = unplaced.isEmpty ? check : (marked ? check + " " : "") + unplaced.joined(separator: "; ")
        if let first = form.shownIndices.first(where: { form.fields[$0].error != nil }) {
            form.focus = first
            form.caret = form.fields[first].value.count
        }
    }

    /// Keeps the form's fields in the database at every change: an SSH drop, a kill or a crash loses nothing.
    func saveDraft(_ form: FormState) {
        do {
            try store.saveDraft(form: form.kind.draftKey, body: form.draftBody)
        } catch {
            message = (t("Draf tidak tersimpan: ", "Draft not saved: ") + ((error as any OfficerFacingError).text(language)), true)
        }
    }

    /// The open form, if any.
    var openForm: FormState? {
        for overlay in overlays.reversed() { if case let .form(form) = overlay { return form } }
        return nil
    }
}
