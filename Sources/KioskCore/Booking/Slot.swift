// Passerelle — KioskCore booking engine. Licensed under the EUPL-1.2.
import Foundation

/// A free time a person can book: one helper, one place, one service.
public struct Slot: Hashable, Sendable, Identifiable {
    public var service: String
    public var helper: String
    public var place: String
    public var start: Date
    public var end: Date

    public init(service: String, helper: String, place: String, start: Date, end: Date) {
        self.service = service
        self.helper = helper
        self.place = place
        self.start = start
        self.end = end
    }

    /// Stable while the agenda does not change: "amina@1774600200".
    public var id: String { "\(helper)@\(Int(start.timeIntervalSince1970))" }

    /// The Europe/Paris day the slot starts on.
    public var day: LocalDay { ParisTime.day(of: start) }

    public var partOfDay: PartOfDay { PartOfDay(startMinute: ParisTime.minuteOfDay(start)) }
}

/// Morning or afternoon, as the screen asks "le matin ou l'après-midi ?".
public enum PartOfDay: String, CaseIterable, Sendable {
    /// Starts before 12:00 local time.
    case morning
    /// Starts at 12:00 or later.
    case afternoon

    public init(startMinute: Int) { self = startMinute < 12 * 60 ? .morning : .afternoon }
}

/// The free slots of one local day, split into morning and afternoon, each sorted by time.
public struct SlotDay: Hashable, Sendable {
    public var day: LocalDay
    public var morning: [Slot]
    public var afternoon: [Slot]

    public var all: [Slot] { morning + afternoon }
    public func slots(_ part: PartOfDay) -> [Slot] { part == .morning ? morning : afternoon }
}

extension Array where Element == Slot {
    /// Grouped by local day (days without a slot are left out), in order.
    public func groupedByDay() -> [SlotDay] {
        var days: [SlotDay] = []
        // One time-zone lookup per day, not per slot: the day's bounds and its noon as instants.
        var bounds: (start: Date, noon: Date, end: Date)?
        let sorted = isSorted ? self : self.sorted(by: SlotFinder.order)
        for slot in sorted {
            if bounds == nil || slot.start < bounds!.start || slot.start >= bounds!.end {
                let day = slot.day
                bounds = (
                    ParisTime.lastInstantDate(day, before: 0), ParisTime.lastInstantDate(day, before: 12 * 60),
                    ParisTime.lastInstantDate(day.adding(days: 1), before: 0)
                )
                days.append(SlotDay(day: day, morning: [], afternoon: []))
            }
            if slot.start < bounds!.noon {
                days[days.count - 1].morning.append(slot)
            } else {
                days[days.count - 1].afternoon.append(slot)
            }
        }
        return days
    }

    /// One slot per (place, start time): the person chooses a time, not a helper. Keeps the
    /// first helper in the order given.
    public func onePerStartTime() -> [Slot] {
        var seen = Set<SlotTimeKey>()
        seen.reserveCapacity(count)
        return filter { seen.insert(SlotTimeKey(place: $0.place, start: $0.start)).inserted }
    }

    private var isSorted: Bool {
        zip(self, dropFirst()).allSatisfy { !SlotFinder.order($1, $0) }
    }
}

private struct SlotTimeKey: Hashable {
    let place: String
    let start: Date
}
