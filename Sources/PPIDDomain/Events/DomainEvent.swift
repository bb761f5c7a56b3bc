import Foundation

/// Which kind of case an event belongs to.
public enum CaseKind: String, Hashable, Sendable, Codable, CaseIterable {
    case request, objection, dispute, dip
}

/// Any event of the domain, addressed to one case by its id.
public enum DomainEvent: Hashable, Sendable, Codable {
    case request(UUID, RequestEvent)
    case objection(UUID, ObjectionEvent)
    case dispute(UUID, DisputeEvent)
    case dip(UUID, DIPEvent)

    public var caseKind: CaseKind {
        switch self {
        case .request: .request
        case .objection: .objection
        case .dispute: .dispute
        case .dip: .dip
        }
    }

    public var caseID: UUID {
        switch self {
        case let .request(id, _), let .objection(id, _), let .dispute(id, _), let .dip(id, _): id
        }
    }

    /// The event's short name, such as `extended`.
    public var name: String {
        switch self {
        case let .request(_, event): event.name
        case let .objection(_, event): event.name
        case let .dispute(_, event): event.name
        case let .dip(_, event): event.name
        }
    }
}

/// An event with its meta: what the log stores and the wire carries.
public struct EventEnvelope: Hashable, Sendable, Codable {
    public let meta: EventMeta
    public let event: DomainEvent

    public init(meta: EventMeta, event: DomainEvent) {
        self.meta = meta
        self.event = event
    }
}

/// The current state of one case, whichever kind it is.
public enum CaseRecord: Hashable, Sendable {
    case request(RequestRecord)
    case objection(ObjectionRecord)
    case dispute(DisputeRecord)
    case dip(DIPRecord)
}

/// Why any event was refused: the rejection of the case's own lifecycle, or a mismatch of kinds.
public enum EventRejection: OfficerFacingError, Hashable {
    case request(RequestRejection)
    case objection(ObjectionRejection)
    case dispute(DisputeRejection)
    case dip(DIPRejection)
    case wrongCaseKind
    /// A value out of its range, or an id in the payload that is not the case's.
    case field(FieldProblem)

    public func text(_ language: Language) -> String {
        switch self {
        case let .request(r): r.text(language)
        case let .objection(r): r.text(language)
        case let .dispute(r): r.text(language)
        case let .dip(r): r.text(language)
        case .wrongCaseKind:
            language.pick("Peristiwa tidak cocok dengan jenis perkaranya.", "The event does not match the kind of its case.")
        case let .field(problem): problem.text(language)
        }
    }
}

/// The single entry point of validation: both the terminal and the central server call this.
public enum DomainRules {
    /// Applies an event to the current state of its case (nil when the case does not exist yet).
    /// `boundsChecked`: the caller has already passed the envelope through ``EventBounds/check(_:)``
    /// (the server does, before its own checks), so it is not checked twice.
    public static func apply(_ envelope: EventEnvelope, to current: CaseRecord?,
                             context: LifecycleContext, boundsChecked: Bool = false) throws(EventRejection) -> CaseRecord {
        let meta = envelope.meta
        if !boundsChecked {
            do throws(FieldProblem) { try EventBounds.check(envelope) } catch { throw .field(error) }
        }
        switch envelope.event {
        case let .request(_, event):
            var record: RequestRecord? = nil
            if let current {
                guard case let .request(r) = current else { throw .wrongCaseKind }
                record = r
            }
            do { return .request(try RequestLifecycle.apply(event, meta: meta, to: record, context: context)) }
            catch { throw .request(error) }
        case let .objection(_, event):
            var record: ObjectionRecord? = nil
            if let current {
                guard case let .objection(r) = current else { throw .wrongCaseKind }
                record = r
            }
            do { return .objection(try ObjectionLifecycle.apply(event, meta: meta, to: record, context: context)) }
            catch { throw .objection(error) }
        case let .dispute(_, event):
            var record: DisputeRecord? = nil
            if let current {
                guard case let .dispute(r) = current else { throw .wrongCaseKind }
                record = r
            }
            do { return .dispute(try DisputeLifecycle.apply(event, meta: meta, to: record, context: context)) }
            catch { throw .dispute(error) }
        case let .dip(_, event):
            var record: DIPRecord? = nil
            if let current {
                guard case let .dip(r) = current else { throw .wrongCaseKind }
                record = r
            }
            do { return .dip(try DIPLifecycle.apply(event, meta: meta, to: record)) }
            catch { throw .dip(error) }
        }
    }

    /// Folds a case's events in order; a rejected event is skipped and reported, the rest still apply.
    public static func fold(_ envelopes: [EventEnvelope], context: LifecycleContext)
        -> (record: CaseRecord?, rejected: [(EventEnvelope, EventRejection)]) {
        var record: CaseRecord? = nil
        var rejected: [(EventEnvelope, EventRejection)] = []
        for envelope in envelopes {
            do throws(EventRejection) {
                record = try apply(envelope, to: record, context: context)
            } catch {
                rejected.append((envelope, error))
            }
        }
        return (record, rejected)
    }
}
