import Foundation

/// Where a person is in the diagnostic.
public enum DiagnosticStep: Equatable, Sendable {
    /// What it is: a few small tasks, no score, stop at any time.
    case intro
    /// The current item of the session.
    case item
    /// The picture of where they stand and the help that fits.
    case result
}

/// What a person does in the diagnostic (the hands-on tasks' drags and keys come through
/// the shared `.dragMoved`, `.dragEnded`, `.keyTyped` actions).
public enum DiagnosticAction: Equatable, Sendable {
    case start
    /// "I don't know": always there, never counted against the person.
    case dontKnow
    /// The tap target was touched.
    case targetHit
    /// A touch on the task's background, beside the target.
    case missed
    /// One of several choices: an icon, a message, a list entry, a rating step (0-based).
    case choice(Int)
    /// Yes / no / sometimes.
    case answer(Answer)
    /// A single message: "I trust it" (true) or not.
    case trust(Bool)
    /// The typed word is finished.
    case submitWord
    /// The result's big button: book the help that fits, ask a person, or print resources.
    case followHelp
    /// The store's id of the anonymous result, once saved (nil: it could not be saved).
    case saved(UUID?)
    /// The resources list was printed (or not).
    case printed(Bool)
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

    public init(pack: DiagnosticPack, now: Date) {
        session = DiagnosticSession(pack: pack)
        task = TaskState(item: session.currentItem)
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

    public init(item: DiagnosticItem?) {}

    public var currentScroll: Int { scrollLive ?? scrollOffset }
}

extension KioskState {
    /// Reduces the diagnostic's own actions and the shared ones while an item is shown.
    mutating func reduceDiagnostic(_ action: Action, env: Environment) -> [Effect] {
        let now = env.now
        switch action {
        case .journeyTapped(.diagnostic):
            guard let pack = env.content.diagnosticPack else { return [] }
            diagnostic = DiagnosticJourney(pack: pack, now: now)
            go(to: .diagnostic(.intro))
            return []

        case .diagnostic(.start):
            guard screen == .diagnostic(.intro), var journey = diagnostic else { return [] }
            journey.itemShownAt = now
            journey.task = TaskState(item: journey.session.currentItem)
            diagnostic = journey
            go(to: .diagnostic(.item))
            return []

        case .diagnostic(.saved(let id)):
            diagnostic?.savedID = id
            return []

        case .diagnostic(.printed(let ok)):
            diagnostic?.resourcesPrinted = ok
            return []

        case .diagnostic(.followHelp):
            guard screen == .diagnostic(.result), let journey = diagnostic else { return [] }
            let effects = settleDiagnostic()
            let support = journey.report.support
            if support.isBookable, env.content.booking?.service(for: support) != nil {
                return effects + reduceBooking(.journeyTapped(.booking(support)), env: env)
            }
            if support == .autonomyResources {
                return effects + [.printResources(journey.report, language: language)]
            }
            go(to: .help(from: .home))
            return effects

        case .backTapped where screen == .diagnostic(.item):
            guard var journey = diagnostic else { return [] }
            if journey.session.undo() {
                journey.task = TaskState(item: journey.session.currentItem)
                journey.itemShownAt = now
                diagnostic = journey
                focus = nil
                return []
            }
            show(history.popLast() ?? .home)
            return []

        case .backTapped where screen == .diagnostic(.result):
            // Back from the result undoes the last answer: the person can change it.
            guard var journey = diagnostic else { return [] }
            journey.session.undo()
            journey.resultPending = false
            journey.task = TaskState(item: journey.session.currentItem)
            journey.itemShownAt = now
            diagnostic = journey
            show(.diagnostic(.item))
            return []

        default:
            guard screen == .diagnostic(.item), diagnostic != nil else { return [] }
            return reduceItem(action, now: now)
        }
    }

    /// An action on the current item.
    private mutating func reduceItem(_ action: Action, now: Date) -> [Effect] {
        guard var journey = diagnostic, let item = journey.session.currentItem else { return [] }
        var task = journey.task
        var outcome: ItemOutcome?
        let seconds = max(0, now.timeIntervalSince(journey.itemShownAt))
        func done(_ success: Bool) { outcome = .task(success: success, seconds: seconds, misses: task.misses) }
        func miss() { task.misses += 1; task.tryAgain = true }

        switch (action, item.kind) {
        case (.diagnostic(.dontKnow), _):
            outcome = .dontKnow
        case (.diagnostic(.targetHit), .tapTarget(let target)):
            task.hits += 1
            task.tryAgain = false
            if task.hits >= target.repeatCount { done(true) }
        case (.diagnostic(.missed), _):
            miss()
        case (.dragMoved(let id, let dx, let dy), .drag) where id == "drag-object":
            task.dragOffset = (dx, dy)
        case (.dragEnded(let id, _, _, let droppedOn), .drag) where id == "drag-object":
            task.dragOffset = nil
            if droppedOn == "drag-box" { done(true) } else { miss() }
        case (.dragMoved(let id, _, let dy), .scroll) where id.hasPrefix("scroll-"):
            task.scrollLive = task.scrollOffset - dy
        case (.dragEnded(let id, _, let dy, _), .scroll) where id.hasPrefix("scroll-"):
            task.scrollOffset = max(0, task.scrollOffset - dy)
            task.scrollLive = nil
        case (.diagnostic(.choice(let index)), .scroll(let scroll)):
            if index == scroll.answerIndex { done(true) } else { miss() }
        case (.diagnostic(.choice(let index)), .findIcon(let find)):
            if find.choices.indices.contains(index), find.isCorrect(choice: find.choices[index]) {
                done(task.misses == 0)
            } else {
                miss()
            }
        case (.diagnostic(.choice(let index)), .spotFraud(let fraud)) where !fraud.isJudge:
            done(fraud.isCorrect(pick: index))
        case (.diagnostic(.trust(let trusts)), .spotFraud(let fraud)) where fraud.isJudge:
            done(fraud.isCorrect(trusts: trusts))
        case (.diagnostic(.choice(let index)), .selfRating(let rating)) where rating.steps.indices.contains(index):
            outcome = .rating(index + 1)
        case (.diagnostic(.answer(let answer)), .question):
            outcome = .answer(answer)
        case (.keyTyped(let text), .typeWord):
            task.entry.type(text)
            task.tryAgain = false
        case (.keyErased, .typeWord):
            task.entry.erase()
        case (.shiftTapped, .typeWord):
            task.entry.toggleShift()
        case (.diagnostic(.submitWord), .typeWord(let word)):
            guard !task.entry.text.isEmpty else { return [] }
            if word.accepts(task.entry.text, in: language) {
                done(true)
            } else {
                miss()
                task.entry = TextEntry(kind: .free, maxLength: 14)
            }
        default:
            return []
        }

        if let outcome {
            journey.session.record(outcome, at: now)
            journey.task = TaskState(item: journey.session.currentItem)
            journey.itemShownAt = now
            focus = nil
            if journey.session.isFinished {
                journey.resultPending = true
                diagnostic = journey
                show(.diagnostic(.result))
                return []
            }
        } else {
            journey.task = task
        }
        diagnostic = journey
        return []
    }

    /// Saves the shown result once, when the person leaves it (or is forgotten).
    mutating func settleDiagnostic() -> [Effect] {
        guard var journey = diagnostic, journey.resultPending else { return [] }
        journey.resultPending = false
        diagnostic = journey
        return [.saveDiagnostic(journey.report, language: language)]
    }
}

extension DiagnosticPack {
    /// The same pack with only these items (previews and the layout audit show an item the
    /// adaptive path would skip). Texts and limits are the pack's own.
    public func restricted(to items: [DiagnosticItem]) -> DiagnosticPack {
        DiagnosticPack(id: id, version: version, items: items, steps: steps, help: help, encouragement: encouragement, limits: limits)
    }
}
