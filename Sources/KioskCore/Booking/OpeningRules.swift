// Passerelle — KioskCore booking engine. Licensed under the EUPL-1.2.

/// OpenStreetMap `opening_hours` as real data writes it, parsed into rules that can be
/// evaluated for any day. The agenda reads it through `OpeningHours` (a weekly pattern); the
/// places of help (national open data) evaluate it day by day, months, dates and public
/// holidays included.
///
/// Understood: rules separated by `;` (a later rule replaces what earlier ones said for the
/// days it selects) or by `,` before a new selector (an additional rule: its hours are added);
/// a date selector (`Jan-Jun`, `Nov-Feb`, `Dec 24`, `Dec 24-26`, `Dec 24-Jan 02`, lists with
/// `,`); a day selector (`Mo`, `Mo-Fr`, `Sa-Mo`, `Mo, We`, `PH`, `Su,PH`); then time ranges
/// (`09:00-12:00, 14:00-17:00`), `off`/`closed`, or `24/7`. A rule with no selector applies
/// to every day; a bare `off` closes every day.
///
/// Refused, with the column where the unsupported part starts: years, week numbers, school
/// holidays, nth weekdays (`Mo[1]`), times from the sun, ranges past midnight, `||`, comments.
///
/// Public holidays: when the text has rules naming `PH`, on a holiday those rules decide,
/// wherever they are written (`PH off; Mo-Fr 09:00-12:00` closes on a holiday Monday, as its
/// writer meant, although strict OSM would let the later rule win). A text that never names
/// `PH` treats a holiday like any other day; what that means for a person is the caller's
/// choice (`PlacesFinder` does not call such a place open on a holiday).
public struct OpeningRules: Equatable, Sendable {
    public typealias TimeRange = OpeningHours.TimeRange

    /// A part of the year, both ends included; it wraps over the new year when it ends before
    /// it starts ("Nov-Feb"). A month alone runs from its 1st to its last day.
    public struct DateRange: Equatable, Sendable {
        public var startMonth: Int, startDay: Int
        public var endMonth: Int, endDay: Int

        public init(startMonth: Int, startDay: Int, endMonth: Int, endDay: Int) {
            self.startMonth = startMonth
            self.startDay = startDay
            self.endMonth = endMonth
            self.endDay = endDay
        }

        public func contains(_ day: LocalDay) -> Bool {
            let d = day.month * 100 + day.day, s = startMonth * 100 + startDay, e = endMonth * 100 + endDay
            return s <= e ? (s <= d && d <= e) : (d >= s || d <= e)
        }
    }

    public struct Rule: Equatable, Sendable {
        /// Empty: every day of the year.
        public var dates: [DateRange] = []
        /// Nil when the rule names no weekday.
        public var weekdays: WeekdaySet?
        /// The rule names `PH`.
        public var holidays = false
        /// Empty: closed.
        public var times: [TimeRange] = []
        /// Written after a `,`: adds its hours to the day instead of replacing them.
        public var isAdditional = false
        /// 1-based columns in the text, for messages: the rule, its time part, its dates.
        public var column = 1
        public var timeColumn = 1
        public var dateColumn: Int?
        /// The date selector as written ("Dec 24"), for messages.
        public var dateText: String?
    }

    /// Something that is valid but probably not what the writer meant.
    public struct Warning: Equatable, Sendable, CustomStringConvertible {
        public let column: Int
        public let message: String
        public var description: String { "column \(column): \(message)" }
    }

    public var rules: [Rule]
    public var warnings: [Warning]

    /// Whether some rule names public holidays (`PH off`, `Su,PH off`, `PH 10:00-12:00`).
    public var mentionsHolidays: Bool { rules.contains { $0.holidays } }

    public static func parse(_ text: String) throws(OpeningHours.SyntaxError) -> OpeningRules {
        var parser = OpeningRulesParser(text)
        return try parser.parse()
    }

    /// The hours of `day`, sorted and merged (empty: closed all day).
    public func ranges(on day: LocalDay, isHoliday: Bool) -> [TimeRange] {
        let holidayRulesDecide = isHoliday && mentionsHolidays
        var hours: [TimeRange] = []
        for rule in rules {
            guard rule.dates.isEmpty || rule.dates.contains(where: { $0.contains(day) }) else { continue }
            let applies: Bool
            if holidayRulesDecide {
                // The PH rules, and exceptions for a date ("Dec 25 off"), but not the weekly ones.
                applies = rule.holidays || (rule.weekdays == nil && !rule.dates.isEmpty)
            } else {
                applies = rule.weekdays.map { $0.contains(day.isoWeekday) } ?? !rule.holidays
            }
            guard applies else { continue }
            if rule.isAdditional, !rule.times.isEmpty {
                hours = Self.merged(hours + rule.times)
            } else {
                hours = rule.times
            }
        }
        return hours
    }

    /// Sorted, with overlapping or touching ranges joined.
    static func merged(_ ranges: [TimeRange]) -> [TimeRange] {
        var result: [TimeRange] = []
        for range in ranges.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) {
            if let last = result.last, range.start <= last.end {
                result[result.count - 1].end = max(last.end, range.end)
            } else {
                result.append(range)
            }
        }
        return result
    }
}
