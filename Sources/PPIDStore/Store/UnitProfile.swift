import PPIDDomain

/// The settings of the unit this database belongs to.
public struct UnitProfile: Hashable, Sendable, Codable {
    /// The unit's code, such as `SETJEN`; part of register numbers.
    public var code: String
    public var name: String
    /// The parent public body (Badan Publik).
    public var body: String
    /// An IANA zone or WIB/WITA/WIT.
    public var zoneName: String
    public var receiptPolicy: ReceiptPolicy
    public var jointLeaveIsWorking: Bool
    public var requestNumberFormat: String
    public var objectionNumberFormat: String

    public init(code: String, name: String, body: String = "", zoneName: String = "WIB",
                receiptPolicy: ReceiptPolicy = .standard, jointLeaveIsWorking: Bool = false,
                requestNumberFormat: String = RegistrationNumberFormat.standard.template,
                objectionNumberFormat: String = "{seq:4}{terminal}/KEB-{unit}/{roman}/{year}") {
        self.code = code
        self.name = name
        self.body = body
        self.zoneName = zoneName
        self.receiptPolicy = receiptPolicy
        self.jointLeaveIsWorking = jointLeaveIsWorking
        self.requestNumberFormat = requestNumberFormat
        self.objectionNumberFormat = objectionNumberFormat
    }

    /// A profile for a database that has none yet.
    public static let placeholder = UnitProfile(code: "UNIT", name: "Satuan Kerja")

    /// The unit's zone; WIB when the stored name is not a zone.
    public var zone: UnitZone { (try? UnitZone(parsing: zoneName)) ?? .wib }
}
