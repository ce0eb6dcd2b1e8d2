// Passerelle — diagnostic engine. Licensed under the EUPL-1.2.
import Foundation

/// What simulated people reach through a pack: used by `load` to prove every outcome is
/// reachable, and by `passerellectl content check` for the duration range.
public struct DiagnosticSimulation: Equatable, Sendable {
    public var patterns = 0
    public var autonomy: Set<AutonomyLevel> = []
    public var profiles: Set<CNVProfile> = []
    public var support: Set<SupportKind> = []
    /// Fewest and most items asked, and the shortest and longest estimated time (seconds).
    public var items: ClosedRange<Int> = 0...0
    public var seconds: ClosedRange<Int> = 0...0
}

/// A deterministic simulated person: how they do hands-on tasks of each difficulty and how
/// they answer questions and self-ratings.
struct SimulatedPerson: Equatable {
    enum Tasks: CaseIterable { case allDone, everyOther, noneDone, dontKnow }
    enum Declarations: CaseIterable { case good, middle, bad, dontKnow }

    /// Index 1…3 (0 unused).
    var tasks: [Tasks]
    var declarations: Declarations
    /// Fails every safety (area 4) task whatever their level.
    var failsSafety: Bool

    /// Every combination the validation tries.
    static var all: [SimulatedPerson] {
        var people: [SimulatedPerson] = []
        for t1 in Tasks.allCases {
            for t2 in [Tasks.allDone, .everyOther, .noneDone] {
                for t3 in [Tasks.allDone, .noneDone] {
                    for declarations in Declarations.allCases {
                        for failsSafety in [false, true] {
                            people.append(
                                SimulatedPerson(
                                    tasks: [.dontKnow, t1, t2, t3], declarations: declarations, failsSafety: failsSafety
                                ))
                        }
                    }
                }
            }
        }
        return people
    }

    /// Runs a whole session; returns it finished.
    func run(_ pack: DiagnosticPack) -> DiagnosticSession {
        var session = DiagnosticSession(pack: pack)
        var tried = [0, 0, 0, 0]
        let date = Date(timeIntervalSince1970: 0)
        while let item = session.currentItem {
            guard session.record(outcome(for: item, tried: &tried), at: date) else { break }
        }
        return session
    }

    func outcome(for item: DiagnosticItem, tried: inout [Int]) -> ItemOutcome {
        switch item.kind {
        case .question(let question):
            switch declarations {
            case .good: return .answer(question.goodAnswer)
            case .middle: return .answer(.sometimes)
            case .bad: return .answer(question.goodAnswer == .yes ? .no : .yes)
            case .dontKnow: return .dontKnow
            }
        case .selfRating(let rating):
            switch declarations {
            case .good: return .rating(rating.steps.count)
            case .middle: return .rating(2)
            case .bad: return .rating(1)
            case .dontKnow: return .dontKnow
            }
        default:
            let d = item.difficulty
            defer { tried[d] += 1 }
            let success: Bool
            switch tasks[d] {
            case .allDone: success = true
            case .everyOther: success = tried[d] % 2 == 0
            case .noneDone: success = false
            case .dontKnow: return .dontKnow
            }
            let done = success && !(failsSafety && item.area == .safety)
            return .task(success: done, seconds: Double(item.seconds), misses: done ? 0 : 3)
        }
    }
}

extension DiagnosticPack {
    /// Runs every simulated person through the pack.
    public func simulate() -> DiagnosticSimulation {
        var result = DiagnosticSimulation()
        var counts: [Int] = []
        var durations: [Int] = []
        for person in SimulatedPerson.all {
            let session = person.run(self)
            let report = session.result()
            result.patterns += 1
            result.autonomy.insert(report.autonomy)
            result.profiles.insert(report.profile)
            result.support.insert(report.support)
            counts.append(session.answers.count)
            durations.append(session.answers.reduce(0) { $0 + items[$1.itemIndex].seconds })
        }
        // Someone who leaves at once.
        let empty = DiagnosticSession(pack: self).result()
        result.support.insert(empty.support)
        result.autonomy.insert(empty.autonomy)
        result.profiles.insert(empty.profile)
        result.items = (counts.min() ?? 0)...(counts.max() ?? 0)
        result.seconds = (durations.min() ?? 0)...(durations.max() ?? 0)
        return result
    }
}
