// Passerelle — KioskCore booking tests. Licensed under the EUPL-1.2.
import XCTest
@testable import KioskCore

final class OpeningHoursTests: XCTestCase {
    func test_weekday_ranges_lists_several_times_and_rules_are_understood() throws {
        let cases: [(text: String, expected: [String])] = [
            ("Mo-Fr 09:00-12:00,14:00-17:00; PH off", ["Mo,Tu,We,Th,Fr 09:00-12:00", "Mo,Tu,We,Th,Fr 14:00-17:00"]),
            ("Mo,We,Fr 09:00-12:00", ["Mo,We,Fr 09:00-12:00"]),
            ("Mo-We,Fr 08:30-12:00", ["Mo,Tu,We,Fr 08:30-12:00"]),
            ("Mo-Fr 09:00-17:00; We off", ["Mo,Tu,Th,Fr 09:00-17:00"]),
            ("Mo-Fr 09:00-12:00; Sa 09:00-12:30; Su off", ["Mo,Tu,We,Th,Fr 09:00-12:00", "Sa 09:00-12:30"]),
            ("Sa-Mo 10:00-11:00", ["Mo,Sa,Su 10:00-11:00"]),
            ("10:00-11:00", ["Mo,Tu,We,Th,Fr,Sa,Su 10:00-11:00"]),
            ("Tu 14:00-24:00", ["Tu 14:00-24:00"]),
            ("  Mo 09:00-10:00 ;Tu 09:00-10:00  ", ["Mo,Tu 09:00-10:00"]),
            // Refused before issue 16, accepted since, as real data writes them.
            ("Mo-Fr 09:00-12:00, 14:00-17:00", ["Mo,Tu,We,Th,Fr 09:00-12:00", "Mo,Tu,We,Th,Fr 14:00-17:00"]),
            ("Mo, We 09:00-12:00; PH off", ["Mo,We 09:00-12:00"]),
            ("PH off; Tu-Th 14:00-17:00", ["Tu,We,Th 14:00-17:00"]),
            ("Mo-Fr 09:00-12:00; Su,PH off", ["Mo,Tu,We,Th,Fr 09:00-12:00"]),
            ("Mo-Fr 09:00-12:00, Sa 10:00-12:00", ["Mo,Tu,We,Th,Fr 09:00-12:00", "Sa 10:00-12:00"]),
            ("Mo-Fr 09:00-12:00, We 14:00-16:00", ["Mo,Tu,We,Th,Fr 09:00-12:00", "We 14:00-16:00"]),
            ("24/7", ["Mo,Tu,We,Th,Fr,Sa,Su 00:00-24:00"]),
            ("off", []),
            ("closed; Tu 10:00-11:00", ["Tu 10:00-11:00"]),
        ]
        for (text, expected) in cases {
            let hours = try OpeningHours.parse(text)
            XCTAssertEqual(hours.ranges.map { "\($0.weekdays) \($0.range)" }, expected, text)
        }
        XCTAssertTrue(try OpeningHours.parse("Mo 09:00-10:00; PH off").saysHolidaysOff)
    }

    func test_a_rule_with_times_only_after_a_rule_with_weekdays_gets_a_warning_not_an_error() throws {
        let hours = try OpeningHours.parse("Mo-Fr 09:00-12:00; 14:00-16:00")
        XCTAssertEqual(
            hours.ranges.map { "\($0.weekdays) \($0.range)" }, ["Mo,Tu,We,Th,Fr,Sa,Su 14:00-16:00"], "as the spec says")
        XCTAssertEqual(hours.warnings.map(\.column), [20])
        XCTAssertTrue(
            hours.warnings.first?.message.hasPrefix("this rule names no day, so it replaces the hours of every day")
                == true)
        XCTAssertEqual(try OpeningHours.parse("Mo-Fr 09:00-12:00, 14:00-16:00").warnings, [])
        XCTAssertEqual(
            try OpeningHours.parse("10:00-11:00; Mo off").warnings, [], "a rule for every day first is the usual way")
        XCTAssertEqual(try OpeningHours.parse("Mo-Fr 09:00-12:00; PH off").warnings, [])
    }

    func test_anything_else_is_refused_with_its_column() {
        let cases: [(text: String, column: Int, message: String)] = [
            ("", 1, "the opening hours are empty"),
            ("Mo-Fr 9:00-12:00", 7, "a time was expected as HH:MM (e.g. 09:00)"),
            ("Mo-Fr 09:00-12:00;", 19, "an empty rule (two \";\" in a row, or a \";\" at the end)"),
            ("Mo-Fr 09:00-12:00;; Sa off", 19, "an empty rule (two \";\" in a row, or a \";\" at the end)"),
            ("Lu-Ve 09:00-12:00", 1, "\"Lu\" is not a weekday; use Mo Tu We Th Fr Sa Su"),
            (
                "Mo-Fr 12:00-09:00", 7,
                "the range 12:00-09:00 ends before it starts (ranges past midnight are not supported)"
            ),
            ("Mo-Fr 09:00-12:00,11:00-13:00", 19, "the range 11:00-13:00 overlaps 09:00-12:00"),
            ("Mo-Fr 09:00-25:00", 13, "25:00 is not a time of day"),
            (
                "Jan-Mar Mo 09:00-10:00", 1,
                "months (\"Jan\") are not supported: give the dates of the range with \"from\" and \"until\""
            ),
            ("PH 09:00-12:00", 4, "only \"PH off\" is supported: the kiosk never opens on public holidays"),
            ("Mo-Fr", 6, "a time range such as 09:00-12:00, or \"off\", was expected after the weekdays"),
            ("Mo-Fr 09:00-12:00 Sa 10:00-11:00", 19, "\";\" was expected between two rules, found \"S\""),
            ("Mo-Fr 09:00-12:00 || Sa off", 19, "\";\" was expected between two rules, found \"|\""),
            ("PH off", 1, "no opening hours: add a rule such as \"Mo-Fr 09:00-12:00\""),
            (
                "Dec 24 off; Mo 09:00-10:00", 1,
                "dates (\"Dec 24\") are not supported: "
                    + "put closed days in \"closed_days\" and a helper's days off in \"absences\""
            ),
            (
                "Mo-Fr 09:00-12:00; Sa,PH 10:00-12:00", 26,
                "only \"PH off\" is supported: the kiosk never opens on public holidays"
            ),
            ("Mo-Sun 09:00-12:00", 4, "\"Sun\" is not a weekday; use Mo Tu We Th Fr Sa Su"),
            ("Mo-Fr 10:00-20:00 \"sur rendez-vous\"; PH off", 19, "comments (\"sur rendez-vous\") are not supported"),
            ("Sa[1] 09:00-12:00", 3, "weekdays of the month (\"[1]\", \"[-1]\") are not supported"),
            ("2026 Mo 09:00-12:00", 1, "years (\"2026\") are not supported"),
            ("SH off; Mo 09:00-12:00", 1, "school holidays (\"SH\") are not supported"),
            ("Mo-Fr sunrise-sunset", 7, "times from the sun (\"sunrise\") are not supported"),
            (
                "Mo-Fr 18:00-02:00", 7,
                "the range 18:00-02:00 ends before it starts (ranges past midnight are not supported)"
            ),
            ("Mo-Fr 09:00-12:00; ", 20, "an empty rule (two \";\" in a row, or a \";\" at the end)"),
        ]
        for (text, column, message) in cases {
            XCTAssertThrowsError(try OpeningHours.parse(text), text) { error in
                XCTAssertEqual(
                    error as? OpeningHours.SyntaxError, OpeningHours.SyntaxError(column: column, message: message), text
                )
            }
        }
    }
}
