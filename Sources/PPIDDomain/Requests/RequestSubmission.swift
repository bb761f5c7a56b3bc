import Foundation

/// A request for information as an officer, a script or the portal submits it: the values typed
/// or sent, before they are a registration. The form, `ppid request register`, `ppid-central
/// dispatch` and the intake API all turn their values into a registration here, so each refuses
/// the same values with the same message, naming the same field.
public struct RequestSubmission: Hashable, Sendable {
    public var kind: String = Requester.Kind.person.rawValue
    public var name = ""
    public var nik = ""
    public var entityDocument = ""
    public var address = ""
    public var occupation = ""
    public var phone = ""
    public var email = ""
    /// A proxy who files for the requester, and their power of attorney.
    public var proxyName = ""
    public var powerOfAttorney = ""
    public var information = ""
    public var purpose = ""
    public var channel: String = Channel.inPerson.rawValue
    public var obtain: String = ObtainMethod.softCopy.rawValue
    public var delivery: String = DeliveryMethod.email.rawValue
    /// When the request reached the unit; nil for now.
    public var receivedAt: Date?

    public init() {}

    /// The registration these values make for `unit`, with an empty number for the register to fill,
    /// or the first problem found, by field. The lifecycle's own rules (NIK, contact, receipt not in
    /// the future) are checked too, so a refusal comes before any number is taken.
    public func registration(id: UUID, unit: String, now: Date) throws(SubmissionProblem) -> RequestRegistration {
        guard let requesterKind = Requester.Kind(rawValue: kind) else {
            throw SubmissionProblem(field: "kind", choices: Requester.Kind.allCases.map(\.rawValue))
        }
        guard let channel = Channel(rawValue: channel) else {
            throw SubmissionProblem(field: "channel", choices: Channel.allCases.map(\.rawValue))
        }
        guard let obtainMethod = ObtainMethod(rawValue: obtain) else {
            throw SubmissionProblem(field: "obtain", choices: ObtainMethod.allCases.map(\.rawValue))
        }
        guard let deliveryMethod = DeliveryMethod(rawValue: delivery) else {
            throw SubmissionProblem(field: "delivery", choices: DeliveryMethod.allCases.map(\.rawValue))
        }
        let requester = Requester(
            kind: requesterKind, name: name.trimmed,
            nik: requesterKind == .entity ? nil : nik.trimmed,
            entityDocument: requesterKind == .entity ? entityDocument.trimmed : nil,
            address: address.trimmed, occupation: occupation.trimmed, phone: phone.trimmed, email: email.trimmed,
            proxyName: proxyName.trimmed.isEmpty ? nil : proxyName.trimmed,
            powerOfAttorney: powerOfAttorney.trimmed.isEmpty ? nil : powerOfAttorney.trimmed)
        let registration = RequestRegistration(
            id: id, registrationNumber: "", unit: unit, receivedAt: receivedAt ?? now, channel: channel,
            requester: requester, information: information.trimmed, purpose: purpose.trimmed,
            obtainMethod: obtainMethod, deliveryMethod: deliveryMethod)
        do throws(FieldProblem) {
            try EventBounds.check(requester, "requester")
            try FieldCheck.instant(registration.receivedAt, "received")
            try FieldCheck.text(registration.information, "information")
            try FieldCheck.text(registration.purpose, "purpose")
        } catch {
            throw SubmissionProblem(field: Self.formField(ofPath: error.field), problem: .field(error))
        }
        if let problem = RequesterCheck.problem(with: requester) { throw SubmissionProblem(problem) }
        guard !registration.information.isEmpty else { throw SubmissionProblem(.missingField(.information)) }
        guard !registration.purpose.isEmpty else { throw SubmissionProblem(.missingField(.purpose)) }
        guard registration.receivedAt <= now.addingTimeInterval(DomainLimits.clockSkew) else {
            throw SubmissionProblem(.receivedInFuture)
        }
        return registration
    }

    /// The submission's field a bounds check's path points at (`requester.name` → `name`).
    static func formField(ofPath path: String) -> String {
        path.hasPrefix("requester.") ? String(path.dropFirst("requester.".count)) : path
    }
}

/// Why a submitted request cannot be registered, and which field to correct.
public struct SubmissionProblem: OfficerFacingError, Hashable {
    public enum Problem: Hashable, Sendable {
        case rule(RequestRejection)
        case field(FieldProblem)
        case choice([String])
    }

    /// The field of ``RequestSubmission`` to correct (`name`, `nik`, `email`, `received`…), if one.
    public let field: String?
    public let problem: Problem

    public init(field: String?, problem: Problem) {
        self.field = field
        self.problem = problem
    }

    init(field: String, choices: [String]) { self.init(field: field, problem: .choice(choices)) }

    /// A rule of the lifecycle, pointed at its field.
    public init(_ rejection: RequestRejection) { self.init(field: Self.field(of: rejection), problem: .rule(rejection)) }

    public func text(_ language: Language) -> String {
        switch problem {
        case let .rule(rejection): rejection.text(language)
        case let .field(problem): problem.text(language)
        case let .choice(choices):
            language.pick("Isian '\(field ?? "")' harus salah satu dari: \(choices.joined(separator: ", ")).",
                          "The field '\(field ?? "")' must be one of: \(choices.joined(separator: ", ")).")
        }
    }

    /// The submission field a registration rule points at.
    public static func field(of rejection: RequestRejection) -> String? {
        switch rejection {
        case .invalidNIK, .missingField(.nik): "nik"
        case .invalidEmail: "email"
        case .invalidPhone: "phone"
        case .missingField(.requesterName): "name"
        case .missingField(.entityDocument): "entityDocument"
        case .missingField(.powerOfAttorney): "powerOfAttorney"
        case .missingField(.contact): "address"
        case .missingField(.information): "information"
        case .missingField(.purpose): "purpose"
        case .receivedInFuture: "received"
        default: nil
        }
    }
}
