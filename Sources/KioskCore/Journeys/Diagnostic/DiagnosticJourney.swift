import Foundation

/// Where a person is in the diagnostic.
public enum DiagnosticStep: Equatable, Sendable {
    /// What it is: a few small tasks, no score, stop at any time.
    case intro
    /// The current item of the session.
    case item
    /// The picture of where they stand and the help that fits.
    case result
    /// The free resources to go on alone, on screen: nothing could print them.
    case resources
}

/// What a person does in the diagnostic (the hands-on tasks' drags and keys come through
/// the shared `.dragMoved`, `.dragEnded`, `.keyTyped` actions).
public enum DiagnosticAction: Equatable, Sendable {
    /// "Start" on the introduction.
    case startTapped
    /// "I don't know": always there, never counted against the person.
    case dontKnowTapped
    /// The tap target was touched.
    case targetTapped
    /// A touch on the task's background, beside the target.
    case besideTapped
    /// One of several choices: an icon, a message, a list entry, a rating step (0-based).
    case choiceTapped(Int)
    /// Yes / no / sometimes.
    case answerTapped(Answer)
    /// A single message: "I trust it" (true) or not.
    case trustTapped(Bool)
    /// The typed word was handed in ("Valider").
    case wordSubmitted
    /// The result's big button: the follow-up the core chose (`DiagnosticJourney.followUp`).
    case followUpTapped
    /// The store kept the anonymous result under this id (nil: it could not be saved).
    case resultSaved(UUID?)
    /// The resources list came out of the printer (or not).
    case resourcesPrinted(Bool)
    /// The resources on screen, a page on (true) or back: larger text may not show them all.
    case resourcesPageTurned(forward: Bool)

    /// Whether a person did this (not an effect's answer): the first such action opens a visit.
    var isPersonChoice: Bool {
        switch self {
        case .startTapped, .dontKnowTapped, .targetTapped, .besideTapped, .choiceTapped, .answerTapped, .trustTapped,
            .wordSubmitted, .followUpTapped, .resourcesPageTurned:
            return true
        case .resultSaved, .resourcesPrinted:
            return false
        }
    }
}

/// The diagnostic under way: the engine's session plus what the current item's screen needs.
public struct DiagnosticJourney: Equatable, Sendable {
    public var session: DiagnosticSession
    public var task: TaskState
    /// When the current item appeared (tasks record their time, never score it).
    public var itemShownAt: Date
    /// The result was shown and not yet saved; it is saved once, when the person leaves it.
    public var resultPending = false
    /// The anonymous result's id in the store, to link it to an appointment with consent.
    public var savedID: UUID?
    /// Whether the list of resources came out of the printer, once asked.
    public var resourcesPrinted: Bool?
    /// Which page of the resources on screen.
    public var resourcesPage = 0
    /// The hands-on task just done succeeded: the next screen says so ("C'est réussi !").
    /// A task that failed says nothing (never a mark against the person).
    public var lastSucceeded = false
    /// The keypad has just left out the tasks that need touch: the next item says so, once.
    public var touchTasksPassed = false

    public init(pack: DiagnosticPack, now: Date) {
        session = DiagnosticSession(pack: pack)
        task = TaskState()
        itemShownAt = now
    }

    public var report: DiagnosticReport { session.result() }
}

/// The current item's screen state; reset for every item.
public struct TaskState: Equatable, Sendable {
    public var misses = 0
    /// Tap target: how many appearances were touched.
    public var hits = 0
    /// Drag: where the object is, relative to its start, while a finger holds it.
    public var dragOffset: (Int, Int)? {
        get { dragDX.map { ($0, dragDY ?? 0) } }
        set { dragDX = newValue?.0; dragDY = newValue?.1 }
    }
    var dragDX: Int?
    var dragDY: Int?
    /// Scroll: the list's offset in pixels, committed and while a finger moves it.
    public var scrollOffset = 0
    public var scrollLive: Int?
    /// Type a word.
    public var entry = TextEntry(kind: .free, maxLength: 14)
    /// The last touch missed or the typed word was not the one asked: say so kindly.
    public var tryAgain = false

    public init() {}

    public var currentScroll: Int { scrollLive ?? scrollOffset }
}

/// What the result's big button leads to. Decided here once; the screen draws it.
public enum DiagnosticFollowUp: Equatable, Sendable {
    /// Book the service that gives this kind of help (the kiosk's agenda has one).
    case book(SupportKind)
    /// Print the list of free resources (an autonomous person).
    case printResources
    /// A person at the desk (nothing bookable fits).
    case askAPerson
}

extension DiagnosticJourney {
    public func followUp(content: KioskContent) -> DiagnosticFollowUp {
        let support = report.support
        if support.isBookable, content.agenda?.service(for: support) != nil { return .book(support) }
        if support == .autonomyResources { return .printResources }
        return .askAPerson
    }
}

/// The ids of a task's own nodes: the screens draw them, the reducer reads drags on them.
public enum TaskNode {
    /// The photo to drag, and the folder to drop it in.
    public static let dragObject = "drag-object"
    public static let dropBox = "drag-box"
    /// The scrolled list, and its entries ("scroll-entry-0", …): a drag on either scrolls.
    public static let scrollList = "scroll-list"
    public static func scrollEntry(_ index: Int) -> String { "scroll-entry-\(index)" }

    static func scrolls(_ id: String) -> Bool { id == scrollList || id.hasPrefix("scroll-entry-") }
}
