import Foundation
import PasserelleTestSupport
import XCTest
import KioskApp
import KioskCore
import KioskUI

enum Support {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..")
        .standardized
    static let scenarios = root.appendingPathComponent("Tests/Scenarios")

    /// A kiosk with the shipped assets, a manual clock and an optional config text.
    static func kiosk(
        config: String? = nil, size: Size = Size(width: 1080, height: 1920), agenda: Bool = true, places: Bool = true
    ) throws
        -> (Kiosk, ManualClock)
    {
        var options = KioskOptions()
        options.size = size
        if agenda { options.agendaFile = root.appendingPathComponent("Assets/agenda/example.json").path }
        if places { options.placesFile = root.appendingPathComponent("Assets/places/example.csv").path }
        if let config {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent(
                "passerelle-\(UUID().uuidString).conf")
            try config.write(to: url, atomically: true, encoding: .utf8)
            options.configPath = url.path
        }
        let clock = ManualClock()
        let built = try buildKiosk(options: options, clock: { clock.now })
        return (built.kiosk, clock)
    }

    /// A built program of the package; a missing one fails the test.
    static func requireBinary(_ name: String) throws -> URL { try builtProgram(name) }

    /// A tool that `scripts/setup-debian.sh` installs; missing, the test fails.
    static func requireTool(_ path: String, package: String) throws -> URL {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw MissingPrerequisite(
                "\(path) is missing: scripts/setup-debian.sh installs \(package) (make test runs it)")
        }
        return URL(fileURLWithPath: path)
    }

    /// The Python venv with icalendar that `scripts/setup-python.sh` makes.
    static func requirePython() throws -> URL {
        let python = root.appendingPathComponent(".build/pyenv/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw MissingPrerequisite("no Python venv at .build/pyenv: run scripts/setup-python.sh (make test does)")
        }
        return python
    }

    /// The Paris day on which scenario runs happen (their clock starts at a fixed instant).
    static var scenarioDay: String {
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(identifier: "Europe/Paris")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: ManualClock().now)
    }

    /// Runs a program to its end; `environment` adds to (or replaces entries of) ours.
    static func run(_ binary: URL, _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:])
        throws
        -> (code: Int32, out: String, err: String)
    {
        try runProgram(binary, arguments, stdin: stdin, environment: environment)
    }
}
