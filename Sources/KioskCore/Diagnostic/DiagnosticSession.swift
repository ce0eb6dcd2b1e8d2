// Passerelle — diagnostic engine. Licensed under the EUPL-1.2.
import Foundation

/// One person's diagnostic, as a pure value the kiosk keeps in its state.
///
/// The session holds only the answers. Which item comes next, what was skipped and why, the
/// progress and the result are all computed from the pack and the answers by the same
/// deterministic replay (`plan`), so `undo()` is just "forget the last answer" and a session
/// rebuilt from the same answers is equal. Nothing here reads a clock: the screen passes the
/// time of each answer.
public struct DiagnosticSession: Equatable, Sendable {
    public let pack: DiagnosticPack
    /// The answers given, oldest first.
    public private(set) var answers: [RecordedAnswer] = []
    /// The person uses the keypad: the tasks that need touch are passed over from the current
    /// item on (`SkipReason.needsTouch`); those already answered keep their answer.
    public var keysOnly = false

    public init(pack: DiagnosticPack) {
        self.pack = pack
    }

    // MARK: - Reading

    /// The item to show now, nil when the diagnostic is finished.
    public var currentItem: DiagnosticItem? {
        plan().next.map { pack.items[$0] }
    }

    /// The diagnostic has nothing more to ask (the result can be shown).
    public var isFinished: Bool { plan().next == nil }

    /// For the progress dots: items answered, and the number expected in all given the answers
    /// so far. The total may shrink or grow as the answers show the level. Never show it as a
    /// score or a percentage.
    public var progress: (done: Int, expectedTotal: Int) {
        let plan = plan()
        return (answers.count, answers.count + plan.expectedRemaining)
    }

    /// Whether there is an answer to undo.
    public var canUndo: Bool { !answers.isEmpty }

    // MARK: - Changing

    /// Records the outcome of the current item, at `date`. Returns false and changes nothing if
    /// the diagnostic is finished or the outcome does not fit the item (a `.rating` for a task,
    /// a rating step out of range): a screen bug must not end a person's diagnostic.
    @discardableResult
    public mutating func record(_ outcome: ItemOutcome, at date: Date) -> Bool {
        guard let index = plan().next, Self.outcome(outcome, fits: pack.items[index]) else { return false }
        answers.append(RecordedAnswer(itemIndex: index, itemID: pack.items[index].id, outcome: outcome, at: date))
        return true
    }

    /// Goes back to the previous item and forgets its answer. Returns false at the first item.
    @discardableResult
    public mutating func undo() -> Bool {
        guard !answers.isEmpty else { return false }
        answers.removeLast()
        return true
    }

    /// Whether `outcome` is a possible answer to `item`.
    public static func outcome(_ outcome: ItemOutcome, fits item: DiagnosticItem) -> Bool {
        switch (outcome, item.kind) {
        case (.dontKnow, _), (.skipped, _):
            return true
        case (.task(_, let seconds, let misses), _):
            return item.isHandsOn && seconds >= 0 && seconds.isFinite && misses >= 0
        case (.answer, .question):
            return true
        case (.rating(let step), .selfRating(let rating)):
            return (1...rating.steps.count).contains(step)
        default:
            return false
        }
    }
}
