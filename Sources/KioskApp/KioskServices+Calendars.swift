// Passerelle — KioskApp. Licensed under the EUPL-1.2.
import Foundation
import KioskCalDAV
import KioskCore
import KioskStore

// MARK: - The helpers' shared CalDAV calendars (issue 17, docs/caldav.md)

extension KioskServices {
    /// Reads the CalDAV configuration. A file that does not exist means no shared calendar
    /// (the kiosk books locally, as before); a bad one is logged and shown on the status page,
    /// and the kiosk books locally rather than not at all.
    func connectCalendars(_ path: String) {
        guard FileManager.default.fileExists(atPath: path) else { return }
        do {
            sharedAgenda = SharedAgenda(try CalDAVConfiguration.load(path))
        } catch {
            calendarProblem = error.lines.joined(separator: "; ")
            Self.log("shared calendars not used: \(calendarProblem ?? "")")
        }
    }

    /// One line per calendar, from the local copy (never the network): the last successful
    /// sync, events read, conflicts and queued writes. A failed last attempt, a conflict or a
    /// queue is shown as a problem.
    func calendarStatusLines() -> [StatusLine] {
        var lines: [StatusLine] = []
        if let calendarProblem { lines.append(StatusLine("Calendars", calendarProblem, isProblem: true)) }
        guard let sharedAgenda, let store else { return lines }
        let statuses = (try? store.calendarSyncStatuses()) ?? []
        for calendar in sharedAgenda.configuration.calendars {
            guard let status = statuses.first(where: { $0.calendar == calendar.name }) else {
                lines.append(StatusLine("Calendar \(calendar.name)", "never synced", isProblem: true))
                continue
            }
            var text = "last sync " + (status.lastSuccessAt.map(Self.stamp) ?? "never")
            text += ", \(status.eventsRead) events, \(status.conflicts) conflicts, \(status.queued) queued"
            if let error = status.lastError { text += "; last attempt failed: \(error)" }
            lines.append(
                StatusLine(
                    "Calendar \(calendar.name)", text,
                    isProblem: status.lastError != nil || status.conflicts > 0 || status.queued > 0))
        }
        return lines
    }

    private static func stamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.timeZone = ParisTime.timeZone
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
