import Foundation
import XCTest

/// What both integration test targets need to run the package's programs: find a built one,
/// run it to the end, and fail (never skip) when a prerequisite is missing.

/// A prerequisite that `make test` installs or builds is missing: the test fails and says how
/// to get it (a skipped check would pass with its expectation missing).
public struct MissingPrerequisite: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// The repository's root, from this file's place in it.
public let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// A built program of the package (`make test` builds them all before the tests): `$NAME`
/// in the environment (upper case, `-` as `_`), then `.build/debug`, then next to the tests.
public func builtProgram(_ name: String) throws -> URL {
    var candidates: [URL] = []
    let variable = name.uppercased().replacingOccurrences(of: "-", with: "_")
    if let path = ProcessInfo.processInfo.environment[variable] { candidates.append(URL(fileURLWithPath: path)) }
    candidates += [".build/debug/\(name)", ".build/x86_64-unknown-linux-gnu/debug/\(name)"].map {
        repositoryRoot.appendingPathComponent($0)
    }
    candidates.append(Bundle.main.bundleURL.appendingPathComponent(name))
    guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
        throw MissingPrerequisite("\(name) is not built: run `swift build` before `swift test` (make test does)")
    }
    return found
}

/// Runs a program to its end: its status, standard output and standard error. `environment`
/// adds to (or replaces entries of) the tests' own; a systemd `INVOCATION_ID` never passes.
public func runProgram(
    _ program: URL, _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]
) throws -> (code: Int32, out: String, err: String) {
    let process = Process()
    process.executableURL = program
    process.arguments = arguments
    var merged = ProcessInfo.processInfo.environment
    merged.removeValue(forKey: "INVOCATION_ID")
    for (key, value) in environment { merged[key] = value }
    process.environment = merged
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    // Both pipes drain together: a program that fills stderr first must not block on it.
    let errors = Drained(err.fileHandleForReading)
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = errors.wait()
    process.waitUntilExit()
    return (
        process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self)
    )
}

/// Reads a pipe to its end on its own thread.
final class Drained: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
