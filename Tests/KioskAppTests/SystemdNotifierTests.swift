import Foundation
import PasserelleTestSupport
import XCTest
@testable import KioskApp
#if canImport(Glibc)
    import Glibc
#endif

/// sd_notify spoken by hand: the datagrams reach a socket bound like systemd's (a path or an
/// abstract `@name`), and the live kiosk sends READY=1, keeps WATCHDOG=1 coming at the pace
/// `WATCHDOG_USEC` asks, and says STOPPING=1 on SIGTERM.
final class SystemdNotifierTests: XCTestCase {
    func test_no_socket_means_no_notifier() throws {
        XCTAssertNil(try SystemdNotifier(environment: [:]))
        XCTAssertNil(try SystemdNotifier(environment: ["NOTIFY_SOCKET": ""]))
    }

    func test_a_relative_socket_is_refused_with_its_name() {
        XCTAssertThrowsError(try SystemdNotifier(environment: ["NOTIFY_SOCKET": "run/notify"])) { error in
            XCTAssertTrue("\(error)".contains("NOTIFY_SOCKET=run/notify"), "\(error)")
        }
    }

    func test_watchdog_interval_is_half_the_timeout_and_only_for_its_process() {
        XCTAssertEqual(SystemdNotifier.watchdogInterval(environment: ["WATCHDOG_USEC": "10000000"], pid: 42), 5)
        XCTAssertEqual(
            SystemdNotifier.watchdogInterval(
                environment: ["WATCHDOG_USEC": "10000000", "WATCHDOG_PID": "42"], pid: 42), 5)
        XCTAssertNil(
            SystemdNotifier.watchdogInterval(environment: ["WATCHDOG_USEC": "10000000", "WATCHDOG_PID": "43"], pid: 42))
        XCTAssertNil(SystemdNotifier.watchdogInterval(environment: ["WATCHDOG_USEC": "0"], pid: 42))
        XCTAssertNil(SystemdNotifier.watchdogInterval(environment: ["WATCHDOG_USEC": "ten"], pid: 42))
        XCTAssertNil(SystemdNotifier.watchdogInterval(environment: [:], pid: 42))
    }

    func test_sends_to_an_abstract_socket() throws {
        let name = "@passerelle-test-\(UUID().uuidString)"
        let receiver = try DatagramReceiver(name)
        let notifier = try XCTUnwrap(SystemdNotifier(environment: ["NOTIFY_SOCKET": name]))
        XCTAssertTrue(notifier.send("READY=1\nSTATUS=up"))
        XCTAssertEqual(receiver.receive(timeout: 2), "READY=1\nSTATUS=up")
    }

    func test_sends_to_a_socket_file() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "notify-\(UUID().uuidString.prefix(8))"
        ).path
        defer { unlink(path) }
        let receiver = try DatagramReceiver(path)
        let notifier = try XCTUnwrap(SystemdNotifier(environment: ["NOTIFY_SOCKET": path]))
        XCTAssertTrue(notifier.send("WATCHDOG=1"))
        XCTAssertEqual(receiver.receive(timeout: 2), "WATCHDOG=1")
    }

    func test_keep_alive_is_rate_limited_to_a_quarter_of_the_watchdog_time() throws {
        let name = "@passerelle-test-\(UUID().uuidString)"
        let receiver = try DatagramReceiver(name)
        let notifier = try XCTUnwrap(SystemdNotifier(environment: ["NOTIFY_SOCKET": name, "WATCHDOG_USEC": "4000000"]))
        let start: UInt64 = 1_000_000_000_000
        notifier.keepAlive(now: start)  // first: sent
        notifier.keepAlive(now: start + 500_000_000)  // 0.5 s later: too soon (a quarter is 1 s)
        notifier.keepAlive(now: start + 1_000_000_000)
        XCTAssertEqual(receiver.receive(timeout: 1), "WATCHDOG=1")
        XCTAssertEqual(receiver.receive(timeout: 1), "WATCHDOG=1")
        XCTAssertNil(receiver.receive(timeout: 0.2))
    }

    /// The real program, headless, as systemd would start it: READY=1 once the first frame is
    /// drawn, then WATCHDOG=1 while the loop sleeps (no event, no deadline: only the watchdog
    /// wakes it), never further apart than half of WATCHDOG_USEC; a stopped process sends
    /// nothing (so systemd's timer runs out); SIGTERM brings STOPPING=1 and exit code 0.
    func test_the_live_kiosk_reports_ready_pings_the_watchdog_and_says_stopping() throws {
        let binary = try Support.requireBinary("passerelle")
        let name = "@passerelle-test-\(UUID().uuidString)"
        let receiver = try DatagramReceiver(name)
        let data = FileManager.default.temporaryDirectory.appendingPathComponent(
            "passerelle-notify-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let process = Process()
        process.executableURL = binary
        process.arguments = ["--headless", "--data-dir", data.path]
        var environment = ProcessInfo.processInfo.environment
        environment["NOTIFY_SOCKET"] = name
        environment["WATCHDOG_USEC"] = "600000"  // pings due at least every 0.3 s
        environment.removeValue(forKey: "WATCHDOG_PID")
        environment.removeValue(forKey: "INVOCATION_ID")
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        var ready = false
        let deadline = Date().addingTimeInterval(60)
        while !ready, Date() < deadline {
            guard let message = receiver.receive(timeout: 1) else { continue }
            ready = message.split(separator: "\n").contains("READY=1")
        }
        XCTAssertTrue(ready, "no READY=1 within 60 s")

        var pings: [Date] = []
        let watchFor = Date().addingTimeInterval(2)
        while Date() < watchFor {
            if receiver.receive(timeout: 0.5) == "WATCHDOG=1" { pings.append(Date()) }
        }
        XCTAssertGreaterThanOrEqual(pings.count, 5, "expected a ping at least every 0.3 s for 2 s")
        let gaps = zip(pings.dropFirst(), pings).map { $0.timeIntervalSince($1) }
        XCTAssertLessThan(gaps.max() ?? 0, 0.6, "a gap between pings reached the watchdog time: \(gaps)")

        kill(process.processIdentifier, SIGSTOP)
        while receiver.receive(timeout: 0.05) != nil {}  // drain what was already queued
        XCTAssertNil(receiver.receive(timeout: 1), "a stopped kiosk must not ping")
        kill(process.processIdentifier, SIGCONT)
        XCTAssertEqual(receiver.receive(timeout: 2), "WATCHDOG=1", "pings resume after SIGCONT")

        process.terminate()
        var stopping = false
        let stopDeadline = Date().addingTimeInterval(20)
        while !stopping, Date() < stopDeadline {
            stopping = receiver.receive(timeout: 1) == "STOPPING=1"
        }
        XCTAssertTrue(stopping, "no STOPPING=1 after SIGTERM")
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
    }
}

/// A datagram socket bound like systemd's notification socket.
private final class DatagramReceiver {
    let fd: Int32
    let path: String

    init(_ path: String) throws {
        self.path = path
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw MissingPrerequisite("socket(AF_UNIX, SOCK_DGRAM): errno \(errno)") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var bytes = Array(path.utf8)
        if bytes.first == UInt8(ascii: "@") { bytes[0] = 0 }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let offset = MemoryLayout<sockaddr_un>.offset(of: \sockaddr_un.sun_path)!
        let length = socklen_t(offset + bytes.count + (bytes[0] == 0 ? 0 : 1))
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard result == 0 else { throw MissingPrerequisite("bind \(path): errno \(errno)") }
    }

    deinit { close(fd) }

    /// One datagram as text, or nil after `timeout` seconds.
    func receive(timeout: TimeInterval) -> String? {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(timeout * 1000)) == 1 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(fd, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }
}
