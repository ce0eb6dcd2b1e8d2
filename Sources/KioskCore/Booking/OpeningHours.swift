// Passerelle — KioskCore booking engine. Licensed under the EUPL-1.2.

/// An agenda's weekly opening pattern, read from OpenStreetMap's `opening_hours`.
///
/// `OpeningRules` reads the text (`;` and `, ` between rules, `Mo, We`, bare `off`, `24/7`,
/// `PH off` anywhere…); this keeps what a weekly opening range can hold and refuses the rest
/// with the column where it starts: months and dates (the agenda has `from`/`until`,
/// `closed_days` and absences for them) and `PH` with hours. As in OSM, a later rule replaces
/// what an earlier one said for the same weekdays (`Mo-Fr 09:00-17:00; We off`); a rule
/// after a `,` adds its hours. Expressions accepted before these forms existed mean what
/// they meant.
///
/// Public holidays are always closed in the kiosk's agenda; `PH off` is accepted and says so.
public struct OpeningHours: Equatable, Sendable {
    /// Minutes after local midnight, `start < end`, end at most 24:00 (1440).
    public struct TimeRange: Hashable, Sendable, CustomStringConvertible {
        public var start: Int
        public var end: Int
        public init(start: Int, end: Int) {
            self.start = start
            self.end = end
        }
        public var description: String { "\(Self.clock(start))-\(Self.clock(end))" }
        static func clock(_ minutes: Int) -> String {
            let h = minutes / 60, m = minutes % 60
            return (h < 10 ? "0\(h)" : "\(h)") + ":" + (m < 10 ? "0\(m)" : "\(m)")
        }
    }

    /// The hours of each ISO weekday (index 0 Monday … 6 Sunday), sorted, not overlapping.
    public var week: [[TimeRange]]
    /// Whether the text said `PH off` (holidays are closed in any case).
    public var saysHolidaysOff: Bool
    /// Valid but probably not meant (`Mo-Fr 09:00-12:00; 14:00-16:00`): the import prints them.
    public var warnings: [OpeningRules.Warning] = []

    /// A syntax problem: `column` is 1-based in the opening-hours text.
    public struct SyntaxError: Error, Equatable, CustomStringConvertible, Sendable {
        public let column: Int
        public let message: String
        public var description: String { "column \(column): \(message)" }
    }

    public static let weekdayNames = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]

    /// The weekly pattern grouped as the store keeps it: each distinct time range with the
    /// weekdays it applies to.
    public var ranges: [(weekdays: WeekdaySet, range: TimeRange)] {
        var byRange: [TimeRange: Int] = [:]
        var order: [TimeRange] = []
        for (index, ranges) in week.enumerated() {
            for range in ranges {
                if byRange[range] == nil { order.append(range) }
                byRange[range, default: 0] |= 1 << index
            }
        }
        return order.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
            .map { (weekdays: WeekdaySet(mask: byRange[$0]!), range: $0) }
    }

    // MARK: - Parsing

    /// Parses `text` for an agenda: the rules must describe one week (`OpeningRules` reads
    /// the text; this refuses what a weekly opening range cannot hold, with its column).
    public static func parse(_ text: String) throws(SyntaxError) -> OpeningHours {
        let rules = try OpeningRules.parse(text)
        var week = Array(repeating: [TimeRange](), count: 7)
        var holidaysOff = false
        var sawRule = false
        for rule in rules.rules {
            if let column = rule.dateColumn {
                let text = rule.dateText ?? ""
                let month = String(text.prefix(3))
                let message =
                    rule.dates.allSatisfy({ $0.startDay == 1 && $0.endDay >= 28 })
                    ? "months (\"\(month)\") are not supported: give the dates of the range with \"from\" and \"until\""
                    : "dates (\"\(text)\") are not supported: "
                        + "put closed days in \"closed_days\" and a helper's days off in \"absences\""
                throw SyntaxError(column: column, message: message)
            }
            if rule.holidays {
                // The agenda never opens on a public holiday: "PH off" (or "Su,PH off") says so.
                guard rule.times.isEmpty else {
                    throw SyntaxError(
                        column: rule.timeColumn,
                        message: "only \"PH off\" is supported: the kiosk never opens on public holidays")
                }
                holidaysOff = true
                guard rule.weekdays != nil else { continue }
            }
            for weekday in (rule.weekdays ?? .all).isoWeekdays {
                if rule.isAdditional, !rule.times.isEmpty {
                    week[weekday - 1] = OpeningRules.merged(week[weekday - 1] + rule.times)
                } else {
                    week[weekday - 1] = rule.times
                }
            }
            sawRule = true
        }
        guard sawRule else {
            throw SyntaxError(column: 1, message: "no opening hours: add a rule such as \"Mo-Fr 09:00-12:00\"")
        }
        return OpeningHours(week: week, saysHolidaysOff: holidaysOff, warnings: rules.warnings)
    }
}
