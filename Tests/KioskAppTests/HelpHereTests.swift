import Foundation
import XCTest

@testable import KioskApp
import KioskCore

/// "Une personne ici" with a help hook and no remote help: the desk is told. (Until this
/// test, the hook was only wired when the RFB server was on, and the request went nowhere.)
final class HelpHereTests: XCTestCase {
    func test_a_person_here_reaches_the_hook_without_remote_help() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("help-here-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let received = dir.appendingPathComponent("request.json")
        let hook = dir.appendingPathComponent("hook.sh")
        try "#!/bin/sh\ncat > \(received.path).part && mv \(received.path).part \(received.path)\n".write(
            to: hook, atomically: true, encoding: .utf8)
        XCTAssertEqual(chmod(hook.path, 0o755), 0)
        let (kiosk, clock) = try Support.kiosk(config: "[help]\nhook_command = \(hook.path)\n")
        XCTAssertFalse(kiosk.config.assist.enabled)
        let runner = ScenarioRunner(kiosk: kiosk, clock: clock, screenshotDirectory: nil)
        try runner.run(Scenario.parse("tap \"Besoin d'aide\"\ntap \"Une personne ici\"\n", file: "t"))
        XCTAssertNotNil(kiosk.state.help?.requestedAt, "the request is under way")

        let end = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: received.path), Date() < end {
            Thread.sleep(forTimeInterval: 0.05)
        }
        let body = try JSONSerialization.jsonObject(with: Data(contentsOf: received)) as? [String: Any]
        XCTAssertEqual(body?["kind"] as? String, "here")
        XCTAssertEqual(body?["event"] as? String, "help_request")
        XCTAssertNil(body?["password"], "no remote help, no password")
    }

    /// A hook that exits without reading its input makes the kiosk's write fail (EPIPE); the
    /// kiosk, and this test process, must live on (SIGPIPE killed both before).
    func test_a_hook_that_reads_nothing_does_not_end_the_kiosk() throws {
        let (kiosk, clock) = try Support.kiosk(config: "[help]\nhook_command = /bin/true\n")
        let previous = signal(SIGPIPE, SIG_IGN)
        XCTAssertEqual(
            unsafeBitCast(previous, to: Int.self), unsafeBitCast(SIG_IGN, to: Int.self),
            "building the kiosk ignores SIGPIPE")
        let runner = ScenarioRunner(kiosk: kiosk, clock: clock, screenshotDirectory: nil)
        try runner.run(Scenario.parse("tap \"Besoin d'aide\"\ntap \"Une personne ici\"\n", file: "t"))
        Thread.sleep(forTimeInterval: 1)
        XCTAssertNotNil(kiosk.state.help?.requestedAt, "still here, the request under way")
    }
}
