import Foundation
import PPIDDomain
import PPIDStore

extension App {
    /// Keys while an overlay (help, command line, form, detail, question, search, choice) is open.
    func handleOverlay(_ key: Key) {
        guard let top = overlays.popLast() else { return }
        switch top {
        case .help(var filter, var scroll):
            // Letters filter; arrows and page keys scroll, so every action is reachable on a small screen.
            let count = helpRows(filter: filter).count
            switch key {
            case .escape, .control("g"), .enter: return
            case .character("q") where filter.isEmpty: return
            case .backspace: filter = String(filter.dropLast()); scroll = 0
            case .down: scroll += 1
            case .up: scroll -= 1
            case .pageDown, .control("d"): scroll += listRows
            case .pageUp, .control("u"): scroll -= listRows
            case .home: scroll = 0
            case .end: scroll = count
            case let .character(c): filter.append(c); scroll = 0
            default: break
            }
            scroll = max(0, min(scroll, max(0, helpRows(filter: filter).count - listRows)))
            overlays.append(.help(filter: filter, scroll: scroll))

        case var .command(text):
            switch key {
            case .escape, .control("g"): return
            case .enter:
                runCommand(text)
                return
            case .tab:
                let completions = ActionTable.completions(text, in: pane)
                if completions.count == 1 { text = completions[0] }
                else if let common = Self.commonPrefix(completions), common.count > text.count { text = common }
                else if !completions.isEmpty { say(completions.joined(separator: "  ")) }
            case .up:
                if let index = commandHistory.lastIndex(of: text), index > 0 { text = commandHistory[index - 1] }
                else if let last = commandHistory.last, !commandHistory.contains(text) { text = last }
            case .down:
                if let index = commandHistory.lastIndex(of: text), index + 1 < commandHistory.count { text = commandHistory[index + 1] }
            case .backspace:
                if text.isEmpty { return }
                text.removeLast()
            case let .character(c): text.append(c)
            default: break
            }
            overlays.append(.command(text: text))

        case var .form(form):
            // F1 shows the form's keys over it; any other key belongs to the form.
            if OverlayBindings.formHelp.contains(where: { $0.keys.contains(key) }) {
                overlays.append(.form(form))
                overlays.append(.help(filter: ""))
                return
            }
            if handleForm(&form, key) { overlays.append(.form(form)) }

        case var .detail(detail):
            if let command = OverlayBindings.detailCommand(for: key) {
                switch command {
                case .back: return
                case let .scroll(delta): detail.scroll += delta
                case let .page(delta): detail.scroll += delta * listRows
                case .top: detail.scroll = 0
                case .bottom: detail.scroll = detail.lines.count
                }
                detail.scroll = max(0, min(detail.scroll, max(0, detail.lines.count - listRows)))
                overlays.append(.detail(detail))
                return
            }
            overlays.append(.detail(detail))
            // The actions marked to work on a detail act on the case shown.
            if let action = ActionTable.detailAction(for: key, in: pane) {
                perform(action.id)
            } else if case .character = key {
                message = (t("Tombol tidak berlaku di sini; tekan ? untuk bantuan.", "That key does nothing here; press ? for help."), true)
            }

        case let .confirm(question):
            switch key {
            case .character("y"), .character("Y"), .enter: question.onYes()
            default: say(t("Dibatalkan.", "Cancelled."))
            }

        case var .search(text):
            switch key {
            case .escape, .control("g"):
                clearSearch()
                return
            case .enter:
                return  // keep the results; the list has them
            case .backspace:
                text = String(text.dropLast())
            case .down, .control("n"):
                moveInSearch(1)
            case .up, .control("p"):
                moveInSearch(-1)
            case let .character(c):
                text.append(c)
            default: break
            }
            if text.isEmpty { clearSearch() } else if case .character = key { runSearch(text) } else if key == .backspace { runSearch(text) }
            overlays.append(.search(text: text))

        case let .pick(picker):
            handlePicker(picker, key)

        case var .choose(choice):
            switch key {
            case .escape, .control("g"), .character("q"): return
            case .character("j"), .down: choice.selected = min(choice.selected + 1, choice.options.count - 1)
            case .character("k"), .up: choice.selected = max(choice.selected - 1, 0)
            case .enter, .character(" "):
                choice.options[choice.selected].action()
                return
            default: break
            }
            overlays.append(.choose(choice))
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

    static func commonPrefix(_ words: [String]) -> String? {
        guard var prefix = words.first else { return nil }
        for word in words.dropFirst() {
            while !word.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
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
