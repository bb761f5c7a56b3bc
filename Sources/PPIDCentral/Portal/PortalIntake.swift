import Foundation
import PPIDDomain
import PPIDWire

/// What a requester gets back for a request filed on the portal: on the receipt page and by email.
public struct PortalReceipt: Sendable, Hashable {
    public let caseID: UUID
    public let registrationNumber: String
    public let unit: String
    public let unitName: String
    /// Shown once; the register keeps only its hash.
    public let trackingCode: String
    public let receivedOn: CivilDate
    public let noticeDue: CivilDate
    public let noticeDueIsProvisional: Bool
    public let email: String
}

extension CentralStore {
    /// The officer the portal's registrations are recorded under.
    public static let portalActor = "portal"

    /// Registers a request filed on the portal: the same submission rules as every other intake
    /// (``RequestSubmission``), the identity document checked by content and stored by hash, the
    /// request numbered in its unit's central series (the PPID Utama's when the requester did not
    /// know the unit: it forwards), and a tracking code whose hash is kept. One transaction.
    public func submitPortalRequest(_ submission: RequestSubmission, unit chosen: String?, idScan: (bytes: Data, name: String)?)
        throws(PortalProblem) -> PortalReceipt {
        var submission = submission
        submission.channel = Channel.webPortal.rawValue
        submission.receivedAt = nil
        let now = clock()
        let registration: RequestRegistration
        do {
            registration = try submission.registration(id: TimeOrderedID.make(at: now), unit: "", now: now)
        } catch {
            throw PortalProblem(field: error.field, error)
        }
        guard let idScan else {
            throw PortalProblem(field: "idScan", "Lampirkan pindaian identitas (KTP, atau akta/dokumen badan hukum).",
                                "Attach a scan of your identity document (KTP, or the legal entity's deed).")
        }
        let type: FileMediaType
        do throws(FileProblem) { type = try FileRules.check(idScan.bytes, as: .idScan) } catch {
            throw PortalProblem(field: "idScan", error)
        }
        let code = TrackingCode.make()
        let wanted = chosen.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        let units: [WireUnit]
        do { units = try self.units() } catch { throw Self.notRecorded(error) }
        guard let unit = wanted.isEmpty ? units.first(where: \.isMain) : units.first(where: { $0.code == wanted }) else {
            throw PortalProblem(field: "unit", "Pilih unit dari daftar, atau \"Tidak tahu\".", "Choose a unit from the list, or \"Not sure\".")
        }
        var placed = registration
        placed.unit = unit.code
        do {
            return try writeLedger { db in
                let (request, _) = try Self.registerCentrally(placed, unit: unit, now: now,
                                                              principal: Principal(officer: Self.portalActor, unit: unit.code, isMain: unit.isMain),
                                                              trackingCode: code, in: db)
                let stamp = now.timeIntervalSince1970
                try Self.attach(idScan.bytes, hash: Self.sha256(idScan.bytes), type: type, name: FileRules.displayName(idScan.name, type: type),
                                role: .idScan, to: request.id, by: Self.portalActor, at: stamp, in: db)
                _ = try db.execute("INSERT INTO portal_requests(case_uuid, tracking_hash, created_at) VALUES (?, ?, ?)",
                                   [SQLValue.text(request.id.uuidString), .text(TrackingCode.hash(TrackingCode.normalized(code) ?? code)),
                                    .double(stamp)])
                return PortalReceipt(caseID: request.id, registrationNumber: request.registration.registrationNumber, unit: unit.code,
                                     unitName: unit.name, trackingCode: code, receivedOn: request.receivedOn, noticeDue: request.noticeDue,
                                     noticeDueIsProvisional: request.dueIsProvisional, email: request.registration.requester.email)
            }
        } catch {
            throw Self.notRecorded(error)
        }
    }

    static func notRecorded(_ error: CentralError) -> PortalProblem {
        PortalProblem(field: nil, "Permohonan belum tercatat (\(error.text(.indonesian))). Coba lagi sebentar lagi.",
                      "The request was not recorded (\(error.text(.english))). Try again in a moment.")
    }
}
