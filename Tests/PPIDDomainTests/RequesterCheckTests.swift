import Testing
@testable import PPIDDomain

/// The requester checks read bytes for speed; they must answer as their definitions on characters do.
@Suite("Requester checks on bytes")
struct RequesterCheckTests {
    /// The definitions, on characters, as they were written first.
    static func nikByCharacters(_ nik: String) -> Bool {
        nik.count == 16 && nik.allSatisfy { $0.isASCII && $0.isNumber }
    }

    static func emailByCharacters(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !email.contains(" ") else { return false }
        let domain = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return domain.count >= 2 && domain.allSatisfy { !$0.isEmpty }
    }

    static func phoneByCharacters(_ phone: String) -> Bool {
        var digits = 0
        for (index, character) in phone.enumerated() {
            if character.isASCII && character.isNumber {
                digits += 1
            } else if character == "+" && index == 0 {
                continue
            } else if character != " " && character != "-" {
                return false
            }
        }
        return (8...15).contains(digits)
    }

    static func trimmedByCharacters(_ text: String) -> String {
        var s = Substring(text)
        while let first = s.first, first.isWhitespace { s.removeFirst() }
        while let last = s.last, last.isWhitespace { s.removeLast() }
        return String(s)
    }

    static let niks = ["3171234567890002", "317123456789000", "31712345678900021", "3171234567890O02", "", "٣١٧١٢٣٤٥٦٧٨٩٠٠٠٢",
                       "317123456789000\u{0662}", "3171234567890002\u{301}", "3171 234567890002", "１２３４５６７８９０１２３４５６"]
    static let emails = ["a@b.id", "pemohon100@contoh.id", "@b.id", "a@", "a@b", "a@.id", "a@b.", "a@b..id", "a@@b.id", "a b@c.id",
                         "a@b.c.d", "", "a@b.id ", "é@b.id", "a@\u{301}b.id", "a\u{301}@b.id", "a@b\u{301}.id", "a@b.\u{301}",
                         "a@b\u{2024}id", "budi@kementerian.go.id", "a.b@c.d"]
    static let phones = ["08123456789", "+62 812-3456-789", "0812", "0812345678901234", "+ 08123456789", "0812+3456789",
                         "08123456789\u{301}", "081234567٨٩", "", "+", "0812-3456-78", " 0812 3456 78", "+\u{301}08123456789",
                         "0812\t3456789", "０８１２３４５６７８９"]
    static let texts = ["Budi", " Budi", "Budi ", "  ", "", "\n", "Budi\u{301}", " \u{301}Budi", "Budi\u{2003}", "\u{3000}Budi",
                        "a", "a\r\n", "\r\nb", "Pemohon 100", "\u{0600}a", "a\u{200B}"]

    @Test("a NIK is read as the characters define it", arguments: niks)
    func nik(_ nik: String) {
        #expect(RequesterCheck.isValidNIK(nik) == Self.nikByCharacters(nik))
    }

    @Test("an email is read as the characters define it", arguments: emails)
    func email(_ email: String) {
        #expect(RequesterCheck.isValidEmail(email) == Self.emailByCharacters(email))
    }

    @Test("a phone number is read as the characters define it", arguments: phones)
    func phone(_ phone: String) {
        #expect(RequesterCheck.isValidPhone(phone) == Self.phoneByCharacters(phone))
    }

    @Test("trimming keeps what the characters keep", arguments: texts)
    func trim(_ text: String) {
        #expect(text.trimmed == Self.trimmedByCharacters(text))
    }

    @Test func theChecksStillRefuseAndAccept() {
        #expect(RequesterCheck.isValidEmail("pemohon100@contoh.id"))
        #expect(!RequesterCheck.isValidEmail("pemohon100@contoh"))
        #expect(RequesterCheck.isValidPhone("+62 812-3456-789"))
        #expect(!RequesterCheck.isValidPhone("0812"))
        #expect(RequesterCheck.isValidNIK("3171234567890002"))
        #expect(!RequesterCheck.isValidNIK("3171234567890O02"))
    }
}
