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
    /// A move to another helper (or calendar) writes the event there first, then deletes the old one.
    @discardableResult
    public func move(_ uuid: UUID, to slot: Slot, in store: AppDatabase) throws(StoreProblem) -> Appointment {
        guard let remote = try store.remoteCopy(of: uuid), remote.state != .gone,
            let calendar = calendar(named: remote.calendar)
        else {
            // No event yet: the next sync queues it where the new helper's calendar is.
            return try store.moveAppointment(uuid, to: slot)
        }
        let target = configuration.calendar(helper: slot.helper, place: slot.place)
        guard remote.helper == slot.helper, target == calendar else {
            return try moveAcross(remote, from: calendar, to: slot, target: target, store: store)
        }
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

    private func moveAcross(
        _ remote: RemoteCopy, from old: CalendarRef, to slot: Slot, target: CalendarRef?, store: AppDatabase
    ) throws(StoreProblem) -> Appointment {
        var moved = remote
        if let target {
            let url = target.url.appendingPathComponent(CalDAVNames.resource(helper: slot.helper, start: slot.start))
            moved = RemoteCopy(
                appointment: remote.appointment, helper: slot.helper, calendar: target.name, href: url.path,
                etag: nil, state: .pendingPut, startsAt: slot.start, endsAt: slot.end)
            let written = try writeMoved(remote.appointment, to: slot, at: url, in: target, store: store)
            moved.etag = written.etag
            if written.done { moved.state = .written }
        }
        let appointment: Appointment
        do {
            appointment = try store.moveAppointment(remote.appointment, to: slot)
        } catch {
            if moved.state == .written {
                _ = try? client.delete(CalDAVNames.url(moved.href, in: target!.url), ifMatch: moved.etag)
            }
            throw error
        }
        if remote.state == .written {
            let done = try? pushDelete(remote, calendar: old, store: store, record: false)
            if done != true {
                moved.staleHref = remote.href
                moved.staleEtag = remote.etag
            }
        }
        if target == nil {
            // The new helper has no calendar: only the old event is left to delete.
            moved.state = moved.staleHref == nil ? .gone : .pendingDelete
            if let stale = moved.staleHref { moved.href = stale; moved.etag = moved.staleEtag }
            moved.staleHref = nil
            moved.staleEtag = nil
        }
        try store.setRemote(moved)
        return appointment
    }

    /// Writes the moved appointment's event in its new calendar (`If-None-Match: *` after a
    /// re-read): done with its ETag, or not done when the server could not take it (queued).
    /// `.slotTaken` when the new helper is busy then.
    private func writeMoved(_ uuid: UUID, to slot: Slot, at url: URL, in target: CalendarRef, store: AppDatabase)
        throws(StoreProblem) -> (done: Bool, etag: String?)
    {
        guard let existing = try store.appointment(uuid) else {
            throw StoreProblem.notFound(what: "appointment \(uuid)")
        }
        let person = PersonContact(name: existing.personName, phone: existing.personPhone)
        do {
            let busy = try busyTimes(
                of: slot.helper, in: target, from: slot.start, to: slot.end, except: [uuid.uuidString.lowercased()])
            if !busy.isEmpty {
                try store.addCalendarBusy(calendar: target.name, busy)
                throw StoreProblem.slotTaken
            }
            let event = try store.calendarEvent(booking: slot, uuid: uuid, person: person)
            switch try client.put(Self.document(event, helper: slot.helper, stamp: store.now), at: url, ifMatch: nil) {
            case .done(let etag): return (true, etag)
            case .preconditionFailed, .notFound: throw StoreProblem.slotTaken
            }
        } catch let problem as StoreProblem {
            throw problem
        } catch {
            return (false, nil)  // unreachable, or refused (a calendar's UID already there): queued
        }
    }
}
