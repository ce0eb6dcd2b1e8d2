// Passerelle — KioskCore booking engine. Licensed under the EUPL-1.2.
import Foundation

/// One appointment as a helper's calendar shows it.
public struct CalendarEvent: Equatable, Sendable {
    /// The appointment's uuid: calendar clients update the event in place when it changes.
    public var uid: UUID
    public var start: Date
    public var end: Date
    /// Service and the person's first name: "Aide aux démarches – Jeanne".
    public var summary: String
    /// The place's name and address.
    public var location: String?
    public var description: String
    /// A short summary of the person's digital-skills diagnostic, only when the person
    /// consented to share it with the helper (filled by the diagnostic engine; nil otherwise).
    public var diagnosticSummary: String?

    public init(
        uid: UUID, start: Date, end: Date, summary: String, location: String?, description: String,
        diagnosticSummary: String? = nil
    ) {
        self.uid = uid
        self.start = start
        self.end = end
        self.summary = summary
        self.location = location
        self.description = description
        self.diagnosticSummary = diagnosticSummary
    }
}

/// Writes RFC 5545 iCalendar text: CRLF line ends, lines folded at 75 octets (never inside a
/// UTF-8 character), TEXT values escaped, local times with `TZID=Europe/Paris` and the
/// matching VTIMEZONE, `DTSTAMP` in UTC.
public enum ICalendar {
    public static func document(name: String, events: [CalendarEvent], stamp: Date) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Passerelle//Agenda 1.0//FR", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:" + escape(name), "X-WR-TIMEZONE:Europe/Paris",
        ]
        lines += parisTimeZone
        for event in events.sorted(by: { ($0.start, $0.uid.uuidString) < ($1.start, $1.uid.uuidString) }) {
            var description = event.description
            if let summary = event.diagnosticSummary {
                description += "\n\nDiagnostic (partagé avec l'accord de la personne) :\n" + summary
            }
            lines += [
                "BEGIN:VEVENT",
                "UID:" + event.uid.uuidString.lowercased(),
                "DTSTAMP:" + utc(stamp),
                "DTSTART;TZID=Europe/Paris:" + local(event.start),
                "DTEND;TZID=Europe/Paris:" + local(event.end),
                "SUMMARY:" + escape(event.summary),
            ]
            if let location = event.location { lines.append("LOCATION:" + escape(location)) }
            lines += ["DESCRIPTION:" + escape(description), "STATUS:CONFIRMED", "TRANSP:OPAQUE", "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined()
    }

    /// Europe/Paris since 1996: last Sunday of March 02:00 → CEST, last Sunday of October 03:00 → CET.
    static let parisTimeZone = [
        "BEGIN:VTIMEZONE", "TZID:Europe/Paris", "X-LIC-LOCATION:Europe/Paris",
        "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
        "END:VTIMEZONE",
    ]

    /// TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, newline.
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": continue
            default:
                // Other control characters are not allowed in TEXT.
                if scalar.value < 0x20 && scalar != "\t" { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// One content line, folded so no physical line exceeds 75 octets, ended by CRLF.
    public static func fold(_ line: String) -> String {
        var out = ""
        var octets = 0
        for character in line.unicodeScalars {
            let size = String(character).utf8.count
            if octets + size > 75 {
                out += "\r\n "
                octets = 1
            }
            out.unicodeScalars.append(character)
            octets += size
        }
        return out + "\r\n"
    }

    /// "20261201T080000Z".
    public static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    static func local(_ date: Date) -> String {
        let c = ParisTime.calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }
}
