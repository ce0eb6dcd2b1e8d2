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

    // MARK: - Journeys and the diagnostic
    case tileDiagnostic = "tile.diagnostic"
    case tileBooking = "tile.booking"
    case tileMyAppointment = "tile.myAppointment"
    case homeJourneys = "home.journeys"
    case diagIntroTitle = "diag.introTitle"
    case diagIntroBody = "diag.introBody"
    case diagIntroHelp = "diag.introHelp"
    case diagStart = "diag.start"
    case diagDontKnow = "diag.dontKnow"
    case diagTryAgain = "diag.tryAgain"
    case diagValidate = "diag.validate"
    case diagYes = "diag.yes"
    case diagNo = "diag.no"
    case diagSometimes = "diag.sometimes"
    case diagTrust = "diag.trust"
    case diagDistrust = "diag.distrust"
    case diagProgress = "diag.progress"
    case diagTarget = "diag.target"
    case diagDragObject = "diag.dragObject"
    case diagDropBox = "diag.dropBox"
    case diagResultTitle = "diag.resultTitle"
    case diagYouCan = "diag.youCan"
    case diagHelpForYou = "diag.helpForYou"
    case diagBookIt = "diag.bookIt"
    case diagAskPerson = "diag.askPerson"
    case diagPrintList = "diag.printList"
    case diagPrinted = "diag.printed"
    case diagPrintFailed = "diag.printFailed"
    case diagPathStep = "diag.pathStep"
}
