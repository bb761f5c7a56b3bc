import Foundation
import GRDB
import PPIDDomain

/// What to put in a demo workspace.
public struct DemoOptions: Sendable {
    public var requests: Int
    public var documents: Int
    public var seed: UInt64
    /// The day the workspace is built around: deadlines spread before and after it.
    public var today: CivilDate

    public init(requests: Int = 400, documents: Int = 300, seed: UInt64 = 2008, today: CivilDate) {
        self.requests = requests
        self.documents = documents
        self.seed = seed
        self.today = today
    }
}

/// How far a demo build has come.
public struct DemoProgress: Sendable {
    public let requestsDone: Int
    public let documentsDone: Int
}

/// The demo unit's profile.
public extension UnitProfile {
    static let demo = UnitProfile(code: "HUMAS", name: "Biro Hubungan Masyarakat",
                                  body: "Kementerian Contoh Republik Indonesia", zoneName: "WIB")
}

/// Builds realistic demo cases by running the domain's own rules over generated events, so every
/// demo case is one an officer could have made.
struct DemoGenerator: Sendable {
    let options: DemoOptions
    let context: LifecycleContext
    let unit: String
    let officers = ["rina.pratiwi", "agus.setiawan", "made.wirawan"]

    /// One generated case: its events (oldest first) and its final state.
    struct GeneratedCase: Sendable {
        var envelopes: [EventEnvelope]
        var record: CaseRecord
    }

    // MARK: Dates and instants

    /// The instant at `hour:minute` on `date` in the unit's zone (WIB: UTC+7).
    func instant(_ date: CivilDate, hour: Int, minute: Int) -> Date {
        let offset = TimeZone(identifier: context.zone.identifier)?.secondsFromGMT() ?? 7 * 3600
        return Date(timeIntervalSince1970: Double(date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 - offset))
    }

    func meta(_ date: CivilDate, _ random: inout SeededRandom) -> EventMeta {
        let at = instant(date, hour: Int.random(in: 8...15, using: &random), minute: Int.random(in: 0...59, using: &random))
        return EventMeta(id: TimeOrderedID.make(at: at, using: &random), officer: random.pick(officers), instant: at, localDate: date)
    }

    /// A working day `workingDays` after `date` (0: the date itself).
    func workingDay(_ workingDays: Int, after date: CivilDate) -> CivilDate {
        var day = date
        for _ in 0..<workingDays { day = context.calendar.nextWorkingDay(after: day) }
        return day
    }

    /// Receipt dates for every request, oldest first: most in the last weeks, a long tail over 14 months.
    func receiptDates() -> [CivilDate] {
        var random = SeededRandom(seed: options.seed, stream: 0, salt: 3)
        return (0..<options.requests).map { _ -> CivilDate in
            let daysAgo = random.chance(0.35) ? Int.random(in: 0...24, using: &random) : Int.random(in: 0...420, using: &random)
            return options.today.adding(days: -daysAgo)
        }.sorted()
    }

    // MARK: Requests

    func requester(_ random: inout SeededRandom) -> Requester {
        let city = random.pick(DemoVocabulary.cities)
        let address = "\(random.pick(DemoVocabulary.streets)) No. \(Int.random(in: 1...250, using: &random)), \(city)"
        if random.chance(0.12) {
            let name = "\(random.pick(DemoVocabulary.entities)) \(city)"
            return Requester(kind: .entity, name: name, entityDocument: "AHU-\(random.digits(7)).AH.01.07",
                             address: address, occupation: "Badan hukum", phone: "021\(random.digits(7))",
                             email: "sekretariat@\(city.lowercased()).or.id")
        }
        var name = random.pick(DemoVocabulary.firstNames)
        if random.chance(0.85) { name += " " + random.pick(DemoVocabulary.lastNames) }
        let login = name.lowercased().replacingOccurrences(of: " ", with: ".")
        return Requester(kind: .person, name: name, nik: "\(Int.random(in: 11...94, using: &random))\(random.digits(14))",
                         address: address, occupation: random.pick(DemoVocabulary.occupations),
                         phone: random.chance(0.9) ? "08\(random.digits(10))" : "",
                         email: random.chance(0.7) ? "\(login)\(Int.random(in: 1...99, using: &random))@mail.id" : "")
    }

    func subject(_ random: inout SeededRandom, year: Int) -> String {
        "\(random.pick(DemoVocabulary.documents)) \(random.pick(DemoVocabulary.topics)) tahun \(year - Int.random(in: 0...3, using: &random))"
    }

    func exemption(_ random: inout SeededRandom) -> Exemption {
        let letter = random.pick([Pasal17Letter.a, .b, .c, .e, .h, .i, .j])
        let until = options.today.adding(days: Int.random(in: 180...1800, using: &random))
        return Exemption(basis: .pasal17(letter), test: ConsequenceTest(
            harm: "Pengungkapan dapat \(letter.text(.indonesian).split(separator: ":").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "")",
            publicInterestWeighed: "Kerugian lebih besar daripada manfaat membuka informasi saat ini",
            withheldPart: random.pick(["Lampiran data pribadi", "Bagian rincian teknis", "Seluruh dokumen", "Halaman 4-12"]),
            until: until))
    }

    func noticeOutcome(_ random: inout SeededRandom) -> NoticeOutcome {
        let roll = Double.random(in: 0..<1, using: &random)
        switch roll {
        case ..<0.62: return .grantedInFull
        case ..<0.77: return .grantedInPart([exemption(&random)])
        case ..<0.88: return .refused(exemption(&random))
        case ..<0.95: return .notHeld(holder: random.chance(0.7) ? random.pick(DemoVocabulary.otherBodies) : nil)
        default: return .notYetDocumented
        }
    }

    /// A request's whole life up to today, and maybe an objection and a dispute that follow it.
    func request(index: Int, received: CivilDate, number: String) -> [GeneratedCase] {
        var random = SeededRandom(seed: options.seed, stream: UInt64(index), salt: 1)
        let today = options.today
        let id = TimeOrderedID.make(at: instant(received, hour: 7, minute: 0), using: &random)
        let registration = RequestRegistration(
            id: id, registrationNumber: number, unit: unit,
            receivedAt: instant(received, hour: Int.random(in: 7...16, using: &random), minute: Int.random(in: 0...59, using: &random)),
            channel: random.pick(Channel.allCases), requester: requester(&random),
            information: subject(&random, year: received.year), purpose: random.pick(DemoVocabulary.purposes),
            obtainMethod: random.pick(ObtainMethod.allCases), deliveryMethod: random.pick(DeliveryMethod.allCases))
        var envelopes: [EventEnvelope] = []
        var record: RequestRecord?
        func apply(_ event: RequestEvent, on date: CivilDate) -> Bool {
            let envelope = EventEnvelope(meta: meta(date, &random), event: .request(id, event))
            do throws(RequestRejection) {
                record = try RequestLifecycle.apply(event, meta: envelope.meta, to: record, context: context)
                envelopes.append(envelope)
                return true
            } catch {
                return false
            }
        }
        _ = apply(.registered(registration), on: received)
        guard var current = record else { return [] }
        // The officer's speed: most answer in time, some late; recent requests are still open.
        let speed = Int.random(in: 1...12, using: &random)
        let willExtend = random.chance(0.15)
        if random.chance(0.8) {
            let start = min(workingDay(1, after: received), today)
            if start >= received { _ = apply(.processingStarted, on: start) }
        }
        if random.chance(0.04) {
            _ = apply(.forwarded(to: .unit(random.pick(DemoVocabulary.otherUnits)), note: "Informasi dikuasai unit lain"),
                      on: min(workingDay(2, after: received), today))
        }
        current = record!
        if willExtend {
            let day = min(current.noticeDue, min(workingDay(Int.random(in: 5...10, using: &random), after: received), today))
            _ = apply(.extended(reason: random.pick(["Informasi tersebar di beberapa unit", "Perlu pengujian konsekuensi",
                                                     "Volume dokumen besar", "Menunggu koordinasi dengan pihak ketiga"])), on: day)
        }
        current = record!
        if random.chance(0.03) {
            _ = apply(.withdrawn(reason: "Pemohon tidak lagi membutuhkan"), on: min(workingDay(3, after: received), today))
            return [GeneratedCase(envelopes: envelopes, record: .request(record!))]
        }
        let decisionDay = workingDay(willExtend ? speed + 6 : speed, after: current.countsFrom)
        // A few recent requests were left lying: they are overdue on the board.
        let neglected = received.days(to: today) < 45 && random.chance(0.12)
        guard decisionDay <= today && !neglected else { return [GeneratedCase(envelopes: envelopes, record: .request(record!))] }
        let outcome = noticeOutcome(&random)
        _ = apply(.decided(Decision(outcome: outcome, form: registration.obtainMethod, costRupiah: random.chance(0.2) ? 15_000 : 0,
                                    deliveryBy: workingDay(2, after: decisionDay))), on: decisionDay)
        let deliveryDay = workingDay(Int.random(in: 0...3, using: &random), after: decisionDay)
        if deliveryDay <= today { _ = apply(.delivered(method: registration.deliveryMethod, note: ""), on: deliveryDay) }
        let closeDay = workingDay(Int.random(in: 1...5, using: &random), after: deliveryDay)
        if closeDay <= today && random.chance(0.9) { _ = apply(.closed, on: closeDay) }
        var cases = [GeneratedCase(envelopes: envelopes, record: .request(record!))]

        // Objections follow some refusals and partial grants.
        let objects: Bool = switch outcome {
        case .refused: random.chance(0.35)
        case .grantedInPart: random.chance(0.12)
        default: random.chance(0.01)
        }
        // The requester objects within their 30 working days of receiving the notice (Pasal 36(1)).
        let filedOn = workingDay(Int.random(in: 2...25, using: &random), after: record!.objectionGroundsArose)
        if objects && filedOn <= today {
            let followed = objection(for: record!, filedOn: filedOn, outcome: outcome, random: &random)
            cases.append(contentsOf: followed.cases)
            // An objection granted, or a Commission decision for the requester, is an order: most units
            // give the information within days (Pasal 52).
            if let ordered = followed.grantedOn {
                let given = workingDay(Int.random(in: 2...8, using: &random), after: ordered.day)
                if given <= today && random.chance(0.9), apply(.complied(order: ordered.order, note: "Salinan diberikan"), on: given) {
                    cases[0] = GeneratedCase(envelopes: envelopes, record: .request(record!))
                }
            }
        }
        return cases
    }

    /// An objection to `request`, its answer and maybe a dispute; `grantedOn` is the day the atasan
    /// granted it, when so (an order the request must then comply with).
    func objection(for request: RequestRecord, filedOn: CivilDate, outcome: NoticeOutcome,
                   random: inout SeededRandom) -> (cases: [GeneratedCase], grantedOn: (day: CivilDate, order: ComplianceOrder)?) {
        let id = TimeOrderedID.make(at: instant(filedOn, hour: 7, minute: 0), using: &random)
        let grounds: [ObjectionGround] = if case .refused = outcome { [.a] } else { [random.pick([.d, .e, .f, .g])] }
        let filing = ObjectionFiling(
            id: id, number: "", requestID: request.id, requestNumber: request.registration.registrationNumber, unit: unit,
            filedBy: request.registration.requester.name, grounds: grounds,
            statement: "Pemohon keberatan atas tanggapan PPID", groundsAroseOn: request.objectionGroundsArose)
        var envelopes: [EventEnvelope] = []
        var record: ObjectionRecord?
        func apply(_ event: ObjectionEvent, on date: CivilDate) {
            let envelope = EventEnvelope(meta: meta(date, &random), event: .objection(id, event))
            if let next = try? ObjectionLifecycle.apply(event, meta: envelope.meta, to: record, context: context) {
                record = next
                envelopes.append(envelope)
            }
        }
        var numbered = filing
        numbered.number = "KEB-\(request.registration.registrationNumber)"
        apply(.filed(numbered), on: filedOn)
        guard let filed = record else { return ([], nil) }
        var grantedOn: (day: CivilDate, order: ComplianceOrder)?
        let answerDay = workingDay(Int.random(in: 5...35, using: &random), after: filedOn)
        var cases: [GeneratedCase] = []
        if answerDay <= options.today && answerDay <= filed.answerDue {
            let verdict: ObjectionVerdict = grounds == [.a]
                ? (random.chance(0.6) ? .refusalUpheld(reasons: "Uji konsekuensi tetap berlaku") : .objectionGranted)
                : (random.chance(0.5) ? .settledByAgreement(terms: "Para pihak sepakat informasi diberikan") : .objectionGranted)
            apply(.answered(ObjectionAnswer(verdict: verdict, atasanName: "Dr. Hendra Wijaya, M.Si.",
                                            atasanPosition: "Sekretaris Jenderal")), on: answerDay)
            if case .objectionGranted = verdict, record?.answer != nil { grantedOn = (answerDay, .objection) }
            if case .refusalUpheld = verdict, random.chance(0.4) {
                let disputeDay = workingDay(Int.random(in: 3...12, using: &random), after: answerDay)
                if disputeDay <= options.today {
                    let disputes = dispute(objection: id, grounds: grounds, answeredOn: answerDay, filedOn: disputeDay, random: &random)
                    cases.append(contentsOf: disputes)
                    for case let .dispute(decided) in disputes.map(\.record)
                    where decided.outcome == .requesterPrevailed || decided.outcome == .partlyGranted {
                        if let day = decided.decidedOn { grantedOn = (day, .commission) }
                    }
                }
            }
        }
        return ([GeneratedCase(envelopes: envelopes, record: .objection(record!))] + cases, grantedOn)
    }

    func dispute(objection: UUID, grounds: [ObjectionGround], answeredOn: CivilDate, filedOn: CivilDate,
                 random: inout SeededRandom) -> [GeneratedCase] {
        let id = TimeOrderedID.make(at: instant(filedOn, hour: 7, minute: 0), using: &random)
        var envelopes: [EventEnvelope] = []
        var record: DisputeRecord?
        func apply(_ event: DisputeEvent, on date: CivilDate) {
            let envelope = EventEnvelope(meta: meta(date, &random), event: .dispute(id, event))
            if let next = try? DisputeLifecycle.apply(event, meta: envelope.meta, to: record, context: context) {
                record = next
                envelopes.append(envelope)
            }
        }
        let filing = DisputeFiling(id: id, objectionID: objection, registerNumber: "KI-\(random.digits(4))/\(filedOn.year)",
                                   groundsAroseOn: answeredOn, grounds: grounds)
        apply(.filed(filing), on: filedOn)
        // Mediation only for grounds b-g (Pasal 40(2)); a Pasal 17 refusal goes to adjudication.
        let start = workingDay(10, after: filedOn)
        if start <= options.today { apply(filing.mayMediate ? .mediationStarted : .adjudicationStarted, on: start) }
        let decided = workingDay(60, after: filedOn)
        let outcomes = filing.mayMediate ? DisputeOutcome.allCases : DisputeOutcome.allCases.filter { $0 != .mediatedAgreement }
        if decided <= options.today { apply(.decided(random.pick(outcomes), summary: "Putusan Komisi Informasi"), on: decided) }
        guard let record else { return [] }
        return [GeneratedCase(envelopes: envelopes, record: .dispute(record))]
    }

    // MARK: DIP entries

    func document(index: Int) -> GeneratedCase? {
        var random = SeededRandom(seed: options.seed, stream: UInt64(index), salt: 2)
        // Entries are numbered in creation order; their ids follow that order.
        let id = TimeOrderedID.make(at: Date(timeIntervalSince1970: 1_600_000_000 + Double(index)), using: &random)
        let roll = Double.random(in: 0..<1, using: &random)
        let category: DIPCategory = roll < 0.4 ? .periodic : roll < 0.85 ? .onRequest : roll < 0.9 ? .immediate : .exempt
        let year = options.today.year - Int.random(in: 0...6, using: &random)
        let topic = random.pick(DemoVocabulary.topics)
        let title = "\(random.pick(DemoVocabulary.documents)) \(topic) \(year)"
        let summary = (0..<5).map { _ in random.pick(DemoVocabulary.summaryPhrases) }.joined(separator: " ")
            + " \(topic) \(random.pick(DemoVocabulary.cities))"
        let holder = random.pick(DemoVocabulary.holders)
        let prefix = switch category {
        case .periodic: "B"
        case .immediate: "S"
        case .onRequest: "T"
        case .exempt: "D"
        }
        let entry = DIPEntry(
            id: id, number: String(format: "DIP-%@-%07d", prefix, index + 1), unit: unit, title: title, summary: summary,
            holder: holder, responsible: "Kepala \(holder)", madeWhenWhere: "\(year), \(random.pick(DemoVocabulary.cities))",
            form: random.pick(DocumentForm.allCases), retention: random.pick(["5 tahun", "10 tahun", "Permanen"]),
            category: category, decreeNumber: "SK PPID \(Int.random(in: 1...99, using: &random))/\(year)",
            location: random.chance(0.6) ? "https://ppid.contoh.go.id/dip/\(index + 1)" : "Rak \(Int.random(in: 1...40, using: &random))",
            exemption: category == .exempt ? exemption(&random) : nil)
        let updated = options.today.adding(days: -Int.random(in: 0...700, using: &random))
        let envelope = EventEnvelope(meta: meta(updated, &random), event: .dip(id, .added(entry)))
        guard let record = try? DIPLifecycle.apply(.added(entry), meta: envelope.meta, to: nil) else { return nil }
        return GeneratedCase(envelopes: [envelope], record: .dip(record))
    }
}
