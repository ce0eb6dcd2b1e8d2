// Passerelle — KioskCore booking engine. Licensed under the EUPL-1.2.
import Foundation

/// Computes free slots: opening ranges − public holidays and closed days − absences − booked
/// appointments, cut by the service's duration from the start of each range, within the
/// service's notice window. Pure: the clock is the `now` argument.
///
/// Clock changes: slots start on the wall-clock grid of the range (09:00, 09:30…) as the
/// helper's diary shows them, and last exactly the service's duration in real time. A start
/// inside the spring gap (29 March 2026 02:00–03:00) is skipped; in the repeated autumn hour
/// (25 October 2026 02:00–03:00) a wall time means its first occurrence. A slot never ends
/// after the real end of its range, and the slots of one range never overlap: a grid start
/// that falls inside the previous slot (after one that crossed the spring gap) is skipped.
public enum SlotFinder {
    /// The free slots for `serviceKey` on the local days from `now`'s day to `days - 1` days
    /// later, sorted by start (then helper, place). Empty for an unknown or inactive service.
    /// Optional `place` / `helper` keys narrow the search.
    public static func freeSlots(
        for serviceKey: String, in agenda: AgendaSnapshot, from now: Date, days: Int,
        place: String? = nil, helper: String? = nil
    ) -> [Slot] {
        slots(
            for: serviceKey, in: agenda, now: now, firstDay: ParisTime.day(of: now), days: days, place: place,
            helper: helper)
    }

    /// Per day of the window: closed (holiday or closed day) and its UTC offset if uniform.
    static func dayTable(_ agenda: AgendaSnapshot, firstNumber: Int, days: Int) -> [(
        day: LocalDay, closed: Bool, offset: Int?
    )] {
        (0..<days).map { index in
            let day = LocalDay(dayNumber: firstNumber + index)
            let closed = agenda.holiday(on: day) != nil || agenda.closedDays.contains(day)
            return (day, closed, closed ? nil : ParisTime.uniformOffset(on: day))
        }
    }

    /// The range's real end on a day: on a clock-change day it may be more or less than
    /// (end - start) wall minutes after its start.
    @inline(__always)
    static func realEnd(of range: AgendaOpeningRange, on day: LocalDay, number: Int, offset: Int?) -> Double {
        if let offset { return Double(number) * 86_400 + Double(range.endMinute * 60 - offset) }
        return ParisTime.lastInstant(day, before: range.endMinute)
    }

    /// The free slots on `days` local days from `firstDay`, with the notice window counted from `now`.
    static func slots(
        for serviceKey: String, in agenda: AgendaSnapshot, now: Date, firstDay: LocalDay, days: Int,
        place: String?, helper: String?
    ) -> [Slot] {
        guard days > 0, let service = agenda.services[serviceKey], service.isActive,
            let rangeIndexes = agenda.rangesByService[serviceKey]
        else { return [] }
        let duration = service.durationMinutes
        let durationSeconds = Double(duration * 60)
        let nowSeconds = now.timeIntervalSince1970
        let earliest = nowSeconds + Double(service.minNoticeMinutes * 60)
        let latest = nowSeconds + Double(service.maxNoticeDays * 86_400)
        let firstNumber = firstDay.dayNumber
        let lastNumber = firstNumber + days - 1

        let table = dayTable(agenda, firstNumber: firstNumber, days: days)
        let noBusy: [(start: Double, end: Double)] = []

        var slots: [Slot] = []
        for index in rangeIndexes {
            let range = agenda.ranges[index]
            if let place, range.place != place { continue }
            if let helper, range.helper != helper { continue }
            guard agenda.helpers[range.helper]?.isActive == true, agenda.places[range.place]?.isActive == true else {
                continue
            }
            let busy = agenda.busyByHelper[range.helper] ?? noBusy
            var busyIndex = 0
            let from = max(range.firstDay.dayNumber, firstNumber)
            let rangeLast =
                range.weekdays.isEmpty ? range.firstDay.dayNumber : (range.untilDay?.dayNumber ?? lastNumber)
            let until = min(rangeLast, lastNumber)
            guard from <= until else { continue }
            for number in from...until {
                let entry = table[number - firstNumber]
                if entry.closed { continue }
                if !range.weekdays.isEmpty, !range.weekdays.contains(entry.day.isoWeekday) { continue }
                let rangeEnd = realEnd(of: range, on: entry.day, number: number, offset: entry.offset)
                var minute = range.startMinute
                // The end of the grid's previous slot, whether offered or not: a slot that
                // crosses the spring gap lasts its real duration, so the next grid start may
                // fall before its end (01:30 + 45 min ends at 03:15 on the wall). Such a
                // start is skipped, whatever "now" and the bookings are, so the grid does not
                // depend on who looks at it.
                var previousEnd = -Double.infinity
                while minute < range.endMinute {
                    defer { minute += duration }
                    let start: Double
                    if let offset = entry.offset {
                        start = Double(number) * 86_400 + Double(minute * 60 - offset)
                    } else {
                        // A wall time in the spring gap is skipped.
                        guard let s = ParisTime.seconds(entry.day, minute: minute) else { continue }
                        start = s
                    }
                    if start < previousEnd { continue }
                    let end = start + durationSeconds
                    previousEnd = end
                    if end > rangeEnd { continue }
                    if start < earliest || start > latest { continue }
                    while busyIndex < busy.count, busy[busyIndex].end <= start { busyIndex += 1 }
                    if busyIndex < busy.count, busy[busyIndex].start < end { continue }
                    slots.append(
                        Slot(
                            service: serviceKey, helper: range.helper, place: range.place,
                            start: Date(timeIntervalSince1970: start), end: Date(timeIntervalSince1970: end)))
                }
            }
        }
        slots.sort(by: order)
        return slots
    }

    /// The earliest free slot within `days` days, or nil.
    public static func firstFreeSlot(
        for serviceKey: String, in agenda: AgendaSnapshot, from now: Date, days: Int = 60,
        place: String? = nil, helper: String? = nil
    ) -> Slot? {
        // Search a week at a time: the first slot is usually close.
        let today = ParisTime.day(of: now)
        var searched = 0
        while searched < days {
            let window = min(7, days - searched)
            let found = slots(
                for: serviceKey, in: agenda, now: now, firstDay: today.adding(days: searched), days: window,
                place: place, helper: helper)
            if let first = found.first { return first }
            searched += window
        }
        return nil
    }

    /// Whether `slot` is still offered by the agenda at `now` (check again before saving:
    /// the agenda may have changed since the screen showed it).
    public static func isFree(_ slot: Slot, in agenda: AgendaSnapshot, now: Date) -> Bool {
        let found = slots(
            for: slot.service, in: agenda, now: now, firstDay: slot.day, days: 1,
            place: slot.place, helper: slot.helper)
        return found.contains(slot)
    }

    /// Start, then helper, then place.
    static func order(_ a: Slot, _ b: Slot) -> Bool {
        if a.start != b.start { return a.start < b.start }
        if a.helper != b.helper { return a.helper < b.helper }
        return a.place < b.place
    }
}
