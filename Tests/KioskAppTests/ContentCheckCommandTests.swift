import Foundation
import XCTest

/// `passerellectl content check`, run as the admin runs it (needs `swift build` first).
final class ContentCheckCommandTests: XCTestCase {
    private var binary: URL!

    override func setUpWithError() throws {
        binary = try Support.requireBinary("passerellectl")
    }

    private func write(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pack-\(UUID().uuidString).json")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    private var shipped: String {
        get throws {
            try String(
                contentsOf: Support.root.appendingPathComponent("Assets/content/diagnostic/passerelle-default.json"),
                encoding: .utf8)
        }
    }

    func test_the_shipped_content_passes_with_exit_code_0_and_a_summary() throws {
        let run = try Support.run(
            binary, ["content", "check", Support.root.appendingPathComponent("Assets/content").path])
        XCTAssertEqual(run.code, 0, run.err)
        XCTAssertTrue(run.out.contains("19 items"), run.out)
        XCTAssertTrue(run.out.contains("estimated duration:"), run.out)
        XCTAssertEqual(run.err, "")
    }

    func test_a_broken_pack_prints_each_problem_and_exits_1() throws {
        let text =
            try shipped
            .replacingOccurrences(of: "\"competence\": \"5.1\"", with: "\"competence\": \"9.9\"")  // 5 items
            .replacingOccurrences(of: "\"target\": \"star\"", with: "\"target\": \"stra\"")
        let file = try write(text)
        let run = try Support.run(binary, ["content", "check", file.path])
        XCTAssertEqual(run.code, 1)
        let lines = run.err.split(separator: "\n").map(String.init)
        XCTAssertTrue(
            lines.contains {
                $0.hasPrefix("\(file.path):")
                    && $0.contains(": items[0].competence: \"9.9\" is not a DigComp 2.2 competence")
            }, run.err)
        XCTAssertTrue(
            lines.contains {
                $0.hasPrefix("\(file.path):")
                    && $0.contains(": items[0].params.target: \"stra\" is not a Material Icons pictogram name")
            }, run.err)
        XCTAssertTrue(lines.contains("passerellectl: 6 problems found"), run.err)
        XCTAssertEqual(run.out, "")
    }

    func test_bad_json_names_the_line_and_exits_1() throws {
        let file = try write("{\n  \"kind\": \"diagnostic\",\n  \"format\": 1,\n}\n")
        let run = try Support.run(binary, ["content", "check", file.path])
        XCTAssertEqual(run.code, 1)
        XCTAssertTrue(run.err.hasPrefix("\(file.path):4: a key in double quotes was expected"), run.err)
    }

    func test_a_missing_path_exits_1() throws {
        let run = try Support.run(binary, ["content", "check", "/nonexistent/pack.json"])
        XCTAssertEqual(run.code, 1)
        XCTAssertTrue(run.err.contains("/nonexistent/pack.json:1: no such file or folder"), run.err)
    }
}
