// Passerelle — diagnostic engine. Licensed under the EUPL-1.2.

/// The result of a diagnostic: where the person stands and the help that fits. Computed by
/// `DiagnosticSession.result()` at any moment (also when the person leaves early).
public struct DiagnosticReport: Equatable, Sendable {
    /// 1, 2 or 3: the step of the three-step path the person stands on.
    public let step: Int
    public let stepText: DiagnosticPack.PathStep
    /// CRA v2 autonomy, in the national vocabulary (`rawValue`).
    public let autonomy: AutonomyLevel
    /// CNV 2018 profile.
    public let profile: CNVProfile
    /// The help that fits, and why (the rule that chose it).
    public let support: SupportKind
    public let supportReason: OrientationReason
    public let help: DiagnosticPack.HelpText
    /// What the person already does well: at most 3 strength texts of items they succeeded,
    /// hardest first. Empty when none succeeded: show `encouragement` then.
    public let strengths: [LocalizedText]
    public let encouragement: LocalizedText?
    /// A level per DigComp area, areas 1…5 in order.
    public let areas: [AreaResult]
    /// Every item of the pack, in pack order, with what happened to it.
    public let items: [ItemResult]
    /// Scores 0…1 of the three difficulties (nil: nothing known), as the rules used them.
    public let handling: Double?
    public let everyday: Double?
    public let advanced: Double?
    /// False when the person left before the end: the result uses what was answered.
    public let isComplete: Bool

    /// DigComp area code → score 0…1, for the store (`DiagnosticResult.scores`). Never shown.
    public var scores: [String: Double] {
        var result: [String: Double] = [:]
        for area in areas { if let score = area.score { result[area.area.code] = score } }
        return result
    }

    /// Ids of the items done (succeeded) and of those tried but not done.
    public var done: [String] { items.filter { $0.status == .succeeded }.map(\.id) }
    public var notDone: [String] {
        items.filter { [.partly, .notSucceeded, .dontKnow, .skippedByPerson].contains($0.status) }.map(\.id)
    }
    /// The tasks left out because the person used the keypad: not measured, neither done nor not.
    public var leftOutForKeys: [String] { items.filter { $0.status == .notAsked(.needsTouch) }.map(\.id) }
}

/// CRA v2 autonomy scale (La Coop de la médiation numérique). `rawValue` is the national code.
public enum AutonomyLevel: String, CaseIterable, Sendable {
    case entierementAccompagne = "entierement_accompagne"
    case partiellementAutonome = "partiellement_autonome"
    case autonome
}

/// CNV 2018 profiles. `rawValue` is the code the store keeps.
public enum CNVProfile: String, CaseIterable, Sendable {
    /// Uses digital tools, unsure with administration.
    case proche
    /// Lacks basics (e-mail, messages): autonomous after some training.
    case eloigne
    /// Cannot use the screen yet: needs a person.
    case exclu
}

/// Which scoring rule chose the help (docs/diagnostic.md, "Orientation").
public enum OrientationReason: String, CaseIterable, Sendable {
    /// Fewer than 2 real answers: nothing to judge on; a conseiller will find out.
    case tooFewAnswers = "too_few_answers"
    /// The person says they can, the handling tasks say not yet: a conseiller will find out.
    case answersAndTasksDisagree = "answers_and_tasks_disagree"
    /// Cannot handle the screen yet: an aidant does today's procedure with the person.
    case needsAPersonNow = "needs_a_person_now"
    /// Handles the screen, lacks the everyday basics: one-to-one learning.
    case needsTheBasics = "needs_the_basics"
    /// Partly autonomous, still shaky on everyday things: one-to-one learning.
    case learnOneToOne = "learn_one_to_one"
    /// Partly autonomous, everyday things go well: a workshop to go further.
    case learnInAGroup = "learn_in_a_group"
    /// Autonomous but unsure about safety: a workshop on frauds and personal data.
    case safetyToLearn = "safety_to_learn"
    /// Autonomous: resources to go on alone.
    case autonomous
}

/// A level per DigComp area.
public struct AreaResult: Equatable, Sendable {
    public let area: DigCompArea
    public let level: AreaLevel
    /// 0…1 (nil when nothing of the area was asked). For the store, never shown.
    public let score: Double?
}

public enum AreaLevel: String, Sendable {
    /// Nothing of this area was asked.
    case notAssessed = "not_assessed"
    /// Score below 0.4: to discover.
    case starting
    /// 0.4 up to 0.75: some things are done.
    case developing
    /// 0.75 and more: at ease.
    case confident
}

/// What happened to one item.
public struct ItemResult: Equatable, Sendable {
    public let id: String
    public let status: ItemStatus
    /// The recorded outcome (with time and misses) when the item was asked.
    public let outcome: ItemOutcome?
}

public enum ItemStatus: Equatable, Sendable {
    /// Task done, good answer, or the top step of a self-rating.
    case succeeded
    /// "Sometimes", or a middle step of a self-rating.
    case partly
    /// Task not done, the other answer, or the lowest step.
    case notSucceeded
    case dontKnow
    /// Passed by the person.
    case skippedByPerson
    /// Passed over by the adaptive rules.
    case notAsked(SkipReason)
    /// The person left before this item.
    case notReached
}
