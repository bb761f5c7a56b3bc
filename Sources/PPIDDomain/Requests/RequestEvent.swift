import Foundation

/// A change to a request. Each is validated by ``RequestLifecycle/apply(_:meta:to:context:)``.
public enum RequestEvent: Hashable, Sendable {
    case registered(RequestRegistration)
    case processingStarted
    case forwarded(to: ForwardTarget, note: String)
    /// The one extension allowed, with its written reason (Pasal 22(8)).
    case extended(reason: String)
    /// The written notice was issued.
    case decided(Decision)
    /// The information or notice reached the requester.
    case delivered(method: DeliveryMethod?, note: String)
    case closed
    case withdrawn(reason: String)
    /// The DIP entries that answered the request.
    case documentsLinked([UUID])
    /// The calendar changed and the due dates moved ("tenggat bergeser").
    case deadlineMoved(noticeDue: CivilDate, extendedDue: CivilDate?, reason: String)
    /// The information was given as an order required (an objection granted, the Commission, a
    /// court): on the event's date; a closed request takes it too.
    case complied(order: ComplianceOrder, note: String)
    /// The request lacks what it needs to be answered; a letter asks the requester for it.
    case incompleteNoted(missing: String)
    /// The requester supplied what was missing. `restartsClock` is the unit's policy when it was
    /// recorded (carried in the event, so every side folds it alike): the notice's 10 working days
    /// count from this day instead of from receipt.
    case completed(restartsClock: Bool)
    /// The requester paid (part of) the notice's cost, on the day and with the receipt given.
    case paid(FeePayment)

    /// A short stable name for logs and the wire.
    public var name: String {
        switch self {
        case .registered: "registered"
        case .processingStarted: "processingStarted"
        case .forwarded: "forwarded"
        case .extended: "extended"
        case .decided: "decided"
        case .delivered: "delivered"
        case .closed: "closed"
        case .withdrawn: "withdrawn"
        case .documentsLinked: "documentsLinked"
        case .deadlineMoved: "deadlineMoved"
        case .complied: "complied"
        case .incompleteNoted: "incompleteNoted"
        case .completed: "completed"
        case .paid: "paid"
        }
    }
}

extension RequestEvent: Localized {
    public func text(_ language: Language) -> String {
        switch self {
        case .registered: language.pick("Didaftarkan", "Registered")
        case .processingStarted: language.pick("Mulai diproses", "Processing started")
        case let .forwarded(target, _):
            switch target {
            case let .unit(code): language.pick("Diteruskan ke unit \(code)", "Forwarded to unit \(code)")
            case let .otherBody(body): language.pick("Diteruskan ke \(body)", "Forwarded to \(body)")
            }
        case let .extended(reason): language.pick("Diperpanjang: \(reason)", "Extended: \(reason)")
        case let .decided(decision):
            language.pick("Pemberitahuan tertulis: ", "Written notice: ") + decision.outcome.text(language)
        case .delivered: language.pick("Disampaikan kepada pemohon", "Delivered to the requester")
        case .closed: language.pick("Ditutup", "Closed")
        case let .withdrawn(reason):
            language.pick("Ditarik oleh pemohon", "Withdrawn by the requester") + (reason.isEmpty ? "" : ": \(reason)")
        case let .documentsLinked(ids):
            language.pick("Dikaitkan dengan \(ids.count) entri DIP", "Linked to \(ids.count) DIP entries")
        case let .incompleteNoted(missing):
            language.pick("Belum lengkap: \(missing)", "Incomplete: \(missing)")
        case let .completed(restarts):
            language.pick("Dilengkapi pemohon", "Completed by the requester")
                + (restarts ? language.pick("; tenggat dihitung dari hari ini", "; the deadline counts from this day") : "")
        case let .paid(payment):
            language.pick("Biaya dibayar Rp \(payment.amountRupiah) (\(payment.reference))", "Cost paid Rp \(payment.amountRupiah) (\(payment.reference))")
        case let .complied(order, _):
            language.pick("Informasi diberikan sesuai \(order.text(.indonesian))", "Information given as ordered by \(order.text(.english))")
        case let .deadlineMoved(notice, extended, reason):
            // The date that binds: the extended one when the request was extended.
            language.pick("Tenggat bergeser ke \((extended ?? notice).iso): \(reason)", "Deadline moved to \((extended ?? notice).iso): \(reason)")
        }
    }
}
