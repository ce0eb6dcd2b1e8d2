// Passerelle — diagnostic engine. Licensed under the EUPL-1.2.

// MARK: - The adaptive rules
//
// Items are asked in pack order. Before each item the rules below look at the hands-on tasks
// answered so far, per difficulty, and may pass the item over. They are documented, with their
// reasons, in docs/diagnostic.md ("Adaptive rules"); change both together.

/// Why an item was not asked.
public enum SkipReason: String, Equatable, Sendable {
    /// The tasks of this difficulty went so well that it is clearly known (counted as done).
    case tooEasy = "too_easy"
    /// The easier tasks did not go well: asking this would only discourage (counted as not done).
    case tooHard = "too_hard"
    /// The session reached its item count or estimated-time limit (not counted).
    case limit
    /// The person uses the keypad, and the task measures handling a touch screen (touching a
    /// target, dragging, sliding a list): a keypad cannot show that skill (not counted).
    case needsTouch = "needs_touch"
}

/// What the hands-on tasks answered so far show, per difficulty (index 1…3).
struct TaskEvidence: Equatable {
    var attempted = [0, 0, 0, 0]
    var succeeded = [0, 0, 0, 0]
    /// Succeeded with at most one missed touch.
    var clean = [0, 0, 0, 0]

    mutating func add(_ outcome: ItemOutcome, for item: DiagnosticItem) {
        guard item.isHandsOn else { return }
        let d = item.difficulty
        attempted[d] += 1
        if case .task(true, _, let misses) = outcome {
            succeeded[d] += 1
            if misses <= 1 { clean[d] += 1 }
        }
    }

    /// At least 3 handling tasks tried and at most one done: the level is clear.
    var beginnerIsClear: Bool { attempted[1] >= 3 && succeeded[1] <= 1 }
    /// At least 2 handling tasks tried and fewer than half done.
    var handlingFailed: Bool { attempted[1] >= 2 && succeeded[1] * 2 < attempted[1] }
    /// At least 2 everyday tasks tried and fewer than half done.
    var everydayFailed: Bool { attempted[2] >= 2 && succeeded[2] * 2 < attempted[2] }

    /// At least 3 tasks of difficulty `d` done cleanly and none missed.
    func isClearlyEasy(_ d: Int) -> Bool { clean[d] >= 3 && succeeded[d] == attempted[d] }

    /// The rule that passes `item` over, if any.
    func skipReason(for item: DiagnosticItem) -> SkipReason? {
        let d = item.difficulty
        let isQuestion = item.type == .question
        switch d {
        case 1:
            if item.isHandsOn && beginnerIsClear { return .tooHard }
        case 2:
            if handlingFailed && !isQuestion { return .tooHard }
        default:
            if handlingFailed { return .tooHard }
            if everydayFailed && !isQuestion { return .tooHard }
        }
        if item.type != .selfRating && isClearlyEasy(d) { return .tooEasy }
        return nil
    }
}

/// The replay of a session: what happened to every item, and what comes next.
struct SessionPlan: Equatable {
    enum Entry: Equatable {
        case asked(RecordedAnswer)
        case skipped(SkipReason)
        /// After the current item: not decided yet.
        case pending
    }

    var entries: [Entry]
    /// Index of the item to ask now.
    var next: Int?
    /// Items expected from `next` on, given the answers so far (0 when finished).
    var expectedRemaining: Int
    var evidence: TaskEvidence
}

extension DiagnosticSession {
    /// Replays the answers through the rules. Pure and cheap (one pass over the items).
    func plan() -> SessionPlan {
        let items = pack.items
        var entries = [SessionPlan.Entry](repeating: .pending, count: items.count)
        var evidence = TaskEvidence()
        var asked = 0
        var askedSeconds = 0
        var pendingAnswers = answers[...]

        func decide(_ item: DiagnosticItem) -> SkipReason? {
            if keysOnly && item.type.needsTouch { return .needsTouch }
            if let reason = evidence.skipReason(for: item) { return reason }
            if asked >= pack.limits.maxItems || askedSeconds + item.seconds > pack.limits.maxSeconds { return .limit }
            return nil
        }

        var next: Int?
        var index = 0
        while index < items.count {
            let item = items[index]
            if let answer = pendingAnswers.first, answer.itemIndex == index {
                pendingAnswers.removeFirst()
                entries[index] = .asked(answer)
                evidence.add(answer.outcome, for: item)
                asked += 1
                askedSeconds += item.seconds
            } else if let reason = decide(item) {
                entries[index] = .skipped(reason)
            } else {
                next = index
                break
            }
            index += 1
        }

        // What would be asked after `next` if the evidence stayed as it is now.
        var expected = 0
        if let next {
            expected = 1
            asked += 1
            askedSeconds += items[next].seconds
            for item in items[(next + 1)...] where decide(item) == nil {
                expected += 1
                asked += 1
                askedSeconds += item.seconds
            }
        }
        return SessionPlan(entries: entries, next: next, expectedRemaining: expected, evidence: evidence)
    }
}
