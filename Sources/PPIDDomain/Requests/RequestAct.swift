/// An act on a registered request, named without its content: what the screen and the command
/// line ask about before the officer fills anything in.
public enum RequestAct: String, Hashable, Sendable, CaseIterable, Codable {
    case startProcessing, forward, extend, decide, deliver, close, withdraw, linkDocuments, moveDeadline, comply, noteIncomplete, complete, recordPayment
}

extension RequestEvent {
    /// The act this event records; nil for the registration, which makes the request.
    public var act: RequestAct? {
        switch self {
        case .registered: nil
        case .processingStarted: .startProcessing
        case .forwarded: .forward
        case .extended: .extend
        case .decided: .decide
        case .delivered: .deliver
        case .closed: .close
        case .withdrawn: .withdraw
        case .documentsLinked: .linkDocuments
        case .deadlineMoved: .moveDeadline
        case .complied: .comply
        case .incompleteNoted: .noteIncomplete
        case .completed: .complete
        case .paid: .recordPayment
        }
    }
}
