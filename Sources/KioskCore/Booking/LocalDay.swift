// Passerelle — KioskCore booking engine. Licensed under the EUPL-1.2.
import Foundation

/// A day of the civil (Gregorian) calendar with no time zone: "2026-03-29".
///
/// The agenda is written in local days and wall-clock times (what the helper's paper diary
/// says); `ParisTime` turns them into instants. Arithmetic is done on a day number (days since
/// 1970-01-01), so walking a year of days costs no calendar calls.
public struct LocalDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The years an agenda may name: dates outside them are typing mistakes ("0226", "20226"),
    /// and the calendars and the store's date functions are only checked inside them.
    public static let acceptedYears = 1900...2200

    /// Nil when the date does not exist (31 April, 29 February 2027…).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= LocalDay.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day `number` days after 1970-01-01 (negative before).
    public init(dayNumber number: Int) {
        // Howard Hinnant's civil_from_days.
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        month = m
        day = d
    }

    /// Parses "YYYY-MM-DD"; nil for anything else or a date that does not exist.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// ISO weekday: 1 Monday … 7 Sunday.
    public var isoWeekday: Int {
        let n = (dayNumber + 3) % 7  // 1970-01-01 was a Thursday (ISO 4)
        return (n < 0 ? n + 7 : n) + 1
    }

    public func adding(days: Int) -> LocalDay { LocalDay(dayNumber: dayNumber + days) }

    /// "2026-03-29".
    public var description: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }

    public static func < (a: LocalDay, b: LocalDay) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// A set of ISO weekdays as a bit mask: bit 0 Monday … bit 6 Sunday (the store's encoding).
public struct WeekdaySet: Hashable, Sendable, CustomStringConvertible {
    public var mask: Int

    public init(mask: Int) { self.mask = mask & 0x7F }

    /// ISO weekdays 1 (Monday) … 7 (Sunday).
    public init<S: Sequence>(_ isoWeekdays: S) where S.Element == Int {
        mask = isoWeekdays.reduce(0) { $0 | (1 << ($1 - 1)) } & 0x7F
    }

    public static let all = WeekdaySet(mask: 0x7F)
    public static let none = WeekdaySet(mask: 0)

    public func contains(_ isoWeekday: Int) -> Bool { mask & (1 << (isoWeekday - 1)) != 0 }
    public var isEmpty: Bool { mask == 0 }
    public var isoWeekdays: [Int] { (1...7).filter(contains) }

    /// "Mo,We,Fr" (OpenStreetMap abbreviations).
    public var description: String {
        isoWeekdays.map { OpeningHours.weekdayNames[$0 - 1] }.joined(separator: ",")
    }
}
