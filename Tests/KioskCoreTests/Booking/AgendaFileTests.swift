// Passerelle — KioskCore booking tests. Licensed under the EUPL-1.2.
import XCTest
@testable import KioskCore

final class AgendaFileTests: XCTestCase {
    // A line ending in `\` goes on in the next one (no newline), so the file's line numbers,
    // which the expected messages name, stay those of the JSON.
    private let good = """
        {
          "format": 1,
          "alsace_moselle": true,
          "places": [{"id": "fs", "name": "France Services", "address": "1 place de la Mairie", \
        "lat": 43.6, "lon": 4.1}],
          "services": [{
            "id": "demarches", "support": "procedure_help",
            "name": {"fr": "Démarches", "en": "Procedures", "ar": "إجراءات"},
            "duration_minutes": 45, "min_notice_hours": 2, "max_notice_days": 30, "location": "phone",
            "what_to_bring": {"fr": "Pièce d'identité", "en": "ID", "ar": "بطاقة الهوية"}
          }],
          "helpers": [{
            "id": "amina", "first_name": "Amina",
            "opening": [{"place": "fs", "services": ["demarches"], \
        "hours": "Mo-Fr 09:00-12:00,14:00-17:00; We off; PH off",
                         "from": "2026-09-01", "until": "2027-07-03"}],
            "absences": [{"from": "2026-12-21", "to": "2026-12-31"}, \
        {"from": "2027-02-11T09:00", "to": "2027-02-11T12:00"}]
          }]
        }
        """

    func test_a_good_file_gives_the_agenda() throws {
        let document = try AgendaDocument.parse(Data(good.utf8), file: "a.json")
        XCTAssertTrue(document.alsaceMoselle)
        XCTAssertEqual(document.services.first?.minNoticeMinutes, 120)
        XCTAssertEqual(document.services.first?.location, .phone)
        XCTAssertEqual(
            document.ranges.map { "\($0.weekdays) \($0.startMinute)-\($0.endMinute)" },
            ["Mo,Tu,Th,Fr 540-720", "Mo,Tu,Th,Fr 840-1020"])
        XCTAssertEqual(document.absences.map(\.start), [paris("2026-12-21 00:00"), paris("2027-02-11 09:00")])
        XCTAssertEqual(document.absences.first?.end, paris("2027-01-01 00:00"), "the last day is included")
    }

    func test_the_shipped_example_is_valid() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
                "Assets/agenda/example.json")
        let document = try AgendaDocument.parse(Data(contentsOf: url), file: "example.json")
        XCTAssertTrue((3...5).contains(document.helpers.count))
    }

    func test_hours_that_are_valid_but_likely_a_typo_import_with_a_warning() throws {
        let text = good.replacingOccurrences(
            of: "Mo-Fr 09:00-12:00,14:00-17:00; We off; PH off", with: "Mo-Fr 09:00-12:00; 14:00-17:00")
        let document = try AgendaDocument.parse(Data(text.utf8), file: "a.json")
        XCTAssertEqual(
            document.warnings.map(\.description),
            [
                "a.json:13: helpers[0].opening[0].hours: warning: column 20: this rule names no day, "
                    + "so it replaces the hours of every day, including those set at column 1; "
                    + "write \",\" instead of \";\" to add hours to the same days, "
                    + "or name the days in \"Mo-Fr 09:00-12:00; 14:00-17:00\""
            ])
        XCTAssertEqual(document.ranges.map(\.weekdays), [.all], "the spec's meaning, not a guess")
        XCTAssertEqual(try AgendaDocument.parse(Data(good.utf8), file: "a.json").warnings, [])
    }

    func test_each_kind_of_mistake_is_reported_with_its_line_and_field() {
        let cases: [(name: String, from: String, to: String, expected: [String])] = [
            ("syntax", "\"format\": 1,", "\"format\": 1", ["a.json:3: column 3: \",\" or \"}\" was expected"]),
            (
                "unknown field", "\"alsace_moselle\": true,", "\"alsace_moselle\": true, \"alsace\": 1,",
                [
                    "a.json:3: alsace: unknown field "
                        + "(expected one of: format, alsace_moselle, closed_days, places, services, helpers)"
                ]
            ),
            (
                "bad opening hours", "We off; PH off", "We of; PH off",
                [
                    "a.json:13: helpers[0].opening[0].hours: column 35: a time range such as 09:00-12:00, or \"off\", "
                        + "was expected after the weekdays in \"Mo-Fr 09:00-12:00,14:00-17:00; We of; PH off\""
                ]
            ),
            (
                "unknown place", "\"place\": \"fs\"", "\"place\": \"mairie\"",
                ["a.json:13: helpers[0].opening[0].place: no place has the id \"mairie\""]
            ),
            (
                "unknown service", "\"services\": [\"demarches\"]", "\"services\": [\"demarche\"]",
                ["a.json:13: helpers[0].opening[0].services[0]: no service has the id \"demarche\""]
            ),
            (
                "bad duration and support", "\"duration_minutes\": 45", "\"duration_minutes\": 4",
                ["a.json:8: services[0].duration_minutes: must be between 5 and 480, found 4"]
            ),
            (
                "not bookable", "\"support\": \"procedure_help\"", "\"support\": \"autonomy_resources\"",
                [
                    "a.json:6: services[0].support: \"autonomy_resources\" has nothing to book; "
                        + "use one of: procedure_help, individual_learning, workshop, talk_to_conseiller"
                ]
            ),
            (
                "latin in arabic", "\"ar\": \"إجراءات\"", "\"ar\": \"إجراءات CAF\"",
                [
                    "a.json:7: services[0].name.ar: the Arabic text contains the Latin letter \"C\"; "
                        + "write it in Arabic script"
                ]
            ),
            (
                "missing name", "\"en\": \"Procedures\", ", "",
                ["a.json:7: services[0].name.en: missing"]
            ),
            (
                "bad day", "\"until\": \"2027-07-03\"", "\"until\": \"2027-02-30\"",
                [
                    "a.json:14: helpers[0].opening[0].until: \"2027-02-30\" is not a day; "
                        + "write YYYY-MM-DD, e.g. 2026-09-01"
                ]
            ),
            (
                "until before from", "\"until\": \"2027-07-03\"", "\"until\": \"2026-07-03\"",
                ["a.json:14: helpers[0].opening[0].until: ends (2026-07-03) before it starts (2026-09-01)"]
            ),
            (
                "bad id", "\"id\": \"amina\"", "\"id\": \"Amina B\"",
                [
                    "a.json:12: helpers[0].id: \"Amina B\" is not a usable id: "
                        + "use at most 40 lowercase letters, digits, - or _"
                ]
            ),
            (
                "bad phone", "\"lat\": 43.6", "\"phone\": \"04 67\", \"lat\": 43.6",
                ["a.json:4: places[0].phone: \"04 67\" is not an international number such as +33467000000"]
            ),
            (
                "absence backwards", "\"to\": \"2027-02-11T12:00\"", "\"to\": \"2027-02-11T08:00\"",
                ["a.json:15: helpers[0].absences[1].to: the absence ends before it starts"]
            ),
            (
                "overlapping openings", "\"until\": \"2027-07-03\"}]",
                "\"until\": \"2027-07-03\"}, {\"place\": \"fs\", \"services\": [\"demarches\"], "
                    + "\"hours\": \"Mo 11:00-13:00\", \"from\": \"2027-01-01\"}]",
                ["a.json:14: helpers[0].opening[1]: overlaps helpers[0].opening[0] (Mo,Tu,Th,Fr 09:00-12:00)"]
            ),
            // Texts that reach the ticket, the SMS and the calendars (issue 11).
            (
                "newline in a name", "\"first_name\": \"Amina\"", "\"first_name\": \"Amina\\r\\nATTENDEE:x\"",
                [
                    "a.json:12: helpers[0].first_name: contains a control character (U+000D); "
                        + "write it on one line, without control characters"
                ]
            ),
            (
                "NUL in an address", "1 place de la Mairie", "1 place\\u0000 de la Mairie",
                [
                    "a.json:4: places[0].address: contains a control character (U+0000); "
                        + "write it on one line, without control characters"
                ]
            ),
            (
                "escape in a service name", "\"fr\": \"Démarches\"", "\"fr\": \"\\u001b[2JDémarches\"",
                [
                    "a.json:7: services[0].name.fr: contains a control character (U+001B); "
                        + "write it on one line, without control characters"
                ]
            ),
            (
                "line separator", "\"en\": \"ID\"", "\"en\": \"ID\\u2028card\"",
                [
                    "a.json:9: services[0].what_to_bring.en: contains a control character (U+2028); "
                        + "write it on one line, without control characters"
                ]
            ),
            (
                "a very long text", "1 place de la Mairie", String(repeating: "a", count: 301),
                ["a.json:4: places[0].address: is 301 characters long; at most 300"]
            ),
            (
                "a year before 1900", "\"from\": \"2026-09-01\"", "\"from\": \"0226-09-01\"",
                ["a.json:14: helpers[0].opening[0].from: \"0226-09-01\": the year must be between 1900 and 2200"]
            ),
            (
                "a year after 2200", "{\"from\": \"2026-12-21\"", "{\"from\": \"2226-12-21\"",
                ["a.json:15: helpers[0].absences[0].from: \"2226-12-21\": the year must be between 1900 and 2200"]
            ),
            (
                "two problems at once", "\"duration_minutes\": 45",
                "\"duration_minutes\": \"45\", \"min_notice_minutes\": 3",
                [
                    "a.json:8: services[0].duration_minutes: a whole number was expected, found a text",
                    "a.json:8: services[0].min_notice_hours: give min_notice_minutes or min_notice_hours, not both",
                ]
            ),
        ]
        for (name, from, to, expected) in cases {
            XCTAssertTrue(good.contains(from), name)
            let text = good.replacingOccurrences(of: from, with: to)
            XCTAssertThrowsError(try AgendaDocument.parse(Data(text.utf8), file: "a.json"), name) { error in
                let lines = (error as? AgendaDocument.Problems)?.problems.map(\.description) ?? []
                if expected.isEmpty {
                    XCTAssertFalse(lines.isEmpty, name)
                } else {
                    XCTAssertEqual(lines, expected, name)
                }
            }
        }
    }
}
