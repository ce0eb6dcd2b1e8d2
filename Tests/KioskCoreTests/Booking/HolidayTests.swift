// Passerelle — KioskCore booking tests. Licensed under the EUPL-1.2.
import XCTest
@testable import KioskCore

final class HolidayTests: XCTestCase {
    func test_easter_sunday_is_computed_for_known_years() {
        let known = ["2024-03-31", "2025-04-20", "2026-04-05", "2027-03-28", "2028-04-16", "2038-04-25"]
        for text in known {
            let expected = day(text)
            XCTAssertEqual(FrenchHoliday.easterSunday(expected.year), expected, "Easter \(expected.year)")
        }
    }

    func test_the_eleven_national_holidays_of_2026_and_2027() {
        let expected: [Int: [String]] = [
            2026: [
                "2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25",
                "2026-07-14", "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25",
            ],
            2027: [
                "2027-01-01", "2027-03-29", "2027-05-01", "2027-05-06", "2027-05-08", "2027-05-17",
                "2027-07-14", "2027-08-15", "2027-11-01", "2027-11-11", "2027-12-25",
            ],
        ]
        for (year, days) in expected {
            XCTAssertEqual(FrenchHoliday.all(in: year).map(\.day.description), days, "\(year)")
        }
        XCTAssertEqual(FrenchHoliday.holiday(on: day("2026-05-14")), .ascension)
        XCTAssertEqual(FrenchHoliday.holiday(on: day("2027-05-17")), .whitMonday)
        XCTAssertNil(FrenchHoliday.holiday(on: day("2026-04-03")), "Good Friday is not national")
    }

    func test_alsace_moselle_adds_good_friday_and_26_december() {
        XCTAssertEqual(FrenchHoliday.all(in: 2026, alsaceMoselle: true).count, 13)
        XCTAssertEqual(FrenchHoliday.holiday(on: day("2026-04-03"), alsaceMoselle: true), .goodFriday)
        XCTAssertEqual(FrenchHoliday.holiday(on: day("2027-03-26"), alsaceMoselle: true), .goodFriday)
        XCTAssertEqual(FrenchHoliday.holiday(on: day("2026-12-26"), alsaceMoselle: true), .saintStephen)
        XCTAssertNil(FrenchHoliday.holiday(on: day("2026-12-26")))
    }

    func test_local_days_count_weekdays_and_days_across_years() {
        XCTAssertEqual(day("2026-03-29").isoWeekday, 7)
        XCTAssertEqual(day("2026-03-30").isoWeekday, 1)
        XCTAssertEqual(day("1970-01-01").dayNumber, 0)
        XCTAssertEqual(day("2026-12-31").adding(days: 1), day("2027-01-01"))
        XCTAssertEqual(day("2028-02-28").adding(days: 1), day("2028-02-29"))
        XCTAssertNil(LocalDay("2027-02-29"))
        XCTAssertNil(LocalDay("2026-4-1"))
        for n in stride(from: -1000, through: 30_000, by: 37) {
            XCTAssertEqual(LocalDay(dayNumber: n).dayNumber, n)
        }
    }
}
