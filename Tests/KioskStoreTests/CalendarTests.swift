// Passerelle — KioskStore tests. Licensed under the EUPL-1.2.
import Foundation
import KioskCore
import PasserelleTestSupport
import XCTest
@testable import KioskStore

/// The helpers' calendars, checked by an independent parser: Python `icalendar` in the venv
/// that `scripts/setup-python.sh` creates (`make test` runs it).
final class CalendarTests: XCTestCase {
    func test_the_helper_calendar_is_valid_rfc_5545_for_the_python_icalendar_parser() throws {
        let python = repositoryRoot.appendingPathComponent(".build/pyenv/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw MissingPrerequisite("no Python venv at .build/pyenv: run scripts/setup-python.sh (make test does)")
        }
        let clock = ManualClock(paris("2026-11-23 08:00"))
        let dir = makeTemporaryDirectory(self)
        let database = try AppDatabase.open(dataDir: dir, clock: clock.storeClock)
        var agenda = try smallAgenda()
        agenda.services[0].maxNoticeDays = 365
        agenda.services[0].name.fr = "Aide aux démarches; papiers, CAF \\ impôts"
        try database.importAgenda(agenda)
        let snapshot = try database.agendaSnapshot(from: clock.now, to: clock.now.addingTimeInterval(365 * 86_400))
        // Winter, the Tuesday after the spring change (Monday is Easter Monday), and summer.
        let winter = try XCTUnwrap(
            SlotFinder.freeSlots(for: "demarches", in: snapshot, from: paris("2026-12-01 00:00"), days: 1).first)
        let spring = try XCTUnwrap(
            SlotFinder.freeSlots(for: "demarches", in: snapshot, from: paris("2027-03-30 00:00"), days: 1).first)
        let summer = try XCTUnwrap(
            SlotFinder.freeSlots(for: "demarches", in: snapshot, from: paris("2027-07-06 00:00"), days: 1).last)
        var expected: [String] = []
        for (slot, name) in [(winter, "Jeanne Martin"), (spring, "Zoé"), (summer, "Karim, dit \"K\"")] {
            let appointment = try database.book(slot, for: PersonContact(name: name, phone: "0612345678"))
            expected.append("\(appointment.uuid.uuidString.lowercased())=\(ICalendar.utc(slot.start))")
        }
        XCTAssertEqual(
            expected.map { String($0.suffix(16)) }, ["20261201T080000Z", "20270330T070000Z", "20270706T093000Z"])
        let consented = try database.appointments(phone: "0612345678")[1].appointment.uuid
        let file = try database.rewriteCalendar(helper: "amina") { uuid in
            uuid == consented
                ? "Autonomie : partiellement autonome.\nÀ revoir : pièces jointes, mots de passe; sécurité, e-mail. "
                    + "ملخص التشخيص بالعربية للمساعدة"
                : nil
        }
        XCTAssertEqual(file.lastPathComponent, "amina.ics")
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path), ["amina.ics"],
            "no temporary file left behind")

        let checker = repositoryRoot.appendingPathComponent("Tests/check_ics.py").path
        let (status, out, err) = try runProcess(python, [checker, file.path] + expected)
        XCTAssertEqual(status, 0, "\(out)\n\(err)")
        XCTAssertTrue(out.contains("ok 3 events"), out)
        XCTAssertTrue(out.contains("Aide aux démarches; papiers, CAF \\ impôts – Jeanne"), out)
        XCTAssertTrue(out.contains("Diagnostic (partagé avec l'accord de la personne)"), out)

        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(text.contains("SUMMARY:Aide aux démarches\\; papiers\\, CAF \\\\ impôts – Jeanne\r\n"))
        XCTAssertTrue(text.contains("DTSTART;TZID=Europe/Paris:20270330T090000\r\n"))
        XCTAssertTrue(text.contains("LOCATION:France Services\\, 1 place de la Mairie\\, 34400 Lunel\r\n"))
    }

    func test_lines_fold_at_75_octets_without_cutting_a_character() {
        let line = "DESCRIPTION:" + String(repeating: "é", count: 40) + String(repeating: "ب", count: 40)
        let folded = ICalendar.fold(line)
        let physical = folded.components(separatedBy: "\r\n").dropLast()
        XCTAssertTrue(physical.allSatisfy { $0.utf8.count <= 75 })
        XCTAssertEqual(
            physical.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined(), line)
        XCTAssertEqual(ICalendar.escape("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne")
    }
}
