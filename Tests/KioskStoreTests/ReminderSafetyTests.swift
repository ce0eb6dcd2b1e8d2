// Passerelle — KioskStore tests. Licensed under the EUPL-1.2.
import Foundation
import KioskCore
import PasserelleTestSupport
import XCTest
@testable import KioskStore

/// What reminder delivery must never do: remind of the past, put the phone number where
/// other users read it, follow a gateway's redirect, or hang on a command that will not stop.
/// The sender runs at a fixed instant (`PASSERELLE_NOW`), whatever day the tests run.
final class ReminderSafetyTests: XCTestCase {
    /// Monday 23 November 2026, 11:30 in Paris: the reminder of Wednesday's appointment is due.
    let now = "2026-11-23T10:30:00Z"
    var pinned: [String: String] { TestNow.environment(at: PinnedClock.parse(now)!) }

    /// A data dir with one appointment on Wednesday 25 November at 10:00 and its due reminder.
    private func dataDirWithDueReminder() throws -> URL {
        let dir = makeTemporaryDirectory(self)
        let clock = ManualClock(paris("2026-11-23 08:00"))
        let database = try AppDatabase.open(dataDir: dir, clock: clock.storeClock)
        try database.importAgenda(smallAgenda())
        let slot = Slot(
            service: "demarches", helper: "amina", place: "fs",
            start: paris("2026-11-25 10:00"), end: paris("2026-11-25 10:30"))
        _ = try database.book(slot, for: PersonContact(name: "Jeanne", phone: "06 12 34 56 78", remindBySMS: true))
        return dir
    }

    private func script(_ dir: URL, _ body: String) throws -> URL {
        let url = dir.appendingPathComponent("send-sms.sh")
        try "#!/bin/sh\n\(body)\n".write(to: url, atomically: true, encoding: .utf8)
        chmod(url.path, 0o755)
        return url
    }

    private func send(_ dir: URL, _ arguments: [String]) throws -> (Int32, String, String) {
        try runProcess(
            try builtPasserellectl(), ["reminders", "send", "--data-dir", dir.path] + arguments, environment: pinned)
    }

    func test_a_reminder_for_an_appointment_that_has_started_is_dropped_not_sent() throws {
        let clock = ManualClock(paris("2026-11-23 08:00"))
        let database = try AppDatabase.inMemory(clock: clock.storeClock)
        try database.importAgenda(smallAgenda())
        let slot = Slot(
            service: "demarches", helper: "amina", place: "fs",
            start: paris("2026-11-24 10:00"), end: paris("2026-11-24 10:30"))
        _ = try database.book(slot, for: PersonContact(name: "Jeanne", phone: "0612345678", remindBySMS: true))
        clock.advance(by: 7 * 86_400)  // the sender was down until Monday 30 November
        let claimed = try database.claimDueMessages(kinds: [.smsReminder])
        XCTAssertEqual(claimed.count, 1)
        XCTAssertNil(try database.reminderDelivery(for: claimed[0]), "no reminder of an appointment already past")
    }

    func test_the_sms_command_gets_the_phone_and_text_in_its_environment_not_in_its_arguments() throws {
        let dir = try dataDirWithDueReminder()
        let log = dir.appendingPathComponent("sent.log")
        let command = try script(
            dir, "printf '%s|%s|%s\\n' \"$#\" \"$PASSERELLE_PHONE\" \"$PASSERELLE_MESSAGE\" >> \(log.path)")
        let (status, out, err) = try send(dir, ["--command", command.path])
        XCTAssertEqual(status, 0, err)
        XCTAssertTrue(out.contains("1 sent"), out)
        let line = try String(contentsOf: log, encoding: .utf8)
        XCTAssertTrue(
            line.hasPrefix("0|+33612345678|Rappel : rendez-vous « Aide aux démarches » avec Amina"),
            "no arguments (world-readable in /proc/PID/cmdline): \(line)")
    }

    func test_a_command_that_ignores_sigterm_is_killed_after_the_grace_period() throws {
        let dir = try dataDirWithDueReminder()
        let command = try script(dir, "trap '' TERM\nwhile :; do sleep 1; done")
        // Without the SIGKILL the sender would never end: runBounded fails it at its bound.
        let (status, out, err) = try runBounded(dir, ["--command", command.path, "--timeout", "1"], limit: 20)
        XCTAssertEqual(status, 0, err)
        XCTAssertTrue(out.contains("0 sent, 1 to retry"), out)
        XCTAssertTrue(err.contains("did not finish within 1 s and was stopped"), err)
    }

    func test_a_command_that_writes_much_to_stderr_is_drained_while_it_runs() throws {
        let dir = try dataDirWithDueReminder()
        // 200 KB on stderr, more than a pipe holds, then a failure: the error must say so.
        let command = try script(dir, "head -c 200000 /dev/zero | tr '\\0' 'x' >&2\necho ' gateway down' >&2\nexit 3")
        let (_, out, err) = try runBounded(dir, ["--command", command.path, "--timeout", "5"], limit: 20)
        XCTAssertTrue(out.contains("1 to retry"), out)
        XCTAssertTrue(err.contains("exited with 3:") && err.contains("gateway down"), err)
    }

    func test_a_webhook_that_redirects_is_not_followed_and_the_reminder_is_retried() throws {
        let dir = try dataDirWithDueReminder()
        let (port, received, server) = try startReceiver(dir)
        defer { server.terminate(); server.waitUntilExit() }
        let (status, out, err) = try send(dir, ["--webhook", "http://127.0.0.1:\(port)/redirect"])
        XCTAssertEqual(status, 0, err)
        XCTAssertTrue(out.contains("0 sent, 1 to retry"), out)
        XCTAssertTrue(err.contains("HTTP 307: the gateway redirects to 127.0.0.1; redirects are not followed"), err)
        let paths = try String(contentsOf: received, encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: " ")[0]
        }
        XCTAssertEqual(paths, ["/redirect"], "the redirect's target never got the request")
    }

    func test_the_webhook_token_comes_from_a_private_file_as_a_bearer_token() throws {
        let dir = try dataDirWithDueReminder()
        let (port, received, server) = try startReceiver(dir)
        defer { server.terminate(); server.waitUntilExit() }
        let token = dir.appendingPathComponent("sms-token")
        try "s3cr3t-token\n".write(to: token, atomically: true, encoding: .utf8)
        chmod(token.path, 0o644)
        let url = "http://127.0.0.1:\(port)/sms"
        let (refused, _, why) = try send(dir, ["--webhook", url, "--webhook-token-file", token.path])
        XCTAssertEqual(refused, 64)
        XCTAssertTrue(
            why.contains(
                "--webhook-token-file \(token.path): group or others may read or change it (mode 644); chmod 600 it"),
            why)

        chmod(token.path, 0o600)
        let (status, out, err) = try send(dir, ["--webhook", url, "--webhook-token-file", token.path])
        XCTAssertEqual(status, 0, err)
        XCTAssertTrue(out.contains("1 sent"), out)
        XCTAssertEqual(try String(contentsOf: received, encoding: .utf8), "/sms Bearer s3cr3t-token\n")
    }

    // MARK: - Helpers

    /// Runs the sender, killing it (and failing) if it is still running after `limit` seconds.
    private func runBounded(_ dir: URL, _ arguments: [String], limit: TimeInterval) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = try builtPasserellectl()
        process.arguments = ["reminders", "send", "--data-dir", dir.path] + arguments
        process.environment = pinned
        let out = dir.appendingPathComponent("out.txt"), err = dir.appendingPathComponent("err.txt")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        let deadline = Date().addingTimeInterval(limit)
        while process.isRunning, Date() < deadline { usleep(50_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            XCTFail("reminders send was still running after \(Int(limit)) s")
        }
        return (
            process.terminationStatus, try String(contentsOf: out, encoding: .utf8),
            try String(contentsOf: err, encoding: .utf8)
        )
    }

    /// A receiver on 127.0.0.1: `/redirect` answers 307 to `/stolen`, anything else 200. Each
    /// request is logged as "PATH AUTHORIZATION".
    private func startReceiver(_ dir: URL) throws -> (Int, URL, Process) {
        let python = repositoryRoot.appendingPathComponent(".build/pyenv/bin/python")
        let received = dir.appendingPathComponent("received.log")
        _ = FileManager.default.createFile(atPath: received.path, contents: nil)
        let server = Process()
        server.executableURL =
            FileManager.default.isExecutableFile(atPath: python.path)
            ? python : URL(fileURLWithPath: "/usr/bin/python3")
        server.arguments = ["-c", Self.receiver, received.path]
        let portPipe = Pipe()
        server.standardOutput = portPipe
        try server.run()
        let portLine = String(decoding: portPipe.fileHandleForReading.availableDataBlocking(), as: UTF8.self)
        return (try XCTUnwrap(Int(portLine.trimmingCharacters(in: .whitespacesAndNewlines))), received, server)
    }

    static let receiver = #"""
        import http.server, sys
        out = sys.argv[1]
        class H(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length", "0")))
                with open(out, "a") as f: f.write(self.path + " " + self.headers.get("Authorization", "") + "\n")
                if self.path == "/redirect":
                    self.send_response(307); self.send_header("Location", "/stolen")
                else:
                    self.send_response(200)
                self.send_header("Content-Length", "0"); self.end_headers()
            def log_message(self, *a): pass
        s = http.server.HTTPServer(("127.0.0.1", 0), H)
        print(s.server_address[1], flush=True)
        s.serve_forever()
        """#
}
