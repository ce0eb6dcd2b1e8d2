import Foundation
import XCTest

@testable import KioskCore

final class ResourceSheetTests: XCTestCase {
    func test_the_shipped_list_loads_and_a_broken_one_names_each_problem_with_its_line() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../..")
            .standardized
        let shipped = try Data(contentsOf: root.appendingPathComponent("Assets/content/resources.json"))
        let sheet = try ResourceSheet.load(data: shipped, file: "resources.json").get()
        XCTAssertEqual(sheet.items.count, 4)

        let broken = """
            {"kind": "resources", "format": 1,
             "title": {"fr": "Titre", "en": "Title", "ar": "Pix"},
             "intro": {"fr": "x", "en": "x"},
             "items": [{"text": {"fr": "a", "en": "a", "ar": "ب"}}]}
            """
        guard case .failure(let problems) = ResourceSheet.load(data: Data(broken.utf8), file: "r.json") else {
            return XCTFail("accepted")
        }
        XCTAssertEqual(
            problems.problems.map(\.description),
            [
                "r.json:2: title.ar: contains Latin letters, which the Arabic font cannot draw",
                "r.json:3: intro.ar: missing or empty",
                "r.json:4: items[0].address: missing: a web address or phone number",
            ])
    }
}
