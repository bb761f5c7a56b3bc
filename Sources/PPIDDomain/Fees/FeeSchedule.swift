import Foundation

/// One line of a unit's fee schedule: what a copy or a delivery costs (Pasal 21: "biaya ringan";
/// information itself is free, only its copying and sending is charged).
public struct FeeItem: Hashable, Sendable, Codable {
    /// The short code officers type (`A4`, `CD`, `POS`).
    public var code: String
    public var description: String
    /// What one is counted in: `lembar`, `keping`, `paket`.
    public var unit: String
    public var rateRupiah: Int

    public init(code: String, description: String, unit: String, rateRupiah: Int) {
        self.code = code
        self.description = description
        self.unit = unit
        self.rateRupiah = rateRupiah
    }
}

/// A unit's fee schedule, as its decree sets it: the only costs a written notice may state.
public struct FeeSchedule: Hashable, Sendable, Codable {
    public var items: [FeeItem]
    /// The decree that set it (`SK Sekjen No. 12/2026`), named in the notice and in an objection on ground f.
    public var decree: String?

    public init(items: [FeeItem], decree: String? = nil) {
        self.items = items
        self.decree = decree
    }

    /// The item with `code`, ignoring case.
    public func item(_ code: String) -> FeeItem? {
        items.first { $0.code.caseInsensitiveCompare(code) == .orderedSame }
    }
}

/// One charged line of a written notice: an item of the schedule and how many.
public struct FeeCharge: Hashable, Sendable, Codable {
    public var code: String
    public var description: String
    public var unit: String
    public var quantity: Int
    public var rateRupiah: Int

    public init(_ item: FeeItem, quantity: Int) {
        code = item.code
        description = item.description
        unit = item.unit
        self.quantity = quantity
        rateRupiah = item.rateRupiah
    }

    public var amountRupiah: Int { quantity * rateRupiah }

    /// `Fotokopi A4: 120 lembar x Rp 500 = Rp 60000`.
    public var line: String { "\(description): \(quantity) \(unit) x Rp \(rateRupiah) = Rp \(amountRupiah)" }
}

/// A payment of a notice's cost, as the cashier's or the bank's receipt records it.
public struct FeePayment: Hashable, Sendable, Codable {
    public var amountRupiah: Int
    public var paidOn: CivilDate
    /// The receipt or transfer reference.
    public var reference: String

    public init(amountRupiah: Int, paidOn: CivilDate, reference: String) {
        self.amountRupiah = amountRupiah
        self.paidOn = paidOn
        self.reference = reference
    }
}

/// Amounts of money as Indonesian texts write them.
public enum Rupiah {
    /// "Rp 1.250.000": thousands grouped with dots, whatever the machine's locale.
    public static func text(_ amount: Int) -> String {
        let digits = String(abs(amount))
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(".") }
            grouped.append(digit)
        }
        return (amount < 0 ? "-Rp " : "Rp ") + grouped
    }
}
