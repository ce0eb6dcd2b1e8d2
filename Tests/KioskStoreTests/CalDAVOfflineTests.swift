// Passerelle — KioskStore tests. Licensed under the EUPL-1.2.
import Foundation
import KioskCore
import PasserelleTestSupport
import XCTest
@testable import KioskStore

/// The server away, recurring and all-day events, TLS with a private CA, the credentials file:
/// real Radicale, real `passerellectl`.
final class CalDAVOfflineTests: XCTestCase {
    /// Bookings go on while the server is down, wait in the calendar outbox, and arrive when it
    /// is back. One of them now clashes with a booking made meanwhile at another kiosk: both
    /// people keep their appointment, the helper sees both, the place sees a conflict.
    func test_with_the_server_stopped_bookings_are_queued_and_arrive_after_it_restarts() throws {
        let server = try RadicaleServer(self)
        try server.helper("mkcal", "amina")
        let kioskA = try kioskWithSmallAgenda(self), kioskB = try kioskWithSmallAgenda(self)
        let configA = try server.kioskConfiguration(in: kioskA, helpers: ["amina": "amina"])
        let configB = try server.kioskConfiguration(in: kioskB, helpers: ["amina": "amina"])
        XCTAssertEqual(try sync(kioskA, configA).0, 0)
        let day = try firstDay(kioskA)

        server.stop()
        for hour in [9, 10] {
            let (code, out) = try book(kioskA, configA, at(day, hour, 0))
            XCTAssertEqual(code, 0, out)
            XCTAssertTrue(out.contains(" queued: server unreachable"), out)
        }
        let (down, line, _) = try sync(kioskA, configA)
        XCTAssertEqual(down, 75)
        XCTAssertTrue(line.hasPrefix("helper:amina: FAILED: server unreachable"), line)
        XCTAssertTrue(line.hasSuffix("last sync \(stampText(TestNow.date)); queued 2\n"), line)

        try server.start()
        let (codeB, outB) = try book(kioskB, configB, at(day, 10, 0))
        XCTAssertEqual(codeB, 0, outB)
        XCTAssertFalse(outB.contains("queued"), outB)
        let (up, upLine, errors) = try sync(kioskA, configA)
        XCTAssertEqual(up, 0, errors)
        XCTAssertTrue(upLine.contains("wrote 2, deleted 0"), upLine)
        XCTAssertTrue(upLine.contains("conflicts 1, queued 0"), upLine)

        let events = try server.events("amina")
        XCTAssertEqual(events.map { isoDate($0["start"]!)! }, [at(day, 9, 0), at(day, 10, 0), at(day, 10, 0)])
        XCTAssertEqual(
            events.filter { $0["start"]!.contains("T10:") }.map { $0["summary"]!.hasPrefix("CONFLIT – ") }.sorted {
                !$0 && $1
            }, [false, true], "the helper sees both, the late one marked")
        XCTAssertEqual(try appointmentCount(kioskA) + appointmentCount(kioskB), 3, "everybody keeps their appointment")
    }

    /// A kiosk whose sandbox has no network books locally (no --caldav-config): the sync timer
    /// writes the event.
    func test_an_appointment_booked_without_the_calendar_is_written_by_the_next_sync() throws {
        let server = try RadicaleServer(self)
        try server.helper("mkcal", "amina")
        let kiosk = try kioskWithSmallAgenda(self)
        let config = try server.kioskConfiguration(in: kiosk, helpers: ["amina": "amina"])
        let day = try firstDay(kiosk)
        let (code, out, errors) = try runProcess(
            try builtPasserellectl(),
            [
                "debug", "book", "--data-dir", kiosk.path, "--service", "demarches", "--helper", "amina", "--place",
                "fs", "--start", String(at(day, 9, 30).timeIntervalSince1970),
            ], environment: TestNow.environment())
        XCTAssertEqual(code, 0, out + errors)
        let (synced, line, _) = try sync(kiosk, config)
        XCTAssertEqual(synced, 0)
        XCTAssertTrue(line.contains("wrote 1, deleted 0"), line)
        XCTAssertEqual(try server.events("amina").map { isoDate($0["start"]!) }, [at(day, 9, 30)])
    }

    /// The retention purge erases the person's name at the kiosk; the next sync erases it from
    /// the helper's calendar too.
    func test_after_the_retention_purge_the_next_sync_erases_the_name_from_the_helpers_calendar() throws {
        let server = try RadicaleServer(self)
        try server.helper("mkcal", "amina")
        let kiosk = try kioskWithSmallAgenda(self)
        let config = try server.kioskConfiguration(in: kiosk, helpers: ["amina": "amina"])
        let day = try firstDay(kiosk)
        let (code, out) = try book(kiosk, config, at(day, 9, 0))
        XCTAssertEqual(code, 0, out)
        XCTAssertEqual(try server.events("amina").map { $0["summary"] }, ["Aide aux démarches – Test"])

        let later = TestNow.environment(at: at(day, 9, 0).addingTimeInterval(8 * 86_400))
        let binary = try builtPasserellectl()
        let (purged, _, purgeErrors) = try runProcess(binary, ["purge", "--data-dir", kiosk.path], environment: later)
        XCTAssertEqual(purged, 0, purgeErrors)
        let (synced, line, errors) = try runProcess(
            binary, ["agenda", "sync", "--data-dir", kiosk.path, "--caldav-config", config], environment: later)
        XCTAssertEqual(synced, 0, errors)
        XCTAssertTrue(line.contains("names erased 1"), line)
        let events = try server.events("amina")
        XCTAssertEqual(events.map { $0["summary"] }, ["Aide aux démarches"])
        XCTAssertFalse(events.contains { $0["description"]!.contains("Test") })
    }

    func test_weekly_and_monthly_meetings_and_an_all_day_absence_are_honoured_but_free_and_cancelled_events_are_not()
        throws
    {
        let server = try RadicaleServer(self)
        try server.helper("mkcal", "amina")
        let kiosk = try kioskWithSmallAgenda(self)
        let config = try server.kioskConfiguration(in: kiosk, helpers: ["amina": "amina"])
        let day = try firstDay(kiosk)
        let allDay = try XCTUnwrap(
            try startTimes(kiosk, from: day.addingTimeInterval(86_400)).first.map { parisCalendar.startOfDay(for: $0) })
        let nextWeek = parisCalendar.date(byAdding: .day, value: 7, to: day)!
        let before = (
            day: try startTimes(kiosk, on: day), week: try startTimes(kiosk, on: nextWeek),
            allDay: try startTimes(kiosk, on: allDay)
        )
        XCTAssertFalse(before.allDay.isEmpty)
        func dayText(_ date: Date) -> String { String(parisICS(date).prefix(8)) }
        try server.addEvent(
            "amina",
            [
                "UID:weekly-team", "SUMMARY:Réunion d'équipe", "RRULE:FREQ=WEEKLY;COUNT=3",
                "DTSTART;TZID=Europe/Paris:\(parisICS(at(day, 10, 0)))",
                "DTEND;TZID=Europe/Paris:\(parisICS(at(day, 11, 0)))",
            ])
        try server.addEvent(
            "amina",
            [
                "UID:conge", "SUMMARY:Congé", "DTSTART;VALUE=DATE:\(dayText(allDay))",
                "DTEND;VALUE=DATE:\(dayText(parisCalendar.date(byAdding: .day, value: 1, to: allDay)!))",
            ])
        try server.addEvent(
            "amina",
            [
                "UID:free", "SUMMARY:Rappel", "TRANSP:TRANSPARENT",
                "DTSTART:\(ICalendar.utc(at(day, 9, 0)))", "DTEND:\(ICalendar.utc(at(day, 9, 30)))",
            ])
        try server.addEvent(
            "amina",
            [
                "UID:annule", "SUMMARY:Annulé", "STATUS:CANCELLED",
                "DTSTART;TZID=Europe/Paris:\(parisICS(at(day, 11, 0)))",
                "DTEND;TZID=Europe/Paris:\(parisICS(at(day, 11, 30)))",
            ])
        // A rule the kiosk leaves to the server's <C:expand>: the n-th weekday of the month.
        let weekday = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"][parisCalendar.component(.weekday, from: day) - 1]
        let nth = (parisCalendar.component(.day, from: day) - 1) / 7 + 1
        try server.addEvent(
            "amina",
            [
                "UID:monthly", "SUMMARY:Permanence", "RRULE:FREQ=MONTHLY;BYDAY=\(nth)\(weekday);COUNT=2",
                "DTSTART;TZID=Europe/Paris:\(parisICS(at(day, 11, 30)))",
                "DTEND;TZID=Europe/Paris:\(parisICS(at(day, 12, 0)))",
            ])
        let (code, out, errors) = try sync(kiosk, config)
        XCTAssertEqual(code, 0, errors)
        XCTAssertTrue(out.contains("ok: read "), out)
        XCTAssertFalse(errors.contains("not understood"), "the server expanded it: \(errors)")

        let meeting: Set<Date> = [at(day, 10, 0), at(day, 10, 30), at(day, 11, 30)]
        XCTAssertEqual(Set(try startTimes(kiosk, on: day)), Set(before.day).subtracting(meeting))
        let nextMeeting: Set<Date> = [at(nextWeek, 10, 0), at(nextWeek, 10, 30)]
        XCTAssertEqual(Set(try startTimes(kiosk, on: nextWeek)), Set(before.week).subtracting(nextMeeting))
        XCTAssertEqual(try startTimes(kiosk, on: allDay), [], "the whole day is gone")
    }

    func test_tls_is_verified_against_the_configured_ca_file_only() throws {
        let pki = makeTemporaryDirectory(self)
        let ca = pki.appendingPathComponent("ca.pem").path, key = pki.appendingPathComponent("key.pem").path
        let cert = pki.appendingPathComponent("cert.pem").path
        let caKey = pki.appendingPathComponent("ca-key.pem").path, csr = pki.appendingPathComponent("req.csr").path
        let ext = pki.appendingPathComponent("ext.cnf")
        try "subjectAltName=IP:127.0.0.1\n".write(to: ext, atomically: true, encoding: .utf8)
        for arguments in [
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", caKey, "-out", ca, "-days", "2", "-subj",
                "/CN=Mairie CA",
            ],
            ["req", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", csr, "-subj", "/CN=127.0.0.1"],
            [
                "x509", "-req", "-in", csr, "-CA", ca, "-CAkey", caKey, "-CAcreateserial", "-out", cert, "-days", "2",
                "-extfile", ext.path,
            ],
        ] {
            let result = try runProgram(URL(fileURLWithPath: "/usr/bin/openssl"), arguments)
            XCTAssertEqual(result.code, 0, result.err)
        }
        let server = try RadicaleServer(self, certificate: (cert, key))
        let kiosk = try kioskWithSmallAgenda(self)
        let trusted = try server.kioskConfiguration(in: kiosk, helpers: ["amina": "amina"], caFile: ca)
        // The helper's client trusts the CA too, to make the calendar.
        server.caFile = ca
        try server.helper("mkcal", "amina")
        let (code, out, errors) = try sync(kiosk, trusted)
        XCTAssertEqual(code, 0, errors)
        XCTAssertTrue(out.hasPrefix("helper:amina: ok"), out)

        let untrusted = try server.kioskConfiguration(in: kiosk, helpers: ["amina": "amina"])
        let (refused, line, _) = try sync(kiosk, untrusted)
        XCTAssertEqual(refused, 75)
        XCTAssertTrue(line.contains("FAILED: server unreachable") && line.lowercased().contains("certificate"), line)
    }

    func test_a_credentials_file_others_may_read_is_refused_and_no_configuration_changes_nothing() throws {
        let server = try RadicaleServer(self)
        let kiosk = try kioskWithSmallAgenda(self)
        let config = try server.kioskConfiguration(in: kiosk, helpers: ["amina": "amina"])
        let credentials = kiosk.appendingPathComponent("caldav-credentials").path
        chmod(credentials, 0o640)
        let (code, _, errors) = try sync(kiosk, config)
        XCTAssertEqual(code, 64)
        XCTAssertEqual(
            errors,
            "passerellectl: error: \(config): credentials: \(credentials) "
                + "is readable or writable by group or others (mode 640): chmod 600 it\n"
        )
        let absent = kiosk.appendingPathComponent("none.conf").path
        let (none, out, _) = try sync(kiosk, absent)
        XCTAssertEqual(none, 0)
        XCTAssertEqual(out, "no CalDAV configured (\(absent) does not exist): nothing to sync\n")
        let (booked, line) = try book(kiosk, absent, try firstDay(kiosk).addingTimeInterval(9 * 3600))
        XCTAssertEqual(booked, 64, "a --caldav-config named for a booking must exist")
        XCTAssertEqual(line, "passerellectl: error: \(absent): cannot be read\n")
    }
}

// MARK: - Shared with CalDAVProcessTests

func sync(_ kiosk: URL, _ config: String) throws -> (Int32, String, String) {
    try runProcess(
        try builtPasserellectl(), ["agenda", "sync", "--data-dir", kiosk.path, "--caldav-config", config],
        environment: TestNow.environment())
}

func book(_ kiosk: URL, _ config: String, _ start: Date) throws -> (Int32, String) {
    let (code, out, errors) = try runProcess(
        try builtPasserellectl(),
        [
            "debug", "book", "--data-dir", kiosk.path, "--caldav-config", config, "--service", "demarches",
            "--helper", "amina", "--place", "fs", "--start", String(start.timeIntervalSince1970),
        ], environment: TestNow.environment())
    return (code, out + errors)
}
