import Foundation
import XCTest
@testable import KioskCore

final class ContentCheckTests: XCTestCase {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("content-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func test_the_shipped_content_folder_is_valid_and_summarised() {
        let path = DiagnosticFixtures.root.appendingPathComponent("Assets/content").path
        let report = ContentCheck.check(path: path)
        XCTAssertEqual(report.problems, [])
        let summary = report.summaries.joined(separator: "\n")
        XCTAssertTrue(
            summary.contains("diagnostic pack \"passerelle-default\" version 1 (format 1), 19 items"), summary)
        XCTAssertTrue(summary.contains("area 4 safety: 3 items"), summary)
        XCTAssertTrue(summary.contains("estimated duration: "), summary)
    }

    func test_a_folder_reports_the_problems_of_every_file_with_the_path_given() throws {
        let dir = try folder()
        try "{\"kind\": \"agenda\"}".write(to: dir.appendingPathComponent("a.json"), atomically: true, encoding: .utf8)
        try "{\n\"format\": 1\n}".write(to: dir.appendingPathComponent("b.json"), atomically: true, encoding: .utf8)
        try "not json".write(to: dir.appendingPathComponent("c.txt"), atomically: true, encoding: .utf8)
        let report = ContentCheck.check(path: dir.path + "/")
        XCTAssertEqual(
            report.problems.map(\.description),
            [
                "\(dir.path)/a.json:1: kind: \"agenda\" is not a kind of content (diagnostic, resources)",
                "\(dir.path)/b.json:1: kind: missing: a content file says what it is, e.g. \"kind\": \"diagnostic\"",
            ])
    }

    func test_an_empty_folder_and_a_missing_path_are_problems() throws {
        let dir = try folder()
        XCTAssertEqual(
            ContentCheck.check(path: dir.path).problems.map(\.message), ["no content file (*.json) in this folder"])
        XCTAssertEqual(
            ContentCheck.check(path: dir.path + "/nothing.json").problems.map(\.message), ["no such file or folder"])
    }
}
