// Passerelle — diagnostic engine. Licensed under the EUPL-1.2.

/// The scoring rules and their thresholds. docs/diagnostic.md explains each one and why;
/// change both together. Everything is deterministic: the same answers give the same result.
public enum DiagnosticScoring {
    /// What a person does counts twice what they say about themselves.
    public static let handsOnWeight = 2.0
    public static let declarationWeight = 1.0

    /// autonome: handling ≥ 0.75, everyday ≥ 0.75 and advanced ≥ 0.6.
    public static let autonomousHandling = 0.75
    public static let autonomousEveryday = 0.75
    public static let autonomousAdvanced = 0.6
    /// entierement_accompagne: handling < 0.5 or everyday < 0.4; partiellement_autonome between.
    public static let accompaniedHandling = 0.5
    public static let accompaniedEveryday = 0.4
    /// exclu: handling < 0.5; eloigne: everyday < 0.5; proche otherwise.
    public static let excludedHandling = 0.5
    public static let distantEveryday = 0.5
    /// Area levels: starting < 0.4 ≤ developing < 0.75 ≤ confident.
    public static let areaDeveloping = 0.4
    public static let areaConfident = 0.75
    /// Fewer real answers than this: too little to judge.
    public static let minimumAnswers = 2
    /// Self-description this high (with at least 2 answers) while the handling tasks failed:
    /// the answers and the tasks disagree.
    public static let confidentDeclarations = 0.75
    /// At most this many strengths on the result screen.
    public static let maximumStrengths = 3

    /// The credit 0…1 an outcome earns, nil when it tells nothing (a question answered
    /// "I don't know"). A task answered "I don't know" earns what a task not done earns: 0,
    /// never less.
    static func credit(_ outcome: ItemOutcome, for item: DiagnosticItem) -> Double? {
        switch (outcome, item.kind) {
        case (.task(let success, _, _), _):
            return success ? 1 : 0
        case (.answer(let answer), .question(let question)):
            if answer == question.goodAnswer { return 1 }
            return answer == .sometimes ? 0.5 : 0
        case (.rating(let step), .selfRating(let rating)):
            return Double(step - 1) / Double(max(1, rating.steps.count - 1))
        case (.dontKnow, _), (.skipped, _):
            return item.isHandsOn ? 0 : nil
        default:
            return nil
        }
    }

    static func status(_ outcome: ItemOutcome, for item: DiagnosticItem) -> ItemStatus {
        switch outcome {
        case .dontKnow: return .dontKnow
        case .skipped: return .skippedByPerson
        default:
            switch credit(outcome, for: item) ?? 0 {
            case 1: return .succeeded
            case 0: return .notSucceeded
            default: return .partly
            }
        }
    }
}

extension DiagnosticSession {
    /// The result, from the answers so far. Call it when `isFinished`, or when the person
    /// leaves (then `isComplete` is false).
    public func result() -> DiagnosticReport {
        typealias S = DiagnosticScoring
        let plan = plan()
        let items = pack.items

        // Credit and weight of every item with something known about it.
        var known: [(item: DiagnosticItem, credit: Double, weight: Double)] = []
        var results: [ItemResult] = []
        for (index, item) in items.enumerated() {
            let weight = item.isHandsOn ? S.handsOnWeight : S.declarationWeight
            switch plan.entries[index] {
            case .asked(let answer):
                if let credit = S.credit(answer.outcome, for: item) { known.append((item, credit, weight)) }
                results.append(
                    ItemResult(id: item.id, status: S.status(answer.outcome, for: item), outcome: answer.outcome))
            case .skipped(let reason):
                if reason == .tooEasy { known.append((item, 1, weight)) }
                if reason == .tooHard { known.append((item, 0, weight)) }
                results.append(ItemResult(id: item.id, status: .notAsked(reason), outcome: nil))
            case .pending:
                results.append(ItemResult(id: item.id, status: .notReached, outcome: nil))
            }
        }
        func mean(_ filter: (DiagnosticItem) -> Bool) -> Double? {
            let chosen = known.filter { filter($0.item) }
            let total = chosen.reduce(0) { $0 + $1.weight }
            return total > 0 ? chosen.reduce(0) { $0 + $1.credit * $1.weight } / total : nil
        }

        let handling = mean { $0.difficulty == 1 }
        let everyday = mean { $0.difficulty == 2 }
        let advanced = mean { $0.difficulty == 3 }
        let (h, e, a) = (handling ?? 0, everyday ?? 0, advanced ?? 0)

        let autonomy: AutonomyLevel
        if h >= S.autonomousHandling && e >= S.autonomousEveryday && a >= S.autonomousAdvanced {
            autonomy = .autonome
        } else if h < S.accompaniedHandling || e < S.accompaniedEveryday {
            autonomy = .entierementAccompagne
        } else {
            autonomy = .partiellementAutonome
        }
        let profile: CNVProfile = h < S.excludedHandling ? .exclu : e < S.distantEveryday ? .eloigne : .proche

        let areas = DigCompArea.allCases.map { area -> AreaResult in
            let score = mean { $0.area == area }
            let level: AreaLevel
            switch score {
            case nil: level = .notAssessed
            case let s? where s < S.areaDeveloping: level = .starting
            case let s? where s < S.areaConfident: level = .developing
            default: level = .confident
            }
            return AreaResult(area: area, level: level, score: score)
        }

        let reason = orientation(autonomy: autonomy, profile: profile, areas: areas, plan: plan)
        let support = Self.support(for: reason)

        // Strengths: succeeded items, hardest first, hands-on before declarations.
        let succeeded = items.indices.filter { results[$0].status == .succeeded }
        let strengths = succeeded.sorted { a, b in
            let (x, y) = (items[a], items[b])
            if x.difficulty != y.difficulty { return x.difficulty > y.difficulty }
            if x.isHandsOn != y.isHandsOn { return x.isHandsOn }
            return a < b
        }.prefix(S.maximumStrengths).map { items[$0].strength }

        let step = autonomy == .autonome ? 3 : autonomy == .partiellementAutonome ? 2 : 1
        return DiagnosticReport(
            step: step, stepText: pack.steps[step - 1], autonomy: autonomy, profile: profile,
            support: support, supportReason: reason, help: pack.help[support] ?? Self.missingHelp,
            strengths: Array(strengths), encouragement: strengths.isEmpty ? pack.encouragement : nil,
            areas: areas, items: results, handling: handling, everyday: everyday, advanced: advanced,
            isComplete: plan.next == nil)
    }

    /// Orientation: the first rule that applies.
    private func orientation(autonomy: AutonomyLevel, profile: CNVProfile, areas: [AreaResult], plan: SessionPlan)
        -> OrientationReason
    {
        typealias S = DiagnosticScoring
        let items = pack.items
        let realAnswers = answers.filter(\.outcome.isAnswer).count
        let declarations = answers.compactMap { answer -> Double? in
            let item = items[answer.itemIndex]
            return item.isHandsOn ? nil : S.credit(answer.outcome, for: item)
        }
        let declared = declarations.isEmpty ? 0 : declarations.reduce(0, +) / Double(declarations.count)
        if realAnswers < S.minimumAnswers {
            return .tooFewAnswers
        } else if declarations.count >= 2 && declared >= S.confidentDeclarations && plan.evidence.handlingFailed {
            return .answersAndTasksDisagree
        } else {
            switch (autonomy, profile) {
            case (.entierementAccompagne, .exclu): return .needsAPersonNow
            case (.entierementAccompagne, _): return .needsTheBasics
            case (.partiellementAutonome, .proche): return .learnInAGroup
            case (.partiellementAutonome, _): return .learnOneToOne
            case (.autonome, _):
                return areas[DigCompArea.safety.rawValue - 1].level == .confident ? .autonomous : .safetyToLearn
            }
        }
    }

    static func support(for reason: OrientationReason) -> SupportKind {
        switch reason {
        case .tooFewAnswers, .answersAndTasksDisagree: return .talkToConseiller
        case .needsAPersonNow: return .procedureHelp
        case .needsTheBasics, .learnOneToOne: return .individualLearning
        case .learnInAGroup, .safetyToLearn: return .workshop
        case .autonomous: return .autonomyResources
        }
    }

    /// Never used with a loaded pack (loading requires every kind's text).
    private static let missingHelp = DiagnosticPack.HelpText(
        pictogram: "support_agent", title: LocalizedText(fr: "", en: "", ar: ""),
        text: LocalizedText(fr: "", en: "", ar: ""))
}
