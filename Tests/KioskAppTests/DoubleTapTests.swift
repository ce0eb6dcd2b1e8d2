import Foundation
import XCTest

@testable import KioskApp
import KioskCore
import KioskUI

/// A double tap must not press the button of the screen it brings up (issue 13).
final class DoubleTapTests: XCTestCase {
    let scenario = Support.scenarios.appendingPathComponent("double-taps.scenario")

    func test_a_double_tap_neither_books_without_the_read_back_nor_skips_the_ticket() throws {
        let (kiosk, clock) = try Support.kiosk()
        let runner = ScenarioRunner(kiosk: kiosk, clock: clock, screenshotDirectory: nil)
        try runner.run(Scenario.load(path: scenario.path))
        XCTAssertEqual(kiosk.state.screen, .booking(.ticket))
    }

    func test_without_the_guard_the_same_double_tap_books_without_the_read_back() throws {
        // The check can fail: with the guard off, the second tap presses "Oui" at once.
        let (kiosk, clock) = try Support.kiosk(config: "[kiosk]\nnew_screen_guard = 0\n")
        let runner = ScenarioRunner(kiosk: kiosk, clock: clock, screenshotDirectory: nil)
        XCTAssertThrowsError(try runner.run(Scenario.load(path: scenario.path))) { error in
            XCTAssertTrue("\(error)".contains("double-taps.scenario:12: expect \"C'est bon ?\""), "\(error)")
        }
    }

    func test_typing_or_a_button_becoming_usable_is_not_a_new_screen() throws {
        let (kiosk, clock) = try Support.kiosk()
        let runner = ScenarioRunner(kiosk: kiosk, clock: clock, screenshotDirectory: nil)
        try runner.run(
            Scenario.parse(
                "pace 0.6\ntap \"Prendre rendez-vous\"\ntap \"Aide pour vos papiers en ligne\"\n"
                    + "tap \"mardi 24 novembre\"\ntap \"9 h 45\"\nadvance 1\npace 0.2\ntype \"Zoé\"",
                file: "fast"))
        // The first key comes 1.05 s after the name screen, the next ones 0.05 s apart: all count.
        XCTAssertEqual(kiosk.state.booking?.name.text, "Zoé")
    }
}
