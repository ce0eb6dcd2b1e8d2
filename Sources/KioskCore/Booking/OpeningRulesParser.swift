// Passerelle — KioskCore booking engine. Licensed under the EUPL-1.2.

/// Reads an `opening_hours` text into `OpeningRules` (the grammar is described there), one
/// Unicode scalar at a time so every message can name the column where a problem starts.
struct OpeningRulesParser {
    typealias SyntaxError = OpeningHours.SyntaxError
    typealias TimeRange = OpeningHours.TimeRange

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    let chars: [Unicode.Scalar]
    var index = 0

    init(_ text: String) { chars = Array(text.unicodeScalars) }

    mutating func parse() throws(SyntaxError) -> OpeningRules {
        var rules: [OpeningRules.Rule] = []
        var warnings: [OpeningRules.Warning] = []
        skipSpaces()
        guard !atEnd else { throw SyntaxError(column: 1, message: "the opening hours are empty") }
        var additional = false
        while true {
            skipSpaces()
            if atEnd || peek == ";" {
                throw SyntaxError(column: column, message: "an empty rule (two \";\" in a row, or a \";\" at the end)")
            }
            var rule = try self.rule()
            rule.isAdditional = additional
            // "Mo-Fr 09:00-12:00; 14:00-16:00": by the spec the second rule replaces the first
            // on every day, weekends included; the writer almost certainly meant a ",".
            if !additional, rule.dates.isEmpty, rule.weekdays == nil, !rule.holidays,
                let earlier = rules.last(where: { $0.weekdays != nil })
            {
                warnings.append(
                    OpeningRules.Warning(
                        column: rule.column,
                        message:
                            "this rule names no day, so it replaces the hours of every day, "
                            + "including those set at column \(earlier.column); "
                            + "write \",\" instead of \";\" to add hours to the same days, or name the days"
                    ))
            }
            rules.append(rule)
            skipSpaces()
            if atEnd { break }
            if peek == ";" {
                advance()
                additional = false
                continue
            }
            if peek == ",", nextNonSpace(after: index + 1).map(\.properties.isAlphabetic) == true {
                advance()
                additional = true
                continue
            }
            if peek == "\"" { throw commentError() }
            throw SyntaxError(column: column, message: "\";\" was expected between two rules, found \"\(peek!)\"")
        }
        return OpeningRules(rules: rules, warnings: warnings)
    }

    // MARK: - One rule

    mutating func rule() throws(SyntaxError) -> OpeningRules.Rule {
        var rule = OpeningRules.Rule()
        rule.column = column
        if let word = peekWord(), Self.monthNames.contains(word) {
            rule.dateColumn = column
            let start = index
            rule.dates = try dateRanges()
            rule.dateText = String(String.UnicodeScalarView(chars[start..<index]))
            skipSpaces()
        }
        if let word = peekWord(), word != "off", word != "closed" {
            try daySelector(into: &rule)
            skipSpaces()
        }
        rule.timeColumn = column
        if consumeWord("off") || consumeWord("closed") { return rule }
        if consumeLiteral("24/7") {
            rule.times = [TimeRange(start: 0, end: 1440)]
            return rule
        }
        guard let c = peek, Self.isDigit(c) else {
            if peek == "\"" { throw commentError() }
            if let word = peekWord(), ["sunrise", "sunset", "dawn", "dusk"].contains(word) {
                throw SyntaxError(column: column, message: "times from the sun (\"\(word)\") are not supported")
            }
            let message: String
            if rule.weekdays != nil || rule.holidays {
                message = "a time range such as 09:00-12:00, or \"off\", was expected after the weekdays"
            } else if !rule.dates.isEmpty {
                message = "a weekday, a time range such as 09:00-12:00, or \"off\", was expected after the dates"
            } else {
                message = "a weekday (Mo Tu We Th Fr Sa Su), \"PH off\" or a time such as 09:00-12:00 was expected"
            }
            throw SyntaxError(column: column, message: message)
        }
        rule.times = try timeRanges()
        return rule
    }

    /// `Mo-Fr`, `Mo,We,Fr`, `Mo, We`, `Sa-Mo`, `PH`, `Su,PH`.
    mutating func daySelector(into rule: inout OpeningRules.Rule) throws(SyntaxError) {
        var mask = 0
        var named = false
        while true {
            if consumeWord("PH") {
                rule.holidays = true
            } else {
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
                named = true
                if peek == "[" {
                    throw SyntaxError(
                        column: column, message: "weekdays of the month (\"[1]\", \"[-1]\") are not supported")
                }
            }
            // "Mo, We 09:00-12:00": a comma followed by another day continues the list.
            if peek == ",", let next = nextNonSpace(after: index + 1), next.properties.isAlphabetic {
                advance()
                skipSpaces()
                continue
            }
            break
        }
        if named { rule.weekdays = WeekdaySet(mask: mask) }
    }

    mutating func weekday() throws(SyntaxError) -> Int {
        let column = self.column
        let word = readWord()
        if let i = OpeningHours.weekdayNames.firstIndex(of: word) { return i + 1 }
        let hint: String
        switch word {
        case "": hint = "a weekday (Mo Tu We Th Fr Sa Su) was expected"
        case "PH": hint = "\"PH\" cannot start a range of weekdays; write it alone, as in \"Su,PH off\""
        case "SH": hint = "school holidays (\"SH\") are not supported"
        case _ where Self.monthNames.contains(word):
            hint = "months (\"\(word)\") are not supported: give the dates of the range with \"from\" and \"until\""
        case "week": hint = "week numbers are not supported"
        default: hint = "\"\(word)\" is not a weekday; use Mo Tu We Th Fr Sa Su"
        }
        throw SyntaxError(column: column, message: hint)
    }

    // MARK: - Dates

    /// `Jan-Jun`, `Dec 24`, `Dec 24-26`, `Dec 24-Jan 02`, and lists of them with `,`.
    mutating func dateRanges() throws(SyntaxError) -> [OpeningRules.DateRange] {
        var ranges: [OpeningRules.DateRange] = []
        while true {
            let (startMonth, startDay) = try monthAndDay()
            var end = (startMonth, startDay ?? 1)
            var endGiven = false
            if peek == "-" {
                advance()
                endGiven = true
                if let c = peek, Self.isDigit(c) {
                    guard startDay != nil else {
                        throw SyntaxError(column: column, message: "a month was expected after \"-\" (e.g. Jan-Jun)")
                    }
                    end = (startMonth, try dayOfMonth(startMonth))
                } else {
                    let (m, d) = try monthAndDay()
                    end = (m, d ?? LocalDay.daysIn(month: m, year: 2000))
                }
            }
            if !endGiven {
                end = (startMonth, startDay ?? LocalDay.daysIn(month: startMonth, year: 2000))
            }
            ranges.append(
                OpeningRules.DateRange(startMonth: startMonth, startDay: startDay ?? 1, endMonth: end.0, endDay: end.1))
            if peek == ",", let word = peekWord(at: indexOfNonSpace(after: index + 1)), Self.monthNames.contains(word) {
                advance()
                skipSpaces()
                continue
            }
            return ranges
        }
    }

    /// "Dec" or "Dec 24" (the day is nil for a month alone).
    mutating func monthAndDay() throws(SyntaxError) -> (Int, Int?) {
        let column = self.column
        let word = readWord()
        guard let month = Self.monthNames.firstIndex(of: word).map({ $0 + 1 }) else {
            throw SyntaxError(column: column, message: "a month (Jan … Dec) was expected, found \"\(word)\"")
        }
        let save = index
        skipSpaces()
        // "Dec 24" but not "Jan 09:00-12:00" (a time right after a month).
        if let c = peek, Self.isDigit(c), !isTimeAhead() {
            return (month, try dayOfMonth(month))
        }
        index = save
        return (month, nil)
    }

    mutating func dayOfMonth(_ month: Int) throws(SyntaxError) -> Int {
        let column = self.column
        var value = 0, digits = 0
        while let c = peek, Self.isDigit(c) {
            value = value * 10 + Int(c.value - 48)
            digits += 1
            advance()
        }
        // 29 February exists in leap years; the range only needs the day to be possible.
        guard digits <= 2, value >= 1, value <= LocalDay.daysIn(month: month, year: 2000) else {
            throw SyntaxError(column: column, message: "\(value) is not a day of \(Self.monthNames[month - 1])")
        }
        return value
    }

    func isTimeAhead() -> Bool {
        index + 2 < chars.count && Self.isDigit(chars[index]) && Self.isDigit(chars[index + 1])
            && chars[index + 2] == ":"
    }

    // MARK: - Times

    mutating func timeRanges() throws(SyntaxError) -> [TimeRange] {
        var ranges: [TimeRange] = []
        while true {
            let column = self.column
            let start = try time()
            guard peek == "-" else {
                throw SyntaxError(
                    column: self.column, message: "\"-\" and an end time were expected (e.g. 09:00-12:00)")
            }
            advance()
            let end = try time()
            guard end > start else {
                throw SyntaxError(
                    column: column,
                    message:
                        "the range \(TimeRange.clock(start))-\(TimeRange.clock(end)) ends before it starts "
                        + "(ranges past midnight are not supported)"
                )
            }
            let range = TimeRange(start: start, end: end)
            if let other = ranges.first(where: { $0.start < end && start < $0.end }) {
                throw SyntaxError(column: column, message: "the range \(range) overlaps \(other)")
            }
            ranges.append(range)
            // "09:00-12:00, 14:00-17:00": a comma then a time continues the list; a comma then
            // a day starts an additional rule (left for the caller).
            if peek == ",", let next = nextNonSpace(after: index + 1), Self.isDigit(next) {
                advance()
                skipSpaces()
                continue
            }
            break
        }
        return ranges.sorted { $0.start < $1.start }
    }

    mutating func time() throws(SyntaxError) -> Int {
        let column = self.column
        var digits: [Int] = []
        while let c = peek, Self.isDigit(c), digits.count < 5 {
            digits.append(Int(c.value - 48))
            advance()
        }
        if digits.count == 4, peek != ":" {
            throw SyntaxError(
                column: column, message: "years (\"\(digits.map(String.init).joined())\") are not supported")
        }
        guard digits.count == 2, peek == ":" else {
            throw SyntaxError(column: column, message: "a time was expected as HH:MM (e.g. 09:00)")
        }
        advance()
        guard let m1 = digit(), let m2 = digit() else {
            throw SyntaxError(column: column, message: "a time was expected as HH:MM (e.g. 09:00)")
        }
        let hours = digits[0] * 10 + digits[1], minutes = m1 * 10 + m2
        guard minutes < 60, hours < 24 || (hours == 24 && minutes == 0) else {
            throw SyntaxError(column: column, message: "\(digits[0])\(digits[1]):\(m1)\(m2) is not a time of day")
        }
        return hours * 60 + minutes
    }
}
