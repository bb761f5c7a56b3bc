/// The figures of the public information service report (laporan layanan informasi publik) for one
/// unit, or rolled up for the body: computed from case records, never typed.
public struct ServiceReport: Hashable, Sendable {
    public let period: ReportPeriod
    /// The unit code, or nil for the whole body.
    public let unit: String?

    /// The cohort: every request figure is about the requests received in the period, and what
    /// became of each of them by the day the report is made (decided in the period or after).
    public var requestsReceived = 0
    /// Working days from receipt (day 0) to the written notice, for the cohort's decided requests.
    public var daysToNotice: [Int] = []
    /// Notices issued by their due date: 10 working days, or 17 when extended with a written reason.
    public var noticesOnTime = 0
    /// Notices issued after their due date: late, however few days late (never counted "within 17").
    public var noticesLate = 0
    /// Requests of the cohort still without a notice after their due date.
    public var openOverdue = 0
    public var grantedInFull = 0
    public var grantedInPart = 0
    public var refused = 0
    /// Refusals and partial grants by basis: "17a".."17j", or the other statute's name.
    public var exemptionsByBasis: [String: Int] = [:]
    public var notHeld = 0
    public var notYetDocumented = 0
    public var withdrawn = 0
    /// Requests received in the period and still awaiting their notice.
    public var stillOpen = 0

    public var objectionsReceived = 0
    public var objectionsByGround: [ObjectionGround: Int] = [:]
    /// By verdict code: granted, refusal-upheld, settled; plus "pending".
    public var objectionsByOutcome: [String: Int] = [:]
    /// Objections the atasan answered after the 30 working days (Pasal 36(2)).
    public var objectionsAnsweredLate = 0
    /// Objections still unanswered after their 30 working days.
    public var objectionsOverdue = 0

    public var disputesFiled = 0
    /// By the Commission's outcome (raw value), kept when the case went on to court; plus "pending"
    /// (still before the Commission) and "withdrawn".
    public var disputesByOutcome: [String: Int] = [:]
    /// Disputes of the period taken to the PTUN or PN (Pasal 47-48).
    public var courtCases = 0
    /// By the ruling that stands in court (the Supreme Court's on cassation, else the court's);
    /// "pending" while a court has the case, "withdrawn".
    public var courtByOutcome: [String: Int] = [:]

    public init(period: ReportPeriod, unit: String?) {
        self.period = period
        self.unit = unit
    }

    // MARK: Time to fulfil

    public var decided: Int { daysToNotice.count }
    public var withinTen: Int { daysToNotice.filter { $0 <= 10 }.count }

    /// The mean working days to the notice, or nil with no decisions.
    public var meanDays: Double? {
        daysToNotice.isEmpty ? nil : Double(daysToNotice.reduce(0, +)) / Double(daysToNotice.count)
    }

    /// The median (the mean of the middle two for an even count).
    public var medianDays: Double? {
        guard !daysToNotice.isEmpty else { return nil }
        let sorted = daysToNotice.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The 90th percentile, nearest-rank.
    public var p90Days: Double? {
        guard !daysToNotice.isEmpty else { return nil }
        let sorted = daysToNotice.sorted()
        let rank = Int((0.9 * Double(sorted.count)).rounded(.up))
        return Double(sorted[max(0, rank - 1)])
    }

    // MARK: Building

    /// Computes the report of `unit` (nil: every unit) for `period` from case records, as of
    /// `asOf` (the day it is made; by default the period's last day).
    public static func compute(period: ReportPeriod, unit: String?, requests: [RequestRecord], objections: [ObjectionRecord],
                               disputes: [DisputeRecord], calendar: WorkCalendar, asOf: CivilDate? = nil) -> ServiceReport {
        var report = ServiceReport(period: period, unit: unit)
        let asOf = asOf ?? period.last
        for request in requests where (unit == nil || request.registration.unit == unit) && period.contains(request.receivedOn) {
            report.requestsReceived += 1
            if request.state == .withdrawn { report.withdrawn += 1 }
            if request.state.awaitsNotice {
                report.stillOpen += 1
                if request.effectiveDue < asOf { report.openOverdue += 1 }
            }
            guard let decidedOn = request.decidedOn, let decision = request.decision else { continue }
            report.daysToNotice.append(calendar.workingDays(after: request.countsFrom, through: decidedOn))
            if decidedOn <= request.effectiveDue { report.noticesOnTime += 1 } else { report.noticesLate += 1 }
            switch decision.outcome {
            case .grantedInFull: report.grantedInFull += 1
            case let .grantedInPart(exemptions):
                report.grantedInPart += 1
                for exemption in exemptions { report.exemptionsByBasis[basisKey(exemption.basis), default: 0] += 1 }
            case let .refused(exemption):
                report.refused += 1
                if let exemption { report.exemptionsByBasis[basisKey(exemption.basis), default: 0] += 1 }
            case .notHeld: report.notHeld += 1
            case .notYetDocumented: report.notYetDocumented += 1
            }
        }
        for objection in objections where (unit == nil || objection.filing.unit == unit) && period.contains(objection.filedOn) {
            report.objectionsReceived += 1
            for ground in objection.filing.grounds { report.objectionsByGround[ground, default: 0] += 1 }
            let outcome = objection.state == .withdrawn ? "withdrawn" : (objection.answer?.verdict.code ?? "pending")
            report.objectionsByOutcome[outcome, default: 0] += 1
            if let answeredOn = objection.answeredOn, answeredOn > objection.answerDue { report.objectionsAnsweredLate += 1 }
            if objection.state == .filed && objection.answerDue < asOf { report.objectionsOverdue += 1 }
        }
        let objectionUnits = Dictionary(objections.map { ($0.id, $0.filing.unit) }, uniquingKeysWith: { a, _ in a })
        for dispute in disputes where period.contains(dispute.filedOn) {
            if let unit, objectionUnits[dispute.filing.objectionID] != unit { continue }
            report.disputesFiled += 1
            let outcome = dispute.outcome?.rawValue ?? (dispute.state == .withdrawn ? "withdrawn" : "pending")
            report.disputesByOutcome[outcome, default: 0] += 1
            if dispute.court != nil {
                report.courtCases += 1
                let ruling = dispute.cassationOutcome ?? dispute.courtOutcome
                let court = dispute.state == .withdrawn ? "withdrawn"
                    : ([.inCourt, .cassation].contains(dispute.state) ? "pending" : ruling?.rawValue ?? "pending")
                report.courtByOutcome[court, default: 0] += 1
            }
        }
        return report
    }

    /// One report per unit, then the roll-up for the whole body when there is more than one unit.
    public static func perUnit(period: ReportPeriod, units: [String], requests: [RequestRecord], objections: [ObjectionRecord],
                               disputes: [DisputeRecord], calendar: WorkCalendar, asOf: CivilDate? = nil) -> [ServiceReport] {
        var reports = units.map {
            compute(period: period, unit: $0, requests: requests, objections: objections, disputes: disputes, calendar: calendar, asOf: asOf)
        }
        if units.count != 1 {
            reports.append(compute(period: period, unit: nil, requests: requests, objections: objections, disputes: disputes,
                                   calendar: calendar, asOf: asOf))
        }
        return reports
    }

    static func basisKey(_ basis: ExemptionBasis) -> String {
        switch basis {
        case let .pasal17(letter): "17" + letter.rawValue
        case let .otherStatute(statute): statute
        }
    }
}
