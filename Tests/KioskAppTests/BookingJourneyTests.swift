import Foundation
import XCTest

@testable import KioskApp
import KioskCore
import KioskStore

/// Booking end to end with the real program and a real data dir: one run books (after a
/// diagnostic, with consent), the helper's calendar file appears and reads with Python's
/// icalendar; a second run of the program cancels with only the phone number.
final class BookingJourneyTests: XCTestCase {
    func test_a_booking_reaches_the_helpers_calendar_and_a_later_visit_cancels_it_by_phone() throws {
        let passerelle = try Support.requireBinary("passerelle")
        let dataDir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "passerelle-booking-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dataDir) }
        let agenda = Support.root.appendingPathComponent("Assets/agenda/example.json").path

        let book = try Support.run(
            passerelle,
            [
                "--script", Support.scenarios.appendingPathComponent("diagnostic-then-booking.scenario").path,
                "--data-dir", dataDir.path, "--import-agenda", agenda,
            ])
        XCTAssertEqual(book.code, 0, book.err)

        // With too few real answers the diagnostic sends the person to a conseiller; Sophie has
        // the earliest slot: her calendar has the appointment, with the shared diagnostic.
        let calendar = dataDir.appendingPathComponent("calendars/sophie.ics")
        let ics = try String(contentsOf: calendar, encoding: .utf8)
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        XCTAssertTrue(unfolded.contains("SUMMARY:Parler avec une personne qui connaît le numérique – Fatima"), unfolded)
        XCTAssertTrue(unfolded.contains("Diagnostic à la borne : Avec guidage."), unfolded)
        XCTAssertTrue(unfolded.contains("DTSTART;TZID=Europe/Paris:20261118T140000"), unfolded)
        try checkWithPython(calendar, expecting: 1)

        // Another visit, another process: this appointment is today at 14:00 and the kiosk's
        // clock says 12:06, so the rule (4 hours) refuses and says why, and nothing changes.
        let late = dataDir.appendingPathComponent("late.scenario")
        try """
        tap "Mon rendez-vous"
        type "0698765432"
        tap "Chercher"
        expect "mercredi 18 novembre"
        tap "Annuler"
        expect "trop tard pour annuler"
        """.write(to: late, atomically: true, encoding: .utf8)
        let refused = try Support.run(passerelle, ["--script", late.path, "--data-dir", dataDir.path])
        XCTAssertEqual(refused.code, 0, refused.err)
        XCTAssertTrue(try String(contentsOf: calendar, encoding: .utf8).contains("Fatima"))

        // A booking for next Tuesday, then a later visit cancels it with only the phone number.
        let next = dataDir.appendingPathComponent("next.scenario")
        try """
        tap "Prendre rendez-vous"
        tap "Être conseillé par une personne"
        tap "mardi 24 novembre"
        tap "10 h"
        type "Nadia"
        tap "Continuer"
        type "0611223344"
        tap "Continuer"
        tap "Oui"
        expect "Votre rendez-vous est enregistré."
        """.write(to: next, atomically: true, encoding: .utf8)
        let booked = try Support.run(passerelle, ["--script", next.path, "--data-dir", dataDir.path])
        XCTAssertEqual(booked.code, 0, booked.err)
        let calendars = try FileManager.default.contentsOfDirectory(
            at: dataDir.appendingPathComponent("calendars"), includingPropertiesForKeys: nil)
        let withNadia = try XCTUnwrap(
            calendars.first { (try? String(contentsOf: $0, encoding: .utf8))?.contains("Nadia") == true })
        let cancel = dataDir.appendingPathComponent("cancel.scenario")
        try """
        tap "Mon rendez-vous"
        type "06 11 22 33 44"
        tap "Chercher"
        expect "mardi 24 novembre"
        tap "Annuler"
        tap "Oui, annuler"
        expect "Votre rendez-vous est annulé."
        """.write(to: cancel, atomically: true, encoding: .utf8)
        let cancelled = try Support.run(passerelle, ["--script", cancel.path, "--data-dir", dataDir.path])
        XCTAssertEqual(cancelled.code, 0, cancelled.err)
        XCTAssertFalse(
            try String(contentsOf: withNadia, encoding: .utf8).contains("Nadia"),
            "the cancelled appointment left the helper's calendar")
    }

    func test_booking_without_consent_tells_the_helper_nothing_about_the_diagnostic() throws {
        let (kiosk, clock) = try Support.kiosk()
        let runner = ScenarioRunner(kiosk: kiosk, clock: clock, screenshotDirectory: nil)
        let text = try String(
            contentsOf: Support.scenarios.appendingPathComponent("diagnostic-then-booking.scenario"), encoding: .utf8
        )
        .replacingOccurrences(of: "screenshot booking-consent-fr\ntap \"Oui\"", with: "tap \"Non\"")
        try runner.run(Scenario.parse(text, file: "no-consent"))
        let store = try XCTUnwrap(kiosk.services.store)
        let uuid = try XCTUnwrap(kiosk.state.booking?.saved)
        XCTAssertNil(try store.diagnosticSummary(appointment: uuid))
        XCTAssertTrue(try store.calendarICS(helper: "sophie").contains("Fatima"))
        XCTAssertFalse(try store.calendarICS(helper: "sophie").contains("Diagnostic"))
    }

    func test_two_kiosks_never_book_the_same_slot() throws {
        // Two kiosk processes share one data dir and race for the earliest slot, many times.
        let passerelle = try Support.requireBinary("passerelle")
        let dataDir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "passerelle-race-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dataDir) }
        let agenda = Support.root.appendingPathComponent("Assets/agenda/example.json").path
        let scenario = dataDir.appendingPathComponent("book.scenario")
        try FileManager.default.createDirectory(at: dataDir, withIntermediateDirectories: true)
        try """
        tap "Prendre rendez-vous"
        tap "Être conseillé par une personne"
        tap "Le plus tôt"
        type "Lea"
        tap "Continuer"
        tap "Pas de numéro"
        tap "Oui"
        """.write(to: scenario, atomically: true, encoding: .utf8)
        _ = try Support.run(
            passerelle, ["--script", scenario.path, "--data-dir", dataDir.path, "--import-agenda", agenda])
        let before = try appointments(in: dataDir)
        for _ in 0..<4 {
            let processes = try (0..<2).map { _ -> Process in
                let p = Process()
                p.executableURL = passerelle
                p.arguments = ["--script", scenario.path, "--data-dir", dataDir.path]
                p.standardOutput = FileHandle.nullDevice
                p.standardError = FileHandle.nullDevice
                try p.run()
                return p
            }
            processes.forEach { $0.waitUntilExit() }
        }
        // Each run either saved its slot or saw it taken and went back to the times; never two in one slot.
        let after = try appointments(in: dataDir)
        XCTAssertGreaterThan(after.count, before.count)
        for (i, a) in after.enumerated() {
            for b in after[(i + 1)...] where a.helper == b.helper {
                XCTAssertFalse(a.start < b.end && b.start < a.end, "\(a) and \(b) overlap")
            }
        }
    }

    /// Every appointment in the data dir, per helper, from the store's own calendar events.
    private func appointments(in dataDir: URL) throws -> [(helper: String, start: Date, end: Date)] {
        let store = try AppDatabase.open(dataDir: dataDir)
        var all: [(helper: String, start: Date, end: Date)] = []
        for helper in ["amina", "julien", "sophie", "karim"] {
            all += try store.calendarEvents(helper: helper).map { (helper, $0.start, $0.end) }
        }
        return all
    }

    private func checkWithPython(_ file: URL, expecting events: Int) throws {
        // The checker wants UID=START for each event: read them from the file.
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "\r\n ", with: "")
        let uids = text.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }.map { String($0.dropFirst(4)) }
        XCTAssertEqual(uids.count, events)
        let expected = uids.map { "\($0)=20261118T130000Z" }
        let python = try Support.requirePython()
        let result = try Support.run(
            python, [Support.root.appendingPathComponent("Tests/check_ics.py").path, file.path] + expected)
        XCTAssertEqual(result.code, 0, result.out + result.err)
        XCTAssertTrue(result.out.contains("ok \(events) events"), result.out)
    }
}
