import Foundation

/// "Now" for a program that a test runs as a process. Tests must never decide what they
/// expect from the day they run on, so `passerelle` and `passerellectl` read the start
/// instant from `PASSERELLE_NOW` when it is set, and from then on the clock runs at the real
/// rate (a reminder lease or an idle timeout still elapses). Not for production: a systemd
/// service (which always has `INVOCATION_ID`) refuses it, so a leftover variable on the
/// appliance cannot make the kiosk book in the past or keep personal data too long.
public enum PinnedClock {
    /// The environment variable: an ISO 8601 instant with its offset
    /// (`2026-11-30T03:20:00+01:00`, `2027-03-28T01:30:00Z`) or seconds since 1970.
    public static let variable = "PASSERELLE_NOW"

    public enum Problem: Error, Equatable, CustomStringConvertible {
        /// The value is neither an ISO 8601 instant with an offset nor a number of seconds.
        case malformed(String)
        /// Set in a systemd service: the appliance never runs on a pinned clock.
        case refusedInService

        public var description: String {
            switch self {
            case .malformed(let value):
                return
                    "\(PinnedClock.variable)=\(value): write an ISO 8601 instant with its offset "
                    + "(2026-11-30T03:20:00+01:00) or seconds since 1970"
            case .refusedInService:
                return
                    "\(PinnedClock.variable) is for tests only and is refused in a systemd service; "
                    + "unset it in the unit"
            }
        }
    }

    /// The clock the environment asks for, or nil when the variable is not set.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(Problem)
        -> (@Sendable () -> Date)?
    {
        guard let value = environment[variable], !value.isEmpty else { return nil }
        if let id = environment["INVOCATION_ID"], !id.isEmpty { throw .refusedInService }
        guard let start = parse(value) else { throw .malformed(value) }
        let origin = ProcessInfo.processInfo.systemUptime
        return { start.addingTimeInterval(ProcessInfo.processInfo.systemUptime - origin) }
    }

    /// The instant `value` names, or nil. An ISO 8601 time without an offset is refused: it
    /// would mean a different instant on a machine in another zone.
    public static func parse(_ value: String) -> Date? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(trimmed), seconds.isFinite { return Date(timeIntervalSince1970: seconds) }
        for options in [
            ISO8601DateFormatter.Options.withInternetDateTime, [.withInternetDateTime, .withFractionalSeconds],
        ] {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = options
            if let date = formatter.date(from: trimmed) { return date }
        }
        return nil
    }
}
