import Foundation
import XCTest
@testable import KioskCore

final class DiagnosticScoringTests: XCTestCase {
    private var pack: DiagnosticPack!

    override func setUpWithError() throws {
        pack = try DiagnosticFixtures.shippedPack()
    }

    // MARK: - Three people

    func test_a_confident_person_is_autonome_and_goes_on_with_resources() {
        let report = Person.confident.run(pack).result()
        XCTAssertEqual(report.autonomy, .autonome)
        XCTAssertEqual(report.autonomy.rawValue, "autonome")
        XCTAssertEqual(report.profile, .proche)
        XCTAssertEqual(report.support, .autonomyResources)
        XCTAssertEqual(report.supportReason, .autonomous)
        XCTAssertEqual(report.step, 3)
        XCTAssertEqual(report.stepText, pack.steps[2])
        XCTAssertEqual(report.help, pack.help[.autonomyResources])
        XCTAssertTrue(report.isComplete)
        XCTAssertEqual(
            report.strengths.map(\.fr),
            [
                "Vous reconnaissez un message piège parmi d'autres.",
                "Vous savez télécharger un document.",
                "Vous savez envoyer la photo d'un papier.",
            ])
        XCTAssertNil(report.encouragement)
        XCTAssertTrue(report.areas.allSatisfy { $0.level == .confident }, "\(report.areas)")
        XCTAssertEqual(report.scores, ["1": 1, "2": 1, "3": 1, "4": 1, "5": 1])
    }

    func test_a_basic_person_is_partly_autonomous_and_is_offered_a_workshop() {
        let report = Person.basic.run(pack).result()
        XCTAssertEqual(report.autonomy, .partiellementAutonome)
        XCTAssertEqual(report.profile, .proche)
        XCTAssertEqual(report.support, .workshop)
        XCTAssertEqual(report.supportReason, .learnInAGroup)
        XCTAssertEqual(report.step, 2)
        XCTAssertEqual(report.handling, 1)
        XCTAssertEqual(report.everyday!, 6.5 / 11, accuracy: 1e-9)
        XCTAssertEqual(report.advanced, 0)
        XCTAssertEqual(
            report.done,
            ["tap-star", "tap-small-circle", "drag-photo", "find-send", "type-bread", "ask-email", "ask-information"])
        XCTAssertEqual(
            report.notDone,
            ["judge-parcel-message", "attach-paper", "rate-password", "pick-fraud-message", "find-download"])
        XCTAssertEqual(
            report.strengths.map(\.en),
            [
                "You can send a message.", "You can type a word with the keyboard.", "You use your e-mail address.",
            ])
    }

    func test_a_basic_person_who_misses_most_everyday_tasks_gets_one_to_one_learning() {
        let person = Person { item in
            switch item.kind {
            case .question: return .answer(.no)
            case .selfRating: return .rating(2)
            default: return .task(success: item.difficulty == 1 || item.id == "find-send", seconds: 30, misses: 1)
            }
        }
        let report = person.run(pack).result()
        XCTAssertEqual(report.autonomy, .entierementAccompagne)
        XCTAssertEqual(report.profile, .eloigne)
        XCTAssertEqual(report.support, .individualLearning)
        XCTAssertEqual(report.supportReason, .needsTheBasics)
        XCTAssertEqual(report.step, 1)
    }

    func test_a_beginner_is_fully_accompanied_and_gets_help_with_the_procedure() {
        let report = Person.beginner.run(pack).result()
        XCTAssertEqual(report.autonomy, .entierementAccompagne)
        XCTAssertEqual(report.profile, .exclu)
        XCTAssertEqual(report.support, .procedureHelp)
        XCTAssertEqual(report.supportReason, .needsAPersonNow)
        XCTAssertEqual(report.step, 1)
        XCTAssertEqual(report.strengths, [])
        XCTAssertEqual(report.encouragement, pack.encouragement)
        XCTAssertEqual(report.areas.first { $0.area == .problemSolving }?.level, .starting)
    }

    // MARK: - The other rules

    func test_someone_who_answers_nothing_is_sent_to_a_conseiller() {
        let report = Person { _ in .dontKnow }.run(pack).result()
        XCTAssertEqual(report.support, .talkToConseiller)
        XCTAssertEqual(report.supportReason, .tooFewAnswers)
        XCTAssertEqual(DiagnosticSession(pack: pack).result().supportReason, .tooFewAnswers, "leaving at once")
    }

    func test_saying_yes_while_the_handling_tasks_fail_is_sent_to_a_conseiller() {
        let person = Person { item in
            switch item.kind {
            case .question(let q): return .answer(q.goodAnswer)
            case .selfRating(let r): return .rating(r.steps.count)
            default: return .task(success: false, seconds: 40, misses: 4)
            }
        }
        let report = person.run(pack).result()
        XCTAssertEqual(report.support, .talkToConseiller)
        XCTAssertEqual(report.supportReason, .answersAndTasksDisagree)
        XCTAssertEqual(report.autonomy, .entierementAccompagne)
    }

    func test_an_autonomous_person_who_misses_the_fraud_among_messages_is_offered_a_workshop() {
        let person = Person { item in
            if item.id == "pick-fraud-message" { return .task(success: false, seconds: 30, misses: 1) }
            return Person.confident.answer(item)
        }
        let report = person.run(pack).result()
        XCTAssertEqual(report.autonomy, .autonome)
        XCTAssertEqual(report.support, .workshop)
        XCTAssertEqual(report.supportReason, .safetyToLearn)
        XCTAssertNotEqual(report.areas.first { $0.area == .safety }?.level, .confident)
    }

    func test_i_dont_know_never_scores_below_a_wrong_answer() {
        for item in pack.items {
            let wrong: ItemOutcome
            switch item.kind {
            case .question(let q): wrong = .answer(q.goodAnswer == .yes ? .no : .yes)
            case .selfRating: wrong = .rating(1)
            default: wrong = .task(success: false, seconds: 10, misses: 2)
            }
            let dontKnow = DiagnosticScoring.credit(.dontKnow, for: item)
            let wrongCredit = DiagnosticScoring.credit(wrong, for: item)!
            // nil: "I don't know" to a question is left out of the score entirely.
            if let dontKnow { XCTAssertGreaterThanOrEqual(dontKnow, wrongCredit, item.id) }
        }
        // The same person, once wrong and once "I don't know" on every question.
        func person(_ declaration: ItemOutcome) -> Person {
            Person { item in
                item.isHandsOn
                    ? .task(success: true, seconds: 9, misses: 0) : (item.type == .question ? declaration : .rating(1))
            }
        }
        let wrong = person(.answer(.no)).run(pack).result()
        let unsure = person(.dontKnow).run(pack).result()
        for (a, b) in zip(unsure.areas, wrong.areas) {
            XCTAssertGreaterThanOrEqual(a.score ?? 1, b.score ?? 0, "\(a.area)")
        }
    }

    func test_scoring_is_deterministic() {
        for person in [Person.confident, Person.basic, Person.beginner] {
            XCTAssertEqual(person.run(pack).result(), person.run(pack).result())
        }
        XCTAssertEqual(pack.simulate(), pack.simulate())
    }

    func test_strengths_exist_in_every_language_and_are_at_most_three() {
        for person in SimulatedPerson.all {
            let report = person.run(pack).result()
            XCTAssertLessThanOrEqual(report.strengths.count, 3)
            XCTAssertEqual(report.strengths.isEmpty, report.encouragement != nil)
            for strength in report.strengths {
                XCTAssertTrue(Language.allCases.allSatisfy { !strength[$0].isEmpty })
            }
        }
    }

    func test_the_step_follows_the_autonomy_level() {
        for person in SimulatedPerson.all {
            let report = person.run(pack).result()
            let expected: [AutonomyLevel: Int] = [.entierementAccompagne: 1, .partiellementAutonome: 2, .autonome: 3]
            XCTAssertEqual(report.step, expected[report.autonomy])
            XCTAssertEqual(report.help, pack.help[report.support])
        }
    }
}
