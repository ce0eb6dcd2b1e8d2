// The settings the reducer obeys. They come from the configuration file (KioskApp), with
// the defaults documented in Assets/passerelle.conf.

public struct KioskPolicy: Equatable, Sendable {
    /// Seconds without input before the "are you still there?" warning.
    public var idleTimeout: Double
    /// Seconds without input on the saved appointment's screen, where the person copies or
    /// photographs the details (never less than `idleTimeout`).
    public var ticketTimeout: Double = 180
    /// Seconds the goodbye stays after "Finish", in the person's language, before the kiosk
    /// starts again in the default one: an Arabic reader's last sight is not French.
    public var goodbyeDuration: Double = 5
    /// Seconds the warning stays before the reset; at least 20 (WCAG 2.2.1).
    public var warningDuration: Double
    /// Seconds of idle on a pristine home before the attract screen.
    public var attractAfter: Double
    /// The language the kiosk returns to after a reset.
    public var defaultLanguage: Language
    /// Whether an admin PIN is configured; without one the hidden gesture does nothing.
    public var adminEnabled: Bool
    /// Taps on the hidden zone, within `secretGestureWindow` seconds, that open the PIN pad.
    public var secretGestureTaps: Int
    public var secretGestureWindow: Double
    /// Wrong PINs in a row before the pad locks for `pinLockout` seconds; each further wrong
    /// PIN doubles the lock, up to a day (see `pinLock(afterFailures:)`).
    public var pinAttempts: Int
    public var pinLockout: Double
    /// A PIN has at least this many digits; a shorter one is a wrong PIN (no hash computed).
    public var pinMinimumDigits = 6
    /// The place where a person finds help, as the configuration writes it ("" if unknown).
    public var helpDesk: String
    /// The name of the place shown in the top bar.
    public var siteName: String
    /// Remote help's timings, and whether it is offered.
    public var remote = RemotePolicy()
    /// Whether "une personne ici" raises a request (a help hook is configured); otherwise
    /// the help screen says where the desk is.
    public var helpHereEnabled = false
    /// Where the kiosk stands: the places of help are listed nearest first (nil: by name).
    public var placesPosition: GeoPoint? = nil
    /// Bas-Rhin, Haut-Rhin, Moselle: Good Friday and 26 December are public holidays too.
    public var alsaceMoselle = false
    /// Whether each person starts with the voice on, and at what volume.
    public var voice = VoicePolicy()
    /// Whether a printer is configured; without one, lists go on screen instead of paper.
    public var printerConfigured = true

    public init(
        idleTimeout: Double = 90, warningDuration: Double = 30, attractAfter: Double = 120,
        defaultLanguage: Language = .fr, adminEnabled: Bool = false,
        secretGestureTaps: Int = 5, secretGestureWindow: Double = 4,
        pinAttempts: Int = 3, pinLockout: Double = 60,
        helpDesk: String = "", siteName: String = "Passerelle"
    ) {
        self.idleTimeout = idleTimeout
        self.warningDuration = warningDuration
        self.attractAfter = attractAfter
        self.defaultLanguage = defaultLanguage
        self.adminEnabled = adminEnabled
        self.secretGestureTaps = secretGestureTaps
        self.secretGestureWindow = secretGestureWindow
        self.pinAttempts = pinAttempts
        self.pinLockout = pinLockout
        self.helpDesk = helpDesk
        self.siteName = siteName
    }

    /// How long the pad stays locked after `failures` wrong PINs in a row (nil: not locked).
    /// 3 → 1 min, 4 → 2 min, 5 → 4 min … capped at 24 h: a 6-digit PIN then takes years at
    /// the screen, where a flat minute per 3 tries let a 4-digit one fall in about 56 hours.
    public func pinLock(afterFailures failures: Int) -> Double? {
        guard failures >= pinAttempts else { return nil }
        let doublings = min(failures - pinAttempts, 20)
        return min(pinLockout * Double(1 << doublings), 86_400)
    }
}
