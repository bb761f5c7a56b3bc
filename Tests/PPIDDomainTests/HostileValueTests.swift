import Foundation
import Testing
@testable import PPIDDomain

/// SplitMix64: a seeded generator, so a failing case can be run again.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Values anywhere in their types' ranges, as a hostile peer would send them.
struct HostileValues {
    var random: SplitMix

    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }

    mutating func instant() -> Date {
        switch Int.random(in: 0..<5, using: &random) {
        case 0: Date(timeIntervalSince1970: Double.random(in: -1e14...1e14, using: &random))
        case 1: Date(timeIntervalSince1970: [Double.greatestFiniteMagnitude, -Double.greatestFiniteMagnitude, 253_402_300_800, -62_135_596_800][Int.random(in: 0..<4, using: &random)])
        default: Date(timeIntervalSince1970: Double.random(in: 1.6e9...1.9e9, using: &random))
        }
    }

    mutating func date() -> CivilDate {
        if chance(0.5) {
            return CivilDate(year: Int.random(in: 2020...2030, using: &random), month: Int.random(in: 1...12, using: &random), day: Int.random(in: 1...28, using: &random))!
        }
        return CivilDate(year: Int.random(in: 1...9999, using: &random), month: Int.random(in: 1...12, using: &random), day: Int.random(in: 1...28, using: &random))!
    }

    mutating func text() -> String {
        switch Int.random(in: 0..<6, using: &random) {
        case 0: return ""
        case 1: return String(repeating: "x", count: Int.random(in: 0...20_000, using: &random))
        case 2: return String(String.UnicodeScalarView((0..<Int.random(in: 1...40, using: &random)).compactMap { _ in Unicode.Scalar(UInt32.random(in: 0...0x2FFFF, using: &random)) }))
        case 3: return "=HYPERLINK(\"http://x\")\u{1B}[2J\u{0}"
        default: return "Siti Nurhaliza"
        }
    }

    mutating func int() -> Int {
        [Int.min, -1, 0, 1, 15_000, Int.max, Int.random(in: Int.min...Int.max, using: &random)][Int.random(in: 0..<7, using: &random)]
    }

    mutating func requester() -> Requester {
        Requester(kind: chance(0.8) ? .person : .entity, name: text(), nik: chance(0.7) ? "3171234567890002" : text(),
                  entityDocument: chance(0.5) ? text() : nil, address: text(), occupation: text(), phone: chance(0.5) ? "" : text(),
                  email: chance(0.5) ? "" : text())
    }

    mutating func exemption() -> Exemption {
        Exemption(basis: chance(0.8) ? .pasal17(Pasal17Letter.allCases.randomElement(using: &random)!) : .otherStatute(text()),
                  test: ConsequenceTest(harm: text(), publicInterestWeighed: text(), withheldPart: text(), until: chance(0.5) ? date() : nil))
    }

    mutating func requestEvent(id: UUID) -> RequestEvent {
        switch Int.random(in: 0..<10, using: &random) {
        case 0:
            return .registered(RequestRegistration(id: chance(0.9) ? id : UUID(), registrationNumber: text(), unit: text(), receivedAt: instant(),
                                                   channel: .letter, requester: requester(), information: text(), purpose: text()))
        case 1: return .processingStarted
        case 2: return .forwarded(to: chance(0.5) ? .unit(text()) : .otherBody(text()), note: text())
        case 3: return .extended(reason: text())
        case 4:
            let outcome: NoticeOutcome = switch Int.random(in: 0..<5, using: &random) {
            case 0: .grantedInFull
            case 1: .grantedInPart((0..<Int.random(in: 0...30, using: &random)).map { _ in exemption() })
            case 2: .refused(chance(0.8) ? exemption() : nil)
            case 3: .notHeld(holder: text())
            default: .notYetDocumented
            }
            return .decided(Decision(outcome: outcome, form: .softCopy, costRupiah: int(), deliveryBy: chance(0.5) ? date() : nil, note: text()))
        case 5: return .delivered(method: .email, note: text())
        case 6: return .closed
        case 7: return .withdrawn(reason: text())
        case 8: return .documentsLinked((0..<Int.random(in: 0...300, using: &random)).map { _ in UUID() })
        default: return .deadlineMoved(noticeDue: date(), extendedDue: chance(0.5) ? date() : nil, reason: text())
        }
    }

    mutating func event(case id: UUID) -> DomainEvent {
        switch Int.random(in: 0..<4, using: &random) {
        case 0, 1:
            return .request(id, requestEvent(id: id))
        case 2:
            let filing = ObjectionFiling(id: id, number: text(), requestID: UUID(), requestNumber: text(), unit: text(), filedBy: text(),
                                         grounds: Array(ObjectionGround.allCases.shuffled(using: &random).prefix(Int.random(in: 0...7, using: &random))),
                                         statement: text(), groundsAroseOn: date(), lateFilingOverride: chance(0.5) ? text() : nil)
            let answer = ObjectionAnswer(verdict: chance(0.5) ? .refusalUpheld(reasons: text()) : .settledByAgreement(terms: text()),
                                         atasanName: text(), atasanPosition: text())
            return .objection(id, chance(0.5) ? .filed(filing) : (chance(0.5) ? .answered(answer) : .deadlineMoved(answerDue: date(), reason: text())))
        default:
            let entry = DIPEntry(id: id, number: text(), unit: text(), title: text(), summary: text(), holder: text(),
                                 category: DIPCategory.allCases.randomElement(using: &random)!, exemption: chance(0.5) ? exemption() : nil)
            return .dip(id, chance(0.6) ? .added(entry) : (chance(0.5) ? .revised(entry) : .retired(reason: text())))
        }
    }
}

@Suite("Hostile values")
struct HostileValueTests {
    @Test("Random events with values anywhere in their types' ranges are refused with a typed error or applied; none traps")
    func randomEventsNeverTrap() {
        var values = HostileValues(random: SplitMix(state: 0x5EED_11))
        var applied = 0
        var refusedByField = 0
        var refused = 0
        for zone in [UnitZone.wib, .wita, .wit] {
            let context = LifecycleContext(calendar: .national(), zone: zone)
            for _ in 0..<3_000 {
                let id = UUID()
                var record: CaseRecord? = nil
                for _ in 0..<4 {
                    let meta = EventMeta(id: UUID(), officer: values.chance(0.9) ? "rina" : values.text(),
                                         instant: values.instant(), localDate: values.date())
                    do throws(EventRejection) {
                        record = try DomainRules.apply(EventEnvelope(meta: meta, event: values.event(case: id)), to: record, context: context)
                        applied += 1
                    } catch {
                        if case .field = error { refusedByField += 1 } else { refused += 1 }
                        #expect(!error.text(.indonesian).isEmpty && !error.text(.english).isEmpty)
                    }
                }
            }
        }
        print("hostile values: \(applied) applied, \(refusedByField) refused by a field check, \(refused) by the lifecycle")
        #expect(applied > 0 && refusedByField > 0 && refused > 0, "the generator reaches all three outcomes")
    }

    @Test("Zone conversion is total: instants past year 9999, before year 1, or infinite give a date and never trap")
    func zoneConversionIsTotal() {
        for instant in [Date(timeIntervalSince1970: 253_402_300_800), Date(timeIntervalSince1970: -1e15), Date.distantFuture,
                        Date(timeIntervalSince1970: .greatestFiniteMagnitude), Date(timeIntervalSince1970: .infinity)] {
            for zone in [UnitZone.wib, .wita, .wit] {
                let date = zone.civilDate(of: instant)
                #expect(DomainLimits.dates.contains(date))
            }
        }
        #expect(UnitZone.wit.civilDate(of: Date(timeIntervalSince1970: 1_772_442_000)) == CivilDate(iso: "2026-03-02"))
    }

    @Test("An out-of-range value is refused naming its field")
    func namesTheField() throws {
        let context = LifecycleContext(calendar: .national(), zone: .wit)
        let id = UUID()
        let registration = RequestRegistration(id: id, registrationNumber: "1", unit: "HUMAS", receivedAt: Date(timeIntervalSince1970: 253_402_300_800),
                                               channel: .letter, requester: Requester(name: "Siti", nik: "3171234567890002", address: "Jakarta"),
                                               information: "Data", purpose: "Riset")
        let meta = EventMeta(officer: "rina", instant: Date(timeIntervalSince1970: 1_772_442_000), localDate: CivilDate(iso: "2026-03-02")!)
        #expect(throws: EventRejection.field(FieldProblem(field: "registration.receivedAt", kind: .outOfRange("1900-01-01…2999-12-31")))) {
            _ = try DomainRules.apply(EventEnvelope(meta: meta, event: .request(id, .registered(registration))), to: nil, context: context)
        }
        var escaped = registration
        escaped.receivedAt = meta.instant
        escaped.requester.name = "Siti\u{1B}[31m"
        #expect(throws: EventRejection.field(FieldProblem(field: "registration.requester.name", kind: .controlCharacters))) {
            _ = try DomainRules.apply(EventEnvelope(meta: meta, event: .request(id, .registered(escaped))), to: nil, context: context)
        }
        var other = escaped
        other.requester.name = "Siti"
        other.id = UUID()
        #expect(throws: EventRejection.field(FieldProblem(field: "registration.id", kind: .mismatch(expected: id.uuidString)))) {
            _ = try DomainRules.apply(EventEnvelope(meta: meta, event: .request(id, .registered(other))), to: nil, context: context)
        }
    }
}
