import Foundation
import XCTest
import KioskApp
import KioskCore
import KioskUI

/// A prerequisite that `make test` installs or builds is missing: the test fails and says how
/// to get it.
struct MissingPrerequisite: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

enum Support {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized
    static let scenarios = root.appendingPathComponent("Tests/Scenarios")

    /// A kiosk with the shipped assets, a manual clock and an optional config text.
    static func kiosk(config: String? = nil, size: Size = Size(width: 1080, height: 1920), agenda: Bool = true) throws -> (Kiosk, ManualClock) {
        var options = KioskOptions()
        options.size = size
        if agenda { options.agendaFile = root.appendingPathComponent("Assets/agenda/example.json").path }
        if let config {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("passerelle-\(UUID().uuidString).conf")
            try config.write(to: url, atomically: true, encoding: .utf8)
            options.configPath = url.path
        }
        let clock = ManualClock()
        let built = try buildKiosk(options: options, clock: { clock.now })
        return (built.kiosk, clock)
    }

    /// A built program of the package; a missing one fails the test (`make test` builds
    /// everything first): a skipped check would pass with its expectation missing.
    static func requireBinary(_ name: String) throws -> URL {
        let candidates = [".build/debug/\(name)", ".build/x86_64-unknown-linux-gnu/debug/\(name)"]
        if let found = candidates.map({ root.appendingPathComponent($0) }).first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) {
            return found
        }
        throw MissingPrerequisite("\(name) is not built: run `swift build` before `swift test` (make test does)")
    }

    /// A tool that `scripts/setup-debian.sh` installs; missing, the test fails.
    static func requireTool(_ path: String, package: String) throws -> URL {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw MissingPrerequisite("\(path) is missing: scripts/setup-debian.sh installs \(package) (make test runs it)")
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
    static func run(_ binary: URL, _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws
        -> (code: Int32, out: String, err: String)
    {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if !environment.isEmpty {
            var merged = ProcessInfo.processInfo.environment
            merged.removeValue(forKey: "INVOCATION_ID")
            for (key, value) in environment { merged[key] = value }
            process.environment = merged
        }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }
}
