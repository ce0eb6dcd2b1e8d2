// Passerelle — KioskCore booking tests. Licensed under the EUPL-1.2.
import XCTest
@testable import KioskCore

/// `opening_hours` as the national "lieux de médiation numérique" exports write it, evaluated
/// day by day (months, dates and public holidays included).
final class OpeningRulesTests: XCTestCase {
    /// The hours of `date` ("2026-11-23") as "09:00-12:00,14:00-17:00", "closed" when none.
    private func hours(_ text: String, on date: String, holiday: Bool? = nil) throws -> String {
        let rules = try OpeningRules.parse(text)
        let d = day(date)
        let ranges = rules.ranges(on: d, isHoliday: holiday ?? (FrenchHoliday.holiday(on: d) != nil))
        return ranges.isEmpty ? "closed" : ranges.map(\.description).joined(separator: ",")
    }

    func test_forms_from_real_exports_are_read_as_their_writers_meant() throws {
        // Monday 23 November 2026 … Sunday 29 November 2026, and a few days of other seasons.
        let cases: [(text: String, day: String, expected: String)] = [
            ("Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00", "2026-11-23", "09:00-12:00,14:00-18:30"),
            ("Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00", "2026-11-28", "08:30-12:00"),
            ("Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00", "2026-11-29", "closed"),
            ("Mo-Fr 09:00-12:30,14:00-17:00; Tu,We 09:00-12:30,14:00-18:00", "2026-11-24", "09:00-12:30,14:00-18:00"),
            ("Mo-Fr 09:00-12:00, 14:00-17:00", "2026-11-26", "09:00-12:00,14:00-17:00"),
            ("Mo 13:30-17:30; Tu-Fr 08:30-12:00,13:30-17:30; Sa 09:00-12:00", "2026-11-23", "13:30-17:30"),
            ("Tu 14:00-17:00; Th 09:00-12:00", "2026-11-25", "closed"),
            ("Mo, We 09:00-12:00; PH off", "2026-11-25", "09:00-12:00"),
            ("Mo-Fr 09:00-12:00, Sa 10:00-12:00", "2026-11-28", "10:00-12:00"),
            ("Mo-Fr 09:00-12:00, We 14:00-16:00", "2026-11-25", "09:00-12:00,14:00-16:00"),
            ("24/7", "2026-11-29", "00:00-24:00"),
            ("off", "2026-11-23", "closed"),
            ("Mo-Fr 09:00-12:00; We off", "2026-11-25", "closed"),
            // Months and dates.
            ("Mo-Fr 08:30-12:00,13:30-17:00; Jul-Aug Mo-Fr 08:30-12:00; PH off", "2026-07-20", "08:30-12:00"),
            (
                "Mo-Fr 08:30-12:00,13:30-17:00; Jul-Aug Mo-Fr 08:30-12:00; PH off", "2026-09-01",
                "08:30-12:00,13:30-17:00"
            ),
            ("Mo-Fr 08:30-12:00,13:30-17:00; Jul-Aug Mo-Fr 08:30-12:00; PH off", "2026-08-31", "08:30-12:00"),
            ("Jan-Jun Tu 14:00-17:00; Sep-Dec Th 14:00-17:00", "2026-03-03", "14:00-17:00"),
            ("Jan-Jun Tu 14:00-17:00; Sep-Dec Th 14:00-17:00", "2026-10-06", "closed"),
            ("Mo-Sa 09:00-12:00; Nov-Feb Sa off", "2027-01-02", "closed"),
            ("Mo-Sa 09:00-12:00; Nov-Feb Sa off", "2026-10-31", "09:00-12:00"),
            ("Mo-Sa 09:00-12:00; Dec 24 off", "2026-12-24", "closed"),
            ("Mo-Sa 09:00-12:00; Dec 24-Dec 26 off", "2026-12-26", "closed"),
            ("Mo-Sa 09:00-12:00; Dec 24-26 off", "2026-12-23", "09:00-12:00"),
            ("Mo-Fr 09:00-17:00; Dec 31-Jan 02 off", "2027-01-01", "closed"),
            ("Mo-Fr 09:00-17:00; Dec 24, Dec 31 10:00-12:00", "2026-12-31", "10:00-12:00"),
            // Public holidays: 11 November 2026 (Wednesday), 14 July 2026 (Tuesday),
            // 1 May 2026 (Friday), Easter Monday 6 April 2026.
            ("Mo-Fr 09:00-12:00; PH off", "2026-11-11", "closed"),
            ("PH off; Mo-Fr 09:00-12:00", "2026-05-01", "closed"),
            ("Mo-Fr 09:00-12:00; Su,PH off", "2026-04-06", "closed"),
            ("Mo-Sa 09:00-12:00; PH 10:00-11:00", "2026-07-14", "10:00-11:00"),
            ("Mo-Sa 09:00-12:00; Sa,PH 10:00-11:00", "2026-11-28", "10:00-11:00"),
            ("Mo-Fr 09:00-12:00", "2026-11-11", "09:00-12:00"),  // says nothing of holidays: the caller decides
            ("Mo-Fr 09:00-12:00; PH off; Dec 24 08:00-10:00", "2026-12-24", "08:00-10:00"),
        ]
        for (text, date, expected) in cases {
            XCTAssertEqual(try hours(text, on: date), expected, "\(text) on \(date)")
        }
    }

    func test_what_cannot_be_evaluated_is_refused_with_the_column_of_the_unsupported_part() {
        let cases: [(text: String, column: Int, message: String)] = [
            ("Mo-Sun 08:30-12:30", 4, "\"Sun\" is not a weekday; use Mo Tu We Th Fr Sa Su"),
            ("Mo-Fr 10:00-20:00 \"sur rendez-vous\"; PH off", 19, "comments (\"sur rendez-vous\") are not supported"),
            ("\"sur rendez-vous\"", 1, "comments (\"sur rendez-vous\") are not supported"),
            ("Mo-Fr 08:00-11:00 || \"urgences\"", 19, "\";\" was expected between two rules, found \"|\""),
            ("week 01-26 Mo 09:00-12:00", 1, "week numbers are not supported"),
            ("Dec 32 off", 5, "32 is not a day of Dec"),
            ("Jan-Jun", 8, "a weekday, a time range such as 09:00-12:00, or \"off\", was expected after the dates"),
            ("Lundi-Vendredi 9h-12h", 1, "\"Lundi\" is not a weekday; use Mo Tu We Th Fr Sa Su"),
            ("Mo-Fr 9h-12h", 7, "a time was expected as HH:MM (e.g. 09:00)"),
        ]
        for (text, column, message) in cases {
            XCTAssertThrowsError(try OpeningRules.parse(text), text) { error in
                XCTAssertEqual(
                    error as? OpeningHours.SyntaxError, OpeningHours.SyntaxError(column: column, message: message), text
                )
            }
        }
    }

    func test_an_additional_rule_adds_hours_and_a_later_normal_rule_replaces_them() throws {
        XCTAssertEqual(try hours("Mo-Fr 09:00-12:00, Mo 11:00-14:00", on: "2026-11-23"), "09:00-14:00", "merged")
        XCTAssertEqual(try hours("Mo-Fr 09:00-12:00; Mo 11:00-14:00", on: "2026-11-23"), "11:00-14:00", "replaced")
        XCTAssertEqual(try hours("Mo-Fr 09:00-12:00, Mo off", on: "2026-11-23"), "closed")
    }

    func test_the_agenda_view_refuses_months_but_the_rules_keep_them() throws {
        let text = "Jan-Mar Mo 09:00-10:00"
        XCTAssertEqual(
            try OpeningRules.parse(text).rules.first?.dates,
            [OpeningRules.DateRange(startMonth: 1, startDay: 1, endMonth: 3, endDay: 31)])
        XCTAssertThrowsError(try OpeningHours.parse(text))
    }
}
