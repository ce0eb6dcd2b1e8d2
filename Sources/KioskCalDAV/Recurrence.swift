// Passerelle — KioskCalDAV. Licensed under the EUPL-1.2.
import Foundation
import KioskCore

/// Expands recurring events when the server did not (`<C:expand>` is optional in RFC 4791;
/// Radicale, Nextcloud and SOGo honour it, a few servers do not). Covers what calendars make
/// for meetings and absences: FREQ=DAILY, WEEKLY (with BYDAY), MONTHLY and YEARLY on the start's
/// day, INTERVAL, COUNT, UNTIL, EXDATE, and edited occurrences (RECURRENCE-ID), counted in the
/// start's local time (a 10:00 meeting stays at 10:00 across a clock change). A rule with other
/// parts (BYMONTHDAY, BYSETPOS, BYDAY in a monthly rule…) is reported as not understood and
/// only its first occurrence counts.
public enum Recurrence {
    /// Every occurrence overlapping [from, to): masters expanded, edited occurrences in place of theirs.
    public static func expand(_ events: [RemoteEvent], from: Date, to: Date) -> (
        events: [RemoteEvent], notUnderstood: [String]
    ) {
        var out: [RemoteEvent] = []
        var notUnderstood: [String] = []
        let edited = Dictionary(grouping: events.filter { $0.recurrenceID != nil }, by: \.uid)
        for event in events where event.recurrenceID == nil {
            guard let rule = event.rule else {
                out.append(event)
                continue
            }
            let replaced = Set((edited[event.uid] ?? []).compactMap(\.recurrenceID))
            guard let starts = occurrences(of: event, rule: rule, until: to) else {
                notUnderstood.append(event.uid)
                out.append(event)
                continue
            }
            let exceptions = Set(event.exceptions)
            let length = event.end.timeIntervalSince(event.start)
            for start in starts where !exceptions.contains(start) && !replaced.contains(start) {
                var occurrence = event
                occurrence.start = start
                occurrence.end = start.addingTimeInterval(length)
                occurrence.rule = nil
                occurrence.recurrenceID = start
                if occurrence.end > from { out.append(occurrence) }
            }
        }
        out += events.filter { $0.recurrenceID != nil }
        return (out.filter { $0.end > from && $0.start < to }, notUnderstood)
    }

    /// The starts of an event's occurrences up to `until`, or nil for a rule not understood.
    static func occurrences(of event: RemoteEvent, rule: String, until limit: Date) -> [Date]? {
        var parts: [String: String] = [:]
        for part in rule.uppercased().split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { return nil }
            parts[String(pair[0])] = String(pair[1])
        }
        let known: Set<String> = ["FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "WKST"]
        guard Set(parts.keys).isSubset(of: known), let frequency = parts["FREQ"] else { return nil }
        let unit: Calendar.Component
        switch frequency {
        case "DAILY": unit = .day
        case "WEEKLY": unit = .weekOfYear
        case "MONTHLY": unit = .month
        case "YEARLY": unit = .year
        default: return nil
        }
        let interval = Int(parts["INTERVAL"] ?? "1") ?? 1
        let count = parts["COUNT"].flatMap { Int($0) }
        let until = parts["UNTIL"].flatMap { ICalendarReader.date($0, [:])?.date }.map {
            // An UNTIL day includes that whole day.
            $0.addingTimeInterval(parts["UNTIL"]!.count == 8 ? 86_399 : 0)
        }
        let weekdays: [Int]? = try? parts["BYDAY"].map { text in
            try text.split(separator: ",").map { day in
                guard let index = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"].firstIndex(of: String(day)) else {
                    throw Unsupported()
                }
                return index + 1  // Calendar's weekday: 1 = Sunday
            }
        }
        if parts["BYDAY"] != nil, weekdays == nil || unit != .weekOfYear { return nil }
        guard interval >= 1 else { return nil }

        var calendar = ParisTime.calendar
        calendar.firstWeekday = 2
        var starts: [Date] = []
        var period = 0
        // Bounded: a daily rule over 20 years is 7 300 steps.
        while period < 10_000 {
            guard let base = calendar.date(byAdding: unit, value: period * interval, to: event.start) else { break }
            var candidates = [base]
            if let weekdays {
                let weekStart = calendar.dateInterval(of: .weekOfYear, for: base)!.start
                let time = calendar.dateComponents([.hour, .minute, .second], from: event.start)
                candidates = weekdays.compactMap { weekday in
                    let offset = (weekday - 2 + 7) % 7  // from Monday
                    let day = calendar.date(byAdding: .day, value: offset, to: weekStart)!
                    return calendar.date(
                        bySettingHour: time.hour ?? 0, minute: time.minute ?? 0, second: time.second ?? 0, of: day)
                }.sorted().filter { $0 >= event.start }
            }
            for start in candidates {
                if let until, start > until { return starts }
                if let count, starts.count >= count { return starts }
                if start >= limit { return starts }
                starts.append(start)
            }
            period += 1
        }
        return starts
    }

    private struct Unsupported: Error {}
}
