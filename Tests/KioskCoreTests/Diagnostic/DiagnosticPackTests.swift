import Foundation
import XCTest
@testable import KioskCore

final class DiagnosticPackTests: XCTestCase {
    func test_the_shipped_pack_passes_every_check() throws {
        let result = DiagnosticPack.load(
            data: try Data(contentsOf: DiagnosticFixtures.shippedURL), file: "passerelle-default.json")
        if case .failure(let problems) = result { XCTFail("\(problems)") }
        let pack = try result.get()
        XCTAssertEqual(pack.id, "passerelle-default")
        XCTAssertEqual(pack.version, 1)
        XCTAssertGreaterThanOrEqual(pack.items.count, 14)
        XCTAssertEqual(Set(pack.items.map(\.area)), Set(DigCompArea.allCases))
        XCTAssertEqual(Set(pack.items.map(\.type)), Set(ItemType.allCases), "every item type is used")
    }

    func test_the_shipped_pack_starts_with_every_handling_task_before_any_question() throws {
        let pack = try DiagnosticFixtures.shippedPack()
        let firstDeclaration = try XCTUnwrap(pack.items.firstIndex { !$0.isHandsOn })
        XCTAssertTrue(pack.items[..<firstDeclaration].allSatisfy { $0.isHandsOn && $0.difficulty == 1 })
        XCTAssertGreaterThanOrEqual(firstDeclaration, 5)
        XCTAssertEqual(pack.items.map(\.difficulty), pack.items.map(\.difficulty).sorted(), "easiest first")
    }

    func test_the_shipped_pack_reaches_every_outcome_in_5_to_12_items() throws {
        let simulation = try DiagnosticFixtures.shippedPack().simulate()
        XCTAssertEqual(simulation.autonomy, Set(AutonomyLevel.allCases))
        XCTAssertEqual(simulation.profiles, Set(CNVProfile.allCases))
        XCTAssertEqual(simulation.support, Set(SupportKind.allCases))
        XCTAssertGreaterThanOrEqual(simulation.items.lowerBound, 5)
        XCTAssertLessThanOrEqual(simulation.items.upperBound, 12)
        XCTAssertLessThanOrEqual(simulation.seconds.upperBound, 12 * 60)
    }

    func test_arabic_texts_of_the_shipped_pack_have_no_latin_letters() throws {
        let pack = try DiagnosticFixtures.shippedPack()
        for item in pack.items {
            for text in [item.prompt, item.spoken, item.strength] {
                XCTAssertNil(ContentReader.latinLetters(in: text.ar), "\(item.id): \(text.ar)")
            }
        }
    }

    func test_the_screens_helpers_judge_answers_as_the_pack_says() throws {
        let pack = try DiagnosticFixtures.shippedPack()
        guard case .typeWord(let word) = pack.item(id: "type-bread")?.kind,
            case .findIcon(let icons) = pack.item(id: "find-send")?.kind,
            case .spotFraud(let judge) = pack.item(id: "judge-parcel-message")?.kind,
            case .spotFraud(let pick) = pack.item(id: "pick-fraud-message")?.kind,
            case .scroll(let list) = pack.item(id: "scroll-paw")?.kind
        else { return XCTFail("the shipped items changed type") }
        XCTAssertTrue(word.accepts(" Pain ", in: .fr))
        XCTAssertTrue(word.accepts("BREAD", in: .en))
        XCTAssertTrue(word.accepts("خبز", in: .ar))
        XCTAssertFalse(word.accepts("pin", in: .fr))
        XCTAssertTrue(icons.isCorrect(choice: "send"))
        XCTAssertFalse(icons.isCorrect(choice: "delete"))
        XCTAssertTrue(judge.isJudge)
        XCTAssertTrue(judge.isCorrect(trusts: false))
        XCTAssertFalse(pick.isJudge)
        XCTAssertEqual(pick.messages.indices.filter(pick.isCorrect(pick:)), [2])
        XCTAssertFalse(pick.isCorrect(pick: 7))
        XCTAssertEqual(list.answerIndex, 12)
    }
}
