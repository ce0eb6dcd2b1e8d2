import XCTest
@testable import KioskCore

final class LocatedJSONTests: XCTestCase {
    func test_values_remember_their_line_and_column() throws {
        let doc = try LocatedJSON.parse(
            """
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

    func test_an_object_with_many_keys_is_read_and_a_repeated_key_still_found() throws {
        // The duplicate check was a scan per key: 20 000 keys took 21 s. A set makes it linear.
        let keys = (0..<50_000).map { "\"k\($0)\": \($0)" }
        let root = try LocatedJSON.parse("{" + keys.joined(separator: ",") + "}")
        XCTAssertEqual(root.members?.count, 50_000)
        XCTAssertEqual(root["k49999"]?.int, 49_999)
        XCTAssertThrowsError(try LocatedJSON.parse("{" + keys.joined(separator: ",") + ", \"k7\": 1}")) { error in
            XCTAssertEqual((error as? LocatedJSON.SyntaxError)?.message, "the key \"k7\" appears twice in this object")
        }
    }

    func test_a_file_too_large_or_with_too_many_values_is_refused_with_a_reason() {
        let limits = LocatedJSON.Limits(maxBytes: 1000, maxValues: 10)
        XCTAssertThrowsError(try LocatedJSON.parse(Data(repeating: 0x20, count: 1001), limits: limits)) { error in
            XCTAssertEqual(
                "\(error)", "line 1, column 1: the file is 1001 bytes; a file of this kind is at most 1000 bytes")
        }
        XCTAssertThrowsError(try LocatedJSON.parse(Data("[1,2,3,4,5,6,7,8,9,10]".utf8), limits: limits)) { error in
            XCTAssertEqual("\(error)", "line 1, column 20: more than 10 values: a file of this kind holds far fewer")
        }
        XCTAssertNoThrow(try LocatedJSON.parse(Data("[1,2,3,4,5,6,7,8,9]".utf8), limits: limits))
        XCTAssertEqual(LocatedJSON.Limits.files.maxBytes, 4 * 1024 * 1024)
    }
}
