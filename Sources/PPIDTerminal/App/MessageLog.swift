import Foundation
import PPIDDomain
import PPIDStore

/// A message as it was shown on the bottom line, kept whole for `M` / `:messages`.
struct LoggedMessage {
    let at: Date
    let text: String
    let isError: Bool
}

extension App {
    /// The message history, newest first, each whole (wrapped to the screen), with the time in the
    /// unit's zone; the last sync's failure, if any, heads it until a sync succeeds.
    func showMessages() {
        markFailureRead()
        var lines = syncFailureLines()
        if messageLog.isEmpty { lines.append((t("Belum ada pesan.", "No messages yet."), .dim)) }
        for entry in messageLog.reversed() {
            let time = store.context.zone.clock(of: entry.at)
            let wrapped = wrap(entry.text)
            for (index, line) in wrapped.enumerated() {
                lines.append(((index == 0 ? time + "  " : "       ") + line, entry.isError ? .error : .normal))
            }
        }
        overlays.append(.detail(DetailOverlay(title: t("Riwayat pesan", "Message history"), lines: lines)))
    }

    /// The last sync's failure, whole, with what to do: first in `M` and in `!`, which the status
    /// line's "sinkron gagal (!)" points to.
    func syncFailureLines() -> [(text: String, role: Role)] {
        guard let failure = lastSyncError, !failure.isEmpty else { return [] }
        var lines: [(text: String, role: Role)] = [(t("Sinkronisasi terakhir gagal:", "The last sync failed:"), .error)]
        lines += wrap(failure).map { ("  " + $0, .error) }
        lines.append((t("  Perubahan tetap tersimpan di antrean; R mencoba lagi sekarang, dan sinkron berkala mencoba sendiri.",
                        "  Changes stay in the queue; R tries again now, and the periodic sync retries by itself."), .dim))
        lines.append(("", .normal))
        return lines
    }

    /// Splits `text` into lines that fit the screen less the time column, at spaces where it can.
    func wrap(_ text: String) -> [String] {
        let width = max(20, columns - 8)
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            var piece = String(word)
            while DisplayWidth.of(piece) > width {
                if !current.isEmpty { lines.append(current); current = "" }
                lines.append(String(piece.prefix(width)))
                piece = String(piece.dropFirst(width))
            }
            if current.isEmpty { current = piece }
            else if DisplayWidth.of(current) + 1 + DisplayWidth.of(piece) <= width { current += " " + piece }
            else { lines.append(current); current = piece }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// The DIP entry an edit applies to: the one whose detail is open, else the selected row.
    var documentTarget: UUID? {
        for overlay in overlays.reversed() {
            if case let .detail(detail) = overlay { return detail.documentID }
        }
        return pane == .registry ? registry.selected?.id : nil
    }

    /// Opens the edit form of ``documentTarget``; the form replaces the entry's detail, which a
    /// save would make stale.
    func editDocumentTarget() throws {
        guard let id = documentTarget, case let .dip(record)? = try store.caseRecord(id) else {
            message = (t("Pilih entri DIP terlebih dahulu.", "Select a DIP entry first."), true)
            return
        }
        if case .detail? = overlays.last { overlays.removeLast() }
        openForm(documentForm(record.entry))
    }
}
