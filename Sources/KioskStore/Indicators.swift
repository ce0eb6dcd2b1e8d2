// Passerelle — KioskStore. Licensed under the EUPL-1.2.
import Foundation
import GRDB

/// How indicator rows are grouped, in Europe/Paris time (ISO weeks start on Monday).
public enum Bucketing: String, CaseIterable, Sendable {
    case day, week, month
}

/// The figures of one period. Only anonymous counts; codes are the national ones
/// (CRA v2 `autonomie`, `thematiques`, RDV Service Public statuses).
public struct IndicatorRow: Equatable, Sendable {
    /// "2025-11-03", "2025-W45" (ISO week) or "2025-11".
    public var period: String
    /// First local day of the period, "YYYY-MM-DD" (may precede the requested range).
    public var firstDay: String
    public var visits = 0
    public var visitsByLanguage: [String: Int] = [:]
    public var diagnostics: [Autonomie: Int] = [:]
    public var appointmentsBooked = 0
    /// Cancelled by the person (`excused`) or by the town hall (`revoked`), counted when cancelled.
    public var appointmentsCancelled = 0
    /// Status `seen`, counted on the appointment's day.
    public var appointmentsHonoured = 0
    /// Status `noshow`, counted on the appointment's day.
    public var appointmentsNoShow = 0
    public var helpRequests = 0
    public var remoteSessions = 0
    /// Theme code → number of appointments booked and help requests made on that theme.
    public var thematiques: [String: Int] = [:]

    public var diagnosticsTotal: Int { diagnostics.values.reduce(0, +) }

    mutating func add(_ other: IndicatorRow) {
        visits += other.visits
        visitsByLanguage.merge(other.visitsByLanguage, uniquingKeysWith: +)
        diagnostics.merge(other.diagnostics, uniquingKeysWith: +)
        appointmentsBooked += other.appointmentsBooked
        appointmentsCancelled += other.appointmentsCancelled
        appointmentsHonoured += other.appointmentsHonoured
        appointmentsNoShow += other.appointmentsNoShow
        helpRequests += other.helpRequests
        remoteSessions += other.remoteSessions
        thematiques.merge(other.thematiques, uniquingKeysWith: +)
    }
}

/// Indicators over a range of local days, one row per period (empty periods included, so
/// charts have no holes) and the totals.
public struct Indicators: Equatable, Sendable {
    public var from: String
    public var to: String
    public var bucketing: Bucketing
    public var rows: [IndicatorRow]
    public var totals: IndicatorRow
}

// MARK: - Query

extension AppDatabase {
    /// Parses "YYYY-MM-DD" as a local (Europe/Paris) day; nil when malformed or impossible.
    public static func parseDay(_ text: String) -> DateComponents? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 3, text.count == 10, let y = parts[0], let m = parts[1], let d = parts[2] else {
            return nil
        }
        let components = DateComponents(year: y, month: m, day: d)
        guard let date = ParisCalendar.calendar.date(from: components),
            ParisCalendar.calendar.dateComponents([.year, .month, .day], from: date) == components
        else { return nil }
        return components
    }

    /// The indicators from local day `from` to local day `to`, both included ("YYYY-MM-DD").
    /// Reads a consistent snapshot; safe while the kiosk writes.
    public func indicators(from: String, to: String, by bucketing: Bucketing) throws(StoreProblem) -> Indicators {
        let calendar = ParisCalendar.calendar
        guard let fromDay = Self.parseDay(from), let toDay = Self.parseDay(to),
            let start = calendar.date(from: fromDay),
            let end = calendar.date(byAdding: .day, value: 1, to: calendar.date(from: toDay)!), start < end
        else { throw .rejected(rule: "the range must be two days YYYY-MM-DD, from ≤ to") }

        var rows: [Date: IndicatorRow] = [:]
        var periodStart = Self.bucketStart(of: start, by: bucketing)
        var order: [Date] = []
        while periodStart < end {
            rows[periodStart] = IndicatorRow(
                period: Self.periodLabel(periodStart, by: bucketing), firstDay: Self.dayLabel(periodStart))
            order.append(periodStart)
            periodStart = calendar.date(byAdding: Self.component(bucketing), value: 1, to: periodStart)!
        }
        func bump(_ date: Date, _ change: (inout IndicatorRow) -> Void) {
            guard date >= start, date < end else { return }
            change(&rows[Self.bucketStart(of: date, by: bucketing)]!)
        }

        try read { db in try Self.countEvents(in: db, from: start, to: end, bump: bump) }
        let ordered = order.map { rows[$0]! }
        var totals = IndicatorRow(period: "total", firstDay: from)
        ordered.forEach { totals.add($0) }
        return Indicators(from: from, to: to, bucketing: bucketing, rows: ordered, totals: totals)
    }

    /// Adds every counted event between `start` and `end` to its period, through `bump`.
    private static func countEvents(
        in db: Database, from start: Date, to end: Date, bump: (Date, (inout IndicatorRow) -> Void) -> Void
    ) throws {
        let range: StatementArguments = [start, end]
        for row in try Row.fetchAll(
            db, sql: "SELECT startedAt, language FROM visit WHERE startedAt >= ? AND startedAt < ?",
            arguments: range)
        {
            bump(row["startedAt"]) {
                $0.visits += 1; $0.visitsByLanguage[row["language"], default: 0] += 1
            }
        }
        for row in try Row.fetchAll(
            db, sql: "SELECT completedAt, autonomie FROM diagnostic WHERE completedAt >= ? AND completedAt < ?",
            arguments: range)
        {
            guard let level = Autonomie(rawValue: row["autonomie"]) else { continue }
            bump(row["completedAt"]) { $0.diagnostics[level, default: 0] += 1 }
        }
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT a.bookedAt, coalesce(a.thematique, s.thematique) AS thematique FROM appointment a
                JOIN service s ON s.id = a.serviceId WHERE a.bookedAt >= ? AND a.bookedAt < ?
                """, arguments: range)
        {
            bump(row["bookedAt"]) { indicator in
                indicator.appointmentsBooked += 1
                if let code: String = row["thematique"] { indicator.thematiques[code, default: 0] += 1 }
            }
        }
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT statusChangedAt FROM appointment WHERE status IN ('excused', 'revoked')
                  AND statusChangedAt >= ? AND statusChangedAt < ?
                """, arguments: range)
        {
            bump(row["statusChangedAt"]) { $0.appointmentsCancelled += 1 }
        }
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT startsAt, status FROM appointment
                WHERE status IN ('seen', 'noshow') AND startsAt >= ? AND startsAt < ?
                """, arguments: range)
        {
            let honoured = (row["status"] as String) == AppointmentStatus.seen.rawValue
            bump(row["startsAt"]) { figures in
                if honoured { figures.appointmentsHonoured += 1 } else { figures.appointmentsNoShow += 1 }
            }
        }
        for row in try Row.fetchAll(
            db, sql: "SELECT requestedAt, thematique FROM help_request WHERE requestedAt >= ? AND requestedAt < ?",
            arguments: range)
        {
            bump(row["requestedAt"]) { indicator in
                indicator.helpRequests += 1
                if let code: String = row["thematique"] { indicator.thematiques[code, default: 0] += 1 }
            }
        }
        for row in try Row.fetchAll(
            db, sql: "SELECT startedAt FROM remote_session WHERE startedAt >= ? AND startedAt < ?", arguments: range
        ) {
            bump(row["startedAt"]) { $0.remoteSessions += 1 }
        }
    }

    // MARK: Calendar helpers (Europe/Paris)

    static func component(_ bucketing: Bucketing) -> Calendar.Component {
        switch bucketing {
        case .day: return .day
        case .week: return .weekOfYear
        case .month: return .month
        }
    }

    static func bucketStart(of date: Date, by bucketing: Bucketing) -> Date {
        ParisCalendar.calendar.dateInterval(of: component(bucketing), for: date)!.start
    }

    static func dayLabel(_ date: Date) -> String {
        let c = ParisCalendar.calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    static func periodLabel(_ start: Date, by bucketing: Bucketing) -> String {
        let calendar = ParisCalendar.calendar
        switch bucketing {
        case .day: return dayLabel(start)
        case .week:
            let c = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: start)
            return String(format: "%04d-W%02d", c.yearForWeekOfYear!, c.weekOfYear!)
        case .month:
            let c = calendar.dateComponents([.year, .month], from: start)
            return String(format: "%04d-%02d", c.year!, c.month!)
        }
    }
}
