// Passerelle — KioskStore tests. Licensed under the EUPL-1.2.
import Foundation
import KioskCore
import PasserelleTestSupport
import XCTest
@testable import KioskStore

/// The kiosk itself (`passerelle --script`, the booking screens) books and cancels through the
/// helper's CalDAV calendar on a real Radicale.
final class CalDAVKioskTests: XCTestCase {
    func test_the_kiosk_books_into_the_helpers_calendar_and_a_cancellation_at_the_kiosk_deletes_the_event() throws {
        let passerelle = try builtProgram("passerelle")
        let server = try RadicaleServer(self)
        try server.helper("mkcal", "amina")
        let dataDir = makeTemporaryDirectory(self)
        let config = try server.kioskConfiguration(in: dataDir, helpers: ["amina": "amina"])
        let agenda = repositoryRoot.appendingPathComponent("Assets/agenda/example.json").path
        let book = dataDir.appendingPathComponent("book.scenario")
        try """
        tap "Prendre rendez-vous"
        tap "Aide pour vos papiers en ligne"
        tap "mardi 24 novembre"
        tap "9 h 45"
        type "Zoé"
        tap "Continuer"
        type "0612345678"
        tap "Continuer"
        expect "Amina"
        tap "Oui"
        expect "Votre rendez-vous est enregistré."
        """.write(to: book, atomically: true, encoding: .utf8)
        let booked = try runProgram(
            passerelle,
            ["--script", book.path, "--data-dir", dataDir.path, "--import-agenda", agenda, "--caldav-config", config])
        XCTAssertEqual(booked.code, 0, booked.err)
        let events = try server.events("amina")
        XCTAssertEqual(events.map { $0["summary"] }, ["Aide aux démarches administratives – Zoé"])
        XCTAssertEqual(events.first?["start"], "2026-11-24T09:45:00+01:00")

        let cancel = dataDir.appendingPathComponent("cancel.scenario")
        try """
        tap "Mon rendez-vous"
        type "0612345678"
        tap "Chercher"
        tap "Annuler"
        tap "Oui, annuler"
        expect "Votre rendez-vous est annulé."
        """.write(to: cancel, atomically: true, encoding: .utf8)
        let cancelled = try runProgram(
            passerelle, ["--script", cancel.path, "--data-dir", dataDir.path, "--caldav-config", config])
        XCTAssertEqual(cancelled.code, 0, cancelled.err)
        XCTAssertEqual(try server.events("amina").count, 0, "the event left the helper's calendar")
    }

    /// "Changer d'heure" at the kiosk (Tests/Scenarios/booking-move-fr.scenario): the earliest
    /// time may be another helper's; the event ends up once, at the new time, in that helper's
    /// calendar.
    func test_a_move_at_the_kiosk_leaves_one_event_at_the_new_time_in_the_right_helpers_calendar() throws {
        let passerelle = try builtProgram("passerelle")
        let server = try RadicaleServer(self)
        let helpers = ["amina", "julien", "sophie", "karim"]
        for helper in helpers { try server.helper("mkcal", helper) }
        let dataDir = makeTemporaryDirectory(self)
        let config = try server.kioskConfiguration(
            in: dataDir, helpers: Dictionary(uniqueKeysWithValues: helpers.map { ($0, $0) }))
        let run = try runProgram(
            passerelle,
            [
                "--script", repositoryRoot.appendingPathComponent("Tests/Scenarios/booking-move-fr.scenario").path,
                "--data-dir", dataDir.path, "--import-agenda",
                repositoryRoot.appendingPathComponent("Assets/agenda/example.json").path, "--caldav-config", config,
            ])
        XCTAssertEqual(run.code, 0, run.err)
        // Before the scenario's days (its clock is its own, in November 2026).
        let store = try AppDatabase.open(dataDir: dataDir, clock: .fixed(paris("2026-11-01 00:00")))
        let booked = try XCTUnwrap(try store.appointments(phone: "0622334455").first)
        var found: [String] = []
        for helper in helpers {
            for event in try server.events(helper) { found.append("\(helper) \(event["start"]!) \(event["uid"]!)") }
        }
        XCTAssertEqual(
            found, ["\(booked.helper.key) 2026-11-19T09:00:00+01:00 \(booked.appointment.uuid.uuidString.lowercased())"]
        )
        XCTAssertEqual(try store.remoteCopy(of: booked.appointment.uuid)?.state, .written)
    }
}
