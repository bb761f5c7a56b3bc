/// A statutory due date together with its explanation: which days were counted and which skipped, and why.
public struct Deadline: Hashable, Sendable {
    /// The clock this deadline belongs to.
    public let clock: StatutoryClock
    /// The date the count starts after (day 0).
    public let start: CivilDate
    /// The due date: the last counted day.
    public let due: CivilDate
    /// The working days counted, in order: day 1 ... day N.
    public let counted: [CivilDate]
    /// The days between `start` and `due` that were not counted, with the reason for each.
    public let skipped: [SkippedDay]
    /// True when the count reaches into a year whose holiday decree the calendar does not know.
    public let isProvisional: Bool
    /// The years the count reached that the calendar does not cover.
    public let uncoveredYears: [Int]
}

/// A day left out of a count, and why.
public struct SkippedDay: Hashable, Sendable {
    public let date: CivilDate
    public let reason: NonWorkingReason
}

extension WorkCalendar {
    /// The `clock`'s due date: its Nth working day strictly after `start`, with its explanation.
    public func deadline(_ clock: StatutoryClock, after start: CivilDate) -> Deadline {
        deadline(clock, workingDays: clock.workingDays, after: start)
    }

    /// The Nth working day strictly after `start`, with the days counted and skipped.
    public func deadline(_ clock: StatutoryClock, workingDays: Int, after start: CivilDate) -> Deadline {
        precondition(workingDays > 0, "a statutory clock counts at least one day")
        var counted: [CivilDate] = []
        var skipped: [SkippedDay] = []
        var uncovered: Set<Int> = []
        counted.reserveCapacity(workingDays)
        var day = start
        // Walked by day number, the weekday and the year's coverage worked out from it once per
        // day and once per year: every registration and step of a pull counts a deadline.
        var number = start.daysSinceEpoch
        var year = (number: Int.min, covered: true)
        while counted.count < workingDays {
            number += 1
            day = CivilDate(daysSinceEpoch: number)
            if clock.countsWorkingDays {
                if day.year != year.number { year = (day.year, covers(year: day.year)) }
                if !year.covered { uncovered.insert(day.year) }
                if let reason = nonWorkingReason(day, weekday: Weekday(daysSinceEpoch: number)) {
                    skipped.append(SkippedDay(date: day, reason: reason))
                    continue
                }
            }
            counted.append(day)
        }
        return Deadline(clock: clock, start: start, due: day, counted: counted, skipped: skipped,
                        isProvisional: !uncovered.isEmpty, uncoveredYears: uncovered.sorted())
    }

    /// Counts the working days strictly after `start` up to and including `end` (0 when `end <= start`).
    public func workingDays(after start: CivilDate, through end: CivilDate) -> Int {
        guard end > start else { return 0 }
        var count = 0
        var day = start.next
        while day <= end {
            if isWorkingDay(day) { count += 1 }
            day = day.next
        }
        return count
    }
}
