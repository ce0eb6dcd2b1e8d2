import Foundation
import XCTest

/// Speech end to end, no mock: the real program in a real X window, touched with xdotool,
/// speaking through SDL's audio into a file (`LiveKiosk`).
final class LiveSpeechTests: XCTestCase {
    func test_touching_help_in_a_real_window_is_spoken_aloud() throws {
        let kiosk = try LiveKiosk()
        let home = try kiosk.waitForHome()
        XCTAssertEqual(home.screen, "home")
        let help = try XCTUnwrap(
            home.nodes.first { $0.label == "Besoin d'aide ?" },
            "no control labelled Besoin d'aide ? on \(home.nodes.map(\.label))")
        // A new home is silent: whatever sound comes next is the help screen's.
        XCTAssertLessThan(kiosk.spokenSeconds(), 0.2, "nothing is said before the tap")
        try kiosk.tap(help)
        let shown = try kiosk.waitFor("the help screen") { () -> LiveKiosk.Shown? in
            guard let scene = try? kiosk.scene(), scene.screen.hasPrefix("help") else { return nil }
            return scene
        }
        XCTAssertTrue(shown.screen.hasPrefix("help"), shown.screen)
        let seconds = try kiosk.waitFor("a second of speech") { () -> Double? in
            let seconds = kiosk.spokenSeconds()
            return seconds > 1.0 ? seconds : nil
        }
        XCTAssertGreaterThan(seconds, 1.0)
        XCTAssertEqual(kiosk.stop(), 0, "the kiosk stops cleanly on SIGTERM")
    }
}
