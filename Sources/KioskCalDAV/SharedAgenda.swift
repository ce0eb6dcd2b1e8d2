// Passerelle — KioskCalDAV. Licensed under the EUPL-1.2.
import Foundation
import KioskCore
import KioskStore

/// The agenda shared through the helpers' CalDAV calendars (docs/caldav.md). Each call blocks
/// on the network (at most a few timeouts): call it from the effect queue or a tool, never on
/// the tap-to-frame path. The free slots are always computed from the local copy.
public struct SharedAgenda: Sendable {
    public var configuration: CalDAVConfiguration
    let client: CalDAVClient

    public init(_ configuration: CalDAVConfiguration) {
        self.configuration = configuration
        client = CalDAVClient(
            http: HTTPClient(
                timeout: configuration.timeout, caFile: configuration.caFile, credentials: configuration.credentials))
    }

    /// How a booking went out.
    public enum Delivery: Equatable, Sendable {
        /// No calendar for that helper or place: booked locally, as before issue 17.
        case local
        /// The event is in the helper's calendar.
        case written
        /// The server could not be reached: booked locally, the event waits in the calendar outbox.
        case queued(reason: String)
    }

    // MARK: - Booking

    /// Books `slot` with the helper's calendar as the shared truth: re-reads the helper's busy
    /// times for the slot, writes the event under the name every kiosk would give it with
    /// `If-None-Match: *` (only the first kiosk wins), then books locally. `.slotTaken` when the
    /// calendar is busy then or another kiosk was first: show the next times. With the server
    /// away, books locally and queues the event.
    public func book(
        _ slot: Slot, for person: PersonContact, visitID: VisitID? = nil, thematique: String? = nil,
        in store: AppDatabase
    ) throws(StoreProblem) -> (appointment: Appointment, delivery: Delivery) {
        guard let calendar = configuration.calendar(helper: slot.helper, place: slot.place) else {
            return (try store.book(slot, for: person, visitID: visitID, thematique: thematique), .local)
        }
        try requireFreeLocally(slot, in: store)
        let uuid = UUID()
        let href = CalDAVNames.resource(helper: slot.helper, start: slot.start)
        let url = calendar.url.appendingPathComponent(href)
        var remote = RemoteCopy(
            appointment: uuid, helper: slot.helper, calendar: calendar.name, href: url.path, etag: nil,
            state: .pendingPut, startsAt: slot.start, endsAt: slot.end)
        do {
            let busy = try busyTimes(of: slot.helper, in: calendar, from: slot.start, to: slot.end, except: [])
            if !busy.isEmpty {
                try store.addCalendarBusy(calendar: calendar.name, busy)
                throw StoreProblem.slotTaken
            }
            let event = try store.calendarEvent(booking: slot, uuid: uuid, person: person)
            switch try client.put(Self.document(event, helper: slot.helper, stamp: store.now), at: url, ifMatch: nil) {
            case .done(let etag):
                remote.etag = etag
                remote.state = .written
            case .preconditionFailed, .notFound:
                // Another kiosk wrote this helper's event for this start first.
                try store.addCalendarBusy(
                    calendar: calendar.name, [BusyInterval(helper: slot.helper, start: slot.start, end: slot.end)])
                throw StoreProblem.slotTaken
            }
            try withdrawIfOverlapped(remote, url: url, calendar: calendar, store: store)
        } catch let error as CalDAVError where remote.state == .pendingPut {
            let appointment = try store.book(
                slot, for: person, visitID: visitID, thematique: thematique, uuid: uuid, remote: remote)
            return (appointment, .queued(reason: error.description))
        } catch is CalDAVError {
            // Written, then the check after it could not read: keep it; the next sync checks.
        } catch let problem as StoreProblem {
            throw problem
        } catch {
            throw StoreProblem.rejected(rule: "\(error)")
        }
        do {
            let appointment = try store.book(
                slot, for: person, visitID: visitID, thematique: thematique, uuid: uuid, remote: remote)
            return (appointment, .written)
        } catch {
            // Taken here meanwhile (two people at one kiosk): take the event back.
            _ = try? client.delete(url, ifMatch: remote.etag)
            throw error
        }
    }

    /// Two kiosks that write overlapping events with different starts (services of different
    /// lengths) both pass `If-None-Match`. After writing, a kiosk that sees another event over
    /// its time withdraws its own: never two people at once, at worst both are asked to choose
    /// again.
    private func withdrawIfOverlapped(_ remote: RemoteCopy, url: URL, calendar: CalendarRef, store: AppDatabase)
        throws
    {
        let others = try busyTimes(
            of: remote.helper, in: calendar, from: remote.startsAt, to: remote.endsAt,
            except: [remote.appointment.uuidString.lowercased()])
        guard !others.isEmpty else { return }
        _ = try? client.delete(url, ifMatch: remote.etag)
        try store.addCalendarBusy(calendar: calendar.name, others)
        throw StoreProblem.slotTaken
    }

    private func requireFreeLocally(_ slot: Slot, in store: AppDatabase) throws(StoreProblem) {
        let snapshot = try store.agendaSnapshot(
            from: slot.start.addingTimeInterval(-86_400), to: slot.end.addingTimeInterval(86_400))
        guard SlotFinder.isFree(slot, in: snapshot, now: store.now) else { throw StoreProblem.slotTaken }
    }

    // MARK: - Cancelling

    /// Cancels at the kiosk and deletes the event (`If-Match`); with the server away, the delete
    /// waits in the calendar outbox for the next sync.
    public func cancel(_ uuid: UUID, byPerson: Bool, in store: AppDatabase) throws(StoreProblem) {
        try store.cancelAppointment(uuid, byPerson: byPerson)
        guard var remote = try store.remoteCopy(of: uuid), remote.state != .gone else { return }
        // Never written: nothing to delete there.
        remote.state = remote.state == .pendingPut ? .gone : .pendingDelete
        try store.setRemote(remote)
        if remote.state == .pendingDelete, let calendar = calendar(named: remote.calendar) {
            _ = try? pushDelete(remote, calendar: calendar, store: store)
        }
    }

    func calendar(named name: String) -> CalendarRef? { configuration.calendars.first { $0.name == name } }

    /// Deletes a cancelled appointment's event; true when done (or already gone).
    func pushDelete(_ remote: RemoteCopy, calendar: CalendarRef, store: AppDatabase, record: Bool = true) throws
        -> Bool
    {
        let url = CalDAVNames.url(remote.href, in: calendar.url)
        var outcome = try client.delete(url, ifMatch: remote.etag)
        if outcome == .preconditionFailed {
            // Changed there since (the helper edited it): the cancellation still stands.
            if case .some(let etag) = try client.etag(of: url) {
                outcome = try client.delete(url, ifMatch: etag)
            } else {
                outcome = .notFound
            }
        }
        guard outcome != .preconditionFailed else { return false }
        guard record else { return true }
        var done = remote
        done.state = .gone
        try store.setRemote(done)
        return true
    }

    // MARK: - Reading

    /// The busy times of one helper in a calendar over [from, to), without the events whose
    /// UID is in `except` (the kiosk's own appointments).
    func busyTimes(of helper: String, in calendar: CalendarRef, from: Date, to: Date, except: Set<String>)
        throws(CalDAVError) -> [BusyInterval]
    {
        let events = try read(calendar, from: from, to: to).events
        return events.filter { event in
            event.isBusy && !except.contains(event.uid.lowercased()) && applies(event, to: helper, in: calendar)
                && event.start < to && event.end > from
        }.map { BusyInterval(helper: helper, start: $0.start, end: $0.end) }
    }

    /// Whether an event of `calendar` blocks `helper`: every event of a helper's own calendar
    /// does; in a place's calendar, an appointment event (X-PASSERELLE-HELPER) blocks its helper
    /// only, any other event every helper of the place.
    func applies(_ event: RemoteEvent, to helper: String, in calendar: CalendarRef) -> Bool {
        switch calendar.owner {
        case .helper: return true
        case .place: return event.helper == nil || event.helper == helper
        }
    }

    /// Every event over [from, to), with the resource it came from (href, ETag), expanded.
    func read(_ calendar: CalendarRef, from: Date, to: Date) throws(CalDAVError) -> (
        events: [RemoteEvent], resources: [(resource: DAVResource, events: [RemoteEvent])], notUnderstood: [String]
    ) {
        var resources = try client.events(in: calendar.url, from: from, to: to, expand: false)
        var parsed = resources.map { ICalendarReader.events(in: $0.calendarData ?? "") }
        // Expanding here is fast (Radicale's <C:expand> costs 20 times the plain read); a rule
        // `Recurrence` does not cover, or a zone that is no Olson name, is left to the server.
        if parsed.contains(where: { events in
            events.contains { $0.zoneUnknown }
                || !Recurrence.expand(events, from: from, to: to).notUnderstood.isEmpty
        }) {
            resources = try client.events(in: calendar.url, from: from, to: to, expand: true)
            parsed = resources.map { ICalendarReader.events(in: $0.calendarData ?? "") }
        }
        var all: [RemoteEvent] = []
        var byResource: [(resource: DAVResource, events: [RemoteEvent])] = []
        var notUnderstood: [String] = []
        for (resource, events) in zip(resources, parsed) {
            let expanded = Recurrence.expand(events, from: from, to: to)
            notUnderstood += expanded.notUnderstood
            all += expanded.events
            byResource.append((resource, expanded.events))
        }
        return (all, byResource, notUnderstood)
    }

    /// One event as a calendar object resource (RFC 4791 §4.1: no METHOD), naming its helper.
    static func document(_ event: CalendarEvent, helper: String, stamp: Date) -> String {
        let text = ICalendar.document(name: "Passerelle", events: [event], stamp: stamp)
        return
            text
            .replacingOccurrences(of: "METHOD:PUBLISH\r\n", with: "")
            .replacingOccurrences(of: "X-WR-CALNAME:Passerelle\r\n", with: "")
            .replacingOccurrences(of: "END:VEVENT\r\n", with: "X-PASSERELLE-HELPER:\(helper)\r\nEND:VEVENT\r\n")
    }
}
