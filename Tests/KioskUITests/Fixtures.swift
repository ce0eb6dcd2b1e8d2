import Foundation
import KioskCore
import KioskUI

/// The shipped catalogue and a few states of each screen, shared by the UI tests.
enum Fixtures {
    static let catalogue: Catalogue = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../Assets/strings"
        ).standardized
        // The shipped catalogue is checked by CatalogueTests; a failure here is a broken checkout.
        return try! Catalogue.load(from: url)
    }()

    static let start = Date(timeIntervalSince1970: 1_800_000_000)
    static let policy = KioskPolicy(adminEnabled: true, siteName: "Médiathèque Louise-Michel")

    static let sizes = [
        Size(width: 1080, height: 1920), Size(width: 1920, height: 1080), Size(width: 1280, height: 800),
    ]

    /// One state per screen (and overlay) the kiosk can show.
    static func screens(language: Language = .fr) -> [(String, KioskState)] {
        var base = KioskState.initial(now: start, policy: policy)
        base.language = language
        var help = base
        help.screen = .help(.choose(from: .home))
        help.history = [.home]
        var warning = help
        warning.idle = .warning(resetAt: start.addingTimeInterval(120), secondsLeft: 27)
        var attract = base
        attract.screen = .attract
        var pin = base
        pin.screen = .adminPin
        pin.admin.pinDigits = "12"
        pin.admin.pinRejected = true
        var menu = base
        menu.screen = .adminMenu
        menu.admin.lastScreenshot = .saved("/var/lib/passerelle/screenshots/screen.png")
        var status = base
        status.screen = .adminStatus
        status.admin.status = [
            StatusLine("Version", "0.1.0"),
            StatusLine(
                "Configuration error", "/etc/passerelle/passerelle.conf:3: idle.warning: 5 is out of range",
                isProblem: true),
        ]
        var focused = base
        focused.focus = "lang-en"
        return [
            ("home", base), ("help", help), ("idle-warning", warning), ("attract", attract),
            ("admin-pin", pin), ("admin-menu", menu), ("admin-status", status), ("home-focus", focused),
        ]
    }

    static func scene(_ state: KioskState, size: Size = sizes[0], measurer: TextMeasurer = FixedAdvanceMeasurer())
        -> Scene
    {
        view(state, ViewContext(size: size, catalogue: catalogue, measurer: measurer, policy: policy))
    }
}
