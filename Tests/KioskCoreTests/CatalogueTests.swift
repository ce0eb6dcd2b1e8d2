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
