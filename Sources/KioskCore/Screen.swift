import Foundation

// The screens of the kiosk: the shell's, and one case per journey (see `JourneyID`).

public enum Screen: Equatable, Sendable {
    /// The start: greeting, journeys, languages, text size and contrast.
    case home
    /// Human help: a person here or an aidant from afar (the help journey).
    case help(HelpStep)
    /// Larger text and stronger colours, from any screen; back returns with nothing lost.
    case displayOptions
    /// "Go back to the start?": "Home" asked during a diagnostic or a booking under way.
    case leaveConfirmation
    /// Shown after a long idle on a pristine home; any touch wakes the kiosk.
    case attract
    /// "Goodbye", in the person's language, after "Finish"; until `until`, then home in the
    /// default language. Nothing of the person is kept but the language.
    case goodbye(until: Date)
    /// The hidden admin entry: a PIN on a keypad.
    case adminPin
    case adminMenu
    case adminStatus
    case diagnostic(DiagnosticStep)
    case booking(BookingStep)
    case myAppointment(MyAppointmentStep)
    case places(PlacesStep)

    /// A stable name for screenshots, scene dumps and logs.
    public var id: String {
        switch self {
        case .home: return "home"
        case .help(.choose): return "help"
        case .help(.looking): return "help-looking"
        case .help(.nobodyCame): return "help-nobody"
        case .displayOptions: return "display-options"
        case .leaveConfirmation: return "leave-confirmation"
        case .attract: return "attract"
        case .goodbye: return "goodbye"
        case .adminPin: return "admin-pin"
        case .adminMenu: return "admin-menu"
        case .adminStatus: return "admin-status"
        case .diagnostic(.intro): return "diagnostic-intro"
        case .diagnostic(.item): return "diagnostic-item"
        case .diagnostic(.result): return "diagnostic-result"
        case .diagnostic(.resources): return "diagnostic-resources"
        case .booking(let step):
            switch step {
            case .need: return "booking-need"
            case .when: return "booking-when"
            case .time: return "booking-time"
            case .name: return "booking-name"
            case .phone: return "booking-phone"
            case .consent: return "booking-consent"
            case .confirm: return "booking-confirm"
            case .ticket: return "booking-ticket"
            case .failed: return "booking-failed"
            }
        case .myAppointment(let step):
            switch step {
            case .phone: return "my-appointment-phone"
            case .name: return "my-appointment-name"
            case .day: return "my-appointment-day"
            case .time: return "my-appointment-time"
            case .notFound: return "my-appointment-not-found"
            case .list: return "my-appointment-list"
            case .confirmCancel: return "my-appointment-cancel"
            case .cancelled: return "my-appointment-cancelled"
            case .refused: return "my-appointment-refused"
            case .failed: return "my-appointment-failed"
            }
        case .places(let step):
            switch step {
            case .need: return "places-need"
            case .list: return "places-list"
            case .support: return "places-support"
            case .place: return "places-place"
            }
        }
    }

    /// The journey whose screen this is; nil for the shell's screens.
    public var journeyID: JourneyID? {
        switch self {
        case .home, .displayOptions, .leaveConfirmation, .attract, .goodbye, .adminPin, .adminMenu, .adminStatus:
            return nil
        case .help: return .help
        case .diagnostic: return .diagnostic
        case .booking: return .booking
        case .myAppointment: return .myAppointment
        case .places: return .places
        }
    }

    /// The journey this screen belongs to, as counted in the visit figures.
    public var journey: String? { journeyID?.rawValue }

    /// Whether the screen belongs to the admin: not part of a person's visit.
    public var isAdmin: Bool {
        switch self {
        case .adminPin, .adminMenu, .adminStatus: return true
        case .home, .help, .displayOptions, .leaveConfirmation, .attract, .goodbye, .diagnostic, .booking,
            .myAppointment, .places:
            return false
        }
    }
}
