// Passerelle — KioskStore tests. Licensed under the EUPL-1.2.
import Foundation
import KioskCore
import PasserelleTestSupport
import XCTest
@testable import KioskStore

/// The shipped example agenda, parsed.
func exampleAgenda() throws -> AgendaDocument {
    let url = repositoryRoot.appendingPathComponent("Assets/agenda/example.json")
    return try AgendaDocument.parse(Data(contentsOf: url), file: "example.json")
}

/// A small agenda: Amina at France Services, Mo-Fr 09:00-12:00, 30-minute "demarches", from
/// 2025 to 2099 (the tests pinned to 2031 by `make test-dates` need it open then).
/// A line ending in `\` goes on in the next one (no newline): the JSON's lines stay as they were.
let smallAgendaJSON = """
    {
      "format": 1,
      "places": [{"id": "fs", "name": "France Services", "address": "1 place de la Mairie, 34400 Lunel", \
    "phone": "+33467000101"}],
      "services": [{
        "id": "demarches", "support": "procedure_help",
        "name": {"fr": "Aide aux démarches", "en": "Help with procedures", "ar": "مساعدة في الإجراءات"},
        "duration_minutes": 30, "min_notice_minutes": 0, "max_notice_days": 60, "location": "on_site"
      }],
      "helpers": [{
        "id": "amina", "first_name": "Amina",
        "opening": [{"place": "fs", "services": ["demarches"], "hours": "Mo-Fr 09:00-12:00; PH off", \
    "from": "2025-01-01", "until": "2099-12-31"}]
      }]
    }
    """

func smallAgenda() throws -> AgendaDocument {
    try AgendaDocument.parse(Data(smallAgendaJSON.utf8), file: "small.json")
}

/// The built `passerellectl` (`PasserelleTestSupport.builtProgram`).
func builtPasserellectl() throws -> URL { try builtProgram("passerellectl") }

/// Runs a process to the end; returns (status, stdout, stderr).
@discardableResult
func runProcess(_ executable: URL, _ arguments: [String], environment: [String: String] = [:]) throws -> (
    Int32, String, String
) {
    let result = try runProgram(executable, arguments, environment: environment)
    return (result.code, result.out, result.err)
}
