import Foundation

/// "My appointment": find it with a phone number, the ticket, or (with neither) the first
/// name and the day, confirmed by the time; then cancel or move it.
public enum MyAppointmentStep: Equatable, Sendable {
    case phone
    /// No number, no ticket: the first name given when booking.
    case name
    /// Which day the appointment is.
    case day
    /// "At what time?": the time confirms it is the person's own appointment.
    case time
    /// Nothing found: what to do next, in plain words.
    case notFound(MyAppointmentMiss)
    case list
    case confirmCancel(UUID)
    case cancelled
    /// The rules refuse (too late): the reason in plain words.
    case refused(RefusalReason)
    case failed
}

/// Why nothing was found, so the screen can say what to do about it.
public enum MyAppointmentMiss: Equatable, Sendable {
    /// No appointment to come with this phone number.
    case phone
    /// The ticket's code names no appointment to come (cancelled, or past).
    case ticket
    /// No appointment for this first name on that day.
    case name
    /// The time chosen is not the appointment's.
    case time
}

public enum MyAppointmentAction: Equatable, Sendable {
    /// "Search" with the typed phone number.
    case searchTapped
    /// The store answered (nil: it could not be read).
    case found([AppointmentSummary]?)
    /// "Search with my first name": no number, no ticket.
    case byNameTapped
    /// "Continue" after the first name.
    case nameEntered
    case dayChosen(LocalDay)
    /// "Later days" on the days screen.
    case moreDaysTapped
    /// The store answered the search by first name and day (nil: it could not be read).
    case foundByName([AppointmentSummary]?)
    /// A time chosen on "At what time?".
    case timeChosen(Date)
    /// "Try again" after a search by first name found nothing.
    case tryAgainTapped
    case cancelTapped(UUID)
    case moveTapped(UUID)
    /// "Yes, cancel" on the confirmation.
    case cancelConfirmTapped
    /// The store answered the cancellation.
    case cancelFinished(Bool)

    /// Whether a person did this (not an effect's answer): the first such action opens a visit.
    var isPersonChoice: Bool {
        switch self {
        case .searchTapped, .cancelTapped, .moveTapped, .cancelConfirmTapped, .byNameTapped, .nameEntered, .dayChosen,
            .moreDaysTapped, .timeChosen, .tryAgainTapped:
            return true
        case .found, .cancelFinished, .foundByName: return false
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
    /// The typed number cannot be a phone number (too short, too long): said before searching.
    public var phoneInvalid = false
    /// Without a number or a ticket: the first name, the day, and what the store found.
    public var name = TextEntry(kind: .name, maxLength: 30)
    public var day: LocalDay?
    /// Which page of days the days screen shows (`daysPerPage` each, today first).
    public var dayPage = 0
    /// Today, when the days screen opened: its first day.
    public var firstDay: LocalDay?
    /// The appointments for this first name on that day, before the time confirms one.
    public var matches: [AppointmentSummary] = []

    public static let daysPerPage = 8
    /// Wrong times a person may give before only a person here can help.
    public static let timeTries = 2

    public init() {}

    /// The days the days screen offers: today first, a page at a time.
    public var offeredDays: [LocalDay] {
        guard let firstDay else { return [] }
        return (0..<Self.daysPerPage).map { firstDay.adding(days: dayPage * Self.daysPerPage + $0) }
    }

    /// The times offered on "At what time?": the matches' own times among others of the same
    /// day, so that choosing the time says the person knows it (it is not the only one shown).
    /// At least four, sorted; the other times are fixed half hours far from every match.
    public static func timeChoices(for matches: [AppointmentSummary]) -> [Date] {
        guard let first = matches.first else { return [] }
        let day = ParisTime.day(of: first.start)
        var times = Array(Set(matches.map(\.start)))
        let minutes = times.map(ParisTime.minuteOfDay)
        for minute in [9 * 60, 10 * 60 + 30, 14 * 60, 15 * 60 + 30, 11 * 60 + 30, 16 * 60 + 30] where times.count < 6 {
            guard minutes.allSatisfy({ abs($0 - minute) >= 45 }), let time = ParisTime.date(day, minute: minute) else {
                continue
            }
            times.append(time)
        }
        return times.sorted()
    }

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
