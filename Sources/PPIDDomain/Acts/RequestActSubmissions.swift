import Foundation

/// The acts on a registered request as submitted values. The form, `ppid request <act>` and the
/// server's intake turn their values into a request event here: one set of rules and messages.
/// Each `event()` reports every field's problem at once.

/// Forwarding (Pasal 22(1)(c) and within the body): to a unit of this body or to another body.
public struct ForwardSubmission: Hashable, Sendable, Codable {
    /// `unit` or `body`.
    public var target = "unit"
    public var destination = ""
    public var note = ""

    public init() {}

    public init(_ values: [String: String]) {
        target = values["target", default: "unit"].trimmed
        destination = values["destination", default: ""]
        note = values["note", default: ""]
    }

    public func event() throws(ActRefusal) -> RequestEvent {
        var problems = ProblemList()
        problems.require(destination, "destination")
        problems.bounded(destination, "destination")
        problems.bounded(note, "note", long: true)
        if target != "unit" && target != "body" { problems.add("target", .choice(["unit", "body"])) }
        try problems.check()
        let place = destination.trimmed
        return .forwarded(to: target == "unit" ? .unit(place.uppercased()) : .otherBody(place), note: note.trimmed)
    }
}

/// The extension by 7 working days (Pasal 22(8)): its written reason.
public struct ExtensionSubmission: Hashable, Sendable, Codable {
    public var reason = ""

    public init(reason: String = "") { self.reason = reason }

    public init(_ values: [String: String]) { reason = values["reason", default: ""] }

    public func event() throws(ActRefusal) -> RequestEvent {
        var problems = ProblemList()
        problems.require(reason, "reason")
        problems.bounded(reason, "reason", long: true)
        try problems.check()
        return .extended(reason: reason.trimmed)
    }
}

/// The written notice (Pasal 22(7)): the outcome, its exemption when refused or partly granted,
/// the holder when not held, and the cost.
public struct DecisionSubmission: Hashable, Sendable, Codable {
    /// `full`, `part`, `refused`, `notHeld` or `notDocumented`.
    public var outcome = "full"
    public var exemption = ExemptionSubmission()
    public var holder = ""
    public var cost = "0"
    public var note = ""
    /// The form the information is given in (an ``ObtainMethod``), for a grant.
    public var form = ""
    /// The day it will be delivered (YYYY-MM-DD), for a grant.
    public var deliveryBy = ""
    /// How to pay, when the cost is not nil.
    public var payment = ""
    /// The items charged from the unit's fee schedule, `A4=120, CD=1`; the cost is then their sum.
    public var fees = ""
    /// The unit's fee schedule, which `fees` names items of; nil when it has none.
    public var schedule: FeeSchedule?

    public static let outcomes = ["full", "part", "refused", "notHeld", "notDocumented"]

    public init() {}

    public init(_ values: [String: String]) {
        outcome = values["outcome", default: "full"].trimmed
        exemption = ExemptionSubmission(values)
        holder = values["holder", default: ""]
        cost = values["cost", default: "0"]
        note = values["note", default: ""]
        form = values["form", default: ""].trimmed
        deliveryBy = values["deliveryBy", default: ""]
        payment = values["payment", default: ""]
        fees = values["fees", default: ""]
    }

    /// Whether the outcome withholds something, so an exemption must be given.
    public var withholds: Bool { Self.withholds(outcome) }

    /// Whether `outcome` withholds something (`refused`, `part`).
    public static func withholds(_ outcome: String) -> Bool { outcome == "refused" || outcome == "part" }

    public func event() throws(ActRefusal) -> RequestEvent {
        var problems = ProblemList()
        let trimmedCost = cost.trimmed
        var rupiah = trimmedCost.isEmpty ? 0 : Int(trimmedCost)
        if !(rupiah.map(DomainLimits.costRupiah.contains) ?? false) { problems.add("cost", .rupiah) }
        // Itemised from the schedule: the cost is the sum, and a cost typed as well must agree.
        let charges = charges(into: &problems)
        if let charges, let typed = rupiah {
            let sum = charges.reduce(0) { $0 + $1.amountRupiah }
            if typed != 0 && typed != sum { problems.add("cost", .costDiffersFromFees(sum: sum)) }
            rupiah = sum
        }
        problems.bounded(note, "note", long: true)
        problems.bounded(holder, "holder")
        problems.bounded(payment, "payment", long: true)
        // The written notice states the form, the cost and how to pay it, and the time of delivery
        // (Pasal 22(7)): a grant says in what form and by when; a cost says how to pay.
        let grants = outcome == "full" || outcome == "part"
        let chosenForm = form.isEmpty ? nil : ObtainMethod(rawValue: form)
        if !form.isEmpty && chosenForm == nil { problems.add("form", .choice(ObtainMethod.allCases.map(\.rawValue))) }
        if grants && form.isEmpty { problems.add("form", .required) }
        let delivery = problems.date(deliveryBy, "deliveryBy")
        if grants && deliveryBy.trimmed.isEmpty { problems.add("deliveryBy", .required) }
        if (rupiah ?? 0) > 0 && payment.trimmed.isEmpty { problems.add("payment", .required) }
        var withheld: Exemption?
        if withholds { withheld = exemption.exemption(into: &problems) }
        let result: NoticeOutcome?
        switch outcome {
        case "full": result = .grantedInFull
        case "part": result = withheld.map { .grantedInPart([$0]) }
        case "refused": result = withheld.map { .refused($0) }
        case "notHeld": result = .notHeld(holder: holder.trimmed.isEmpty ? nil : holder.trimmed)
        case "notDocumented": result = .notYetDocumented
        default:
            problems.add("outcome", .choice(Self.outcomes))
            result = nil
        }
        try problems.check()
        guard let result, let rupiah else { throw ActRefusal("outcome", .choice(Self.outcomes)) }
        return .decided(Decision(outcome: result, form: chosenForm, costRupiah: rupiah, deliveryBy: delivery, note: note.trimmed,
                                 paymentMethod: payment.trimmed.isEmpty ? nil : payment.trimmed,
                                 charges: charges, feeDecree: charges == nil ? nil : schedule?.decree))
    }

    /// The charges `fees` names, or nil when it is blank; every bad line is one problem.
    func charges(into problems: inout ProblemList) -> [FeeCharge]? {
        let lines = fees.split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty }
        guard !lines.isEmpty else { return nil }
        guard let schedule else {
            problems.add("fees", .noFeeSchedule)
            return nil
        }
        var charges: [FeeCharge] = []
        for line in lines {
            let parts = line.split(separator: "=", maxSplits: 1).map { String($0).trimmed }
            guard parts.count == 2, let item = schedule.item(parts[0]), let quantity = Int(parts[1]),
                  DomainLimits.feeQuantity.contains(quantity) else {
                problems.add("fees", .feeLines(known: schedule.items.map(\.code)))
                return nil
            }
            charges.append(FeeCharge(item, quantity: quantity))
        }
        if charges.count > DomainLimits.feeCharges { problems.add("fees", .feeLines(known: schedule.items.map(\.code))); return nil }
        return charges
    }
}

/// The delivery of the information to the requester.
public struct DeliverySubmission: Hashable, Sendable, Codable {
    public var method = DeliveryMethod.email.rawValue
    public var note = ""

    public init() {}

    public init(_ values: [String: String]) {
        method = values["method", default: DeliveryMethod.email.rawValue].trimmed
        note = values["note", default: ""]
    }

    public func event() throws(ActRefusal) -> RequestEvent {
        var problems = ProblemList()
        let chosen = DeliveryMethod(rawValue: method)
        if chosen == nil { problems.add("method", .choice(DeliveryMethod.allCases.map(\.rawValue))) }
        problems.bounded(note, "note", long: true)
        try problems.check()
        return .delivered(method: chosen, note: note.trimmed)
    }
}

/// The requester's withdrawal, with their reason if they gave one.
public struct WithdrawalSubmission: Hashable, Sendable, Codable {
    public var reason = ""

    public init(reason: String = "") { self.reason = reason }

    public init(_ values: [String: String]) { reason = values["reason", default: ""] }

    public func event() throws(ActRefusal) -> RequestEvent {
        var problems = ProblemList()
        problems.bounded(reason, "reason", long: true)
        try problems.check()
        return .withdrawn(reason: reason.trimmed)
    }
}

/// Links to DIP entries, by their numbers as typed (comma separated).
public struct LinkSubmission: Hashable, Sendable, Codable {
    public var numbers = ""

    public init(numbers: String = "") { self.numbers = numbers }

    public init(_ values: [String: String]) { numbers = values["numbers", default: ""] }

    /// The numbers typed, in order, without blanks or repeats.
    public var list: [String] {
        var seen: Set<String> = []
        return numbers.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\n" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// The event, given the entries found for the typed numbers (number → id); every missing
    /// number is named.
    public func event(found: [String: UUID]) throws(ActRefusal) -> RequestEvent {
        let numbers = list
        guard !numbers.isEmpty else { throw ActRefusal("numbers", .required) }
        let missing = numbers.filter { found[$0] == nil }
        guard missing.isEmpty else { throw ActRefusal("numbers", .notFound(missing)) }
        return .documentsLinked(numbers.compactMap { found[$0] })
    }
}

/// The information given as an order required (Pasal 52): whose order, and a note.
public struct ComplianceSubmission: Hashable, Sendable, Codable {
    /// A ``ComplianceOrder`` raw value.
    public var order = ComplianceOrder.objection.rawValue
    public var note = ""

    public init(_ values: [String: String]) {
        order = values["order", default: ComplianceOrder.objection.rawValue].trimmed
        note = values["note", default: ""]
    }

    public func event() throws(ActRefusal) -> RequestEvent {
        var problems = ProblemList()
        let chosen = ComplianceOrder(rawValue: order)
        if chosen == nil { problems.add("order", .choice(ComplianceOrder.allCases.map(\.rawValue))) }
        problems.bounded(note, "note", long: true)
        try problems.check()
        guard let chosen else { throw ActRefusal("order", .choice(ComplianceOrder.allCases.map(\.rawValue))) }
        return .complied(order: chosen, note: note.trimmed)
    }
}

/// A request noted incomplete: what it lacks, which the letter asks the requester for.
public struct IncompleteSubmission: Hashable, Sendable, Codable {
    public var missing = ""

    public init(missing: String = "") { self.missing = missing }

    public init(_ values: [String: String]) { missing = values["missing", default: ""] }

    public func event() throws(ActRefusal) -> RequestEvent {
        var problems = ProblemList()
        problems.require(missing, "missing")
        problems.bounded(missing, "missing", long: true)
        try problems.check()
        return .incompleteNoted(missing: missing.trimmed)
    }
}

/// A payment of the written notice's cost, as submitted: the amount (default: all that is owed),
/// the day paid (default today, never later) and the receipt or transfer reference.
public struct PaymentSubmission: Hashable, Sendable, Codable {
    public var amount = ""
    public var paidOn = ""
    public var reference = ""

    public init(_ values: [String: String]) {
        amount = values["amount", default: ""]
        paidOn = values["paidOn", default: ""]
        reference = values["reference", default: ""]
    }

    /// The event, with `owed` the amount left to pay and `today` the default day.
    public func event(owed: Int, today: CivilDate) throws(ActRefusal) -> RequestEvent {
        var problems = ProblemList()
        let typed = amount.trimmed
        let rupiah = typed.isEmpty ? owed : Int(typed.replacingOccurrences(of: ".", with: ""))
        if !(rupiah.map { $0 > 0 && DomainLimits.costRupiah.contains($0) } ?? false) { problems.add("amount", .rupiah) }
        let day = problems.date(paidOn, "paidOn") ?? today
        if day > today { problems.add("paidOn", .notInFuture) }
        problems.require(reference, "reference")
        problems.bounded(reference, "reference")
        try problems.check()
        guard let rupiah else { throw ActRefusal("amount", .rupiah) }
        return .paid(FeePayment(amountRupiah: rupiah, paidOn: day, reference: reference.trimmed))
    }
}
