import Foundation
import XCTest
@testable import KioskCore

/// Each broken pack is the shipped pack with one mistake, and is refused with one precise
/// `file:line: path: message` naming that mistake.
final class BrokenPackTests: XCTestCase {
    private var shipped = ""

    override func setUpWithError() throws {
        shipped = try DiagnosticFixtures.shippedText()
    }

    /// The shipped text with the first `old` replaced; fails if `old` is absent.
    private func broken(_ old: String, _ new: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        guard let range = shipped.range(of: old) else {
            XCTFail("\(old) is not in the shipped pack", file: file, line: line)
            return shipped
        }
        return shipped.replacingCharacters(in: range, with: new)
    }

    /// 1-based line of the first occurrence of `fragment` in `text`.
    private func line(of fragment: String, in text: String) -> Int {
        guard let range = text.range(of: fragment) else { return -1 }
        return text[..<range.lowerBound].filter { $0 == "\n" }.count + 1
    }

    private func problems(_ text: String) -> [String] {
        switch DiagnosticFixtures.load(text) {
        case .success: return []
        case .failure(let problems): return problems.problems.map(\.description)
        }
    }

    private func assertRefused(_ text: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        let found = problems(text)
        XCTAssertEqual(found, [expected], file: file, line: line)
    }

    func test_bad_json_is_refused_with_its_line() {
        let text = broken("\"version\": 1,", "\"version\": 1")
        let expected = line(of: "\"version\"", in: text) + 1
        let found = problems(text)
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found.first?.hasPrefix("pack.json:\(expected): \",\" or \"}\" was expected") ?? false, "\(found)")
    }

    func test_a_missing_arabic_text_is_refused() {
        let text = broken(
            "\"en\": \"Touch the star.\",\n        \"ar\": \"المس النجمة.\"", "\"en\": \"Touch the star.\"")
        let promptLine = line(of: "\"prompt\"", in: text)
        assertRefused(text, "pack.json:\(promptLine): items[0].prompt.ar: missing the Arabic text")
    }

    func test_an_unknown_digcomp_code_is_refused() {
        let text = broken("\"competence\": \"5.1\"", "\"competence\": \"5.6\"")
        assertRefused(
            text,
            "pack.json:\(line(of: "\"5.6\"", in: text)): items[0].competence: "
                + "\"5.6\" is not a DigComp 2.2 competence (1.1–1.3, 2.1–2.6, 3.1–3.4, 4.1–4.4, 5.1–5.4)"
        )
    }

    func test_an_unknown_pictogram_is_refused() {
        let text = broken("\"target\": \"star\"", "\"target\": \"stra\"")
        assertRefused(
            text,
            "pack.json:\(line(of: "\"stra\"", in: text)): items[0].params.target: "
                + "\"stra\" is not a Material Icons pictogram name"
        )
    }

    func test_latin_letters_in_an_arabic_text_are_refused() {
        let text = broken("\"ar\": \"المس النجمة.\"", "\"ar\": \"المس star.\"")
        assertRefused(
            text,
            "pack.json:\(line(of: "المس star", in: text)): items[0].prompt.ar: "
                + "contains Latin letters (\"star\"); the Arabic font has none: write it in Arabic script"
        )
    }

    func test_a_duplicate_id_is_refused() {
        let text = broken("\"id\": \"tap-small-circle\"", "\"id\": \"tap-star\"")
        let first = line(of: "\"id\": \"tap-star\"", in: text)
        let second =
            line(
                of: "\"id\": \"tap-star\"",
                in: String(text.dropFirst(text.range(of: "\"id\": \"tap-star\"")!.upperBound.utf16Offset(in: text))))
            + first - 1
        assertRefused(
            text,
            "pack.json:\(second): items[1].id: \"tap-star\" is already the id of items[0] "
                + "(line \(first)); ids must be unique"
        )
    }

    func test_a_find_icon_answer_outside_its_choices_is_refused() {
        let text = broken("\"answer\": \"arrow_back\"", "\"answer\": \"arrow_forward\"")
        assertRefused(
            text,
            "pack.json:\(line(of: "arrow_forward", in: text)): items[3].params.answer: "
                + "\"arrow_forward\" is not one of the choices (home, arrow_back, close, refresh)"
        )
    }

    func test_a_pack_that_cannot_reach_autonome_is_refused() {
        let text = shipped.replacingOccurrences(of: "\"difficulty\": 3", with: "\"difficulty\": 2")
        let found = problems(text)
        XCTAssertEqual(
            found,
            [
                "pack.json:\(line(of: "\"items\"", in: text)): items: "
                    + "no answer pattern leads to the autonomy level \"autonome\" (192 patterns simulated); "
                    + "add or rebalance items of each difficulty",
                "pack.json:\(line(of: "\"autonomy_resources\"", in: text)): help.autonomy_resources: "
                    + "no answer pattern leads to this help (192 patterns simulated); the pack promises it",
            ])
    }

    func test_a_newer_format_is_refused_alone() {
        let text = broken("\"format\": 1", "\"format\": 2").replacingOccurrences(
            of: "\"version\": 1", with: "\"version\": 0")
        assertRefused(
            text, "pack.json:2: format: format 2 is not supported by this version of Passerelle (it reads format 1)")
    }

    func test_a_long_sentence_a_typo_in_a_key_and_a_missing_help_are_all_reported() {
        var text = broken(
            "\"Touchez l'étoile.\"",
            "\"Touchez l'étoile jaune qui brille en haut de l'écran quand vous êtes prêt à commencer le test.\"")
        text = text.replacingOccurrences(of: "\"seconds\": 40,", with: "\"secnds\": 40,")
        let help = line(of: "\"help\"", in: text)
        text = text.replacingOccurrences(of: "\"autonomy_resources\":", with: "\"autonomy_resource\":")
        let found = problems(text)
        XCTAssertTrue(
            found.contains {
                $0.contains(
                    "items[0].prompt.fr: a sentence of 17 words; easy-to-read texts keep sentences to 15 words or fewer"
                )
            }, "\(found)")
        XCTAssertTrue(found.contains { $0.contains("items[1].secnds: unknown key") }, "\(found)")
        XCTAssertTrue(found.contains { $0.contains("items[1].seconds: missing") }, "\(found)")
        XCTAssertTrue(found.contains("pack.json:\(help): help.autonomy_resources: missing"), "\(found)")
        XCTAssertTrue(found.allSatisfy { $0.hasPrefix("pack.json:") }, "\(found)")
    }

    func test_a_spot_fraud_with_two_fraudulent_messages_is_refused() {
        let text = broken("\"fraudulent\": false", "\"fraudulent\": true")
        let found = problems(text)
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(
            found.first?.contains(
                "items[14].params.messages: 2 messages are fraudulent; with several messages exactly one must be")
                ?? false, "\(found)")
    }

    func test_a_type_word_with_a_space_is_refused() {
        let text = broken("\"en\": \"bread\"", "\"en\": \"a bread\"")
        assertRefused(
            text,
            "pack.json:\(line(of: "\"a bread\"", in: text)): items[9].params.word.en: "
                + "\"a bread\" must be one word of 2 to 10 letters (no spaces, digits or signs)"
        )
    }

    func test_a_non_object_document_never_crashes() {
        XCTAssertEqual(problems("[]"), ["pack.json:1: must be an object { … }, found a list"])
        XCTAssertEqual(problems(""), ["pack.json:1: the file ends where a value was expected (column 1)"])
        XCTAssertEqual(problems("{}"), ["pack.json:1: format: missing"])
    }
}
