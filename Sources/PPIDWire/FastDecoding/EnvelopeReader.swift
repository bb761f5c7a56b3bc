import Foundation
import PPIDDomain

/// Reads the envelopes of the common event kinds straight off a ``JSONTape``, without Codable.
///
/// Through ``TapeDecoder``, Codable's containers (their generic boxes, the lookups of their
/// metadata, a dynamic cast per value) were about half the server's CPU for a push and most of a
/// pull's decoding. This reads exactly the members the types' `Codable` conformances read, with the
/// same tape readers, and answers nil for anything else: a kind or form it does not read, an event
/// in an earlier version's encoding, a missing member, a value of another type. ``TapeDecoder``
/// then decodes that envelope through Codable, which gives the value or the error; tests hold the
/// two to the same result on every kind and on damaged envelopes.
struct EnvelopeReader {
    let tape: JSONTape

    /// The ``WireEvent`` at `node`, as its synthesized `Decodable` reads it.
    func wireEvent(at node: Int) -> WireEvent? {
        guard tape.kind(node) == .object, let envelope = object(node, "envelope").flatMap(envelope(at:)),
              let unit = required(node, "unit", text), let sequence = optional(node, "sequence", int64) else { return nil }
        return WireEvent(envelope: envelope, unit: unit, sequence: sequence)
    }

    /// The ``EventEnvelope`` at `node`, as its synthesized `Decodable` reads it.
    func envelope(at node: Int) -> EventEnvelope? {
        guard tape.kind(node) == .object, let meta = object(node, "meta").flatMap(meta(at:)),
              let event = object(node, "event").flatMap(event(at:)) else { return nil }
        return EventEnvelope(meta: meta, event: event)
    }

    func meta(at node: Int) -> EventMeta? {
        guard let id = required(node, "id", uuid), let officer = required(node, "officer", text),
              let instant = required(node, "instant", date), let localDate = required(node, "localDate", civilDate) else { return nil }
        return EventMeta(id: id, officer: officer, instant: instant, localDate: localDate)
    }

    /// An event in the explicit format (`kind`, `caseId`, `payload`), as `DomainEvent(from:)` reads it.
    func event(at node: Int) -> DomainEvent? {
        guard let kind = required(node, "kind", text), let caseID = required(node, "caseId", uuid),
              let dot = kind.firstIndex(of: "."), let payload = object(node, "payload") else { return nil }
        let name = kind[kind.index(after: dot)...]
        switch kind[..<dot] {
        case "request": return request(name, payload).map { .request(caseID, $0) }
        case "objection": return objection(name, payload).map { .objection(caseID, $0) }
        case "dip": return dip(name, payload).map { .dip(caseID, $0) }
        default: return nil
        }
    }

    // MARK: Requests

    func request(_ kind: Substring, _ payload: Int) -> RequestEvent? {
        switch kind {
        case "registered": return registration(payload).map { .registered($0) }
        case "processing-started": return .processingStarted
        case "extended": return required(payload, "reason", text).map { .extended(reason: $0) }
        case "decided": return decision(payload).map { .decided($0) }
        case "delivered":
            guard let method = optional(payload, "method", raw(DeliveryMethod.self)),
                  let note = required(payload, "note", text) else { return nil }
            return .delivered(method: method, note: note)
        case "closed": return .closed
        case "withdrawn": return required(payload, "reason", text).map { .withdrawn(reason: $0) }
        case "forwarded":
            guard let target = object(payload, "to").flatMap(forwardTarget(at:)), let note = required(payload, "note", text) else { return nil }
            return .forwarded(to: target, note: note)
        case "documents-linked": return required(payload, "documents", array(uuid)).map { .documentsLinked($0) }
        case "deadline-moved":
            // A calendar loaded centrally moves every open request's deadlines: many of these at once.
            guard let noticeDue = required(payload, "noticeDue", civilDate), let extendedDue = optional(payload, "extendedDue", civilDate),
                  let reason = required(payload, "reason", text) else { return nil }
            return .deadlineMoved(noticeDue: noticeDue, extendedDue: extendedDue, reason: reason)
        case "complied":
            guard let order = required(payload, "order", raw(ComplianceOrder.self)), let note = required(payload, "note", text) else { return nil }
            return .complied(order: order, note: note)
        case "incomplete-noted": return required(payload, "missing", text).map { .incompleteNoted(missing: $0) }
        case "completed": return required(payload, "restartsClock", bool).map { .completed(restartsClock: $0) }
        case "paid":
            guard let amount = required(payload, "amountRupiah", int), let paidOn = required(payload, "paidOn", civilDate),
                  let reference = required(payload, "reference", text) else { return nil }
            return .paid(FeePayment(amountRupiah: amount, paidOn: paidOn, reference: reference))
        default: return nil
        }
    }

    func forwardTarget(at node: Int) -> ForwardTarget? {
        switch required(node, "kind", text) {
        case "unit": required(node, "unit", text).map { .unit($0) }
        case "other-body": required(node, "body", text).map { .otherBody($0) }
        default: nil
        }
    }

    func registration(_ node: Int) -> RequestRegistration? {
        guard let id = required(node, "id", uuid), let number = required(node, "registrationNumber", text),
              let unit = required(node, "unit", text), let receivedAt = required(node, "receivedAt", date),
              let channel = required(node, "channel", raw(Channel.self)),
              let requester = object(node, "requester").flatMap(requester(at:)),
              let information = required(node, "information", text), let purpose = required(node, "purpose", text),
              let obtainMethod = required(node, "obtainMethod", raw(ObtainMethod.self)),
              let deliveryMethod = required(node, "deliveryMethod", raw(DeliveryMethod.self)) else { return nil }
        return RequestRegistration(id: id, registrationNumber: number, unit: unit, receivedAt: receivedAt, channel: channel,
                                   requester: requester, information: information, purpose: purpose,
                                   obtainMethod: obtainMethod, deliveryMethod: deliveryMethod)
    }

    func requester(at node: Int) -> Requester? {
        guard let kind = required(node, "kind", raw(Requester.Kind.self)), let name = required(node, "name", text),
              let nik = optional(node, "nik", text), let entityDocument = optional(node, "entityDocument", text),
              let address = required(node, "address", text), let occupation = required(node, "occupation", text),
              let phone = required(node, "phone", text), let email = required(node, "email", text),
              let proxyName = optional(node, "proxyName", text),
              let powerOfAttorney = optional(node, "powerOfAttorney", text) else { return nil }
        return Requester(kind: kind, name: name, nik: nik, entityDocument: entityDocument, address: address,
                         occupation: occupation, phone: phone, email: email, proxyName: proxyName, powerOfAttorney: powerOfAttorney)
    }

    /// A notice whose outcome carries no exemptions and whose cost is not itemised; any other is
    /// left to Codable.
    func decision(_ node: Int) -> Decision? {
        guard let outcome = object(node, "outcome").flatMap(outcome(at:)),
              let form = optional(node, "form", raw(ObtainMethod.self)), let cost = required(node, "costRupiah", int),
              let deliveryBy = optional(node, "deliveryBy", civilDate), let note = required(node, "note", text),
              let paymentMethod = optional(node, "paymentMethod", text),
              absentOrNull(node, "charges"),
              let feeDecree = optional(node, "feeDecree", text) else { return nil }
        return Decision(outcome: outcome, form: form, costRupiah: cost, deliveryBy: deliveryBy, note: note,
                        paymentMethod: paymentMethod, charges: nil, feeDecree: feeDecree)
    }

    func outcome(at node: Int) -> NoticeOutcome? {
        switch required(node, "kind", text) {
        case "granted-in-full": .grantedInFull
        case "not-yet-documented": .notYetDocumented
        case "not-held": optional(node, "holder", text).map { .notHeld(holder: $0) }
        default: nil
        }
    }

    // MARK: Objections

    func objection(_ kind: Substring, _ payload: Int) -> ObjectionEvent? {
        switch kind {
        case "filed": return filing(payload).map { .filed($0) }
        case "answered":
            guard let verdict = object(payload, "verdict").flatMap(verdict(at:)),
                  let name = required(payload, "atasanName", text),
                  let position = required(payload, "atasanPosition", text) else { return nil }
            return .answered(ObjectionAnswer(verdict: verdict, atasanName: name, atasanPosition: position))
        case "withdrawn": return required(payload, "reason", text).map { .withdrawn(reason: $0) }
        case "requester-responded": return required(payload, "response", text).map { .requesterResponded($0) }
        case "deadline-moved":
            guard let answerDue = required(payload, "answerDue", civilDate), let reason = required(payload, "reason", text) else { return nil }
            return .deadlineMoved(answerDue: answerDue, reason: reason)
        default: return nil
        }
    }

    func filing(_ node: Int) -> ObjectionFiling? {
        guard let id = required(node, "id", uuid), let number = required(node, "number", text),
              let requestID = required(node, "requestID", uuid), let requestNumber = required(node, "requestNumber", text),
              let unit = required(node, "unit", text), let filedBy = required(node, "filedBy", text),
              let isProxy = required(node, "isProxy", bool), let grounds = required(node, "grounds", array(raw(ObjectionGround.self))),
              let statement = required(node, "statement", text), let groundsAroseOn = required(node, "groundsAroseOn", civilDate),
              let lateFilingOverride = optional(node, "lateFilingOverride", text),
              let receivedOn = optional(node, "receivedOn", civilDate),
              let powerOfAttorney = optional(node, "powerOfAttorney", text) else { return nil }
        return ObjectionFiling(id: id, number: number, requestID: requestID, requestNumber: requestNumber, unit: unit,
                               filedBy: filedBy, isProxy: isProxy, grounds: grounds, statement: statement,
                               groundsAroseOn: groundsAroseOn, lateFilingOverride: lateFilingOverride,
                               receivedOn: receivedOn, powerOfAttorney: powerOfAttorney)
    }

    func verdict(at node: Int) -> ObjectionVerdict? {
        switch required(node, "kind", text) {
        case "granted": .objectionGranted
        case "refusal-upheld": required(node, "reasons", text).map { .refusalUpheld(reasons: $0) }
        case "settled-by-agreement": required(node, "terms", text).map { .settledByAgreement(terms: $0) }
        default: nil
        }
    }

    // MARK: The DIP

    func dip(_ kind: Substring, _ payload: Int) -> DIPEvent? {
        switch kind {
        case "added": return dipEntry(payload).map { .added($0) }
        case "revised": return dipEntry(payload).map { .revised($0) }
        case "retired": return required(payload, "reason", text).map { .retired(reason: $0) }
        default: return nil
        }
    }

    /// An entry that is not exempt; an exempt one's grounds are left to Codable.
    func dipEntry(_ node: Int) -> DIPEntry? {
        guard let id = required(node, "id", uuid), let number = required(node, "number", text),
              let unit = required(node, "unit", text), let title = required(node, "title", text),
              let summary = required(node, "summary", text), let holder = required(node, "holder", text),
              let responsible = required(node, "responsible", text), let madeWhenWhere = required(node, "madeWhenWhere", text),
              let form = required(node, "form", raw(DocumentForm.self)), let retention = required(node, "retention", text),
              let category = required(node, "category", raw(DIPCategory.self)),
              let decreeNumber = required(node, "decreeNumber", text), let location = required(node, "location", text),
              absentOrNull(node, "exemption") else { return nil }
        return DIPEntry(id: id, number: number, unit: unit, title: title, summary: summary, holder: holder,
                        responsible: responsible, madeWhenWhere: madeWhenWhere, form: form, retention: retention,
                        category: category, decreeNumber: decreeNumber, location: location, exemption: nil)
    }

    // MARK: Members, as a keyed container finds them

    /// The value of a member Codable's `decode(_:forKey:)` reads: nil when it is absent or `read` fails.
    func required<T>(_ object: Int, _ name: String, _ read: (Int) -> T?) -> T? {
        tape.member(of: object, named: name).flatMap(read)
    }

    /// The value of a member `decodeIfPresent(_:forKey:)` reads: `.some(nil)` when it is absent or
    /// null, nil when `read` fails on what is there.
    func optional<T>(_ object: Int, _ name: String, _ read: (Int) -> T?) -> T?? {
        guard let node = tape.member(of: object, named: name), tape.kind(node) != .null else { return .some(nil) }
        return read(node).map { .some($0) }
    }

    /// Whether `decodeIfPresent(_:forKey:)` finds nothing under `name`.
    func absentOrNull(_ object: Int, _ name: String) -> Bool {
        guard let node = tape.member(of: object, named: name) else { return true }
        return tape.kind(node) == .null
    }

    /// A member that must be an object, as a nested keyed container requires.
    func object(_ object: Int, _ name: String) -> Int? {
        guard let node = tape.member(of: object, named: name), tape.kind(node) == .object else { return nil }
        return node
    }

    // MARK: Values, as TapeDecoder reads them

    func text(_ node: Int) -> String? { try? tape.string(node) }
    func uuid(_ node: Int) -> UUID? { try? tape.uuid(node) }
    func int(_ node: Int) -> Int? { try? tape.integer(node, as: Int.self) }
    func int64(_ node: Int) -> Int64? { try? tape.int64(node) }
    func bool(_ node: Int) -> Bool? { try? tape.bool(node) }
    func date(_ node: Int) -> Date? { (try? tape.double(node)).map { Date(timeIntervalSince1970: $0) } }
    func civilDate(_ node: Int) -> CivilDate? { text(node).flatMap { CivilDate(iso: $0) } }

    /// An enum stored as its raw text, as its synthesized `Decodable` reads it.
    func raw<T: RawRepresentable>(_ type: T.Type) -> (Int) -> T? where T.RawValue == String {
        { node in text(node).flatMap(T.init(rawValue:)) }
    }

    /// An array whose every element `element` reads.
    func array<T>(_ element: @escaping (Int) -> T?) -> (Int) -> [T]? {
        { node in
            guard tape.kind(node) == .array else { return nil }
            var values: [T] = []
            var index = node + 1
            for _ in 0..<tape.nodes[node].count {
                guard let value = element(index) else { return nil }
                values.append(value)
                index = Int(tape.nodes[index].after)
            }
            return values
        }
    }
}
