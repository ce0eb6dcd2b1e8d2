import Foundation
import KioskCore

/// Lays out every screen in every language, at portrait, landscape and small sizes, with and
/// without larger text, and lists what is wrong: a text that does not fit, a node outside the
/// screen, two targets that overlap, a target smaller than the theme's minimum.
/// Tests run it with a fixed measurer and with the real fonts.
public enum LayoutAudit {
    public static let sizes = [
        Size(width: 1080, height: 1920), Size(width: 1920, height: 1080), Size(width: 1280, height: 800),
    ]

    /// With `content` (the shipped pack and agenda), every journey screen is audited too:
    /// each diagnostic item type, the result, every booking step and "my appointment".
    /// Each screen is laid out in the normal and the larger-text mode, and larger text must
    /// draw no text smaller than the normal mode does; then again with low reach, named
    /// "NAME low-reach", where a control out of a portrait screen's lower part is a problem.
    public static func run(measurer: TextMeasurer, catalogue: Catalogue? = nil, content: KioskContent = KioskContent())
        -> [String]
    {
        let catalogue = catalogue ?? sampleCatalogue
        var problems: [String] = []
        let policy = KioskPolicy(adminEnabled: true, siteName: "Médiathèque Louise-Michel")
        let context = ViewContext(
            size: sizes[0], catalogue: catalogue, measurer: measurer, policy: policy, content: content)
        for size in sizes {
            for language in Language.allCases {
                for (name, var state) in sampleStates(policy: policy)
                    + journeyStates(content: content, language: language)
                {
                    state.language = language
                    let normal = audit(state, size: size, context: context)
                    problems += normal.map { $0.line(name, language, size) }
                    // Low reach adds no problem of its own; what its layout shares with the
                    // screen it is based on is that screen's problem, listed once.
                    let baseline = LowReach.baselineSize(for: size).map { audit(state, size: $0, context: context) }
                    state.lowReach = true
                    let reach = audit(state, size: size, context: context)
                    let inherited = Set((baseline ?? normal).map(\.key))
                    problems += reach.filter { !inherited.contains($0.key) }.map {
                        $0.line(name + " low-reach", language, size)
                    }
                }
            }
        }
        return problems
    }

    /// A problem of one state at one size: `large` in the larger-text mode.
    struct Finding {
        var large: Bool
        var message: String
        func line(_ name: String, _ language: Language, _ size: Size) -> String {
            "\(name) \(language.rawValue) \(size)\(large ? " large" : ""): \(message)"
        }
        /// The problem without where it is on screen: the same one in a layout moved or scaled.
        var key: String { "\(large) " + message.replacing(/: -?\d+,-?\d+ \d+x\d+$/, with: "") }
    }

    /// One state at one size, in the normal and the larger-text mode.
    static func audit(_ state: KioskState, size: Size, context: ViewContext) -> [Finding] {
        var state = state
        var context = context
        context.size = size
        var problems: [Finding] = []
        var scenes: [Scene] = []
        for largeText in [false, true] {
            state.largeText = largeText
            let scene = view(state, context)
            // The lower part of a low-reach screen is a smaller screen: its theme's minimums.
            let laidOut =
                state.lowReach && size.isPortrait
                ? Size(width: size.width, height: LowReach.lowerPart(of: size).height) : size
            let theme = Theme(size: laidOut, largeText: largeText, highContrast: false)
            let found =
                audit(scene, minimumTarget: theme.minimumTarget, minimumKey: theme.minimumKey)
                + missingFacts(scene, state: state) + outOfReach(scene, state: state)
            problems += found.map { Finding(large: largeText, message: $0) }
            scenes.append(scene)
        }
        return problems
            + smallerWhenLarger(normal: scenes[0], large: scenes[1]).map { Finding(large: true, message: $0) }
    }

    /// In low reach on a portrait screen, the controls (and what a finger drags) out of the
    /// lower part.
    public static func outOfReach(_ scene: Scene, state: KioskState) -> [String] {
        guard state.lowReach, scene.size.isPortrait, state.screen != .attract else { return [] }
        let lower = LowReach.lowerPart(of: scene.size)
        return scene.nodes.filter { ($0.action != nil || $0.draggable) && !lower.contains($0.frame) }.map {
            "\($0.id) is out of reach: \($0.frame)"
        }
    }

    /// Compares an audit with the problems known and written down (one a line; `#` starts a
    /// comment): the list may only shrink. Returns the new problems and the ones now fixed.
    public static func ratchet(_ problems: [String], known text: String) -> (new: [String], fixed: [String]) {
        let known = text.split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") }
        let found = Set(problems)
        return (Array(Set(problems).subtracting(known)).sorted(), known.filter { !found.contains($0) })
    }

    /// The known-problems file for `problems`, keeping the comment lines of `text` (recorded
    /// with `RECORD_SNAPSHOTS=1`, like the snapshots: look at what it lists first).
    public static func knownProblemsFile(_ problems: [String], previous text: String) -> String {
        let comments = text.split(separator: "\n").filter { $0.hasPrefix("#") }.map(String.init)
        return (comments + Array(Set(problems)).sorted()).joined(separator: "\n") + "\n"
    }

    /// Texts the larger-text mode draws smaller than the normal mode.
    static func smallerWhenLarger(normal: Scene, large: Scene) -> [String] {
        large.textSizes.sorted { $0.key < $1.key }.compactMap { text, size in
            guard let before = normal.textSizes[text], size < before else { return nil }
            return "larger text draws \"\(text)\" at \(size) px, smaller than \(before) px"
        }
    }

    /// What a screen must show at every size: the saved appointment names its service.
    static func missingFacts(_ scene: Scene, state: KioskState) -> [String] {
        guard state.screen == .booking(.ticket), let service = state.booking?.service?.name[state.language] else {
            return []
        }
        return scene.nodes.contains { $0.label.contains(service) } ? [] : ["the ticket leaves out the service"]
    }

    public static func audit(_ scene: Scene, minimumTarget: Int, minimumKey: Int? = nil) -> [String] {
        var problems = scene.overflows.filter { !scene.cutWords.contains($0) }.map { "text does not fit: \"\($0)\"" }
        problems += scene.cutWords.map { "a word is cut: \"\($0)\"" }
        let screen = Rect(x: 0, y: 0, width: scene.size.width, height: scene.size.height)
        for node in scene.nodes where !screen.contains(node.frame) {
            problems.append("\(node.id) leaves the screen: \(node.frame)")
        }
        let targets = scene.interactiveNodes
        for (i, a) in targets.enumerated() {
            let minimum = a.role == .key ? (minimumKey ?? minimumTarget) : minimumTarget
            // A hands-on task's target is sized in millimetres by the content pack, on purpose
            // (can the person touch a small button?), and lies on the task's background.
            let isTask = a.id.hasPrefix("task-")
            if !isTask && (a.frame.width < minimum || a.frame.height < minimum) {
                problems.append("\(a.id) is smaller than \(minimum) px: \(a.frame)")
            }
            for b in targets[(i + 1)...]
            where a.frame.intersects(b.frame) && a.id != "attract" && !(isTask && b.id.hasPrefix("task-")) {
                problems.append("\(a.id) overlaps \(b.id)")
            }
        }
        return problems
    }

    /// Every screen with its longest content.
    public static func sampleStates(policy: KioskPolicy) -> [(String, KioskState)] {
        let start = KioskState.initial(now: .init(timeIntervalSince1970: 0), policy: policy)
        var help = start
        help.screen = .help(.choose(from: .home))
        var helpAdmin = start
        helpAdmin.screen = .help(.choose(from: .admin))
        var warning = help
        warning.idle = .warning(resetAt: .init(timeIntervalSince1970: 120), secondsLeft: 30)
        var attract = start
        attract.screen = .attract
        var display = start
        display.screen = .displayOptions
        display.highContrast = true
        var leaving = start
        leaving.screen = .leaveConfirmation
        var goodbye = start
        goodbye.screen = .goodbye(until: .init(timeIntervalSince1970: 5))
        var pin = start
        pin.screen = .adminPin
        pin.admin.pinDigits = "12345678"
        pin.admin.pinRejected = true
        var menu = start
        menu.screen = .adminMenu
        menu.admin.lastScreenshot = .saved("/var/lib/passerelle/screenshots/screen-2026-11-22T101500.png")
        var status = start
        status.screen = .adminStatus
        status.admin.status = (0..<12).map { StatusLine("Line \($0)", "value \($0)") }
        return [
            ("home", start), ("help", help), ("help-admin", helpAdmin), ("idle-warning", warning), ("attract", attract),
            ("goodbye", goodbye), ("display-options", display), ("leave-confirmation", leaving),
            ("admin-pin", pin), ("admin-menu", menu), ("admin-status", status),
        ]
    }

    /// One state per journey screen, with the content's longest texts: home with its tiles,
    /// then each journey's samples (`JourneySamples`), in the registry's order.
    public static func journeyStates(content: KioskContent, language: Language) -> [(String, KioskState)] {
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        var home = KioskState.initial(now: now, policy: KioskPolicy())
        home.language = language
        return [("home-with-journeys", home)]
            + JourneyID.allCases.flatMap { JourneySamples.states($0, home: home, content: content, now: now) }
    }

    /// Placeholder texts only for callers that pass no catalogue.
    static var sampleCatalogue: Catalogue {
        var texts: [Language: [TextKey: String]] = [:]
        for language in Language.allCases {
            texts[language] = Dictionary(uniqueKeysWithValues: TextKey.allCases.map { ($0, $0.rawValue) })
        }
        return Catalogue(texts: texts)
    }
}
