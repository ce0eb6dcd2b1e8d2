import Foundation
import KioskApp
import KioskCore
import KioskUI
import XCTest

final class ScenarioTests: XCTestCase {
    func test_every_shipped_scenario_passes_headless_with_screenshots() throws {
        let files = try FileManager.default.contentsOfDirectory(at: Support.scenarios, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "scenario" }.sorted { $0.path < $1.path }
        XCTAssertGreaterThanOrEqual(files.count, 4)
        let shots = FileManager.default.temporaryDirectory.appendingPathComponent(
            "passerelle-shots-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        for file in files {
            // A scenario's own configuration, when it has one: NAME.conf beside NAME.scenario.
            let conf = file.deletingPathExtension().appendingPathExtension("conf")
            let (kiosk, clock) = try Support.kiosk(config: try? String(contentsOf: conf, encoding: .utf8))
            let runner = ScenarioRunner(kiosk: kiosk, clock: clock, screenshotDirectory: shots)
            XCTAssertNoThrow(try runner.run(try Scenario.load(path: file.path)), file.lastPathComponent)
            for shot in runner.screenshots {
                let size = (try? FileManager.default.attributesOfItem(atPath: shot.path)[.size] as? Int) ?? 0
                XCTAssertGreaterThan(size ?? 0, 10_000, "\(shot.lastPathComponent) is a real PNG")
            }
        }
    }

    func test_a_failing_step_names_its_line_and_the_texts_on_screen() throws {
        let (kiosk, clock) = try Support.kiosk()
        let runner = ScenarioRunner(kiosk: kiosk, clock: clock, screenshotDirectory: nil)
        let scenario = try Scenario.parse("# start\nexpect \"Bonjour\"\n\nexpect \"Au revoir\"\n", file: "x.scenario")
        XCTAssertThrowsError(try runner.run(scenario)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.hasPrefix("x.scenario:4: expect \"Au revoir\""), text)
            XCTAssertTrue(text.contains("\"Bonjour\""), text)
        }
    }

    func test_an_ambiguous_tap_lists_the_candidates() throws {
        let (kiosk, clock) = try Support.kiosk()
        let runner = ScenarioRunner(kiosk: kiosk, clock: clock, screenshotDirectory: nil)
        XCTAssertThrowsError(try runner.run(try Scenario.parse("tap \"e\"\n", file: "y"))) { error in
            XCTAssertTrue("\(error)".contains("ambiguous"), "\(error)")
            XCTAssertTrue("\(error)".contains("\"English\""), "\(error)")
        }
    }

    func test_an_unknown_step_is_refused_with_its_line() {
        XCTAssertThrowsError(try Scenario.parse("tap \"a\"\njump 3\n", file: "z")) { error in
            XCTAssertTrue("\(error)".hasPrefix("z:2: unknown step"), "\(error)")
        }
    }

    func test_the_scene_dump_lists_each_screen_with_roles_labels_frames() throws {
        let (kiosk, clock) = try Support.kiosk()
        let runner = ScenarioRunner(kiosk: kiosk, clock: clock, screenshotDirectory: nil)
        try runner.run(try Scenario.parse("tap \"Besoin d'aide ?\"\n", file: "d"))
        let json = try JSONSerialization.jsonObject(with: SceneDump.json(runner.reachedScenes)) as! [[String: Any]]
        XCTAssertEqual(json.map { $0["screen"] as? String }, ["home", "help"])
        let nodes = json[1]["nodes"] as! [[String: Any]]
        let back = nodes.first { $0["id"] as? String == "back" }!
        XCTAssertEqual(back["role"] as? String, "button")
        XCTAssertEqual(back["label"] as? String, "Retour")
        XCTAssertEqual(back["enabled"] as? Bool, true)
        XCTAssertNotNil((back["frame"] as? [String: Int])?["width"])
    }
}

extension ScenarioTests {
    func test_expect_focus_and_expect_said_are_parsed_with_their_text() throws {
        let scenario = try Scenario.parse(
            "expect-focus \"Prendre rendez-vous\"\nexpect-said \"Vous êtes sur : Oui.\"\n", file: "k")
        XCTAssertEqual(
            scenario.lines.map(\.step), [.expectFocus("Prendre rendez-vous"), .expectSaid("Vous êtes sur : Oui.")])
        XCTAssertThrowsError(try Scenario.parse("expect-focus\n", file: "k")) { error in
            XCTAssertTrue("\(error)".hasPrefix("k:1: unknown step"), "\(error)")
            XCTAssertTrue("\(error)".contains("expect-focus, expect-said"), "\(error)")
        }
        XCTAssertThrowsError(try Scenario.parse("expect-said \"a\" \"b\"\n", file: "k"))
    }

    func test_expect_focus_and_expect_said_fail_with_what_is_focused_and_what_was_said() throws {
        let (kiosk, clock) = try Support.kiosk()
        let runner = ScenarioRunner(kiosk: kiosk, clock: clock, screenshotDirectory: nil)
        try runner.run(
            try Scenario.parse("key down\nexpect-focus \"Faire le point\"\nexpect-said \"Faire\"\n", file: "k"))
        XCTAssertThrowsError(try runner.run(try Scenario.parse("expect-focus \"Mon rendez-vous\"\n", file: "k"))) {
            XCTAssertTrue("\($0)".contains("the focus is on \"Faire le point\", not \"Mon rendez-vous\""), "\($0)")
        }
        XCTAssertThrowsError(try runner.run(try Scenario.parse("expect-said \"Au revoir\"\n", file: "k"))) {
            XCTAssertTrue("\($0)".contains("does not contain \"Au revoir\": \"Faire le point\""), "\($0)")
        }
    }

    /// The keys-only scenarios: one per journey, and at least one in Arabic, with no gesture a
    /// keypad cannot make, and saying what is heard at key points.
    func test_each_journey_has_a_keys_only_scenario() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Support.scenarios.path)
            .filter { $0.contains("-keys-") && $0.hasSuffix(".scenario") }
        for journey in ["diagnostic", "booking", "my-appointment", "help", "places"] {
            XCTAssertTrue(names.contains { $0.hasPrefix(journey + "-keys-") }, "\(journey): no keys-only scenario")
        }
        XCTAssertTrue(names.contains { $0.hasSuffix("-keys-ar.scenario") }, "one in Arabic")
        for name in names {
            let scenario = try Scenario.load(path: Support.scenarios.appendingPathComponent(name).path)
            for line in scenario.lines {
                switch line.step {
                case .tapLabel, .tapPoint, .doubleTap, .type, .drag, .swipe:
                    XCTFail("\(name):\(line.number): \(line.text) is not a key")
                default: break
                }
            }
            XCTAssertTrue(
                scenario.lines.contains { if case .expectSaid = $0.step { return true } else { return false } },
                "\(name) checks what is said")
        }
    }
}
