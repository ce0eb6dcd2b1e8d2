import Foundation
import XCTest

@testable import KioskApp
import KioskCore

/// The kiosk and its store together: a scenario run fills a real data dir, and the admin's
/// `passerellectl stats` and `report` read the figures back.
final class StoreWiringTests: XCTestCase {
    func test_a_scenario_run_fills_the_figures_that_passerellectl_reports() throws {
        let passerelle = try Support.requireBinary("passerelle")
        let ctl = try Support.requireBinary("passerellectl")
        let dataDir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "passerelle-visits-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dataDir) }

        let run = try Support.run(
            passerelle,
            ["--script", Support.scenarios.appendingPathComponent("visits.scenario").path, "--data-dir", dataDir.path])
        XCTAssertEqual(run.code, 0, run.err)

        let day = Support.scenarioDay
        let stats = try Support.run(
            ctl, ["stats", "--data-dir", dataDir.path, "--from", day, "--to", day, "--format", "json"])
        XCTAssertEqual(stats.code, 0, stats.err)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(stats.out.utf8)) as? [String: Any])
        let period = try XCTUnwrap((json["periods"] as? [[String: Any]])?.first)
        let visits = try XCTUnwrap(period["visits"] as? [String: Any])
        XCTAssertEqual(visits["total"] as? Int, 3, stats.out)
        XCTAssertEqual(visits["byLanguage"] as? [String: Int], ["ar": 1, "en": 1, "fr": 1], stats.out)

        let report = dataDir.appendingPathComponent("report.html")
        let month = String(day.prefix(7))
        let made = try Support.run(ctl, ["report", "--data-dir", dataDir.path, "--month", month, "--out", report.path])
        XCTAssertEqual(made.code, 0, made.err)
        let html = try String(contentsOf: report, encoding: .utf8)
        XCTAssertTrue(html.contains("<svg"), "the report draws its charts inline")
    }

    func test_visits_end_with_the_reason_and_language_they_ended_in() throws {
        let (kiosk, clock) = try Support.kiosk()
        let runner = ScenarioRunner(kiosk: kiosk, clock: clock, screenshotDirectory: nil)
        try runner.run(Scenario.parse("tap \"العربية\"\ntap \"English\"\nadvance 125\n", file: "inline"))
        let store = try XCTUnwrap(kiosk.services.store)
        let visit = try XCTUnwrap(store.visit(.init(rawValue: 1)))
        XCTAssertEqual(visit.language, "en")
        XCTAssertEqual(visit.endReason, .idleTimeout)
        XCTAssertNotNil(visit.endedAt)
    }
}
