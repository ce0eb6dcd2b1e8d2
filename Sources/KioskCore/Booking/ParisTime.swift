// Passerelle — KioskCore booking engine. Licensed under the EUPL-1.2.
import Foundation

/// Conversions between instants and Europe/Paris local days and wall-clock minutes.
///
/// The agenda is wall-clock time; appointments are instants. Around the clock changes
/// (last Sunday of March 02:00 → 03:00, last Sunday of October 03:00 → 02:00) a wall time
/// may not exist or may happen twice: `date(_:minute:)` returns nil for a time that does not
/// exist, and the first of the two instants for a time that happens twice.
public enum ParisTime {
    public static let timeZone = TimeZone(identifier: "Europe/Paris")!

    /// A Gregorian calendar in Europe/Paris, weeks from Monday.
    public static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.firstWeekday = 2
        calendar.minimumDaysInFirstWeek = 4
        return calendar
    }()

    /// Seconds east of UTC at `date` (3600 in winter, 7200 in summer).
    @inline(__always)
    static func offset(at seconds: Double) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: seconds))
    }

    /// The local day of an instant.
    public static func day(of date: Date) -> LocalDay {
        let local = date.timeIntervalSince1970 + Double(offset(at: date.timeIntervalSince1970))
        return LocalDay(dayNumber: Int((local / 86_400).rounded(.down)))
    }

    /// Minutes since local midnight of an instant (0 … 1439).
    public static func minuteOfDay(_ date: Date) -> Int {
        let local = date.timeIntervalSince1970 + Double(offset(at: date.timeIntervalSince1970))
        let seconds = local - (local / 86_400).rounded(.down) * 86_400
        return Int(seconds / 60)
    }

    /// The instant of wall-clock `minute` (0 … 1440) on `day`; nil when that wall time does not
    /// exist (the spring gap); the earlier instant when it happens twice (the autumn repeat).
    public static func date(_ day: LocalDay, minute: Int) -> Date? {
        seconds(day, minute: minute).map(Date.init(timeIntervalSince1970:))
    }

    static func seconds(_ day: LocalDay, minute: Int) -> Double? {
        let wall = Double(day.dayNumber) * 86_400 + Double(minute) * 60
        // Paris changes offset at most once within any two days: the offsets a day either
        // side are the only candidates.
        let before = offset(at: wall - 86_400), after = offset(at: wall + 86_400)
        let candidates = before == after ? [before] : [max(before, after), min(before, after)]
        for candidate in candidates {  // larger offset first = earlier instant
            let instant = wall - Double(candidate)
            if offset(at: instant) == candidate { return instant }
        }
        return nil
    }

    /// The instant of wall-clock `minute` on `day`; when that wall time falls in the spring
    /// gap, the instant of the jump (the end of the last minute that exists before it).
    static func lastInstant(_ day: LocalDay, before minute: Int) -> Double {
        if let exact = seconds(day, minute: minute) { return exact }
        var earlier = minute - 1
        while earlier > 0, seconds(day, minute: earlier) == nil { earlier -= 1 }
        return (seconds(day, minute: earlier) ?? 0) + 60
    }

    static func lastInstantDate(_ day: LocalDay, before minute: Int) -> Date {
        Date(timeIntervalSince1970: lastInstant(day, before: minute))
    }

    /// When the whole local `day` has one UTC offset, that offset; nil on a clock-change day.
    static func uniformOffset(on day: LocalDay) -> Int? {
        let midnight = Double(day.dayNumber) * 86_400
        let start = offset(at: midnight - 7_200), end = offset(at: midnight + 86_400 + 7_200)
        return start == end ? start : nil
    }
}
