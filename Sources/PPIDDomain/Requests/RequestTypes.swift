/// How a request reached the unit.
public enum Channel: String, Hashable, Sendable, Codable, CaseIterable {
    case inPerson = "langsung"
    case letter = "surat"
    case email = "email"
    case fax = "faksimili"
    case phone = "telepon"
    case webPortal = "portal"
    case app = "aplikasi"
}

extension Channel: Localized {
    public func text(_ language: Language) -> String {
        switch self {
        case .inPerson: language.pick("Datang langsung", "In person")
        case .letter: language.pick("Surat", "Letter")
        case .email: "Email"
        case .fax: language.pick("Faksimili", "Fax")
        case .phone: language.pick("Telepon", "Phone")
        case .webPortal: language.pick("Portal web", "Web portal")
        case .app: language.pick("Aplikasi", "App")
        }
    }
}

/// How the requester wants to obtain the information.
public enum ObtainMethod: String, Hashable, Sendable, Codable, CaseIterable {
    case see = "melihat"
    case read = "membaca"
    case hear = "mendengarkan"
    case note = "mencatat"
    case softCopy = "salinan-elektronik"
    case hardCopy = "salinan-cetak"
}

/// How the requester wants to receive a copy.
public enum DeliveryMethod: String, Hashable, Sendable, Codable, CaseIterable {
    case pickUp = "ambil-langsung"
    case post = "pos"
    case courier = "kurir"
    case fax = "faksimili"
    case email = "email"
}

/// Where a request is in its lifecycle. "Due soon" and "overdue" are computed from dates, not stored.
public enum RequestState: String, Hashable, Sendable, Codable, CaseIterable {
    case registered = "terdaftar"
    case inProcess = "diproses"
    case forwarded = "diteruskan"
    case extended = "diperpanjang"
    case decided = "diputuskan"
    case delivered = "disampaikan"
    case closed = "selesai"
    case withdrawn = "ditarik"

    /// Whether the written-notice clock still runs.
    public var awaitsNotice: Bool {
        switch self {
        case .registered, .inProcess, .forwarded, .extended: true
        case .decided, .delivered, .closed, .withdrawn: false
        }
    }
}

extension RequestState: Localized {
    public func text(_ language: Language) -> String {
        switch self {
        case .registered: language.pick("Terdaftar", "Registered")
        case .inProcess: language.pick("Diproses", "In process")
        case .forwarded: language.pick("Diteruskan", "Forwarded")
        case .extended: language.pick("Diperpanjang", "Extended")
        case .decided: language.pick("Diputuskan", "Decided")
        case .delivered: language.pick("Disampaikan", "Delivered")
        case .closed: language.pick("Selesai", "Closed")
        case .withdrawn: language.pick("Ditarik", "Withdrawn")
        }
    }
}
