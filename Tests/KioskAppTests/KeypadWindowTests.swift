import Foundation
import PasserelleTestSupport
import XCTest

/// A numeric keypad on the real program in an X window (Xvfb), pressed with xdotool with
/// NumLock off and on (`Tests/Assist/keypad_window_test.py` prints each check).
final class KeypadWindowTests: XCTestCase {
    func test_a_keypad_moves_and_presses_in_a_real_window_and_never_types_a_digit_too() throws {
        let python = try Support.requirePython()
        _ = try Support.requireTool("/usr/bin/xvfb-run", package: "xvfb")
        _ = try Support.requireTool("/usr/bin/xdotool", package: "xdotool")
        let passerelle = try Support.requireBinary("passerelle")
        let script = repositoryRoot.appendingPathComponent("Tests/Assist/keypad_window_test.py")
        let agenda = repositoryRoot.appendingPathComponent("Assets/agenda/example.json")
        let result = try runProgram(python, ["-W", "ignore", script.path, passerelle.path, agenda.path])
        XCTAssertEqual(result.code, 0, "keypad_window_test.py failed:\n\(result.out)\n\(result.err.suffix(3000))")
        XCTAssertTrue(result.out.contains("all keypad checks passed"), result.out)
    }
}
