import Foundation
import XCTest

@testable import KioskCore

final class CatalogueTests: XCTestCase {
    static let strings = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Assets/strings").standardized

    func test_the_shipped_catalogues_define_every_text_in_every_language() throws {
        let catalogue = try Catalogue.load(from: Self.strings)
        for language in Language.allCases {
            for key in TextKey.allCases {
                XCTAssertNotEqual(catalogue.text(key, language), key.rawValue, "\(language) \(key)")
            }
        }
        XCTAssertEqual(catalogue.text(.idleCountdown, .en, ["seconds": "7"]).contains("7 seconds"), true)
    }

    func test_a_missing_key_is_refused_with_the_file_and_the_key() {
        XCTAssertThrowsError(try Catalogue.parse(Data(#"{"help": "Aide"}"#.utf8), file: "xx.json")) { error in
            let e = error as? Catalogue.LoadError
            XCTAssertEqual(e?.file, "xx.json")
            XCTAssertEqual(e?.problem.hasPrefix("missing key"), true, "\(error)")
        }
    }

    func test_an_unknown_key_or_broken_json_is_refused() {
        XCTAssertThrowsError(try Catalogue.parse(Data(#"{"hepl": "Aide"}"#.utf8), file: "a.json")) { error in
            XCTAssertEqual("\(error)", "a.json: unknown key \"hepl\"")
        }
        XCTAssertThrowsError(try Catalogue.parse(Data(#"{"help": "#.utf8), file: "b.json")) { error in
            XCTAssertTrue("\(error)".hasPrefix("b.json: is not valid JSON"), "\(error)")
        }
    }
}

/// Counts agree with their word in each language (issue 13: "{n} ثانية" is wrong for 3 to 10).
extension CatalogueTests {
    func test_each_shipped_catalogue_passes_its_languages_plural_rules() throws {
        for language in Language.allCases {
            let url = Self.strings.appendingPathComponent("\(language.rawValue).json")
            let texts = try Catalogue.parse(Data(contentsOf: url), file: url.path)
            XCTAssertEqual(Plural.problems(in: texts, language: language), [], "\(language)")
        }
    }

    func test_the_countdown_agrees_with_its_number_in_french_english_and_arabic() throws {
        let catalogue = try Catalogue.load(from: Self.strings)
        func countdown(_ n: Int, _ language: Language) -> String {
            catalogue.text(.idleCountdown, language, ["seconds": "\(n)"])
        }
        XCTAssertTrue(countdown(1, .fr).contains("dans 1 seconde."), countdown(1, .fr))
        XCTAssertTrue(countdown(25, .fr).contains("dans 25 secondes."))
        XCTAssertTrue(countdown(1, .en).contains("in 1 second."))
        XCTAssertTrue(countdown(2, .en).contains("in 2 seconds."))
        XCTAssertTrue(countdown(1, .ar).contains("بعد ثانية واحدة."))
        XCTAssertTrue(countdown(2, .ar).contains("بعد ثانيتين."))
        XCTAssertTrue(countdown(3, .ar).contains("بعد 3 ثوانٍ."))
        XCTAssertTrue(countdown(10, .ar).contains("بعد 10 ثوانٍ."))
        XCTAssertTrue(countdown(11, .ar).contains("بعد 11 ثانية."))
        XCTAssertTrue(countdown(30, .ar).contains("بعد 30 ثانية."))
        XCTAssertTrue(countdown(103, .ar).contains("بعد 103 ثوانٍ."))
        for language in Language.allCases {
            for n in 0...120 { XCTAssertFalse(countdown(n, language).contains("{"), "\(language) \(n)") }
        }
    }

    func test_a_count_with_the_wrong_number_of_forms_or_none_is_refused() {
        let bare = #"{"idle.countdown": "dans {seconds} secondes"}"#
        XCTAssertThrowsError(try Catalogue.parse(Data(bare.utf8), file: "fr.json"))
        XCTAssertEqual(
            Plural.problems(in: [.idleCountdown: "بعد {seconds|# ثانية|# ثوانٍ}"], language: .ar),
            ["key \"idle.countdown\": 2 plural forms, ar needs 6"])
        XCTAssertEqual(Plural.problems(in: [.idleCountdown: "in {seconds}"], language: .en).count, 1)
    }
}
