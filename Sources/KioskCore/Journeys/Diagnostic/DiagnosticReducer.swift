import Foundation

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

        case .diagnostic(.startTapped):
            guard screen == .diagnostic(.intro), var journey = diagnostic else { return [] }
            journey.itemShownAt = now
            journey.task = TaskState()
            diagnostic = journey
            go(to: .diagnostic(.item))
            return []

        case .diagnostic(.resultSaved(let id)):
            diagnostic?.savedID = id
            return []

        case .diagnostic(.resourcesPrinted(let ok)):
            diagnostic?.resourcesPrinted = ok
            // Nothing printed: the list on screen, to photograph or copy.
            if !ok, screen == .diagnostic(.result) { go(to: .diagnostic(.resources)) }
            return []

        case .diagnostic(.resourcesPageTurned(let forward)):
            guard screen == .diagnostic(.resources), var journey = diagnostic else { return [] }
            journey.resourcesPage = max(0, journey.resourcesPage + (forward ? 1 : -1))
            diagnostic = journey
            focus = nil
            return []

        case .diagnostic(.followUpTapped):
            guard screen == .diagnostic(.result), let journey = diagnostic else { return [] }
            let effects = settleDiagnostic()
            switch journey.followUp(content: env.content) {
            case .book(let support):
                return effects + reduceBooking(.journeyTapped(.booking(support)), env: env)
            case .printResources:
                // No printer here: the list goes on screen at once.
                guard env.policy.printerConfigured else {
                    go(to: .diagnostic(.resources))
                    return effects
                }
                return effects + [.printResources(journey.report, language: language)]
            case .askAPerson:
                help = HelpJourney(offers: HelpJourney.offers(env.policy))
                go(to: .help(.choose(from: .home)))
                return effects
            }

        default:
            guard screen == .diagnostic(.item), diagnostic != nil else { return [] }
            return reduceItem(action, now: now)
        }
    }

    /// "Back" on an item undoes the last answer (or leaves from the first); on the result it
    /// goes back to the last item so the person can change it. Elsewhere the shell's back.
    mutating func diagnosticBack(env: Environment) -> [Effect]? {
        guard case .diagnostic(let step) = screen, var journey = diagnostic else { return nil }
        switch step {
        case .intro:
            return nil
        case .item:
            guard journey.session.undo() else {
                show(history.popLast() ?? .home)
                return []
            }
            journey.task = TaskState()
            journey.itemShownAt = env.now
            journey.lastSucceeded = false
            diagnostic = journey
            focus = nil
            return []
        case .resources:
            show(.diagnostic(.result))
            return []
        case .result:
            journey.session.undo()
            journey.resultPending = false
            journey.task = TaskState()
            journey.itemShownAt = env.now
            diagnostic = journey
            show(.diagnostic(.item))
            return []
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
        case (.diagnostic(.dontKnowTapped), _):
            outcome = .dontKnow
        case (.diagnostic(.targetTapped), .tapTarget(let target)):
            task.hits += 1
            task.tryAgain = false
            if task.hits >= target.repeatCount { done(true) }
        case (.diagnostic(.besideTapped), _):
            miss()
        case (.dragMoved(let id, let dx, let dy), .drag) where id == TaskNode.dragObject:
            task.dragOffset = (dx, dy)
        case (.dragEnded(let id, _, _, let droppedOn), .drag) where id == TaskNode.dragObject:
            task.dragOffset = nil
            if droppedOn == TaskNode.dropBox { done(true) } else { miss() }
        case (.dragMoved(let id, _, let dy), .scroll) where TaskNode.scrolls(id):
            task.scrollLive = task.scrollOffset - dy
        case (.dragEnded(let id, _, let dy, _), .scroll) where TaskNode.scrolls(id):
            task.scrollOffset = max(0, task.scrollOffset - dy)
            task.scrollLive = nil
        case (.diagnostic(.choiceTapped(let index)), .scroll(let scroll)):
            if index == scroll.answerIndex { done(true) } else { miss() }
        case (.diagnostic(.choiceTapped(let index)), .findIcon(let find)):
            if find.choices.indices.contains(index), find.isCorrect(choice: find.choices[index]) {
                done(task.misses == 0)
            } else {
                miss()
            }
        case (.diagnostic(.choiceTapped(let index)), .spotFraud(let fraud)) where !fraud.isJudge:
            done(fraud.isCorrect(pick: index))
        case (.diagnostic(.trustTapped(let trusts)), .spotFraud(let fraud)) where fraud.isJudge:
            done(fraud.isCorrect(trusts: trusts))
        case (.diagnostic(.choiceTapped(let index)), .selfRating(let rating))
        where rating.steps.indices.contains(index):
            outcome = .rating(index + 1)
        case (.diagnostic(.answerTapped(let answer)), .question):
            outcome = .answer(answer)
        case (.keyTyped(let text), .typeWord):
            task.entry.type(text)
            task.tryAgain = false
        case (.keyErased, .typeWord):
            task.entry.erase()
        case (.shiftTapped, .typeWord):
            task.entry.toggleShift()
        case (.diagnostic(.wordSubmitted), .typeWord(let word)):
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

        if let outcome { return record(outcome, in: &journey, now: now) }
        journey.task = task
        diagnostic = journey
        return []
    }

    /// An item answered: the engine records it, and the next item (or the result) shows.
    private mutating func record(_ outcome: ItemOutcome, in journey: inout DiagnosticJourney, now: Date) -> [Effect] {
        if case .task(success: true, _, _) = outcome {
            journey.lastSucceeded = true
        } else {
            journey.lastSucceeded = false
        }
        journey.session.record(outcome, at: now)
        journey.touchTasksPassed = false
        journey.task = TaskState()
        journey.itemShownAt = now
        focus = nil
        if journey.session.isFinished {
            journey.resultPending = true
            diagnostic = journey
            show(.diagnostic(.result))
            return []
        }
        diagnostic = journey
        return []
    }

    /// The keypad moved the focus during the diagnostic: from now on the tasks that need touch
    /// are passed over, not counted (`SkipReason.needsTouch`, docs/keypad.md). When the
    /// current item is one of them, the next one shows at once.
    mutating func keypadUsed(now: Date) {
        guard case .diagnostic(let step) = screen, step != .result, var journey = diagnostic,
            !journey.session.keysOnly
        else { return }
        let before = journey.session.currentItem
        journey.session.keysOnly = true
        let answered = Set(journey.session.answers.map(\.itemIndex))
        let items = journey.session.pack.items
        journey.touchTasksPassed = items.indices.contains { items[$0].type.needsTouch && !answered.contains($0) }
        guard step == .item, before?.id != journey.session.currentItem?.id else {
            diagnostic = journey
            return
        }
        journey.task = TaskState()
        journey.itemShownAt = now
        journey.lastSucceeded = false
        focus = nil
        if journey.session.isFinished {
            journey.resultPending = true
            diagnostic = journey
            show(.diagnostic(.result))
            return
        }
        diagnostic = journey
    }

    /// Saves the shown result once, when the person leaves it (or is forgotten).
    mutating func settleDiagnostic() -> [Effect] {
        guard var journey = diagnostic, journey.resultPending else { return [] }
        journey.resultPending = false
        diagnostic = journey
        return [.saveDiagnostic(journey.report, language: language)]
    }
}
