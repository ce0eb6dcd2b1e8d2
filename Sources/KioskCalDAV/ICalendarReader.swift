// Passerelle — KioskCalDAV. Licensed under the EUPL-1.2.
import Foundation
import KioskCore

/// One VEVENT as the kiosk needs it: when, and whether it makes the helper busy.
public struct RemoteEvent: Equatable, Sendable {
    public var uid: String
    public var start: Date
    public var end: Date
    /// A DATE event (all day): from the start of its first local day to the start of the day after its last.
    public var allDay: Bool
    /// `TRANSP:TRANSPARENT`: shown, but the helper is free.
    public var transparent: Bool
    /// `STATUS:CANCELLED`.
    public var cancelled: Bool
    /// The RRULE text when the server did not expand the event (see `Recurrence`).
    public var rule: String?
    public var exceptions: [Date]
    /// Set on one occurrence of a recurring event (an expanded one, or an edited one).
    public var recurrenceID: Date?
    /// `X-PASSERELLE-HELPER`: the helper an appointment event of a place calendar is for.
    public var helper: String?
    /// A TZID that is no Olson name (a Windows name, a custom VTIMEZONE): read in Europe/Paris
    /// here, and worth asking the server to expand (it converts with the VTIMEZONE).
    public var zoneUnknown = false

    /// Makes the helper busy: opaque, not cancelled, lasting.
    public var isBusy: Bool { !transparent && !cancelled && end > start }
}

/// Reads the VEVENTs of iCalendar text (RFC 5545): unfolds lines, reads DTSTART/DTEND/DURATION
/// with `TZID`s (an unknown TZID, such as a Windows name, is read in Europe/Paris, the kiosk's
/// zone), DATE values as whole local days, UTC (`Z`) and floating times (Europe/Paris).
public enum ICalendarReader {
    public static func events(in text: String) -> [RemoteEvent] {
        var events: [RemoteEvent] = []
        var properties: [(name: String, parameters: [String: String], value: String)]?
        var depth = 0  // VALARMs inside a VEVENT are skipped
        for line in unfold(text) {
            let (name, parameters, value) = split(line)
            if name == "BEGIN" {
                if value == "VEVENT" { properties = [] } else if properties != nil { depth += 1 }
            } else if name == "END" {
                if value == "VEVENT", let collected = properties {
                    if let event = event(from: collected) { events.append(event) }
                    properties = nil
                } else if properties != nil {
                    depth -= 1
                }
            } else if depth == 0, properties != nil {
                properties!.append((name, parameters, value))
            }
        }
        return events
    }

    private static func event(from properties: [(name: String, parameters: [String: String], value: String)])
        -> RemoteEvent?
    {
        func first(_ name: String) -> (parameters: [String: String], value: String)? {
            properties.first { $0.name == name }.map { ($0.parameters, $0.value) }
        }
        guard let startProperty = first("DTSTART"), let start = date(startProperty.value, startProperty.parameters)
        else { return nil }
        let end: Date
        if let endProperty = first("DTEND"), let value = date(endProperty.value, endProperty.parameters) {
            end = value.date
        } else if let duration = first("DURATION").flatMap({ seconds($0.value) }) {
            end = start.date.addingTimeInterval(duration)
        } else {
            // RFC 5545 §3.6.1: a DATE start with no end lasts that day; a DATE-TIME one lasts no time.
            end = start.isDay ? ParisTime.calendar.date(byAdding: .day, value: 1, to: start.date)! : start.date
        }
        let exceptions = properties.filter { $0.name == "EXDATE" }.flatMap { property in
            property.value.split(separator: ",").compactMap { date(String($0), property.parameters)?.date }
        }
        return RemoteEvent(
            uid: first("UID")?.value ?? "", start: start.date, end: end, allDay: start.isDay,
            transparent: first("TRANSP")?.value.uppercased() == "TRANSPARENT",
            cancelled: first("STATUS")?.value.uppercased() == "CANCELLED", rule: first("RRULE")?.value,
            exceptions: exceptions,
            recurrenceID: first("RECURRENCE-ID").flatMap { date($0.value, $0.parameters)?.date },
            helper: first("X-PASSERELLE-HELPER")?.value,
            zoneUnknown: properties.contains { $0.parameters["TZID"].map { timeZone($0) == nil } ?? false })
    }

    /// Content lines with folding undone (a CRLF followed by a space or tab continues the line).
    static func unfold(_ text: String) -> [String] {
        var lines: [String] = []
        for raw in text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n") {
            if let first = raw.first, first == " " || first == "\t", !lines.isEmpty {
                lines[lines.count - 1] += raw.dropFirst()
            } else {
                lines.append(String(raw))
            }
        }
        return lines
    }

    /// NAME;PARAM=VALUE;…:VALUE (a quoted parameter value may hold ":" or ";").
    static func split(_ line: String) -> (String, [String: String], String) {
        var inQuotes = false
        var colon: String.Index?
        for index in line.indices {
            if line[index] == "\"" { inQuotes.toggle() }
            if line[index] == ":", !inQuotes {
                colon = index
                break
            }
        }
        guard let colon else { return (line.uppercased(), [:], "") }
        let head = line[..<colon].split(separator: ";")
        var parameters: [String: String] = [:]
        for parameter in head.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            if pair.count == 2 {
                parameters[pair[0].uppercased()] = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return (head.first.map { $0.uppercased() } ?? "", parameters, String(line[line.index(after: colon)...]))
    }

    /// A DATE or DATE-TIME value; `isDay` for a DATE.
    static func date(_ value: String, _ parameters: [String: String]) -> (date: Date, isDay: Bool)? {
        let digits = value.filter(\.isNumber)
        guard digits.count == 8 || digits.count == 14, let year = Int(digits.prefix(4)),
            let month = Int(digits.dropFirst(4).prefix(2)), let day = Int(digits.dropFirst(6).prefix(2))
        else { return nil }
        var calendar = ParisTime.calendar
        if value.hasSuffix("Z") {
            calendar.timeZone = TimeZone(identifier: "UTC")!
        } else if let tzid = parameters["TZID"], let zone = timeZone(tzid) {
            calendar.timeZone = zone
        }
        var components = DateComponents(year: year, month: month, day: day)
        if digits.count == 14 {
            components.hour = Int(digits.dropFirst(8).prefix(2))
            components.minute = Int(digits.dropFirst(10).prefix(2))
            components.second = Int(digits.dropFirst(12).prefix(2))
        }
        guard let date = calendar.date(from: components) else { return nil }
        return (date, digits.count == 8)
    }

    /// An Olson name, also inside a path ("/mozilla.org/20070129_1/Europe/Paris").
    static func timeZone(_ tzid: String) -> TimeZone? {
        if let zone = TimeZone(identifier: tzid) { return zone }
        let parts = tzid.split(separator: "/")
        guard parts.count >= 2 else { return nil }
        return TimeZone(identifier: parts.suffix(2).joined(separator: "/"))
    }

    /// An RFC 5545 DURATION ("PT1H30M", "P1D", "P2W") in seconds.
    static func seconds(_ text: String) -> TimeInterval? {
        var total = 0.0, number = "", negative = false
        for character in text.uppercased() {
            switch character {
            case "-": negative = true
            case "+", "P", "T": continue
            case "0"..."9": number.append(character)
            case "W", "D", "H", "M", "S":
                guard let value = Double(number) else { return nil }
                let unit: Double = ["W": 604_800, "D": 86_400, "H": 3_600, "M": 60, "S": 1][character]!
                total += value * unit
                number = ""
            default: return nil
            }
        }
        return negative ? -total : total
    }
}
