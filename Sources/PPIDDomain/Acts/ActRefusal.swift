/// One reason submitted values are refused, and the field to correct (nil when the act as a whole
/// cannot be done).
public struct ActProblem: Hashable, Sendable, Localized {
    public enum Reason: Hashable, Sendable {
        case required
        /// A whole number of rupiah, zero or more.
        case rupiah
        case date
        /// One of these values.
        case choice([String])
        /// Pasal 35(1) letters a to g.
        case groundLetters
        /// An exemption needs a Pasal 17 letter or a named statute.
        case exemptionBasis
        /// These DIP numbers are not in the list.
        case notFound([String])
        /// Pasal 35(1)(a): an objection to a refusal needs a refusal (in full or in part) to object to.
        case groundANeedsRefusal
        /// A date that may not be after today.
        case notInFuture
        /// Ground f objects to a cost, so the notice must have stated one.
        case groundFNeedsCost
        /// A fee line that is not `CODE=QUANTITY`, or a code the unit's schedule does not have.
        case feeLines(known: [String])
        /// Fees itemised where the unit has no fee schedule.
        case noFeeSchedule
        /// The cost typed differs from the schedule's sum of the fees itemised.
        case costDiffersFromFees(sum: Int)
        /// Pasal 20(1): an exemption on letters a-f is for a period, with its end date.
        case exemptionEnd
        case request(RequestRejection)
        case objection(ObjectionRejection)
        case dip(DIPRejection)
        case field(FieldProblem)
    }

    /// The submitted field (the form's key, the command line's option without `--`); nil for the whole act.
    public let field: String?
    public let reason: Reason

    public init(_ field: String?, _ reason: Reason) {
        self.field = field
        self.reason = reason
    }

    public func text(_ language: Language) -> String {
        switch reason {
        case .required: language.pick("wajib diisi", "required")
        case .rupiah: language.pick("angka rupiah, 0 atau lebih", "a number of rupiah, 0 or more")
        case .date: language.pick("tanggal TTTT-BB-HH", "a date YYYY-MM-DD")
        case let .choice(values): language.pick("salah satu dari: ", "one of: ") + values.joined(separator: ", ")
        case .groundLetters: language.pick("huruf a sampai g, dipisah koma", "letters a to g, comma separated")
        case .exemptionBasis: language.pick("pilih huruf Pasal 17 atau UU lain", "choose a Pasal 17 letter or another statute")
        case let .notFound(numbers): language.pick("tidak ada di DIP: ", "not in the DIP: ") + numbers.joined(separator: ", ")
        case .groundANeedsRefusal:
            language.pick("alasan a (penolakan berdasarkan Pasal 17) hanya bila permohonan ditolak seluruhnya atau sebagian",
                          "ground a (a Pasal 17 refusal) only when the request was refused in full or in part")
        case .notInFuture: language.pick("tidak boleh setelah hari ini", "cannot be after today")
        case .groundFNeedsCost:
            language.pick("alasan f (biaya yang tidak wajar) hanya bila pemberitahuan tertulis menyebut biaya",
                          "ground f (unreasonable costs) only when the written notice stated a cost")
        case let .feeLines(known):
            language.pick("tulis KODE=JUMLAH dipisah koma, kode dari standar biaya: ", "write CODE=QUANTITY, comma separated, codes from the fee schedule: ")
                + (known.isEmpty ? "-" : known.joined(separator: ", "))
        case .noFeeSchedule:
            language.pick("unit belum punya standar biaya: atur 'fees = BERKAS.csv' di config", "the unit has no fee schedule: set 'fees = FILE.csv' in the config")
        case let .costDiffersFromFees(sum):
            language.pick("berbeda dengan jumlah menurut standar biaya (Rp \(sum)); kosongkan atau tulis \(sum)",
                          "differs from the fee schedule's sum (Rp \(sum)); leave it blank or write \(sum)")
        case .exemptionEnd:
            language.pick("wajib untuk huruf a-f: pengecualian tidak permanen (Pasal 20 ayat 1), tulis TTTT-BB-HH",
                          "required for letters a-f: the exemption is not permanent (Pasal 20(1)); write YYYY-MM-DD")
        case let .request(rejection): rejection.text(language)
        case let .objection(rejection): rejection.text(language)
        case let .dip(rejection): rejection.text(language)
        case let .field(problem): problem.text(language)
        }
    }
}

/// Why an act's submitted values are refused: every field's reason at once, so a form marks them
/// all on its first save and a script learns them all from one run.
public struct ActRefusal: OfficerFacingError, Hashable {
    public let problems: [ActProblem]

    public init(_ problems: [ActProblem]) { self.problems = problems }

    public init(_ field: String?, _ reason: ActProblem.Reason) { self.init([ActProblem(field, reason)]) }

    /// The reason given for `field`, if any.
    public func problem(for field: String) -> ActProblem? { problems.first { $0.field == field } }

    /// The reasons that name no field: the act as a whole.
    public var general: [ActProblem] { problems.filter { $0.field == nil } }

    public func text(_ language: Language) -> String {
        problems.map { problem in problem.field.map { "\($0): " + problem.text(language) } ?? problem.text(language) }
            .joined(separator: "; ")
    }
}

/// Gathers every problem of a submission before refusing it.
struct ProblemList {
    private(set) var problems: [ActProblem] = []

    mutating func add(_ field: String?, _ reason: ActProblem.Reason) { problems.append(ActProblem(field, reason)) }

    /// Adds `.required` when `value` is blank.
    mutating func require(_ value: String, _ field: String) {
        if value.trimmed.isEmpty { add(field, .required) }
    }

    /// Adds the bounds check's problem of a one-line or long text.
    mutating func bounded(_ value: String, _ field: String, long: Bool = false) {
        do throws(FieldProblem) {
            if long { try FieldCheck.text(value, field) } else { try FieldCheck.line(value, field) }
        } catch {
            add(field, .field(error))
        }
    }

    /// A date field: nil and `.date` when it is not `YYYY-MM-DD`; nil when blank.
    mutating func date(_ value: String, _ field: String) -> CivilDate? {
        guard !value.trimmed.isEmpty else { return nil }
        guard let date = CivilDate(iso: value.trimmed) else {
            add(field, .date)
            return nil
        }
        return date
    }

    /// Throws when any problem was found.
    func check() throws(ActRefusal) {
        guard problems.isEmpty else { throw ActRefusal(problems) }
    }
}
