// Passerelle — KioskStore. Licensed under the EUPL-1.2.
import Foundation

/// Where the store gets "now" from. Injected so retention, backoff and statistics are tested
/// with a clock the test moves; the kiosk passes `.system`.
public struct StoreClock: Sendable {
    /// Returns the current instant. Called on whatever thread performs the store call.
    public var now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date) {
        self.now = now
    }

    /// The wall clock.
    public static let system = StoreClock(now: { Date() })

    /// A clock stopped at `date` (for tests and one-shot tools).
    public static func fixed(_ date: Date) -> StoreClock {
        StoreClock(now: { date })
    }
}

/// A clock that tests advance by hand. Thread-safe.
public final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    public init(_ start: Date) {
        current = start
    }

    public var now: Date {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    /// Moves the clock forward by `seconds`.
    public func advance(by seconds: TimeInterval) {
        lock.lock()
        current += seconds
        lock.unlock()
    }

    /// The `StoreClock` that reads this clock.
    public var storeClock: StoreClock {
        StoreClock(now: { [self] in self.now })
    }
}

/// The calendar the collectivité counts in: Europe/Paris, weeks starting on Monday (ISO 8601).
enum ParisCalendar {
    static let timeZone = TimeZone(identifier: "Europe/Paris")!

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = timeZone
        calendar.locale = Locale(identifier: "fr_FR")
        return calendar
    }()
}
