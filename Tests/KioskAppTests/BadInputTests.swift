import Foundation
import XCTest

@testable import KioskApp
import KioskCore
import KioskStore
import KioskUI

/// What the review's probes sent the programs (issue 11): each gets a clear message naming
/// what is wrong and where, and an exit status; nothing crashes or hangs.
final class BadInputTests: XCTestCase {
    // MARK: - Configuration

    func test_a_configuration_saved_with_crlf_line_ends_is_read_as_written() throws {
        let shipped = try String(
            contentsOf: Support.root.appendingPathComponent("Assets/passerelle.conf"), encoding: .utf8)
        let pin = PinHash.make(pin: "482913", iterations: 1000).encoded
        let text = shipped.replacingOccurrences(of: "pin_hash =\n", with: "pin_hash = \(pin)\n")
            .replacingOccurrences(of: "timeout = 90\n", with: "timeout = 120\n")
        let unix = try KioskConfig.parse(text, file: "unix.conf")
        let windows = try KioskConfig.parse(text.replacingOccurrences(of: "\n", with: "\r\n"), file: "windows.conf")
        XCTAssertEqual(windows, unix)
        XCTAssertEqual(windows.adminPinHash, pin, "the PIN is not silently disabled")
        XCTAssertEqual(windows.idleTimeout, 120)
        let oldMac = try KioskConfig.parse(text.replacingOccurrences(of: "\n", with: "\r"), file: "mac.conf")
        XCTAssertEqual(oldMac, unix)
    }

    func test_control_characters_in_a_configuration_are_refused_with_their_line() {
        for (bad, code) in [("\u{0}", "0000"), ("\u{1B}[31m", "001B"), ("\u{7}", "0007")] {
            let text = "[kiosk]\nsite_name = Mairie\(bad)\n"
            XCTAssertThrowsError(try KioskConfig.parse(text, file: "x.conf")) { error in
                XCTAssertEqual(
                    "\(error)", "x.conf:2: a control character (U+\(code)) is not allowed in a configuration file")
            }
        }
        XCTAssertNoThrow(
            try KioskConfig.parse("[kiosk]\nsite_name =\tMairie\n", file: "tab.conf"), "a tab is whitespace")
    }

    func test_a_huge_configuration_file_is_refused_before_it_is_read() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("huge-\(UUID().uuidString).conf")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(repeating: UInt8(ascii: "#"), count: 5 * 1024 * 1024).write(to: url)
        XCTAssertThrowsError(try KioskConfig.load(path: url.path)) { error in
            XCTAssertEqual("\(error)", "\(url.path):0: is 5242880 bytes; a configuration file is at most 65536 bytes")
        }
    }

    func test_the_binary_says_ok_only_to_a_configuration_it_really_read() throws {
        let passerelle = try Support.requireBinary("passerelle")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("crlf-\(UUID().uuidString).conf")
        defer { try? FileManager.default.removeItem(at: url) }
        try "# comment\r\n[idle]\r\ntimeout = 5\r\n".write(to: url, atomically: true, encoding: .utf8)
        let checked = try Support.run(passerelle, ["--check-config", url.path])
        XCTAssertEqual(checked.code, 1, "before the fix the whole file was one comment line: ok")
        XCTAssertTrue(checked.err.contains("\(url.path):3: idle.timeout: 5 is out of range"), checked.err)
    }

    // MARK: - Sizes and scenarios

    func test_a_screen_size_out_of_range_is_refused_not_a_crash() throws {
        let passerelle = try Support.requireBinary("passerelle")
        for size in ["3000000000x1", "100000x100000", "10x10", "1080x0"] {
            let result = try Support.run(passerelle, ["--headless", "--size", size, "--exit-after-first-frame"])
            XCTAssertEqual(result.code, 64, "\(size): \(result.err)")
            XCTAssertTrue(
                result.err.contains("--size \(size): write WIDTHxHEIGHT, from 640x480 to 7680x7680"), result.err)
        }
        XCTAssertEqual(Size(width: 7680, height: 7680).isScreenSize, true)
        XCTAssertEqual(Size(width: 7681, height: 1080).isScreenSize, false)
    }

    func test_endless_waits_in_a_scenario_are_refused_with_their_line() {
        for step in [
            "advance inf", "advance nan", "advance 1e9", "wait-for \"x\" 1e9", "wait-for \"x\" inf", "advance -1",
        ] {
            XCTAssertThrowsError(try Scenario.parse(step, file: "s.scenario"), step) { error in
                XCTAssertTrue("\(error)".hasPrefix("s.scenario:1:"), "\(error)")
            }
        }
        XCTAssertNoThrow(try Scenario.parse("advance 86400\nwait-for \"x\" 3600", file: "ok.scenario"))
    }

    func test_a_scenario_can_wait_a_whole_day_and_ends() throws {
        let (kiosk, clock) = try Support.kiosk(agenda: false)
        let runner = ScenarioRunner(kiosk: kiosk, clock: clock, screenshotDirectory: nil)
        let start = clock.now
        try runner.run(Scenario.parse("pace 0\ntap \"English\"\nadvance 86400", file: "day.scenario"))
        XCTAssertEqual(clock.now, start.addingTimeInterval(86_400))
    }

    // MARK: - The admin PIN

    func test_hash_pin_takes_six_to_twelve_ascii_digits_only() throws {
        let passerelle = try Support.requireBinary("passerelle")
        for bad in ["1234", "12345", "١٢٣٤٥٦", "12345a", "1234567890123", ""] {
            let result = try Support.run(passerelle, ["--hash-pin"], stdin: bad + "\n")
            XCTAssertEqual(result.code, 1, bad)
            XCTAssertTrue(result.err.contains("the PIN must be 6 to 12 digits 0-9"), result.err)
        }
        let good = try Support.run(passerelle, ["--hash-pin"], stdin: "482913\n")
        XCTAssertEqual(good.code, 0, good.err)
        let line = good.out.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(line.hasPrefix("pin_hash = sha256:100000:"), line)
        XCTAssertTrue(PinHash(encoded: String(line.dropFirst("pin_hash = ".count)))?.matches("482913") ?? false)
    }

    func test_a_pin_hash_with_too_many_iterations_is_refused_by_the_configuration() {
        let slow = PinHash(
            iterations: 10_000_000, salt: Array(repeating: 1, count: 16), hash: Array(repeating: 2, count: 32)
        ).encoded
        XCTAssertNil(PinHash(encoded: slow))
        XCTAssertThrowsError(try KioskConfig.parse("[admin]\npin_hash = \(slow)\n", file: "a.conf")) { error in
            XCTAssertTrue(
                "\(error)".contains(
                    "a.conf:2: admin.pin_hash: is not a PIN hash (sha256 with 1000 to 1000000 iterations)"), "\(error)")
        }
    }

    func test_wrong_pins_are_journalled_and_a_restarted_kiosk_stays_locked() throws {
        let dataDir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "passerelle-pin-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dataDir) }
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("pin-\(UUID().uuidString).conf")
        defer { try? FileManager.default.removeItem(at: config) }
        try "[admin]\npin_hash = \(PinHash.make(pin: "482913", iterations: 1000).encoded)\n".write(
            to: config, atomically: true, encoding: .utf8)
        var options = KioskOptions()
        options.dataDir = dataDir.path
        options.configPath = config.path
        let clock = ManualClock()

        let first = try buildKiosk(options: options, clock: { clock.now }).kiosk
        for _ in 1...5 { first.send(.secretZoneTapped) }
        for attempt in 1...5 {
            for digit in [1, 1, 1, 1, 1, attempt] { first.send(.pinDigitTapped(digit)) }
            first.send(.pinSubmitTapped)
            if attempt < 5 { clock.now = first.state.admin.lockedUntil ?? clock.now }  // wait out each lock
        }
        XCTAssertEqual(first.state.admin.failedAttempts, 5)
        first.shutdown()
        let journal = try XCTUnwrap(first.services.store).journal().map(\.event)
        XCTAssertEqual(
            journal.compactMap { if case .adminPinRejected(let n) = $0 { return n } else { return nil } },
            [1, 2, 3, 4, 5])

        // A restart a minute after the fifth: still locked (4 minutes from the fifth).
        clock.now = clock.now.addingTimeInterval(60)
        let second = try buildKiosk(options: options, clock: { clock.now }).kiosk
        XCTAssertEqual(second.state.admin.failedAttempts, 5)
        XCTAssertTrue(second.state.admin.isLocked(at: clock.now), "a restart does not lift the lock")
        for _ in 1...5 { second.send(.secretZoneTapped) }
        second.send(.pinDigitTapped(4))
        XCTAssertEqual(second.state.admin.pinDigits, "", "the locked pad takes no digit")
        second.shutdown()
    }

    func test_the_pin_is_checked_off_the_main_loop() throws {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("pin-\(UUID().uuidString).conf")
        defer { try? FileManager.default.removeItem(at: config) }
        try "[admin]\npin_hash = \(PinHash.make(pin: "482913", iterations: 1_000_000).encoded)\n".write(
            to: config, atomically: true, encoding: .utf8)
        var options = KioskOptions()
        options.configPath = config.path
        let clock = ManualClock()
        let kiosk = try buildKiosk(options: options, clock: { clock.now }, workerMode: .background).kiosk
        for _ in 1...5 { kiosk.send(.secretZoneTapped) }
        for digit in [4, 8, 2, 9, 1, 3] { kiosk.send(.pinDigitTapped(digit)) }
        kiosk.send(.pinSubmitTapped)
        // A million iterations take seconds: send() came back at once, the check still runs.
        XCTAssertTrue(kiosk.state.admin.checkingPin)
        XCTAssertEqual(kiosk.state.screen, .adminPin)
        kiosk.worker.waitUntilIdle()
        kiosk.takeWorkerResults()
        XCTAssertEqual(kiosk.state.screen, .adminMenu)
        kiosk.shutdown()
    }
}
