import Foundation

/// "My appointment": find it with a phone number, then cancel or move it.
public enum MyAppointmentStep: Equatable, Sendable {
    case phone
    case list
    case confirmCancel(UUID)
    case cancelled
    /// The rules refuse (too late): the reason in plain words.
    case refused(RefusalReason)
    case failed
}

public enum MyAppointmentAction: Equatable, Sendable {
    /// "Search" with the typed phone number.
    case searchTapped
    /// The store answered (nil: it could not be read).
    case found([AppointmentSummary]?)
    case cancelTapped(UUID)
    case moveTapped(UUID)
    /// "Yes, cancel" on the confirmation.
    case cancelConfirmTapped
    /// The store answered the cancellation.
    case cancelFinished(Bool)

    /// Whether a person did this (not an effect's answer): the first such action opens a visit.
    var isPersonChoice: Bool {
        switch self {
        case .searchTapped, .cancelTapped, .moveTapped, .cancelConfirmTapped: return true
        case .found, .cancelFinished: return false
        }
    }
}

/// An appointment as "my appointment" shows it.
public struct AppointmentSummary: Equatable, Sendable {
    public var uuid: UUID
    public var service: AgendaService
    public var helper: AgendaHelper
    public var place: AgendaPlace?
    public var start: Date
    public var end: Date

    public init(uuid: UUID, service: AgendaService, helper: AgendaHelper, place: AgendaPlace?, start: Date, end: Date) {
        self.uuid = uuid
        self.service = service
        self.helper = helper
        self.place = place
        self.start = start
        self.end = end
    }
}

/// "My appointment" under way.
public struct MyAppointmentJourney: Equatable, Sendable {
    public var phone = TextEntry(kind: .phone, maxLength: 13)
    /// nil until searched.
    public var found: [AppointmentSummary]?
    public var searching = false
    /// What a scanner that types has sent so far, while it reads like a ticket's code. A
    /// USB scanner types one character per key press, so the code arrives in many pieces.
    public var scanned = ""

    public init() {}

    /// Takes typed text; returns the appointment once a whole ticket code has arrived.
    /// Text that cannot start a code leaves the buffer empty (it is the phone number).
    mutating func scan(_ text: String) -> UUID? {
        func canStartCode(_ s: String) -> Bool {
            let upper = s.uppercased()
            if TicketCode.prefix.hasPrefix(upper) { return true }
            guard upper.hasPrefix(TicketCode.prefix) else { return false }
            let rest = upper.dropFirst(TicketCode.prefix.count)
            return rest.count <= 36 && rest.allSatisfy { $0.isHexDigit || $0 == "-" }
        }
        if canStartCode(scanned + text) {
            scanned += text
        } else {
            scanned = canStartCode(text) ? text : ""
        }
        guard let uuid = TicketCode.appointment(in: scanned) else { return nil }
        scanned = ""
        return uuid
    }
}

/// What the ticket's QR code holds: a scanner that types reads it back at the kiosk.
public enum TicketCode {
    public static let prefix = "PASSERELLE:RDV:"

    public static func code(for uuid: UUID) -> String { prefix + uuid.uuidString }

    /// The appointment a scanned text names, if it is a ticket's code.
    public static func appointment(in text: String) -> UUID? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.uppercased().hasPrefix(prefix) else { return nil }
        return UUID(uuidString: String(trimmed.dropFirst(prefix.count)))
    }
}
