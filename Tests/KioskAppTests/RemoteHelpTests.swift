import Foundation
import PasserelleTestSupport
import XCTest

/// Remote help with real clients: the kiosk in an X window (Xvfb) touched with xdotool as the
/// person, and vncdotool (a real RFB client, from PyPI) as the aidant; the journal read from
/// the store afterwards. The steps are in `Tests/Assist/*.py`, which print each check.
final class RemoteHelpTests: XCTestCase {
    func runAssistScript(_ name: String, _ arguments: [String] = []) throws {
        let python = try Support.requirePython()
        _ = try Support.requireTool("/usr/bin/xvfb-run", package: "xvfb")
        _ = try Support.requireTool("/usr/bin/xdotool", package: "xdotool")
        let passerelle = try Support.requireBinary("passerelle")
        let script = repositoryRoot.appendingPathComponent("Tests/Assist/\(name)")
        let result = try runProgram(python, ["-W", "ignore", script.path, passerelle.path] + arguments)
        XCTAssertEqual(result.code, 0, "\(name) failed:\n\(result.out)\n\(result.err.suffix(3000))")
        XCTAssertTrue(result.out.contains("all "), "\(name) did not finish:\n\(result.out)")
    }

    /// Nobody sees before the yes, nobody touches before the second yes, a local touch wins,
    /// one tap stops it, a second aidant and a wrong or used password are refused; the journal.
    func test_an_aidant_sees_and_touches_only_after_the_persons_two_yeses() throws {
        try runAssistScript("remote_help_test.py")
    }

    /// Behind NAT the kiosk dials the aidant's listening viewer (plain RFB to loopback only).
    func test_the_kiosk_dials_a_listening_viewer() throws {
        try runAssistScript("dial_out_test.py", ["plain"])
    }

    /// Over TLS through socat: the viewer's certificate is checked against the configured CA
    /// (one from another CA gets nothing, and the person is asked nothing).
    func test_the_kiosk_dials_over_tls_and_checks_the_viewers_certificate() throws {
        _ = try Support.requireTool("/usr/bin/socat", package: "socat")
        _ = try Support.requireTool("/usr/bin/openssl", package: "openssl")
        try runAssistScript("dial_out_test.py", ["tls"])
    }

    /// The hook over HTTP: an HMAC-SHA256 signature, a retry under the same key, and the
    /// one-time password in what is sent but not in the outbox row.
    func test_the_help_hook_is_signed_retried_and_keeps_the_password_off_the_disk() throws {
        try runAssistScript("hook_test.py")
    }

    /// noVNC (Debian's) in headless Chromium over the kiosk's own WebSocket support: a watched
    /// kiosk is shown with its frame; with the one-time password nothing is shared before the yes.
    func test_novnc_in_a_browser_reaches_the_kiosk_over_websockets() throws {
        _ = try Support.requireTool("/usr/bin/chromium", package: "chromium")
        try runAssistScript("novnc_test.py")
    }
}
