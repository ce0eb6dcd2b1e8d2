import Foundation
import KioskApp
import KioskCore
import KioskUI

enum Support {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized
    static let scenarios = root.appendingPathComponent("Tests/Scenarios")

    /// A kiosk with the shipped assets, a manual clock and an optional config text.
    static func kiosk(config: String? = nil, size: Size = Size(width: 1080, height: 1920)) throws -> (Kiosk, ManualClock) {
        var options = KioskOptions()
        options.size = size
        if let config {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("passerelle-\(UUID().uuidString).conf")
            try config.write(to: url, atomically: true, encoding: .utf8)
            options.configPath = url.path
        }
        let clock = ManualClock()
        let built = try buildKiosk(options: options, clock: { clock.now })
        return (built.kiosk, clock)
    }

    /// The built `passerelle` binary (`make test` builds it before the tests).
    static var binary: URL? {
        let candidates = [".build/debug/passerelle", ".build/x86_64-unknown-linux-gnu/debug/passerelle"]
        return candidates.map { root.appendingPathComponent($0) }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    static func run(_ binary: URL, _ arguments: [String], stdin: String? = nil) throws -> (code: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
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
