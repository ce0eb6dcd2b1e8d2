// Passerelle — KioskStore. Licensed under the EUPL-1.2.
import Foundation

/// One typed event of the append-only audit journal (the Aidants Connect idea).
///
/// Contract: a payload never holds personal data (no name, phone, free text typed by a
/// person): only ids, codes and counts. The journal is kept 12 months by default.
public enum JournalEvent: Equatable, Sendable {
    /// The kiosk program started (`version` of the build).
    case kioskStarted(version: String)
    /// The kiosk program stopped cleanly (`reason`: "sigterm", "update"…).
    case kioskStopped(reason: String)
    case appointmentBooked(appointment: UUID)
    case appointmentCancelled(appointment: UUID, status: AppointmentStatus)
    case appointmentStatusChanged(appointment: UUID, status: AppointmentStatus)
    case helpRequested(request: UUID, channel: HelpChannel)
    /// The person agreed to be seen (`control == false`) or to let the helper operate the kiosk.
    case remoteConsentGiven(session: UUID, control: Bool)
    case remoteConsentWithdrawn(session: UUID, control: Bool)
    case remoteSessionStarted(session: UUID)
    case remoteSessionEnded(session: UUID, reason: RemoteSessionEndReason, bytesSent: Int)
    /// A viewer gave the one-time secret (it sees nothing until the person's yes).
    case remoteConnected(request: UUID?)
    /// The person said no to being seen, or did not answer ("refused", "no_answer", "reset").
    case remoteConsentRefused(request: UUID?, reason: String)
    /// A connection was turned away before it saw anything (busy, nobody asked, wrong secret).
    case remoteConnectionRefused(reason: String)
    /// An outbox message gave up after its last attempt.
    case outboxAbandoned(message: UUID, kind: OutboxKind, attempts: Int)
    case purgeCompleted(PurgeReport)
    case backupMade(file: String)
    case backupRestored(from: String)
    /// The store found its file damaged at start, moved it aside and restored a backup.
    case storeRecovered(reason: String, movedTo: String, restoredFrom: String?)
    /// A write failed (recorded once space is back, by the caller that kept the problem).
    case writeFailed(problem: String)
    /// A short admin note (no personal data).
    case note(String)
    /// A wrong admin PIN at the screen (never the digits): the wrong ones in a row so far.
    case adminPinRejected(failures: Int)
    /// The admin PIN was accepted (the count of wrong ones starts again).
    case adminPinAccepted

    /// The `journal_kind` code of each case.
    public enum Kind: String, CaseIterable, Sendable {
        case kioskStarted = "kiosk_started", kioskStopped = "kiosk_stopped"
        case appointmentBooked = "appointment_booked", appointmentCancelled = "appointment_cancelled"
        case appointmentStatusChanged = "appointment_status_changed"
        case helpRequested = "help_requested"
        case remoteConsentGiven = "remote_consent_given", remoteConsentWithdrawn = "remote_consent_withdrawn"
        case remoteSessionStarted = "remote_session_started", remoteSessionEnded = "remote_session_ended"
        case remoteConnected = "remote_connected", remoteConsentRefused = "remote_consent_refused"
        case remoteConnectionRefused = "remote_connection_refused"
        case outboxAbandoned = "outbox_abandoned", purgeCompleted = "purge_completed"
        case backupMade = "backup_made", backupRestored = "backup_restored"
        case storeRecovered = "store_recovered", writeFailed = "write_failed", note
        case adminPinRejected = "admin_pin_rejected", adminPinAccepted = "admin_pin_accepted"
    }

    public var kind: Kind {
        switch self {
        case .kioskStarted: return .kioskStarted
        case .kioskStopped: return .kioskStopped
        case .appointmentBooked: return .appointmentBooked
        case .appointmentCancelled: return .appointmentCancelled
        case .appointmentStatusChanged: return .appointmentStatusChanged
        case .helpRequested: return .helpRequested
        case .remoteConsentGiven: return .remoteConsentGiven
        case .remoteConsentWithdrawn: return .remoteConsentWithdrawn
        case .remoteSessionStarted: return .remoteSessionStarted
        case .remoteSessionEnded: return .remoteSessionEnded
        case .remoteConnected: return .remoteConnected
        case .remoteConsentRefused: return .remoteConsentRefused
        case .remoteConnectionRefused: return .remoteConnectionRefused
        case .outboxAbandoned: return .outboxAbandoned
        case .purgeCompleted: return .purgeCompleted
        case .backupMade: return .backupMade
        case .backupRestored: return .backupRestored
        case .storeRecovered: return .storeRecovered
        case .writeFailed: return .writeFailed
        case .note: return .note
        case .adminPinRejected: return .adminPinRejected
        case .adminPinAccepted: return .adminPinAccepted
        }
    }
}

/// One stored journal row.
public struct JournalEntry: Equatable, Sendable {
    public var id: Int64
    public var recordedAt: Date
    public var event: JournalEvent
}

// MARK: - Payload encoding

extension JournalEvent {
    /// The JSON object stored in `journal.payload`: flat string values, sorted keys.
    var payload: [String: String] {
        switch self {
        case .kioskStarted(let version): return ["version": version]
        case .kioskStopped(let reason): return ["reason": reason]
        case .appointmentBooked(let id): return ["appointment": id.uuidString]
        case .appointmentCancelled(let id, let status), .appointmentStatusChanged(let id, let status):
            return ["appointment": id.uuidString, "status": status.rawValue]
        case .helpRequested(let id, let channel): return ["request": id.uuidString, "channel": channel.rawValue]
        case .remoteConsentGiven(let id, let control), .remoteConsentWithdrawn(let id, let control):
            return ["session": id.uuidString, "scope": control ? "control" : "view"]
        case .remoteSessionStarted(let id): return ["session": id.uuidString]
        case .remoteSessionEnded(let id, let reason, let bytes):
            return ["session": id.uuidString, "reason": reason.rawValue, "bytesSent": String(bytes)]
        case .remoteConnected(let request): return request.map { ["request": $0.uuidString] } ?? [:]
        case .remoteConsentRefused(let request, let reason):
            var payload = ["reason": reason]
            payload["request"] = request?.uuidString
            return payload
        case .remoteConnectionRefused(let reason): return ["reason": reason]
        case .outboxAbandoned(let id, let kind, let attempts):
            return ["message": id.uuidString, "kind": kind.rawValue, "attempts": String(attempts)]
        case .purgeCompleted(let report): return report.payload
        case .backupMade(let file): return ["file": file]
        case .backupRestored(let file): return ["from": file]
        case .storeRecovered(let reason, let movedTo, let restoredFrom):
            var payload = ["reason": reason, "movedTo": movedTo]
            payload["restoredFrom"] = restoredFrom
            return payload
        case .writeFailed(let problem): return ["problem": problem]
        case .note(let text): return ["text": text]
        case .adminPinRejected(let failures): return ["failures": String(failures)]
        case .adminPinAccepted: return [:]
        }
    }

    var payloadJSON: String {
        let data = try! JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    /// Rebuilds an event from a stored row; nil when the row is of a kind this build does not know.
    init?(kind: String, payloadJSON: String) {
        guard let kind = Kind(rawValue: kind),
            let object = try? JSONSerialization.jsonObject(with: Data(payloadJSON.utf8)),
            let p = object as? [String: String]
        else { return nil }
        let uuid = { (key: String) in p[key].flatMap(UUID.init(uuidString:)) }
        switch kind {
        case .kioskStarted: self = .kioskStarted(version: p["version"] ?? "")
        case .kioskStopped: self = .kioskStopped(reason: p["reason"] ?? "")
        case .appointmentBooked:
            guard let id = uuid("appointment") else { return nil }
            self = .appointmentBooked(appointment: id)
        case .appointmentCancelled, .appointmentStatusChanged:
            guard let id = uuid("appointment"), let status = p["status"].flatMap(AppointmentStatus.init) else {
                return nil
            }
            self =
                kind == .appointmentCancelled
                ? .appointmentCancelled(appointment: id, status: status)
                : .appointmentStatusChanged(appointment: id, status: status)
        case .helpRequested:
            guard let id = uuid("request"), let channel = p["channel"].flatMap(HelpChannel.init) else { return nil }
            self = .helpRequested(request: id, channel: channel)
        case .remoteConsentGiven, .remoteConsentWithdrawn:
            guard let id = uuid("session") else { return nil }
            let control = p["scope"] == "control"
            self =
                kind == .remoteConsentGiven
                ? .remoteConsentGiven(session: id, control: control)
                : .remoteConsentWithdrawn(session: id, control: control)
        case .remoteSessionStarted:
            guard let id = uuid("session") else { return nil }
            self = .remoteSessionStarted(session: id)
        case .remoteSessionEnded:
            guard let id = uuid("session"), let reason = p["reason"].flatMap(RemoteSessionEndReason.init) else {
                return nil
            }
            self = .remoteSessionEnded(session: id, reason: reason, bytesSent: Int(p["bytesSent"] ?? "") ?? 0)
        case .remoteConnected: self = .remoteConnected(request: uuid("request"))
        case .remoteConsentRefused: self = .remoteConsentRefused(request: uuid("request"), reason: p["reason"] ?? "")
        case .remoteConnectionRefused: self = .remoteConnectionRefused(reason: p["reason"] ?? "")
        case .outboxAbandoned:
            guard let id = uuid("message"), let kind = p["kind"].flatMap(OutboxKind.init) else { return nil }
            self = .outboxAbandoned(message: id, kind: kind, attempts: Int(p["attempts"] ?? "") ?? 0)
        case .purgeCompleted: self = .purgeCompleted(PurgeReport(payload: p))
        case .backupMade: self = .backupMade(file: p["file"] ?? "")
        case .backupRestored: self = .backupRestored(from: p["from"] ?? "")
        case .storeRecovered:
            self = .storeRecovered(
                reason: p["reason"] ?? "", movedTo: p["movedTo"] ?? "", restoredFrom: p["restoredFrom"])
        case .writeFailed: self = .writeFailed(problem: p["problem"] ?? "")
        case .note: self = .note(p["text"] ?? "")
        case .adminPinRejected: self = .adminPinRejected(failures: Int(p["failures"] ?? "") ?? 1)
        case .adminPinAccepted: self = .adminPinAccepted
        }
    }
}
