// Passerelle — KioskStore tests. Licensed under the EUPL-1.2.
import Foundation
import KioskCore

/// "Now" for the tests whose expectations are relative to the present (slots from now on,
/// reminders due, races for the next free time). Never the wall clock: `PASSERELLE_TEST_NOW`
/// when set (`make test-dates` runs these classes pinned to awkward instants: a Sunday night,
/// both clock changes, 29 February, a day in 2031), else Monday 30 November 2026 03:20 in
/// Paris, the instant a wall-clock version of `ReminderDeliveryTests` once failed.
enum TestNow {
    static let variable = "PASSERELLE_TEST_NOW"
    static let fallback = "2026-11-30T03:20:00+01:00"

    static let date: Date = {
        let text = ProcessInfo.processInfo.environment[variable] ?? fallback
        // A typo here must stop the run, not silently test the wall clock.
        guard let date = PinnedClock.parse(text) else {
            fatalError("\(variable)=\(text) is not an ISO 8601 instant with an offset")
        }
        return date
    }()

    /// The environment for a `passerelle` or `passerellectl` child whose clock starts at `at`.
    static func environment(at instant: Date = date) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment[PinnedClock.variable] = String(instant.timeIntervalSince1970)
        environment.removeValue(forKey: "INVOCATION_ID")
        return environment
    }
}

/// The Paris calendar the agenda counts days in.
let parisCalendar: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Europe/Paris")!
    return calendar
}()
