import Foundation

/// What happened: a person's gesture, a timer, or a finished effect. Named after the event,
/// never as an order to the state.
public enum Action: Equatable, Sendable {
    // MARK: - Everywhere
    case helpTapped
    case backTapped
    case homeTapped
    /// Any touch, click or key: the person is there. Sent before the gesture's own action.
    case personActed
    /// The injected clock moved; the reducer reads `Environment.now`.
    case timeElapsed
    /// Keyboard or keypad focus moved to the node with this id (nil: no focus).
    case focusMoved(String?)

    // MARK: - Typing (on-screen keyboard, keypad, physical keyboard or a scanner)
    /// A key of the on-screen keyboard, or text from a physical keyboard or scanner.
    case keyTyped(String)
    case keyErased
    case shiftTapped

    // MARK: - Dragging (hands-on tasks of the diagnostic)
    /// A draggable thing moved `dx`, `dy` pixels from where it was pressed.
    case dragMoved(id: String, dx: Int, dy: Int)
    /// It was let go, over the node `droppedOn` (nil: over nothing).
    case dragEnded(id: String, dx: Int, dy: Int, droppedOn: String?)

    // MARK: - Journeys
    case journeyTapped(Journey)
    case diagnostic(DiagnosticAction)
    case booking(BookingAction)
    case myAppointment(MyAppointmentAction)
    /// Asking for human help, and the remote session with an aidant.
    case help(HelpAction)
    case places(PlacesAction)

    // MARK: - Home
    case languageTapped(Language)
    case largeTextToggled
    case highContrastToggled
    /// "Buttons lower down": every control within reach of a seated person (home, or
    /// "Text and colours").
    case lowReachToggled
    /// "Display" in the top bar: larger text and stronger colours on any screen.
    case displayTapped
    /// "Yes, erase it all" on "Go back to the start?".
    case leaveConfirmed
    /// "Listen again": the screen is read again from its title.
    case listenAgainTapped
    /// A control that is not usable yet was tapped (its node id): the screen says what is missing.
    case unavailableTapped(String)

    // MARK: - Voice (Voice.swift)
    /// The keypad's speech key: the voice comes on, and the screen is read (again).
    case speechKeyPressed
    /// A volume key or button: one level up (+1) or down (−1); the voice comes on.
    case volumeChanged(Int)
    /// "Voix" on the display options: the screens read aloud, or not.
    case voiceToggled
    /// "Lire mes informations": the first name and the number said through the speaker too.
    case personalAloudToggled
    /// The audio device says a headset was plugged in (true) or pulled out.
    case headsetChanged(Bool)

    // MARK: - Idle
    case stayTapped
    case attractTouched

    // MARK: - Admin
    case secretZoneTapped
    case pinDigitTapped(Int)
    case pinEraseTapped
    case pinSubmitTapped
    case adminPinChecked(valid: Bool)
    /// At start, from the journal: wrong PINs in a row so far and when the last one was typed
    /// (a restart must not lift a lockout).
    case adminPinHistoryLoaded(failures: Int, lastFailureAt: Date?)
    case adminQuitTapped
    case adminScreenshotTapped
    case adminStatusTapped
    case adminLeaveTapped
    case screenshotFinished(path: String?)
    case statusCollected([StatusLine])
}

/// A gesture every journey screen may receive; the journey on screen decides what it means.
enum SharedGesture {
    case back, typing, dragging
}

extension Action {
    /// The journey that owns this action (its start, its own actions); nil for the shell's.
    var journeyID: JourneyID? {
        switch self {
        case .journeyTapped(let journey): return journey.id
        case .diagnostic: return .diagnostic
        case .booking: return .booking
        case .myAppointment: return .myAppointment
        case .helpTapped, .help: return .help
        case .places: return .places
        case .backTapped, .homeTapped, .personActed, .timeElapsed, .focusMoved, .keyTyped, .keyErased,
            .shiftTapped, .dragMoved, .dragEnded, .languageTapped, .largeTextToggled, .highContrastToggled,
            .lowReachToggled, .displayTapped, .leaveConfirmed, .unavailableTapped, .listenAgainTapped, .stayTapped,
            .attractTouched, .secretZoneTapped, .pinDigitTapped, .pinEraseTapped, .pinSubmitTapped, .adminPinChecked,
            .adminPinHistoryLoaded, .adminQuitTapped, .adminScreenshotTapped, .adminStatusTapped, .adminLeaveTapped,
            .screenshotFinished, .statusCollected, .speechKeyPressed, .volumeChanged, .voiceToggled,
            .personalAloudToggled, .headsetChanged:
            return nil
        }
    }

    /// Whether the journey on screen gets a say first (back, keys, drags).
    var sharedGesture: SharedGesture? {
        switch self {
        case .backTapped: return .back
        case .keyTyped, .keyErased, .shiftTapped: return .typing
        case .dragMoved, .dragEnded: return .dragging
        case .helpTapped, .homeTapped, .personActed, .timeElapsed, .focusMoved, .journeyTapped, .diagnostic, .booking,
            .myAppointment, .help, .places, .languageTapped, .largeTextToggled, .highContrastToggled, .displayTapped,
            .lowReachToggled, .leaveConfirmed, .unavailableTapped, .listenAgainTapped, .stayTapped, .attractTouched,
            .secretZoneTapped, .pinDigitTapped, .pinEraseTapped, .pinSubmitTapped, .adminPinChecked,
            .adminPinHistoryLoaded, .adminQuitTapped, .adminScreenshotTapped, .adminStatusTapped, .adminLeaveTapped,
            .screenshotFinished, .statusCollected, .speechKeyPressed, .volumeChanged, .voiceToggled,
            .personalAloudToggled, .headsetChanged:
            return nil
        }
    }
}

/// One line of the admin status page.
public struct StatusLine: Equatable, Sendable {
    public var label: String
    public var value: String
    /// A line that needs the admin's attention (a broken config, a full disk).
    public var isProblem: Bool

    public init(_ label: String, _ value: String, isProblem: Bool = false) {
        self.label = label
        self.value = value
        self.isProblem = isProblem
    }
}
