import XCTest
@testable import KioskCore

final class LocatedJSONTests: XCTestCase {
    func test_values_remember_their_line_and_column() throws {
        let doc = try LocatedJSON.parse("""
        {
          "name": "Médiathèque",
          "items": [
            {"id": 1, "ok": true},
            null
          ],
          "ar": "\\u0645\\u0631\\u062d\\u0628\\u0627 😀"
        }
        """)
        XCTAssertEqual(doc["name"]?.string, "Médiathèque")
        XCTAssertEqual(doc["name"]?.line, 2)
        XCTAssertEqual(doc["name"]?.column, 11)
        let first = try XCTUnwrap(doc["items"]?.elements?.first)
        XCTAssertEqual(first.line, 4)
        XCTAssertEqual(first["id"]?.int, 1)
        XCTAssertEqual(first["ok"]?.bool, true)
        XCTAssertTrue(doc["items"]?.elements?[1].isNull ?? false)
        XCTAssertEqual(doc["ar"]?.string, "مرحبا 😀")
        XCTAssertEqual(doc.members?.map(\.key), ["name", "items", "ar"])
    }

    func test_syntax_errors_say_where() {
        let cases: [(String, Int, String)] = [
            ("{\n  \"a\": 1,\n}", 3, "key in double quotes"),
            ("{\n \"a\": 1\n \"b\": 2}", 3, "\",\" or \"}\""),
            ("[1, 2", 1, "ends inside a list"),
            ("{\"a\": bonjour}", 1, "double quotes"),
            ("{\"a\": 1, \"a\": 2}", 1, "appears twice"),
            ("{\"a\": \"x\n\"}", 1, "closing"),
            ("[01]", 1, "cannot start with 0"),
            ("{} x", 1, "after the end"),
        ]
        for (text, line, fragment) in cases {
            XCTAssertThrowsError(try LocatedJSON.parse(text), text) { error in
                let e = error as! LocatedJSON.SyntaxError
                XCTAssertEqual(e.line, line, "\(text): \(e)")
                XCTAssertTrue(e.message.contains(fragment), "\(text): \(e.message)")
            }
        }
    }

    func test_numbers() throws {
        let doc = try LocatedJSON.parse("[0, -12, 3.5, 1e3, 2.5E-1]")
        XCTAssertEqual(doc.elements?.map { $0.number! }, [0, -12, 3.5, 1000, 0.25])
        XCTAssertNil(doc.elements?[2].int)
        XCTAssertEqual(doc.elements?[3].int, 1000)
    }
}
