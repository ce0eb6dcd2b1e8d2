import Foundation
import XCTest

@testable import KioskApp
import KioskCore
import KioskUI

/// Three simulated people take the shipped diagnostic by touch, through the real screens'
/// semantic nodes and hit-testing, and each reaches the expected orientation.
final class DiagnosticJourneyTests: XCTestCase {
    enum Person { case confident, basic, beginner }

    /// Plays the current item as `person` would, with real pointer events on the scene.
    func play(_ person: Person, kiosk: Kiosk, clock: ManualClock) throws {
        let item = try XCTUnwrap(kiosk.state.diagnostic?.session.currentItem)
        func node(_ id: String) throws -> SemanticNode {
            try XCTUnwrap(kiosk.scene.node(id: id), "\(item.id): no node \(id)")
        }
        func tap(_ id: String) throws {
            let f = try node(id).frame
            kiosk.handle(.pointerDown(Point(x: f.midX, y: f.midY)))
            kiosk.handle(.pointerUp(Point(x: f.midX, y: f.midY)))
        }
        func tapAt(_ p: Point) { kiosk.handle(.pointerDown(p)); kiosk.handle(.pointerUp(p)) }
        clock.now = clock.now.addingTimeInterval(person == .confident ? 4 : 15)
        let advanced = item.difficulty >= 3
        let succeeds: Bool
        switch person {
        case .confident: succeeds = true
        case .basic: succeeds = !advanced
        case .beginner: succeeds = false
        }
        if person == .beginner && item.id != "tap-star" {
            return try tap("diag-dont-know")
        }
        switch item.kind {
        case .tapTarget(let target):
            if !succeeds {
                let area = try node("task-area").frame
                tapAt(Point(x: area.x + 5, y: area.y + 5))  // a miss
                return try tap("diag-dont-know")
            }
            for _ in 0..<target.repeatCount { try tap("task-target") }
        case .drag:
            let object = try node("drag-object").frame, box = try node("drag-box").frame
            let target = succeeds ? Point(x: box.midX, y: box.midY) : Point(x: object.midX + 10, y: box.y - 40)
            kiosk.handle(.pointerDown(Point(x: object.midX, y: object.midY)))
            kiosk.handle(.pointerMoved(Point(x: (object.midX + target.x) / 2, y: (object.midY + target.y) / 2)))
            kiosk.handle(.pointerMoved(target))
            kiosk.handle(.pointerUp(target))
            if !succeeds { try tap("diag-dont-know") }
        case .scroll(let scroll):
            guard succeeds else { return try tap("diag-dont-know") }
            for _ in 0..<20 where kiosk.scene.node(id: "scroll-entry-\(scroll.answerIndex)") == nil {
                let list = try node("scroll-list").frame
                kiosk.handle(.pointerDown(Point(x: list.midX, y: list.maxY - 40)))
                kiosk.handle(.pointerMoved(Point(x: list.midX, y: list.maxY - 200)))
                kiosk.handle(.pointerMoved(Point(x: list.midX, y: list.maxY - 440)))
                kiosk.handle(.pointerUp(Point(x: list.midX, y: list.maxY - 440)))
            }
            try tap("scroll-entry-\(scroll.answerIndex)")
        case .typeWord(let word):
            guard succeeds else { return try tap("diag-dont-know") }
            for ch in word.word[kiosk.state.language] { try tap("key-\(ch)") }
            try tap("diag-validate")
        case .findIcon(let find):
            let index = find.choices.firstIndex(of: find.answer)!
            try tap("choice-\(succeeds ? index : (index + 1) % find.choices.count)")
            if !succeeds { try tap("diag-dont-know") }
        case .spotFraud(let fraud):
            if fraud.isJudge {
                try tap(fraud.trustworthy == succeeds ? "diag-trust" : "diag-distrust")
            } else {
                let fraudulent = fraud.messages.firstIndex { $0.fraudulent }!
                try tap("message-\(succeeds ? fraudulent : (fraudulent + 1) % fraud.messages.count)")
            }
        case .question(let question):
            let answer: Answer = succeeds ? question.goodAnswer : .no
            try tap("answer-\(answer.rawValue)")
        case .selfRating(let rating):
            try tap("rating-\(person == .confident ? rating.steps.count : (rating.steps.count + 1) / 2)")
        }
    }

    func run(_ person: Person, language: Language = .fr) throws -> (Kiosk, [String]) {
        let (kiosk, clock) = try Support.kiosk()
        let runner = ScenarioRunner(kiosk: kiosk, clock: clock, screenshotDirectory: nil)
        if language != .fr { try runner.run(Scenario.parse("tap \"\(language.nativeName)\"\n", file: "t")) }
        try runner.run(
            Scenario.parse(
                "tap \"\(kiosk.catalogue.text(.tileDiagnostic, language))\"\n"
                    + "tap \"\(kiosk.catalogue.text(.diagStart, language))\"\n",
                file: "t"))
        var seen: [String] = []
        var steps = 0
        while kiosk.state.screen == .diagnostic(.item) {
            steps += 1
            XCTAssertLessThanOrEqual(steps, 30, "the diagnostic must end")
            if steps > 30 { break }
            seen.append(kiosk.state.diagnostic!.session.currentItem!.id)
            XCTAssertTrue(kiosk.scene.overflows.isEmpty, "\(seen.last!): \(kiosk.scene.overflows)")
            try play(person, kiosk: kiosk, clock: clock)
        }
        XCTAssertEqual(kiosk.state.screen, .diagnostic(.result))
        return (kiosk, seen)
    }

    func test_a_confident_person_is_autonomous() throws {
        let (kiosk, seen) = try run(.confident)
        let report = try XCTUnwrap(kiosk.state.diagnostic?.report)
        XCTAssertEqual(report.autonomy, .autonome, "\(seen)")
        XCTAssertTrue([.autonomyResources, .workshop].contains(report.support), "\(report.support)")
        XCTAssertTrue(kiosk.scene.visibleTexts.contains { $0.contains("Vous savez déjà") })
    }

    func test_a_person_with_the_basics_is_partly_autonomous() throws {
        let (kiosk, seen) = try run(.basic)
        let report = try XCTUnwrap(kiosk.state.diagnostic?.report)
        XCTAssertEqual(report.autonomy, .partiellementAutonome, "\(seen)")
        XCTAssertTrue([.individualLearning, .workshop].contains(report.support), "\(report.support)")
    }

    func test_a_beginner_is_accompanied_and_offered_a_person() throws {
        let (kiosk, seen) = try run(.beginner, language: .ar)
        let report = try XCTUnwrap(kiosk.state.diagnostic?.report)
        XCTAssertEqual(report.autonomy, .entierementAccompagne, "\(seen)")
        XCTAssertLessThanOrEqual(seen.count, 8, "a beginner is not kept long: \(seen)")
        XCTAssertTrue(kiosk.scene.rightToLeft)
    }

    /// A person who does not use the touchscreen: a keypad moves the focus (each control is
    /// spoken as it is reached) and Enter activates. They reach the result and its next step.
    func test_a_beginner_finishes_by_listening_and_a_keypad() throws {
        let (kiosk, clock) = try Support.kiosk()
        var said: [String] = []
        kiosk.clients.speech.speak = { text, _ in said.append(text) }
        // Each key comes after the person heard what the last one reached (a second).
        func press(_ key: Key) {
            clock.now = clock.now.addingTimeInterval(1)
            kiosk.handle(.key(key))
        }
        func activate(_ id: String) throws {
            for _ in 0..<60 where kiosk.state.focus != id { press(.down) }
            XCTAssertEqual(kiosk.state.focus, id)
            let label = try XCTUnwrap(kiosk.scene.node(id: id)?.label)
            // Named as the focus reaches it, or at the end of a new screen's announcement.
            XCTAssertTrue(said.last?.hasSuffix(label) == true || said.last?.hasSuffix(label + ".") == true, "\(said)")
            press(.enter)
        }
        try activate("tile-diagnostic")
        try activate("diag-start")
        var items = 0
        while kiosk.state.screen == .diagnostic(.item) && items < 20 {
            items += 1
            try activate("diag-dont-know")
        }
        XCTAssertEqual(kiosk.state.screen, .diagnostic(.result))
        XCTAssertTrue(said.contains { $0.contains("Votre résultat") }, "the result is read aloud")
        // The touch tasks were left out, not failed: the report says so, item by item.
        let report = try XCTUnwrap(kiosk.state.diagnostic?.report)
        XCTAssertEqual(
            Set(report.leftOutForKeys), ["tap-star", "tap-small-circle", "drag-photo", "scroll-paw", "attach-paper"])
        XCTAssertTrue(Set(report.notDone).isDisjoint(with: report.leftOutForKeys))
        try activate("diag-follow")
        XCTAssertEqual(
            kiosk.state.screen, .booking(.when), "one key press from the result to the times of the help that fits")
    }
}
