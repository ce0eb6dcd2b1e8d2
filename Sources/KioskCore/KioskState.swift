import Foundation

/// Everything the kiosk shows and remembers, as one value. After an idle reset it is exactly
/// `KioskState.initial(now:policy:)`: nothing of the last person survives.
public struct KioskState: Equatable, Sendable {
    public var screen: Screen
    /// Screens to return to with "back", oldest first.
    public var history: [Screen]
    public var language: Language
    public var largeText: Bool
    public var highContrast: Bool
    /// Id of the semantic node that has keyboard focus.
    public var focus: String?
    public var idle: IdlePhase
    /// When the person last touched or typed anything.
    public var lastActivity: Date
    public var admin: AdminState
    /// The anonymous visit under way (counted in the figures), from the person's first
    /// choice until they leave. Not a trace of the person by itself: a visit that only
    /// remains open ends quietly after the idle delay, without a warning.
    public var visit: VisitTrace?
    /// The diagnostic under way or just finished.
    public var diagnostic: DiagnosticJourney?
    /// The booking under way (a new appointment or a move).
    public var booking: BookingJourney?
    /// "My appointment" under way.
    public var myAppointment: MyAppointmentJourney?
    /// The help request under way.
    public var help: HelpJourney?
    /// A remote-help session, from the aidant's connection to the closing notice.
    public var remote: RemoteSession?
    /// "Where can I get help?" under way.
    public var places: PlacesJourney? = nil
    /// The control not usable yet that was just tapped (its node id): what it needs is shown
    /// until the next thing the person does.
    public var unavailable: String? = nil
    /// Wrong times given to confirm an appointment found by first name, by this person: the
    /// time is what proves it is theirs, so after `MyAppointmentJourney.timeTries` only a
    /// person here can help (nobody tries every time of a day to reach someone else's).
    public var wrongAppointmentTimes = 0
    /// What the person hears: the voice, its volume, their details aloud or not.
    public var voice = Voice(on: true, volume: 5)
    /// Low reach (issue 13, item 14): every control in the lower part of the screen, for a
    /// person in a wheelchair or a child. The person's own choice, forgotten with them.
    public var lowReach: Bool = false

    public static func initial(now: Date, policy: KioskPolicy) -> KioskState {
        KioskState(
            screen: .home, history: [], language: policy.defaultLanguage,
            largeText: false, highContrast: false, focus: nil, idle: .active,
            lastActivity: now, admin: AdminState(), visit: nil, diagnostic: nil, booking: nil, myAppointment: nil,
            help: nil, remote: nil, voice: policy.voice.start(headset: false))
    }

    /// Whether the state holds anything a person chose: only then is a reset needed.
    public func holdsTraces(policy: KioskPolicy) -> Bool {
        var pristine = KioskState.initial(now: lastActivity, policy: policy)
        pristine.admin.secretTaps = admin.secretTaps
        pristine.admin.failedAttempts = admin.failedAttempts
        pristine.admin.lockedUntil = admin.lockedUntil
        pristine.visit = visit
        pristine.voice = policy.voice.start(headset: voice.headset)
        return self != pristine
    }
}

/// Where the kiosk is on the way from "someone is here" to "forget them".
public enum IdlePhase: Equatable, Sendable {
    case active
    /// The warning overlay: the reset comes at `resetAt`; `secondsLeft` is what it shows.
    case warning(resetAt: Date, secondsLeft: Int)
}

/// The hidden admin mode's memory. The PIN digits are never shown, only counted.
public struct AdminState: Equatable, Sendable {
    /// Times of recent taps on the hidden zone.
    public var secretTaps: [Date] = []
    public var pinDigits: String = ""
    public var failedAttempts: Int = 0
    public var lockedUntil: Date? = nil
    public var pinRejected: Bool = false
    /// A PIN is being checked off the main loop; the pad takes no other one meanwhile.
    public var checkingPin: Bool = false
    public var status: [StatusLine] = []
    public var lastScreenshot: ScreenshotOutcome? = nil

    public init() {}
}

public enum ScreenshotOutcome: Equatable, Sendable {
    case saved(String)
    case failed
}
