import Foundation

/// What an officer registers when a request arrives.
public struct RequestRegistration: Hashable, Sendable, Codable {
    public var id: UUID
    public var registrationNumber: String
    public var unit: String
    public var receivedAt: Date
    public var channel: Channel
    public var requester: Requester
    /// The information requested (rincian informasi).
    public var information: String
    /// What it is for (tujuan).
    public var purpose: String
    public var obtainMethod: ObtainMethod
    public var deliveryMethod: DeliveryMethod

    public init(id: UUID = UUID(), registrationNumber: String, unit: String, receivedAt: Date,
                channel: Channel, requester: Requester, information: String, purpose: String,
                obtainMethod: ObtainMethod = .softCopy, deliveryMethod: DeliveryMethod = .email) {
        self.id = id
        self.registrationNumber = registrationNumber
        self.unit = unit
        self.receivedAt = receivedAt
        self.channel = channel
        self.requester = requester
        self.information = information
        self.purpose = purpose
        self.obtainMethod = obtainMethod
        self.deliveryMethod = deliveryMethod
    }
}

/// The current state of a request: the projection of its events.
public struct RequestRecord: Hashable, Sendable, Codable {
    public var registration: RequestRegistration
    public var state: RequestState
    /// The civil date of receipt in the unit's zone.
    public var receivedOn: CivilDate
    /// Day 0 of the clock (later than `receivedOn` when the deemed-received policy applies).
    public var countsFrom: CivilDate
    public var noticeDue: CivilDate
    public var extendedDue: CivilDate?
    public var extensionReason: String?
    public var forwardedTo: ForwardTarget?
    public var decision: Decision?
    public var decidedOn: CivilDate?
    public var deliveredOn: CivilDate?
    public var closedOn: CivilDate?
    public var withdrawnOn: CivilDate?
    /// True when a due date reaches into a year whose decree is not yet known.
    public var dueIsProvisional: Bool
    /// The DIP entries that answered this request.
    public var linkedDocuments: [UUID] = []
    /// The day the information was given as an order required (objection, Commission, court).
    public var compliedOn: CivilDate? = nil
    /// What the request still lacks, while it is incomplete.
    public var missingItems: String? = nil
    /// The payments of the notice's cost, oldest first; nil when none was recorded.
    public var payments: [FeePayment]? = nil

    /// What the requester has paid of the notice's cost.
    public var paidRupiah: Int { (payments ?? []).reduce(0) { $0 + $1.amountRupiah } }
    /// What remains to pay of the notice's cost.
    public var owedRupiah: Int { max(0, (decision?.costRupiah ?? 0) - paidRupiah) }

    public var id: UUID { registration.id }

    /// The date the notice is due now: the extended date once extended.
    public var effectiveDue: CivilDate { extendedDue ?? noticeDue }

    /// The day the requester's grounds to object arose (Pasal 36(1)), day 0 of their 30 working
    /// days: the day the written notice reached them (its delivery, as the notice letter says:
    /// "30 hari kerja setelah pemberitahuan ini diterima"), or, where no notice reached them, the
    /// day after the notice deadline passed. A notice delivered late still starts the window on
    /// its delivery: the later, the requester's, reading.
    public var objectionGroundsArose: CivilDate {
        deliveredOn ?? effectiveDue.next
    }
}
