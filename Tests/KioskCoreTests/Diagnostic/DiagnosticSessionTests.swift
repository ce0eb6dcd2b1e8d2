import Foundation
import XCTest
@testable import KioskCore

final class DiagnosticSessionTests: XCTestCase {
    private var pack: DiagnosticPack!

    override func setUpWithError() throws {
        pack = try DiagnosticFixtures.shippedPack()
    }

    private let t = DiagnosticFixtures.start
    private let done = ItemOutcome.task(success: true, seconds: 5, misses: 0)

    // MARK: - Recording and undo

    func test_the_first_item_is_a_handling_task() {
        let session = DiagnosticSession(pack: pack)
        XCTAssertEqual(session.currentItem?.id, "tap-star")
        XCTAssertFalse(session.isFinished)
        XCTAssertFalse(session.canUndo)
    }

    func test_undo_returns_to_the_previous_item_and_forgets_its_answer() {
        var session = DiagnosticSession(pack: pack)
        let fresh = session
        XCTAssertTrue(session.record(done, at: t))
        XCTAssertEqual(session.currentItem?.id, "tap-small-circle")
        XCTAssertTrue(session.undo())
        XCTAssertEqual(session, fresh, "nothing of the undone answer remains")
        XCTAssertEqual(session.currentItem?.id, "tap-star")
        XCTAssertFalse(session.undo(), "nothing to undo at the first item")
    }

    func test_undo_also_undoes_the_skips_that_answer_caused() {
        var session = DiagnosticSession(pack: pack)
        for _ in 0..<3 { session.record(done, at: t) }
        XCTAssertEqual(
            session.currentItem?.id, "find-send", "three clean handling tasks: the rest of the handling is skipped")
        session.undo()
        XCTAssertEqual(session.currentItem?.id, "drag-photo")
        session.record(.dontKnow, at: t)
        XCTAssertEqual(session.currentItem?.id, "find-back", "with a doubt the handling tasks go on")
    }

    func test_an_answer_that_does_not_fit_the_item_is_refused_and_changes_nothing() {
        var session = DiagnosticSession(pack: pack)
        let before = session
        XCTAssertFalse(session.record(.rating(2), at: t))
        XCTAssertFalse(session.record(.answer(.yes), at: t))
        XCTAssertFalse(session.record(.task(success: true, seconds: -1, misses: 0), at: t))
        XCTAssertFalse(session.record(.task(success: true, seconds: 3, misses: -1), at: t))
        XCTAssertEqual(session, before)
        XCTAssertTrue(session.record(.skipped, at: t))
    }

    func test_a_rating_outside_the_scale_is_refused() throws {
        var session = DiagnosticSession(pack: pack)
        while let item = session.currentItem, item.type != .selfRating { session.record(done, at: t) }
        let item = try XCTUnwrap(session.currentItem)
        guard case .selfRating(let rating) = item.kind else { return XCTFail() }
        XCTAssertFalse(session.record(.rating(0), at: t))
        XCTAssertFalse(session.record(.rating(rating.steps.count + 1), at: t))
        XCTAssertTrue(session.record(.rating(rating.steps.count), at: t))
    }

    func test_nothing_is_recorded_after_the_end() {
        var session = Person.confident.run(pack)
        XCTAssertTrue(session.isFinished)
        XCTAssertNil(session.currentItem)
        XCTAssertFalse(session.record(.dontKnow, at: t))
        XCTAssertTrue(session.undo(), "the last answer can still be changed from the result")
        XCTAssertFalse(session.isFinished)
    }

    func test_a_session_is_replayed_from_its_answers_alone() {
        let a = Person.basic.run(pack)
        var b = DiagnosticSession(pack: pack)
        for answer in a.answers { XCTAssertTrue(b.record(answer.outcome, at: answer.at)) }
        XCTAssertEqual(a, b)
        XCTAssertEqual(a.result(), b.result())
    }

    // MARK: - Progress

    func test_progress_counts_answers_and_the_expected_total_stays_within_the_limit() {
        for person in [Person.confident, Person.basic, Person.beginner] {
            var session = DiagnosticSession(pack: pack)
            var time = t
            XCTAssertEqual(session.progress.done, 0)
            while let item = session.currentItem {
                let progress = session.progress
                XCTAssertLessThan(progress.done, progress.expectedTotal)
                XCTAssertLessThanOrEqual(progress.expectedTotal, pack.limits.maxItems)
                session.record(person.answer(item), at: time)
                time += 20
            }
            XCTAssertEqual(session.progress.done, session.progress.expectedTotal)
            XCTAssertEqual(session.progress.done, session.answers.count)
        }
    }

    // MARK: - Adaptive rules

    func test_clearly_easy_tasks_are_skipped_and_the_confident_person_reaches_the_advanced_items() {
        let session = Person.confident.run(pack)
        XCTAssertEqual(
            session.answers.map(\.itemID),
            [
                "tap-star", "tap-small-circle", "drag-photo",
                "find-send", "judge-parcel-message", "type-bread", "rate-password",
                "pick-fraud-message", "find-download", "ask-photo-of-paper", "ask-try-another-way",
                "rate-online-procedure",
            ])
        let report = session.result()
        let skipped = report.items.filter { $0.status == .notAsked(.tooEasy) }.map(\.id)
        XCTAssertEqual(
            skipped,
            [
                "find-back", "scroll-paw", "find-search", "ask-video-call", "attach-paper", "ask-email",
                "ask-information",
            ])
    }

    func test_after_failing_the_basics_no_harder_task_is_given() {
        let session = Person.beginner.run(pack)
        XCTAssertEqual(
            session.answers.map(\.itemID),
            [
                "tap-star", "tap-small-circle", "drag-photo", "ask-video-call", "ask-email", "ask-information",
            ])
        XCTAssertTrue(
            session.answers.allSatisfy { answer in
                let item = pack.items[answer.itemIndex]
                return !(item.isHandsOn && item.difficulty > 1)
            })
        let report = session.result()
        XCTAssertTrue(
            report.items.filter { pack.item(id: $0.id)!.difficulty == 3 }.allSatisfy {
                $0.status == .notAsked(.tooHard)
            })
    }

    func test_the_limit_stops_a_long_diagnostic_at_12_items() {
        let session = Person.basic.run(pack)
        XCTAssertEqual(session.answers.count, 12)
        let report = session.result()
        XCTAssertEqual(
            report.items.filter { $0.status == .notAsked(.limit) }.map(\.id),
            ["ask-photo-of-paper", "ask-try-another-way", "rate-online-procedure"])
    }

    func test_every_answer_pattern_asks_between_5_and_12_items_within_12_minutes() {
        for person in SimulatedPerson.all {
            let session = person.run(pack)
            XCTAssertTrue(session.isFinished)
            XCTAssertTrue((5...12).contains(session.answers.count), "\(person): \(session.answers.count) items")
            let seconds = session.answers.reduce(0) { $0 + pack.items[$1.itemIndex].seconds }
            XCTAssertLessThanOrEqual(seconds, 720, "\(person)")
        }
    }

    func test_leaving_early_gives_a_result_from_what_was_answered() {
        var session = DiagnosticSession(pack: pack)
        session.record(done, at: t)
        session.record(done, at: t + 10)
        let report = session.result()
        XCTAssertFalse(report.isComplete)
        XCTAssertEqual(report.items.filter { $0.status == .notReached }.count, pack.items.count - 2)
        XCTAssertEqual(report.done, ["tap-star", "tap-small-circle"])
        XCTAssertEqual(report.handling, 1)
        XCTAssertNil(report.everyday)
    }
}

// MARK: - With the keypad

extension DiagnosticSessionTests {
    func test_with_the_keypad_the_touch_tasks_are_left_out_and_not_counted() throws {
        let pack = try DiagnosticFixtures.shippedPack()
        let done = ItemOutcome.task(success: true, seconds: 5, misses: 0)
        var session = DiagnosticSession(pack: pack)
        session.record(done, at: DiagnosticFixtures.start)  // tap-star, by touch
        session.keysOnly = true
        XCTAssertEqual(session.currentItem?.id, "find-back", "the next touch tasks are passed over")
        var asked: [String] = []
        while let item = session.currentItem {
            asked.append(item.id)
            XCTAssertFalse(item.type.needsTouch, item.id)
            let outcome: ItemOutcome =
                switch item.kind {
                case .question: .answer(.sometimes)
                case .selfRating: .rating(2)
                default: done
                }
            session.record(outcome, at: DiagnosticFixtures.start)
        }
        let report = session.result()
        XCTAssertEqual(report.leftOutForKeys, ["tap-small-circle", "drag-photo", "scroll-paw", "attach-paper"])
        XCTAssertTrue(report.done.contains("tap-star"), "a task done by touch before keeps its answer")
        XCTAssertFalse(report.notDone.contains { report.leftOutForKeys.contains($0) }, "left out is not failed")
        XCTAssertNotNil(report.handling, "handling is still measured: icons found, a question")
        XCTAssertEqual(report.items.first { $0.id == "drag-photo" }?.status, .notAsked(.needsTouch))
        XCTAssertTrue(asked.contains("type-bread"), "typing a word is done with the keypad too: \(asked)")
    }
}
