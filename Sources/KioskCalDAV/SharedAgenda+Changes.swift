// Passerelle — KioskCalDAV. Licensed under the EUPL-1.2.
import Foundation
import KioskCore
import KioskStore

// MARK: - Moves and updates made at the kiosk

extension SharedAgenda {
    /// Moves an appointment at the kiosk: re-reads the helper's busy times for the new slot,
    /// moves it locally, then rewrites its event in place with `If-Match` (the event keeps its
    /// name and UID: a calendar holds one event per UID). With the server away, the update
    /// waits in the calendar outbox.
    @discardableResult
    public func move(_ uuid: UUID, to slot: Slot, in store: AppDatabase) throws(StoreProblem) -> Appointment {
        guard let remote = try store.remoteCopy(of: uuid), remote.state != .gone,
            let calendar = calendar(named: remote.calendar)
        else { return try store.moveAppointment(uuid, to: slot) }
        do {
            let busy = try busyTimes(
                of: slot.helper, in: calendar, from: slot.start, to: slot.end, except: [uuid.uuidString.lowercased()])
            if !busy.isEmpty {
                try store.addCalendarBusy(calendar: calendar.name, busy)
                throw StoreProblem.slotTaken
            }
        } catch let problem as StoreProblem {
            throw problem
        } catch {
            // Unreachable: the local move stands and the update is queued below.
        }
        let appointment = try store.moveAppointment(uuid, to: slot)
        try update(uuid, in: store)
        return appointment
    }

    /// Rewrites an appointment's event from the store (after a move, or once the person's
    /// consented diagnostic summary is attached), with `If-Match`. Queued when the server is
    /// away or the event was never written.
    public func update(_ uuid: UUID, in store: AppDatabase) throws(StoreProblem) {
        guard var remote = try store.remoteCopy(of: uuid), remote.state == .written || remote.state == .pendingPut,
            let calendar = calendar(named: remote.calendar)
        else { return }
        guard remote.state == .written, (try? pushUpdate(remote, calendar: calendar, store: store)) == true else {
            remote.state = .pendingPut
            try store.setRemote(remote)
            return
        }
    }

    /// PUT with `If-Match` over the event the kiosk wrote; true when done. A 412 (the helper
    /// edited the event meanwhile) is retried once with the new ETag: the kiosk's change stands.
    func pushUpdate(_ remote: RemoteCopy, calendar: CalendarRef, store: AppDatabase) throws -> Bool {
        guard let event = try store.calendarEvent(of: remote.appointment) else { return false }
        let url = CalDAVNames.url(remote.href, in: calendar.url)
        let text = Self.document(event, helper: remote.helper, stamp: store.now)
        var outcome = try client.put(text, at: url, ifMatch: remote.etag ?? "*")
        if outcome == .preconditionFailed, case .some(.some(let etag)) = try client.etag(of: url) {
            outcome = try client.put(text, at: url, ifMatch: etag)
        }
        if outcome == .notFound {
            // Deleted there meanwhile: the next sync reads that as the helper's cancellation.
            return true
        }
        guard case .done(let etag) = outcome else { return false }
        var written = remote
        written.etag = etag
        written.state = .written
        try store.setRemote(written)
        return true
    }
}
