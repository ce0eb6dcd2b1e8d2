// Passerelle — KioskCalDAV. Licensed under the EUPL-1.2.
import Foundation
import KioskCore
import KioskStore

/// What one calendar's sync did (`passerellectl agenda sync` prints one line of it).
public struct CalendarSyncReport: Equatable, Sendable {
    public var calendar: String
    public var eventsRead = 0
    public var busyTimes = 0
    /// Queued events written, and cancelled ones deleted.
    public var written = 0, deleted = 0
    /// Events rewritten without the person's name once the retention purge erased it here.
    public var erased = 0
    public var cancelledByHelper = 0, movedByHelper = 0
    /// Future appointments whose event was written over another (docs/caldav.md, "Conflicts").
    public var conflicts = 0
    /// Still waiting in the calendar outbox.
    public var queued = 0
    public var notUnderstood: [String] = []
    public var error: String?
    public var seconds = 0.0
}

extension SharedAgenda {
    /// Syncs every configured calendar, one after the other. Never throws: a calendar that
    /// fails is reported and the others go on; the kiosk keeps its last copy.
    public func sync(_ store: AppDatabase) -> [CalendarSyncReport] {
        configuration.calendars.map { sync($0, store: store) }
    }

    /// 1. pushes the calendar outbox (queued events, cancellations); 2. reads the booking window
    /// (`REPORT`, expanded); 3. turns the helper's deletions and moves of appointment events into
    /// cancellations and moves by the place; 4. replaces the local busy times.
    public func sync(_ calendar: CalendarRef, store: AppDatabase) -> CalendarSyncReport {
        var report = CalendarSyncReport(calendar: calendar.name)
        let started = DispatchTime.now().uptimeNanoseconds
        do {
            let now = store.now
            let snapshot = try store.agendaSnapshot(from: now, to: now.addingTimeInterval(86_400))
            let days = min(366, (snapshot.services.values.map(\.maxNoticeDays).max() ?? 60) + 1)
            let window = (from: now, to: now.addingTimeInterval(Double(days) * 86_400))
            let helpers = helpers(of: calendar, in: snapshot)
            // A place's calendar takes the appointments of its helpers who have none of their own.
            let adoptable = helpers.filter { helper in
                configuration.calendars.contains { $0.owner == .helper(helper) } == (calendar.owner == .helper(helper))
            }
            try store.adoptAppointments(calendar: calendar.name, helpers: adoptable) { helper, start in
                calendar.url.appendingPathComponent(CalDAVNames.resource(helper: helper, start: start)).path
            }
            try push(calendar, store: store, report: &report)
            let read = try read(calendar, from: window.from, to: window.to)
            report.eventsRead = read.events.count
            report.notUnderstood = read.notUnderstood
            let copies = try store.remoteCopies(calendar: calendar.name)
            try reconcile(copies, with: read.resources, window: window, store: store, report: &report)
            let ours = Set(copies.map { $0.appointment.uuidString.lowercased() })
            let busy = read.events.filter { $0.isBusy && !ours.contains($0.uid.lowercased()) }.flatMap { event in
                helpers.filter { applies(event, to: $0, in: calendar) }.map {
                    BusyInterval(helper: $0, start: event.start, end: event.end)
                }
            }
            try store.replaceCalendarBusy(calendar: calendar.name, with: busy)
            report.busyTimes = busy.count
            let after = try store.remoteCopies(calendar: calendar.name)
            report.conflicts = after.filter { $0.conflict && $0.status == .unknown && $0.endsAt > now }.count
        } catch {
            report.error = "\(error)"
        }
        do {
            report.queued = try store.remoteCopies(calendar: calendar.name).filter {
                $0.state == .pendingPut || $0.state == .pendingDelete
            }.count
            try store.recordCalendarSync(
                calendar: calendar.name, url: calendar.url.absoluteString, error: report.error,
                eventsRead: report.eventsRead, conflicts: report.conflicts)
        } catch {
            report.error = report.error ?? "\(error)"
        }
        report.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return report
    }

    private func helpers(of calendar: CalendarRef, in snapshot: AgendaSnapshot) -> [String] {
        switch calendar.owner {
        case .helper(let key): return [key]
        case .place(let key): return Array(Set(snapshot.ranges.filter { $0.place == key }.map(\.helper))).sorted()
        }
    }

    // MARK: - The calendar outbox

    /// Writes the events booked while the server was away, and deletes cancelled ones. A queued
    /// booking whose time the calendar now holds for something else is written all the same,
    /// marked as a conflict: the person has a ticket, so both keep their appointment and the
    /// helper sees both; the place is told by the status line and the journal.
    private func push(_ calendar: CalendarRef, store: AppDatabase, report: inout CalendarSyncReport) throws {
        for var copy in try store.remoteCopies(calendar: calendar.name) {
            if let stale = copy.staleHref {
                // The old event of a move to this calendar: deleted first (one UID per calendar).
                var old = copy
                old.href = stale
                old.etag = copy.staleEtag
                guard try pushDelete(old, calendar: calendar, store: store, record: false) else { continue }
                copy.staleHref = nil
                copy.staleEtag = nil
                try store.setRemote(copy)
                report.deleted += 1
            }
            switch copy.state {
            case .pendingPut:
                guard copy.status == .unknown else {
                    var closed = copy
                    closed.state = .gone
                    try store.setRemote(closed)
                    continue
                }
                // With an ETag, the event is there already: a queued update (a move) goes with If-Match.
                if copy.etag != nil {
                    if try pushUpdate(copy, calendar: calendar, store: store) { report.written += 1 }
                } else {
                    try pushPut(copy, calendar: calendar, store: store)
                    report.written += 1
                }
            case .pendingDelete:
                if try pushDelete(copy, calendar: calendar, store: store) { report.deleted += 1 }
            case .written where copy.anonymised:
                // The retention purge erased the name here: erase it there too, then forget the event.
                var erased = copy
                if try pushUpdate(copy, calendar: calendar, store: store) {
                    erased.state = .gone
                    erased.etag = nil
                    try store.setRemote(erased)
                    report.erased += 1
                }
            case .written, .gone:
                continue
            }
        }
    }

    private func pushPut(_ copy: RemoteCopy, calendar: CalendarRef, store: AppDatabase) throws {
        guard var event = try store.calendarEvent(of: copy.appointment) else { return }
        var written = copy
        let others = try busyTimes(
            of: copy.helper, in: calendar, from: copy.startsAt, to: copy.endsAt,
            except: [copy.appointment.uuidString.lowercased()])
        written.conflict = !others.isEmpty
        var url = CalDAVNames.url(copy.href, in: calendar.url)
        if written.conflict { event.summary = "CONFLIT – " + event.summary }
        var outcome = try client.put(
            Self.document(event, helper: copy.helper, stamp: store.now), at: url, ifMatch: nil)
        if outcome == .preconditionFailed {
            // Another kiosk holds this helper's start: ours goes beside it, marked.
            written.conflict = true
            event.summary = event.summary.hasPrefix("CONFLIT") ? event.summary : "CONFLIT – " + event.summary
            url = calendar.url.appendingPathComponent(
                CalDAVNames.resource(helper: copy.helper, start: copy.startsAt).replacingOccurrences(
                    of: ".ics", with: "-\(copy.appointment.uuidString.prefix(8).lowercased()).ics"))
            outcome = try client.put(Self.document(event, helper: copy.helper, stamp: store.now), at: url, ifMatch: nil)
        }
        guard case .done(let etag) = outcome else { return }
        written.href = url.path
        written.etag = etag
        written.state = .written
        try store.setRemote(written)
        if written.conflict {
            try store.appendJournal(
                .note("calendar conflict: appointment \(copy.appointment.uuidString) written over another event"))
        }
    }

    // MARK: - What the helper changed

    private func reconcile(
        _ copies: [RemoteCopy], with resources: [(resource: DAVResource, events: [RemoteEvent])],
        window: (from: Date, to: Date), store: AppDatabase, report: inout CalendarSyncReport
    ) throws {
        var byUID: [String: (resource: DAVResource, event: RemoteEvent)] = [:]
        for (resource, events) in resources {
            for event in events { byUID[event.uid.lowercased()] = (resource, event) }
        }
        for copy in copies where copy.state == .written && copy.status == .unknown {
            // Only what the window read can be judged; an appointment already begun is left alone.
            guard copy.startsAt >= window.from, copy.startsAt < window.to else { continue }
            guard let found = byUID[copy.appointment.uuidString.lowercased()], !found.event.cancelled else {
                try store.cancelByHelper(copy.appointment)
                report.cancelledByHelper += 1
                continue
            }
            if abs(found.event.start.timeIntervalSince(copy.startsAt)) >= 60
                || abs(found.event.end.timeIntervalSince(copy.endsAt)) >= 60
            {
                switch Self.moveByHelper(copy, to: found.event, etag: found.resource.etag, store: store) {
                case .success: report.movedByHelper += 1
                case .failure(.slotTaken):
                    var flagged = copy
                    flagged.conflict = true
                    try store.setRemote(flagged)
                case .failure(let problem): throw problem
                }
            } else if found.resource.etag != copy.etag {
                var updated = copy
                updated.etag = found.resource.etag
                try store.setRemote(updated)
            }
        }
    }

    /// Outside the loop: Swift 6.3.1 crashes on a typed-throws catch that rethrows inside a loop.
    private static func moveByHelper(_ copy: RemoteCopy, to event: RemoteEvent, etag: String?, store: AppDatabase)
        -> Result<Void, StoreProblem>
    {
        do {
            try store.moveByHelper(copy.appointment, start: event.start, end: event.end, etag: etag)
            return .success(())
        } catch {
            return .failure(error)
        }
    }
}
