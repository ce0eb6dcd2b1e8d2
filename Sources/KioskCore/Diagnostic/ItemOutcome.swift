// Passerelle — diagnostic engine. Licensed under the EUPL-1.2.
import Foundation

/// What the person did on one item, as the screen reports it.
public enum ItemOutcome: Equatable, Sendable {
    /// A hands-on task: whether it was done, how long it took (recorded, never scored: the
    /// diagnostic is untimed) and how many touches missed.
    case task(success: Bool, seconds: Double, misses: Int)
    /// The answer to a question.
    case answer(Answer)
    /// A self-rating: the step chosen, 1 (lowest) … the number of steps.
    case rating(Int)
    /// "I don't know": always offered, never a mistake (see docs/diagnostic.md).
    case dontKnow
    /// The person passed the item without answering.
    case skipped

    /// Whether the outcome is a real answer (not "I don't know", not passed).
    public var isAnswer: Bool {
        switch self {
        case .dontKnow, .skipped: return false
        default: return true
        }
    }
}

/// The answers to a `question` item.
public enum Answer: String, CaseIterable, Sendable {
    case yes, no, sometimes
}

/// One recorded answer of a session.
public struct RecordedAnswer: Equatable, Sendable {
    /// Index of the item in `pack.items`.
    public let itemIndex: Int
    public let itemID: String
    public let outcome: ItemOutcome
    public let at: Date
}
