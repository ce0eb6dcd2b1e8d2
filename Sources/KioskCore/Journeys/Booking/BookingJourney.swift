import Foundation

/// The steps of booking, in order.
public enum BookingStep: Equatable, Sendable {
    /// What do you need? (the kinds of help)
    case need
    /// The first free time, and other days.
    case when
    /// The times of one day, morning and afternoon.
    case time(LocalDay)
    case name
    case phone
    /// Should the helper see the diagnostic's result? (only after a diagnostic)
    case consent
    /// The appointment read back: "C'est bon ?"
    case confirm
    /// Saved: the ticket, printed or shown large.
    case ticket
    /// Nothing could be saved: ask at the desk.
    case failed
}

public enum BookingAction: Equatable, Sendable {
    case needChosen(SupportKind)
    /// The store answered with the free times.
    case slotsLoaded([Slot])
    case firstSlotChosen
    case dayChosen(LocalDay)
    case slotChosen(Slot)
    /// "Continue" after the name or the phone number.
    case continueTapped
    /// "No number": no reminder.
    case noPhoneTapped
    case consentAnswered(Bool)
    /// "Yes" on "C'est bon ?".
    case confirmTapped
    /// "Change" on "C'est bon ?": back to the times, keeping what was typed.
    case changeTapped
    /// The store answered the booking (or the move).
    case saveFinished(AppointmentOutcome)
    /// The printer answered.
    case printFinished(PrintOutcome)
    /// "Finish" on the ticket.
    case finishTapped

    /// Whether a person did this (not an effect's answer): the first such action opens a visit.
    var isPersonChoice: Bool {
        switch self {
        case .needChosen, .firstSlotChosen, .dayChosen, .slotChosen, .continueTapped, .noPhoneTapped, .consentAnswered,
            .confirmTapped, .changeTapped, .finishTapped:
            return true
        case .slotsLoaded, .saveFinished, .printFinished:
            return false
        }
    }
}

/// What the store answered to a booking (or a move).
public enum AppointmentOutcome: Equatable, Sendable {
    case saved(UUID)
    /// Someone took the slot first: show the times again.
    case slotTaken
    /// Disk full, read-only, broken: nothing was saved.
    case failed
}

public enum PrintOutcome: Equatable, Sendable {
    case printing
    case printed
    /// No printer configured, or it failed: the screen shows the details large instead.
    case unavailable
}

/// The booking under way.
public struct BookingJourney: Equatable, Sendable {
    public var support: SupportKind?
    public var service: AgendaService?
    /// nil while the free times are being looked up.
    public var slots: [Slot]?
    public var chosen: Slot?
    public var name = TextEntry(kind: .name, maxLength: 30)
    public var phone = TextEntry(kind: .phone, maxLength: 13)
    /// nil: not asked (no diagnostic); true/false: the person's answer.
    public var shareDiagnostic: Bool?
    /// The time just chosen was taken by someone else meanwhile.
    public var slotWasTaken = false
    /// Moving an existing appointment instead of booking a new one.
    public var moving: UUID?
    public var saved: UUID?
    public var print: PrintOutcome?
    public var phoneInvalid = false

    public init() {}
}

/// The request the edge saves: a new booking or a move.
public struct AppointmentRequest: Equatable, Sendable {
    public var slot: Slot
    public var firstName: String
    /// Digits, or nil without a phone number (then no reminder).
    public var phone: String?
    public var moving: UUID?
    /// The anonymous diagnostic to attach, with the person's consent.
    public var diagnostic: UUID?
    public var language: Language

    public init(slot: Slot, firstName: String, phone: String?, moving: UUID?, diagnostic: UUID?, language: Language) {
        self.slot = slot
        self.firstName = firstName
        self.phone = phone
        self.moving = moving
        self.diagnostic = diagnostic
        self.language = language
    }
}
