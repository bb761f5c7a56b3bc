import Foundation
import Testing
@testable import PPIDDomain

@Suite("Unit zones")
struct UnitZoneTests {
    @Test func resolvesIndonesianAbbreviationsAndIANANames() throws {
        #expect(try UnitZone(parsing: "WIB").identifier == "Asia/Jakarta")
        #expect(try UnitZone(parsing: "wita").identifier == "Asia/Makassar")
        #expect(try UnitZone(parsing: "WIT").identifier == "Asia/Jayapura")
        #expect(try UnitZone(parsing: "Asia/Pontianak").description == "WIB")
        #expect(throws: CalendarError.unknownZone("Mars/Olympus")) { try UnitZone(parsing: "Mars/Olympus") }
        #expect(throws: CalendarError.unknownZone("EST")) { try UnitZone(parsing: "EST") }
    }

    @Test("The offset arithmetic agrees with Foundation's Gregorian calendar, in every kind of zone, across the whole range",
          arguments: ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "Asia/Pontianak", "America/New_York", "Europe/London",
                      "Asia/Kolkata", "Asia/Kathmandu", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Australia/Lord_Howe", "UTC"])
    func arithmeticMatchesCalendar(identifier: String) throws {
        let zone = try UnitZone(parsing: identifier)
        var generator = SystemRandomNumberGenerator()
        let range = DomainLimits.instants
        var instants = [range.lowerBound, range.upperBound, Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -0.5),
                        Date(timeIntervalSince1970: 86_399.999), Date(timeIntervalSince1970: .nan), .distantPast, .distantFuture]
        for _ in 0..<3000 {
            instants.append(Date(timeIntervalSince1970: Double.random(in: range.lowerBound.timeIntervalSince1970...range.upperBound.timeIntervalSince1970,
                                                                      using: &generator)))
        }
        // Around this zone's offset changes in recent years, where an off-by-one would show.
        for _ in 0..<2000 {
            instants.append(Date(timeIntervalSince1970: Double.random(in: 1_577_836_800...1_830_297_600, using: &generator).rounded(.down)))
        }
        for moment in instants {
            #expect(zone.localMoment(of: moment) == zone.localMomentByCalendar(of: moment), "\(identifier) at \(moment.timeIntervalSince1970)")
        }
    }

    @Test("23:30 WIB on a Friday is Saturday in Jayapura")
    func fridayNightInJakartaIsSaturdayInJayapura() {
        let moment = instant("2026-03-06T16:30:00Z")  // Friday 23:30 WIB
        #expect(UnitZone.wib.civilDate(of: moment) == d("2026-03-06"))
        #expect(UnitZone.wib.civilDate(of: moment).weekday == .friday)
        #expect(UnitZone.wita.civilDate(of: moment) == d("2026-03-07"))  // 00:30 WITA
        #expect(UnitZone.wit.civilDate(of: moment) == d("2026-03-07"))   // 01:30 WIT
        #expect(UnitZone.wit.localMoment(of: moment).time == LocalTime(hour: 1, minute: 30))
    }

    @Test("The same instant gives different deadlines in WIB and WIT")
    func midnightChangesTheDeadline() {
        // 23:30 WIB Thursday 2026-03-05 is 01:30 WIT Friday 2026-03-06.
        let moment = instant("2026-03-05T16:30:00Z")
        let policy = ReceiptPolicy.standard
        let wib = UnitZone.wib.localMoment(of: moment)
        let wit = UnitZone.wit.localMoment(of: moment)
        let dueWIB = RequestDeadlines(receipt: policy.receipt(on: wib.date, at: wib.time, calendar: national), calendar: national)
        let dueWIT = RequestDeadlines(receipt: policy.receipt(on: wit.date, at: wit.time, calendar: national), calendar: national)
        // WIB: from Thu 03-05; 06, 09-13, 16, 17, (18-24 Nyepi and Idul Fitri), 25, 26.
        #expect(dueWIB.notice.counted == dates("2026-03-06", "2026-03-09", "2026-03-10", "2026-03-11", "2026-03-12",
                                              "2026-03-13", "2026-03-16", "2026-03-17", "2026-03-25", "2026-03-26"))
        // WIT: from Fri 03-06; one working day later.
        #expect(dueWIT.notice.due == d("2026-03-27"))
        #expect(dueWIB.notice.due == d("2026-03-26"))
    }
}

@Suite("Times as the officer reads them")
struct UnitClockTests {
    @Test("24-hour wall-clock time in the unit's zone, whatever the machine's locale")
    func clock() throws {
        let instant = try #require(ISO8601DateFormatter().date(from: "2026-11-25T23:30:00Z"))
        #expect(UnitZone.wib.clock(of: instant) == "06:30")
        #expect(UnitZone.wit.clock(of: instant) == "08:30")
        #expect(UnitZone.wita.stamp(of: instant) == "2026-11-26 07:30")
        #expect(LocalTime(hour: 16, minute: 5)?.text == "16:05")
    }
}
