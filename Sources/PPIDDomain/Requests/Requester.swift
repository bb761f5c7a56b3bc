/// Whoever asks for information: a person (with a NIK), a legal entity (with its document), or a
/// group of persons (by the NIK of the person who represents it); any of them may act through a
/// proxy who holds a power of attorney.
public struct Requester: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case person = "perorangan"
        case entity = "badan-hukum"
        /// A group of persons, identified by its representative's NIK.
        case group = "kelompok"
    }

    public var kind: Kind
    public var name: String
    /// The 16-digit national ID number (NIK) of a person.
    public var nik: String?
    /// For an entity: its deed or registration document.
    public var entityDocument: String?
    public var address: String
    public var occupation: String
    public var phone: String
    public var email: String
    /// Who files for the requester, when a proxy does (kuasa).
    public var proxyName: String?
    /// The proxy's power of attorney (surat kuasa): its number and date, or where it is kept.
    public var powerOfAttorney: String?

    public init(kind: Kind = .person, name: String, nik: String? = nil, entityDocument: String? = nil,
                address: String = "", occupation: String = "", phone: String = "", email: String = "",
                proxyName: String? = nil, powerOfAttorney: String? = nil) {
        self.proxyName = proxyName
        self.powerOfAttorney = powerOfAttorney
        self.kind = kind
        self.name = name
        self.nik = nik
        self.entityDocument = entityDocument
        self.address = address
        self.occupation = occupation
        self.phone = phone
        self.email = email
    }
}

/// Checks of a requester's identity and contact details, for forms and for events alike.
public enum RequesterCheck {
    /// A NIK is exactly 16 digits.
    public static func isValidNIK(_ nik: String) -> Bool {
        // Sixteen ASCII digits are sixteen bytes: read as bytes, without breaking the text into characters.
        nik.utf8.count == 16 && nik.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// A plausible email: one `@`, a non-empty local part, a dotted domain, no spaces.
    public static func isValidEmail(_ email: String) -> Bool {
        if email.utf8.allSatisfy({ $0 < 0x80 }) { return isValidASCIIEmail(email.utf8) }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !email.contains(" ") else { return false }
        let domain = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return domain.count >= 2 && domain.allSatisfy { !$0.isEmpty }
    }

    /// The same check, for an all-ASCII address, on its bytes: every registration a pull folds checks one.
    private static func isValidASCIIEmail(_ bytes: String.UTF8View) -> Bool {
        let at = UInt8(ascii: "@"), dot = UInt8(ascii: "."), space = UInt8(ascii: " ")
        guard let sign = bytes.firstIndex(of: at), sign != bytes.startIndex,
              !bytes[bytes.index(after: sign)...].contains(at), !bytes.contains(space) else { return false }
        // The domain: at least two labels, none of them empty.
        var labels = 1, label = 0
        for byte in bytes[bytes.index(after: sign)...] {
            if byte == dot {
                if label == 0 { return false }
                labels += 1
                label = 0
            } else {
                label += 1
            }
        }
        return labels >= 2 && label > 0
    }

    /// A plausible phone number: digits with optional leading `+`, spaces or dashes; 8 to 15 digits.
    public static func isValidPhone(_ phone: String) -> Bool {
        // On bytes: any byte outside ASCII digits, `+`, space and dash refuses the number, as any
        // character outside them would (a combining mark included).
        var digits = 0
        for (index, byte) in phone.utf8.enumerated() {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits += 1
            } else if byte == UInt8(ascii: "+") && index == 0 {
                continue
            } else if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "-") {
                return false
            }
        }
        return (8...15).contains(digits)
    }

    /// The first problem with `requester`, or `nil` when it may be registered.
    public static func problem(with requester: Requester) -> RequestRejection? {
        if requester.name.trimmed.isEmpty { return .missingField(.requesterName) }
        switch requester.kind {
        case .person, .group:
            guard let nik = requester.nik, !nik.isEmpty else { return .missingField(.nik) }
            if !isValidNIK(nik) { return .invalidNIK }
        case .entity:
            if (requester.entityDocument ?? "").trimmed.isEmpty { return .missingField(.entityDocument) }
        }
        // A proxy acts only with a power of attorney.
        if !(requester.proxyName ?? "").trimmed.isEmpty && (requester.powerOfAttorney ?? "").trimmed.isEmpty {
            return .missingField(.powerOfAttorney)
        }
        if !requester.email.isEmpty && !isValidEmail(requester.email) { return .invalidEmail }
        if !requester.phone.isEmpty && !isValidPhone(requester.phone) { return .invalidPhone }
        if requester.email.isEmpty && requester.phone.isEmpty && requester.address.trimmed.isEmpty {
            return .missingField(.contact)
        }
        return nil
    }
}

extension String {
    /// The string without leading and trailing whitespace and newlines.
    var trimmed: String {
        // Most text has nothing to trim: printable ASCII at both ends starts and ends characters
        // that are not whitespace.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
            return self
        }
        var s = Substring(self)
        while let first = s.first, first.isWhitespace { s.removeFirst() }
        while let last = s.last, last.isWhitespace { s.removeLast() }
        return String(s)
    }
}

/// Masks personal data for lists and exports (UU 27/2022): keeps the first and last few characters.
public enum PersonalDataMask {
    /// `3171****0002` for a NIK.
    public static func nik(_ nik: String) -> String {
        guard nik.count > 8 else { return String(repeating: "*", count: nik.count) }
        return String(nik.prefix(4)) + String(repeating: "*", count: nik.count - 8) + String(nik.suffix(4))
    }

    /// `Sit* Nur*****` for a name: the first three letters of each word.
    public static func name(_ name: String) -> String {
        name.split(separator: " ").map { (word: Substring) -> String in
            word.count <= 3 ? String(word) : String(word.prefix(3)) + String(repeating: "*", count: word.count - 3)
        }.joined(separator: " ")
    }

    /// `b***@mail.id` for an email.
    public static func email(_ email: String) -> String {
        guard let at = email.firstIndex(of: "@") else { return String(repeating: "*", count: email.count) }
        let local = email[..<at]
        return String(local.prefix(1)) + String(repeating: "*", count: max(local.count - 1, 1)) + String(email[at...])
    }

    /// `0812******89` for a phone number.
    public static func phone(_ phone: String) -> String {
        guard phone.count > 6 else { return String(repeating: "*", count: phone.count) }
        return String(phone.prefix(4)) + String(repeating: "*", count: phone.count - 6) + String(phone.suffix(2))
    }
}
