// Passerelle — KioskStore tests. Licensed under the EUPL-1.2.
import Foundation
import KioskCore
import PasserelleTestSupport
import XCTest
@testable import KioskStore

/// A real Radicale CalDAV server (PyPI, in `.build/pyenv`, made by scripts/setup-python.sh) on
/// 127.0.0.1 with its collections in a temporary folder, and the helper's own calendar app
/// (Tests/tools/caldav_helper.py: PyPI `caldav` and `icalendar`). Stopped at the end of the test.
final class RadicaleServer {
    let folder: URL
    let port: Int
    let user = "kiosk"
    let password = "pw-\(UUID().uuidString.prefix(8))"
    private(set) var tls = false
    /// The CA the helper's client trusts (a TLS server with a private CA).
    var caFile: String?
    private var process: Process?

    var base: URL { URL(string: "\(tls ? "https" : "http")://127.0.0.1:\(port)/")! }

    init(_ test: XCTestCase, certificate: (cert: String, key: String)? = nil) throws {
        folder = makeTemporaryDirectory(test)
        port = try freeLoopbackPort()
        try "\(user):\(password)\n".write(to: folder.appendingPathComponent("users"), atomically: true, encoding: .utf8)
        var config = """
            [server]
            hosts = 127.0.0.1:\(port)
            [auth]
            type = htpasswd
            htpasswd_filename = \(folder.path)/users
            htpasswd_encryption = plain
            [storage]
            filesystem_folder = \(folder.path)/collections
            [rights]
            type = owner_only
            [logging]
            level = warning

            """
        if let certificate {
            tls = true
            config = config.replacingOccurrences(
                of: "[auth]", with: "ssl = True\ncertificate = \(certificate.cert)\nkey = \(certificate.key)\n[auth]")
        }
        try config.write(to: folder.appendingPathComponent("config"), atomically: true, encoding: .utf8)
        test.addTeardownBlock { [self] in stop() }
        try start()
    }

    /// Starts the server and waits until it accepts connections (at most 20 s).
    func start() throws {
        let process = Process()
        process.executableURL = try python()
        process.arguments = ["-m", "radicale", "--config", folder.appendingPathComponent("config").path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        self.process = process
        for _ in 0..<200 {
            if canConnect(port) { return }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw MissingPrerequisite("radicale did not start on 127.0.0.1:\(port)")
    }

    func stop() {
        guard let process, process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
        self.process = nil
    }

    /// Runs the helper's calendar app; its standard output.
    @discardableResult
    func helper(_ arguments: String...) throws -> String {
        let script = repositoryRoot.appendingPathComponent("Tests/tools/caldav_helper.py").path
        let result = try runProgram(
            try python(), [script, base.absoluteString, user, password] + arguments,
            environment: caFile.map { ["CALDAV_CA": $0] } ?? [:])
        guard result.code == 0 else {
            throw MissingPrerequisite("caldav_helper \(arguments.first ?? "") failed: \(result.err)")
        }
        return result.out
    }

    /// The events of a calendar as `icalendar` parsed them.
    func events(_ calendar: String) throws -> [[String: String]] {
        let text = try helper("list", calendar)
        return try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: String]] ?? []
    }

    /// An event the helper adds with their calendar app (VEVENT lines, inside a VCALENDAR).
    func addEvent(_ calendar: String, _ lines: [String]) throws {
        let text =
            (["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//helper//test//EN", "BEGIN:VEVENT"] + lines
            + ["DTSTAMP:20260101T000000Z", "END:VEVENT", "END:VCALENDAR"]).joined(separator: "\r\n") + "\r\n"
        let file = folder.appendingPathComponent("event-\(UUID().uuidString).ics")
        try text.write(to: file, atomically: true, encoding: .utf8)
        try helper("add", calendar, file.path)
    }

    /// A kiosk's `caldav.conf` (and its 0600 credentials file) in `dir`, one helper calendar each.
    func kioskConfiguration(
        in dir: URL, helpers: [String: String], places: [String: String] = [:], caFile: String? = nil
    ) throws -> String {
        let credentials = dir.appendingPathComponent("caldav-credentials")
        FileManager.default.createFile(
            atPath: credentials.path, contents: Data("\(user):\(password)\n".utf8),
            attributes: [.posixPermissions: 0o600])
        var lines = ["credentials = \(credentials.path)", "timeout = 5"]
        if let caFile { lines.append("ca_file = \(caFile)") }
        for (helper, calendar) in helpers.sorted(by: { $0.key < $1.key }) {
            lines.append("helper.\(helper) = \(base.absoluteString)\(user)/\(calendar)/")
        }
        for (place, calendar) in places.sorted(by: { $0.key < $1.key }) {
            lines.append("place.\(place) = \(base.absoluteString)\(user)/\(calendar)/")
        }
        let file = dir.appendingPathComponent("caldav.conf")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    private func python() throws -> URL {
        let python = repositoryRoot.appendingPathComponent(".build/pyenv/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw MissingPrerequisite("no Python venv at .build/pyenv: run scripts/setup-python.sh (make test does)")
        }
        return python
    }
}

/// A port nobody listens on now (the kernel's choice for port 0).
func freeLoopbackPort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
            bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
        }
    }
    guard bound else { throw MissingPrerequisite("no free port on 127.0.0.1") }
    return Int(UInt16(bigEndian: address.sin_port))
}

func canConnect(_ port: Int) -> Bool {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    return withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
        }
    }
}

/// A kiosk's data dir with the small agenda imported by the real `passerellectl`.
func kioskWithSmallAgenda(_ test: XCTestCase) throws -> URL {
    let dir = makeTemporaryDirectory(test)
    let file = dir.appendingPathComponent("agenda.json")
    try smallAgendaJSON.write(to: file, atomically: true, encoding: .utf8)
    let (status, _, errors) = try runProcess(
        try builtPasserellectl(), ["agenda", "import", file.path, "--data-dir", dir.path],
        environment: TestNow.environment())
    XCTAssertEqual(status, 0, errors)
    return dir
}

/// "20261203T093000" in Paris time, for a DTSTART;TZID=Europe/Paris line.
func parisICS(_ date: Date) -> String {
    let c = parisCalendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    return String(format: "%04d%02d%02dT%02d%02d00", c.year!, c.month!, c.day!, c.hour!, c.minute!)
}

/// A kiosk's data dir with the small agenda and a second helper, Bruno, at the same place and hours.
func kioskWithTwoHelpers(_ test: XCTestCase) throws -> URL {
    let kiosk = makeTemporaryDirectory(test)
    let agenda = kiosk.appendingPathComponent("agenda.json")
    let bruno = """
        {"id": "bruno", "first_name": "Bruno", "opening": [{"place": "fs", "services": ["demarches"], \
        "hours": "Mo-Fr 09:00-12:00; PH off", "from": "2025-01-01", "until": "2099-12-31"}]}
        """
    try smallAgendaJSON.replacingOccurrences(of: "\n  }]\n}", with: "\n  }, \(bruno)]\n}")
        .write(to: agenda, atomically: true, encoding: .utf8)
    let (status, out, errors) = try runProcess(
        try builtPasserellectl(), ["agenda", "import", agenda.path, "--data-dir", kiosk.path],
        environment: TestNow.environment())
    XCTAssertEqual(status, 0, errors)
    XCTAssertTrue(out.contains("2 helpers"), out)
    return kiosk
}
