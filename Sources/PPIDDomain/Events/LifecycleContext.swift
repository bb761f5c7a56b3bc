/// What the lifecycle rules need to know about the unit: its calendar, zone and receipt policy.
public struct LifecycleContext: Sendable {
    public var calendar: WorkCalendar
    public var zone: UnitZone
    public var receiptPolicy: ReceiptPolicy

    public init(calendar: WorkCalendar, zone: UnitZone, receiptPolicy: ReceiptPolicy = .standard) {
        self.calendar = calendar
        self.zone = zone
        self.receiptPolicy = receiptPolicy
    }
}
