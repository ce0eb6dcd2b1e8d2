// Passerelle — KioskStore tests. Licensed under the EUPL-1.2.
import Foundation
import KioskCalDAV
import KioskCore
import XCTest

/// The iCalendar reading and the recurrence fallback, without a server (a server that does not
/// honour `<C:expand>` hands over the RRULE as the helper's app wrote it).
final class CalDAVReaderTests: XCTestCase {
    func test_times_are_read_in_their_zone_and_all_day_events_cover_local_days() {
        let text = """
            BEGIN:VCALENDAR\r
            BEGIN:VEVENT\r
            UID:a\r
            DTSTART;TZID="/mozilla.org/20070129_1/Europe/Paris":20261203T093000\r
            DURATION:PT1H\r
            BEGIN:VALARM\r
            TRIGGER:-PT15M\r
            END:VALARM\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            UID:b\r
            DTSTART;VALUE=DATE:20261204\r
            SUMMARY:Cong\r
             é\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            UID:c\r
            DTSTART;TZID=America/New_York:20261203T090000\r
            DTEND;TZID=America/New_York:20261203T100000\r
            TRANSP:TRANSPARENT\r
            END:VEVENT\r
            END:VCALENDAR\r

            """
        let events = ICalendarReader.events(in: text)
        XCTAssertEqual(events.map(\.uid), ["a", "b", "c"])
        XCTAssertEqual(events[0].start, paris("2026-12-03 09:30"))
        XCTAssertEqual(events[0].end, paris("2026-12-03 10:30"))
        XCTAssertEqual(events[1].start, paris("2026-12-04 00:00"))
        XCTAssertEqual(events[1].end, paris("2026-12-05 00:00"))
        XCTAssertTrue(events[1].allDay && events[1].isBusy)
        XCTAssertEqual(events[2].start, paris("2026-12-03 15:00"))
        XCTAssertFalse(events[2].isBusy, "transparent")
    }

    /// A weekly Monday and Wednesday meeting at 10:00 across the March 2027 clock change, with
    /// one date excluded and one occurrence moved.
    func test_an_unexpanded_weekly_rule_keeps_its_local_time_its_exceptions_and_its_edits() {
        let text = """
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:team
            DTSTART;TZID=Europe/Paris:20270322T100000
            DTEND;TZID=Europe/Paris:20270322T110000
            RRULE:FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20270405T235959Z
            EXDATE;TZID=Europe/Paris:20270324T100000
            END:VEVENT
            BEGIN:VEVENT
            UID:team
            RECURRENCE-ID;TZID=Europe/Paris:20270329T100000
            DTSTART;TZID=Europe/Paris:20270329T140000
            DTEND;TZID=Europe/Paris:20270329T150000
            END:VEVENT
            END:VCALENDAR
            """
        let expanded = Recurrence.expand(
            ICalendarReader.events(in: text), from: paris("2027-03-01 00:00"), to: paris("2027-05-01 00:00"))
        XCTAssertEqual(expanded.notUnderstood, [])
        XCTAssertEqual(
            expanded.events.map(\.start).sorted(),
            [
                paris("2027-03-22 10:00"), paris("2027-03-29 14:00"), paris("2027-03-31 10:00"),
                paris("2027-04-05 10:00"),
            ])
        XCTAssertTrue(expanded.events.allSatisfy { $0.end.timeIntervalSince($0.start) == 3600 })
    }

    func test_daily_counts_and_rules_not_understood_are_said() {
        let text = """
            BEGIN:VEVENT
            UID:daily
            DTSTART:20261201T080000Z
            DTEND:20261201T090000Z
            RRULE:FREQ=DAILY;INTERVAL=2;COUNT=3
            END:VEVENT
            BEGIN:VEVENT
            UID:odd
            DTSTART:20261201T080000Z
            DTEND:20261201T090000Z
            RRULE:FREQ=MONTHLY;BYSETPOS=-1;BYDAY=FR
            END:VEVENT
            """
        let expanded = Recurrence.expand(
            ICalendarReader.events(in: text), from: paris("2026-11-01 00:00"), to: paris("2027-01-01 00:00"))
        XCTAssertEqual(expanded.notUnderstood, ["odd"])
        XCTAssertEqual(
            expanded.events.filter { $0.uid == "daily" }.map(\.start),
            [paris("2026-12-01 09:00"), paris("2026-12-03 09:00"), paris("2026-12-05 09:00")])
        XCTAssertEqual(expanded.events.filter { $0.uid == "odd" }.count, 1, "its first time still counts")
    }

    func test_a_configuration_names_each_problem_with_its_line() throws {
        let dir = makeTemporaryDirectory(self)
        let file = dir.appendingPathComponent("caldav.conf")
        try """
        # shared calendars
        helper.amina = http://dav.mairie.example/amina/
        place.fs = https://dav.mairie.example/fs
        timeout = 500
        colour = blue
        helper.amina = https://dav.mairie.example/amina/
        """.write(to: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try CalDAVConfiguration.load(file.path)) { error in
            XCTAssertEqual(
                (error as? ConfigurationProblems)?.lines,
                [
                    "\(file.path):2: helper.amina: must be https:// (http:// only to 127.0.0.1 or localhost)",
                    "\(file.path):4: timeout: must be between 2 and 120 seconds, found \"500\"",
                    "\(file.path):5: colour: unknown key (credentials, ca_file, timeout, helper.ID, place.ID)",
                    "\(file.path):6: helper.amina: given twice",
                ])
        }
        try "place.fs = https://dav.mairie.example/fs\n".write(to: file, atomically: true, encoding: .utf8)
        let configuration = try CalDAVConfiguration.load(file.path)
        XCTAssertEqual(
            configuration.calendar(helper: "amina", place: "fs")?.url.absoluteString, "https://dav.mairie.example/fs/")
        XCTAssertNil(configuration.calendar(helper: "amina", place: "other"))
    }
}
