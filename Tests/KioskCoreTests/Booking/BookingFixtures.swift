// Passerelle — KioskCore booking tests. Licensed under the EUPL-1.2.
import Foundation
@testable import KioskCore

/// A Paris wall time: "2026-03-27 09:00".
func paris(_ text: String) -> Date {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "Europe/Paris")
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return formatter.date(from: text)!
}

/// A UTC time: "2026-03-29T00:00Z".
func utc(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate]
    return formatter.date(from: text.replacingOccurrences(of: "Z", with: ":00Z"))!
}

func day(_ text: String) -> LocalDay { LocalDay(text)! }

/// "09:00" of each slot, local.
func wallTimes(_ slots: [Slot]) -> [String] {
    slots.map { OpeningHours.TimeRange.clock(ParisTime.minuteOfDay($0.start)) }
}

/// One place, one helper ("amina"), one service ("demarches"), ranges as given.
func agenda(
    duration: Int = 30, minNotice: Int = 0, maxNoticeDays: Int = 800,
    ranges: [(weekdays: WeekdaySet, start: String, end: String, from: String, until: String?)] = [
        (WeekdaySet([1, 2, 3, 4, 5]), "09:00", "12:00", "2026-01-01", "2027-12-31")
    ],
    busy: [BusyInterval] = [], alsaceMoselle: Bool = false, closedDays: Set<LocalDay> = []
) -> AgendaSnapshot {
    func minute(_ t: String) -> Int { Int(t.prefix(2))! * 60 + Int(t.suffix(2))! }
    return AgendaSnapshot(
        places: [AgendaPlace(key: "fs", name: "France Services", address: "1 place de la Mairie")],
        services: [
            AgendaService(
                key: "demarches", name: LocalizedText(fr: "Démarches", en: "Procedures", ar: "إجراءات"),
                support: .procedureHelp, durationMinutes: duration, minNoticeMinutes: minNotice,
                maxNoticeDays: maxNoticeDays)
        ],
        helpers: [AgendaHelper(key: "amina", firstName: "Amina")],
        ranges: ranges.map {
            AgendaOpeningRange(
                helper: "amina", place: "fs", services: ["demarches"], firstDay: day($0.from),
                untilDay: $0.until.map(day), weekdays: $0.weekdays, startMinute: minute($0.start),
                endMinute: minute($0.end))
        },
        busy: busy, alsaceMoselle: alsaceMoselle, closedDays: closedDays)
}
