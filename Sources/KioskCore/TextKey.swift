// Every text the kiosk shows. The catalogues in Assets/strings must define each key in
// every language; `Catalogue.load` refuses a catalogue with a missing or unknown key.

public enum TextKey: String, CaseIterable, Sendable {
    // MARK: - Everywhere
    case help = "help"
    case back = "back"
    case home = "home"

    // MARK: - Keyboards (spoken names of the keys without a letter)
    case keyShift = "key.shift"
    case keyErase = "key.erase"
    case keySpace = "key.space"

    // MARK: - Home
    case welcomeTitle = "welcome.title"
    case welcomeBody = "welcome.body"
    case welcomeNoJourney = "welcome.noJourney"
    case languagesHeading = "languages.heading"
    case largeText = "toggle.largeText"
    case highContrast = "toggle.highContrast"

    // MARK: - Help
    case helpTitle = "help.title"
    case helpPerson = "help.person"
    case helpDeskUnknown = "help.deskUnknown"
    case helpOnHome = "help.onHome"
    case helpOnAdmin = "help.onAdmin"

    // MARK: - Idle warning and attract screen
    case idleTitle = "idle.title"
    case idleCountdown = "idle.countdown"
    case idleStay = "idle.stay"
    case attractTouch = "attract.touch"

    // MARK: - Admin
    case adminPinTitle = "admin.pinTitle"
    case adminPinWrong = "admin.pinWrong"
    case adminPinLocked = "admin.pinLocked"
    case adminErase = "admin.erase"
    case adminValidate = "admin.validate"
    case adminMenuTitle = "admin.menuTitle"
    case adminQuit = "admin.quit"
    case adminScreenshot = "admin.screenshot"
    case adminScreenshotSaved = "admin.screenshotSaved"
    case adminScreenshotFailed = "admin.screenshotFailed"
    case adminStatus = "admin.status"
    case adminStatusTitle = "admin.statusTitle"
    case adminLeave = "admin.leave"
}
