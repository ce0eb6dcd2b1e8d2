// Passerelle — KioskCore booking engine. Licensed under the EUPL-1.2.

/// The part of OpenStreetMap's `opening_hours` syntax that an agenda needs, parsed strictly.
///
/// Accepted: rules separated by `;`, each a weekday selector (`Mo`, `Mo-Fr`, `Mo,We,Fr`,
/// `Mo-We,Fr`, wrapping ranges like `Sa-Mo`) followed by time ranges (`09:00-12:00,14:00-17:00`)
/// or `off`; a rule of time ranges alone applies to every day; `PH off`. As in OSM, a later
/// rule replaces what an earlier one said for the same weekdays (`Mo-Fr 09:00-17:00; We off`).
/// Anything else (months, week numbers, `24/7`, `PH` with hours, comments, `+`, `||`…) is
/// refused with the column where it starts, so an admin can fix the agenda file.
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

    public static func parse(_ text: String) throws(SyntaxError) -> OpeningHours {
        var scanner = Scanner(Array(text.unicodeScalars))
        var week = Array(repeating: [TimeRange](), count: 7)
        var holidaysOff = false
        var sawRule = false
        scanner.skipSpaces()
        guard !scanner.atEnd else { throw SyntaxError(column: 1, message: "the opening hours are empty") }
        while true {
            scanner.skipSpaces()
            let ruleColumn = scanner.column
            if scanner.atEnd || scanner.peek == ";" {
                throw SyntaxError(column: ruleColumn, message: "an empty rule (two \";\" in a row, or a \";\" at the end)")
            }
            if scanner.consumeWord("PH") {
                scanner.skipSpaces()
                guard scanner.consumeWord("off") || scanner.consumeWord("closed") else {
                    throw SyntaxError(column: scanner.column, message: "only \"PH off\" is supported: the kiosk never opens on public holidays")
                }
                holidaysOff = true
            } else {
                let days = try scanner.weekdays()
                scanner.skipSpaces()
                let ranges: [TimeRange]
                if scanner.consumeWord("off") || scanner.consumeWord("closed") {
                    ranges = []
                } else {
                    guard !scanner.atEnd, scanner.peek.map(isDigit) == true else {
                        throw SyntaxError(
                            column: scanner.column,
                            message: days == nil ? "a weekday (Mo Tu We Th Fr Sa Su), \"PH off\" or a time such as 09:00-12:00 was expected"
                                : "a time range such as 09:00-12:00, or \"off\", was expected after the weekdays")
                    }
                    ranges = try scanner.timeRanges()
                }
                let selected = days ?? .all
                for weekday in selected.isoWeekdays { week[weekday - 1] = ranges }
                sawRule = true
            }
            scanner.skipSpaces()
            if scanner.atEnd { break }
            guard scanner.peek == ";" else {
                throw SyntaxError(column: scanner.column, message: "\";\" was expected between two rules, found \"\(scanner.peek!)\"")
            }
            scanner.advance()
        }
        guard sawRule else {
            throw SyntaxError(column: 1, message: "no opening hours: add a rule such as \"Mo-Fr 09:00-12:00\"")
        }
        return OpeningHours(week: week, saysHolidaysOff: holidaysOff)
    }

    fileprivate static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }

    private struct Scanner {
        let chars: [Unicode.Scalar]
        var index = 0
        init(_ chars: [Unicode.Scalar]) { self.chars = chars }

        var atEnd: Bool { index >= chars.count }
        var peek: Unicode.Scalar? { atEnd ? nil : chars[index] }
        var column: Int { index + 1 }
        mutating func advance() { index += 1 }

        mutating func skipSpaces() {
            while let c = peek, c == " " || c == "\t" { advance() }
        }

        /// Consumes `word` if it is next and not followed by a letter.
        mutating func consumeWord(_ word: String) -> Bool {
            let w = Array(word.unicodeScalars)
            guard index + w.count <= chars.count, Array(chars[index..<index + w.count]) == w else { return false }
            if index + w.count < chars.count, chars[index + w.count].properties.isAlphabetic { return false }
            index += w.count
            return true
        }

        /// Nil when the rule does not start with a weekday.
        mutating func weekdays() throws(SyntaxError) -> WeekdaySet? {
            guard let first = peek, first.properties.isAlphabetic else { return nil }
            var mask = 0
            while true {
                let a = try weekday()
                var b = a
                if peek == "-" {
                    advance()
                    b = try weekday()
                }
                var d = a
                while true {
                    mask |= 1 << (d - 1)
                    if d == b { break }
                    d = d % 7 + 1
                }
                if peek == "," {
                    advance()
                    continue
                }
                break
            }
            return WeekdaySet(mask: mask)
        }

        mutating func weekday() throws(SyntaxError) -> Int {
            let column = self.column
            var word = ""
            while let c = peek, c.properties.isAlphabetic {
                word.unicodeScalars.append(c)
                advance()
            }
            if let i = OpeningHours.weekdayNames.firstIndex(of: word) { return i + 1 }
            let hint: String
            switch word {
            case "": hint = "a weekday (Mo Tu We Th Fr Sa Su) was expected"
            case "PH", "SH": hint = "\"\(word)\" can only be used as \"PH off\", in a rule of its own"
            case "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec":
                hint = "months (\"\(word)\") are not supported: give the dates of the range with \"from\" and \"until\""
            case "week": hint = "week numbers are not supported"
            default: hint = "\"\(word)\" is not a weekday; use Mo Tu We Th Fr Sa Su"
            }
            throw SyntaxError(column: column, message: hint)
        }

        mutating func timeRanges() throws(SyntaxError) -> [TimeRange] {
            var ranges: [TimeRange] = []
            while true {
                let column = self.column
                let start = try time()
                guard peek == "-" else {
                    throw SyntaxError(column: self.column, message: "\"-\" and an end time were expected (e.g. 09:00-12:00)")
                }
                advance()
                let end = try time()
                guard end > start else {
                    throw SyntaxError(column: column, message: "the range \(TimeRange.clock(start))-\(TimeRange.clock(end)) ends before it starts (ranges past midnight are not supported)")
                }
                let range = TimeRange(start: start, end: end)
                if let other = ranges.first(where: { $0.start < end && start < $0.end }) {
                    throw SyntaxError(column: column, message: "the range \(range) overlaps \(other)")
                }
                ranges.append(range)
                if peek == "," {
                    advance()
                    continue
                }
                break
            }
            return ranges.sorted { $0.start < $1.start }
        }

        mutating func time() throws(SyntaxError) -> Int {
            let column = self.column
            func digit() -> Int? {
                guard let c = peek, OpeningHours.isDigit(c) else { return nil }
                advance()
                return Int(c.value - 48)
            }
            guard let h1 = digit(), let h2 = digit(), peek == ":" else {
                throw SyntaxError(column: column, message: "a time was expected as HH:MM (e.g. 09:00)")
            }
            advance()
            guard let m1 = digit(), let m2 = digit() else {
                throw SyntaxError(column: column, message: "a time was expected as HH:MM (e.g. 09:00)")
            }
            let hours = h1 * 10 + h2, minutes = m1 * 10 + m2
            guard minutes < 60, hours < 24 || (hours == 24 && minutes == 0) else {
                throw SyntaxError(column: column, message: "\(h1)\(h2):\(m1)\(m2) is not a time of day")
            }
            return hours * 60 + minutes
        }
    }
}
