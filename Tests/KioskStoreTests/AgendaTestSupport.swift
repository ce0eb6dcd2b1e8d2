// Passerelle — KioskStore tests. Licensed under the EUPL-1.2.
import Foundation
import KioskCore
import XCTest
@testable import KioskStore

/// The repository's root (for Assets/ and Tests/ files).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The shipped example agenda, parsed.
func exampleAgenda() throws -> AgendaDocument {
    let url = repositoryRoot.appendingPathComponent("Assets/agenda/example.json")
    return try AgendaDocument.parse(Data(contentsOf: url), file: "example.json")
}

/// A small agenda: Amina at France Services, Mo-Fr 09:00-12:00, 30-minute "demarches", from
/// 2025 to 2099 (the tests pinned to 2031 by `make test-dates` need it open then).
let smallAgendaJSON = """
{
  "format": 1,
  "places": [{"id": "fs", "name": "France Services", "address": "1 place de la Mairie, 34400 Lunel", "phone": "+33467000101"}],
  "services": [{
    "id": "demarches", "support": "procedure_help",
    "name": {"fr": "Aide aux démarches", "en": "Help with procedures", "ar": "مساعدة في الإجراءات"},
    "duration_minutes": 30, "min_notice_minutes": 0, "max_notice_days": 60, "location": "on_site"
  }],
  "helpers": [{
    "id": "amina", "first_name": "Amina",
    "opening": [{"place": "fs", "services": ["demarches"], "hours": "Mo-Fr 09:00-12:00; PH off", "from": "2025-01-01", "until": "2099-12-31"}]
  }]
}
"""

func smallAgenda() throws -> AgendaDocument {
    try AgendaDocument.parse(Data(smallAgendaJSON.utf8), file: "small.json")
}

/// A prerequisite of a test that `make test` installs or builds is missing: the test fails
/// (a skipped check would pass with its expectation missing) and says how to get it.
struct MissingPrerequisite: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Finds the built `passerellectl` (next to the test bundle, in .build/debug, or $PASSERELLECTL);
/// fails the test when it is not built.
func builtPasserellectl() throws -> URL {
    var candidates: [URL] = []
    if let path = ProcessInfo.processInfo.environment["PASSERELLECTL"] { candidates.append(URL(fileURLWithPath: path)) }
    candidates.append(Bundle(for: AgendaStoreTests.self).bundleURL.deletingLastPathComponent().appendingPathComponent("passerellectl"))
    candidates.append(repositoryRoot.appendingPathComponent(".build/debug/passerellectl"))
    guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
        throw MissingPrerequisite("passerellectl is not built: run `swift build` before `swift test` (make test does)")
    }
    return found
}

/// Runs a process to the end; returns (status, stdout, stderr).
@discardableResult
func runProcess(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil) throws -> (Int32, String, String) {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let environment { process.environment = environment }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}
