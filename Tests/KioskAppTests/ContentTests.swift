import Foundation
import XCTest

@testable import KioskApp
import KioskCore

/// A broken content pack is refused with a precise message; the kiosk keeps running and
/// keeps serving the last good pack.
final class ContentTests: XCTestCase {
    func makeContentDir(pack: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "passerelle-content-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("diagnostic"), withIntermediateDirectories: true)
        try pack.write(to: dir.appendingPathComponent("diagnostic/pack.json"), atomically: true, encoding: .utf8)
        return dir
    }

    var shippedPack: String {
        get throws {
            try String(
                contentsOf: Support.root.appendingPathComponent("Assets/content/diagnostic/passerelle-default.json"),
                encoding: .utf8)
        }
    }

    func test_a_broken_pack_at_start_is_refused_with_its_line_and_the_kiosk_runs_without_the_diagnostic() throws {
        let broken = try shippedPack.replacingOccurrences(
            of: "\"competence\": \"5.1\"", with: "\"competence\": \"9.9\"")
        let dir = try makeContentDir(pack: broken)
        let (kiosk, _) = try Support.kiosk()
        kiosk.contentDir = dir
        kiosk.apply(KioskContent(agenda: kiosk.content.agenda))
        kiosk.reloadContent()
        XCTAssertNil(kiosk.content.diagnosticPack)
        XCTAssertNil(kiosk.scene.node(id: "tile-diagnostic"), "no tile that leads nowhere")
        XCTAssertNotNil(kiosk.scene.node(id: "tile-booking"), "the rest of the kiosk works")
        let problem = try XCTUnwrap(kiosk.contentProblems.first)
        XCTAssertTrue(problem.hasPrefix(dir.appendingPathComponent("diagnostic/pack.json").path + ":"), problem)
        XCTAssertTrue(problem.contains("9.9"), problem)
    }

    func test_a_pack_broken_while_running_keeps_the_last_good_one() throws {
        let dir = try makeContentDir(pack: try shippedPack)
        let (kiosk, _) = try Support.kiosk()
        kiosk.contentDir = dir
        kiosk.reloadContent()
        let good = try XCTUnwrap(kiosk.content.diagnosticPack)
        XCTAssertTrue(kiosk.contentProblems.isEmpty)

        // An admin saves a half-edited file, then the kiosk is told to reload (SIGHUP).
        try "{ \"format\": 1,\n  \"items\": [\n".write(
            to: dir.appendingPathComponent("diagnostic/pack.json"), atomically: true, encoding: .utf8)
        kiosk.reloadContent()
        XCTAssertEqual(kiosk.content.diagnosticPack, good, "the last good pack is still served")
        XCTAssertNotNil(kiosk.scene.node(id: "tile-diagnostic"))
        let problem = try XCTUnwrap(kiosk.contentProblems.first)
        XCTAssertTrue(problem.contains("pack.json:3:"), problem)
        let status = StatusReport.collect(
            kiosk.statusFacts, services: kiosk.services, renderer: kiosk.renderer, options: KioskOptions(),
            assets: Support.root.appendingPathComponent("Assets"), startedAt: kiosk.clock())
        XCTAssertTrue(
            status.contains { $0.label == "Content error" && $0.isProblem && $0.value == problem }, "\(status)")
    }
}
