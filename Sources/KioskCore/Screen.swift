// The screens of the kiosk. Journeys (diagnostic, booking, …) add their cases as they land.

public enum Screen: Equatable, Sendable {
    /// The start: greeting, journeys, languages, text size and contrast.
    case home
    /// Human help, with a hint about the screen the person came from.
    case help(from: HelpContext)
    /// Shown after a long idle on a pristine home; any touch wakes the kiosk.
    case attract
    /// The hidden admin entry: a PIN on a keypad.
    case adminPin
    case adminMenu
    case adminStatus
    case diagnostic(DiagnosticStep)

    /// A stable name for screenshots, scene dumps and logs.
    public var id: String {
        switch self {
        case .home: return "home"
        case .help: return "help"
        case .attract: return "attract"
        case .adminPin: return "admin-pin"
        case .adminMenu: return "admin-menu"
        case .adminStatus: return "admin-status"
        case .diagnostic(.intro): return "diagnostic-intro"
        case .diagnostic(.item): return "diagnostic-item"
        case .diagnostic(.result): return "diagnostic-result"
        }
    }

    /// The journey this screen belongs to, as counted in the visit figures.
    public var journey: String? {
        switch self {
        case .help: return "help"
        case .diagnostic: return "diagnostic"
        default: return nil
        }
    }

    /// Whether the screen belongs to the admin: not part of a person's visit.
    public var isAdmin: Bool {
        switch self {
        case .adminPin, .adminMenu, .adminStatus: return true
        default: return false
        }
    }
}

/// Which screen the help was asked from, so help can say something about it.
public enum HelpContext: String, Equatable, Sendable {
    case home
    case admin
}
