/// The two deadlines of a request: the written notice, and the extended date if the unit extends once.
public struct RequestDeadlines: Hashable, Sendable {
    public let receipt: Receipt
    /// 10 working days after day 0.
    public let notice: Deadline
    /// 7 working days after the notice's due date.
    public let extended: Deadline

    /// True when either date is provisional.
    public var isProvisional: Bool { notice.isProvisional || extended.isProvisional }

    public init(receipt: Receipt, calendar: WorkCalendar) {
        self.receipt = receipt
        self.notice = calendar.deadline(.writtenNotice, after: receipt.countsFrom)
        self.extended = calendar.deadline(.extensionOfNotice, after: notice.due)
    }
}
