import PPIDDomain
import PPIDStore

/// A refused act as the officer reads it, in the app's conflicts list and `ppid sync --conflicts`:
/// the case, the act, the server's reason, what the server holds instead, and what to do now.
public enum ConflictText {
    public static func lines(_ conflict: Conflict, language: Language) -> [String] {
        let meta = conflict.envelope.meta
        var head = "\(meta.localDate.iso)  \(conflict.caseNumber ?? conflict.envelope.event.caseID.uuidString)"
        if let requester = conflict.requester { head += "  \(requester)" }
        var lines = [head]
        lines.append(language.pick("Ditolak: ", "Refused: ") + conflict.envelope.event.actText(language) + " (\(meta.officer))")
        lines.append(language.pick("Alasan server: ", "Server's reason: ") + conflict.reason(language))
        if let held = conflict.held { lines.append(language.pick("Kini berlaku: ", "Now in force: ") + held) }
        lines.append(language.pick("Lakukan: ", "To do: ") + conflict.advice(language))
        return lines
    }

    /// An event of the server this terminal set aside: which case, why, and what to do.
    public static func lines(_ entry: SetAsideEntry, language: Language) -> [String] {
        [language.pick("Disisihkan: peristiwa #\(entry.sequence) ", "Set aside: event #\(entry.sequence) ")
            + (entry.caseNumber ?? entry.caseID?.uuidString ?? "") + " (\(entry.unit))",
         language.pick("Tidak dapat dibaca versi ini: ", "This version cannot read it: ") + entry.reason,
         language.pick("Lakukan: ", "To do: ") + entry.advice(language)]
    }
}
