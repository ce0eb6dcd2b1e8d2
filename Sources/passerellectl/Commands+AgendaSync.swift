// Passerelle — passerellectl. Licensed under the EUPL-1.2.
import ArgumentParser
import Foundation
import KioskCalDAV
import KioskCore
import KioskStore

/// Where the helpers' CalDAV calendars are configured (docs/caldav.md). No file: no CalDAV,
/// and every command behaves as before issue 17.
struct CalDAVOptions: ParsableArguments {
    @Option(
        name: .customLong("caldav-config"), help: "The CalDAV configuration (absent: no shared calendars).",
        completion: .file())
    var caldavConfig: String = "/etc/passerelle/caldav.conf"

    /// nil when the file does not exist; a bad file is reported line by line (exit 64).
    func load() throws -> SharedAgenda? {
        guard FileManager.default.fileExists(atPath: caldavConfig) else { return nil }
        return try loadSharedAgenda(caldavConfig)
    }
}

func loadSharedAgenda(_ path: String) throws -> SharedAgenda {
    do {
        return SharedAgenda(try CalDAVConfiguration.load(path))
    } catch {
        for line in error.lines { warn("error: \(line)") }
        throw ExitCode(64)
    }
}

extension PasserelleCtl.Agenda {
    /// `passerellectl agenda sync`: the timer's job, and an admin's "sync now".
    struct Sync: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Sync the helpers' CalDAV calendars: write queued events, read busy times, take in their changes.",
            discussion:
                "Prints one line per calendar. Exit 0 when every calendar synced, "
                + "75 when one could not (the kiosk keeps its last copy)."
        )

        @OptionGroup var store: DataDirOptions
        @OptionGroup var caldav: CalDAVOptions

        func validate() throws { try store.requireExistingStore() }

        func run() throws {
            guard let agenda = try caldav.load() else {
                print("no CalDAV configured (\(caldav.caldavConfig) does not exist): nothing to sync")
                return
            }
            let database = try store.open()
            let reports = agenda.sync(database)
            let statuses = (try? database.calendarSyncStatuses()) ?? []
            for report in reports {
                print(Self.line(report, status: statuses.first { $0.calendar == report.calendar }))
                for uid in report.notUnderstood {
                    warn(
                        "warning: \(report.calendar): the repeat rule of event \(uid) is not understood; "
                            + "only its first time counts"
                    )
                }
            }
            // The helpers' .ics files follow what the helpers changed in their calendars.
            if reports.contains(where: { $0.cancelledByHelper + $0.movedByHelper > 0 }) { rewriteCalendars(database) }
            if reports.contains(where: { $0.error != nil }) { throw ExitCode(75) }
        }

        static func line(_ report: CalendarSyncReport, status: CalendarSyncStatus?) -> String {
            let figures =
                "read \(report.eventsRead) events, \(report.busyTimes) busy times; "
                + "wrote \(report.written), deleted \(report.deleted), "
                + "names erased \(report.erased); "
                + "cancelled by the helper \(report.cancelledByHelper), moved by the helper \(report.movedByHelper); "
                + "conflicts \(report.conflicts), queued \(report.queued)"
            let last = "last sync " + (status?.lastSuccessAt.map(stamp) ?? "never")
            if let error = report.error {
                return "\(report.calendar): FAILED: \(error); \(last); queued \(report.queued)"
            }
            return "\(report.calendar): ok: \(figures); \(last) (\(String(format: "%.2f", report.seconds)) s)"
        }
    }

    /// `passerellectl agenda status`: each calendar's last sync, from the store (no network).
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show each CalDAV calendar's last sync, events read, conflicts and queued writes.")

        @OptionGroup var store: DataDirOptions

        func validate() throws { try store.requireExistingStore() }

        func run() throws {
            let database = try store.open()
            let statuses = try orExit { () throws(StoreProblem) in try database.calendarSyncStatuses() }
            if statuses.isEmpty { print("no calendar synced yet") }
            for status in statuses {
                var line = "\(status.calendar): last sync \(status.lastSuccessAt.map(stamp) ?? "never")"
                line += ", \(status.eventsRead) events read, \(status.conflicts) conflicts, \(status.queued) queued"
                if let error = status.lastError {
                    line += "; last attempt \(status.lastAttemptAt.map(stamp) ?? "?") FAILED: \(error)"
                }
                print(line)
            }
        }
    }
}

/// "2026-11-30 14:05" in Paris time, as the admin reads it.
func stamp(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.timeZone = ParisTime.timeZone
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return formatter.string(from: date)
}
