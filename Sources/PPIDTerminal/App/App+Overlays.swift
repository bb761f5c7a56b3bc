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
            let count = helpActions(filter: filter).count
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
            scroll = max(0, min(scroll, max(0, helpActions(filter: filter).count - listRows)))
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
            if handleForm(&form, key) { overlays.append(.form(form)) }

        case var .detail(detail):
            switch key {
            case .escape, .control("g"), .character("q"), .character("h"), .left: return
            case .character("j"), .down: detail.scroll += 1
            case .character("k"), .up: detail.scroll -= 1
            case .pageDown, .control("d"), .character(" "): detail.scroll += listRows
            case .pageUp, .control("u"): detail.scroll -= listRows
            case .character("g"), .home: detail.scroll = 0
            case .character("G"), .end: detail.scroll = detail.lines.count
            case .character("p") where detail.requestID != nil:
                overlays.append(.detail(detail))
                perform(.revealPersonalData)
                return
            case .character("?"):
                overlays.append(.detail(detail))
                overlays.append(.help(filter: ""))
                return
            case .character("e") where detail.documentID != nil:
                // The entry's edit form replaces its detail (which would be stale after a save).
                if let id = detail.documentID, case let .dip(record)? = try? store.caseRecord(id) {
                    openForm(documentForm(record.entry))
                }
                return
            default:
                // An action key on a request's detail acts on that request.
                if detail.requestID != nil, let action = ActionTable.action(for: key, in: .requests),
                   [.extend, .decide, .deliver, .close, .withdraw, .forward, .fileObjection, .linkDocuments, .startProcessing].contains(action.id) {
                    overlays.append(.detail(detail))
                    perform(action.id)
                    return
                }
            }
            detail.scroll = max(0, min(detail.scroll, max(0, detail.lines.count - listRows)))
            overlays.append(.detail(detail))

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
        if name == "q" || name == "quit" {
            shouldQuit = true
            return
        }
        guard let action = ActionTable.command(name, in: pane) else {
            message = (t("Perintah tidak dikenal: \(name). Tekan Tab untuk melengkapi.", "Unknown command: \(name). Press Tab to complete."), true)
            return
        }
        if !action.panes.isEmpty && !action.panes.contains(pane) { switchPane(action.panes.first!) }
        perform(action.id)
    }

    static func commonPrefix(_ words: [String]) -> String? {
        guard var prefix = words.first else { return nil }
        for word in words.dropFirst() {
            while !word.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }

    /// Form keys; returns whether the form stays open.
    func handleForm(_ form: inout FormState, _ key: Key) -> Bool {
        switch key {
        case .escape, .control("g"):
            try? store.deleteDraft(form: form.id)
            say(t("Formulir dibatalkan.", "Form cancelled."))
            return false
        case .tab, .down: form.moveFocus(1)
        case .backTab, .up: form.moveFocus(-1)
        case .enter where !form.isOnLastField: form.moveFocus(1)
        case .enter, .control("s"):
            form.message = nil
            guard form.validateBasics(language) else {
                form.message = t("Periksa isian yang ditandai.", "Check the marked fields.")
                if let first = form.shownIndices.first(where: { form.fields[$0].error != nil }) { form.focus = first }
                return true
            }
            switch form.submit(form) {
            case let .done(text):
                try? store.deleteDraft(form: form.id)
                say(text)
                refresh()
                return false
            case let .failed(text):
                form.message = text
            case let .invalid(errors):
                for i in form.fields.indices { form.fields[i].error = errors[form.fields[i].key] }
                form.message = t("Periksa isian yang ditandai.", "Check the marked fields.")
                if let first = form.shownIndices.first(where: { form.fields[$0].error != nil }) { form.focus = first }
            }
            return true
        case .backspace: form.backspace()
        case .delete: form.deleteForward()
        case .left: form.horizontal(-1)
        case .right: form.horizontal(1)
        case .home, .control("a"): form.caretHome()
        case .end, .control("e"): form.caretEnd()
        case .control("u"): form.clearField()
        case let .character(c): form.type(c)
        default: return true
        }
        draftDirty = true
        saveDraft(form)
        return true
    }

    /// Keeps the form's fields in the database at every change: an SSH drop, a kill or a crash loses nothing.
    func saveDraft(_ form: FormState) {
        do {
            try store.saveDraft(form: form.id, body: form.draftBody)
            draftDirty = false
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
