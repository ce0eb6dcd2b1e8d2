// Passerelle — KioskStore. Licensed under the EUPL-1.2.
import Foundation
import GRDB
import KioskCore

/// Gives the diagnostic summary to put in a helper's calendar for an appointment, or nil.
/// The diagnostic engine provides it; it must return nil unless the person consented.
public typealias DiagnosticSummaryProvider = @Sendable (UUID) -> String?

// MARK: - Helpers' calendars (ICS)

extension AppDatabase {
    /// Where the per-helper calendar files live: `DATA_DIR/calendars/<helper key>.ics`.
    public var calendarsDirectory: URL { dataDir.appendingPathComponent(DataDirectory.calendars, isDirectory: true) }

    /// The appointments that hold a slot and end after `since` (default: 30 days ago), as
    /// calendar events, for one helper (by key) or all.
    public func calendarEvents(
        helper: String? = nil, since: Date? = nil,
        summaries: DiagnosticSummaryProvider? = nil
    ) throws(StoreProblem) -> [CalendarEvent] {
        let since = since ?? clock.now().addingTimeInterval(-30 * 86_400)
        return try read { db in
            let uuids = try String.fetchAll(
                db,
                sql: """
                    SELECT a.uuid FROM appointment a JOIN helper h ON h.id = a.helperId
                    WHERE a.status IN ('unknown', 'seen', 'noshow') AND a.endsAt > ? AND (? IS NULL OR h.key = ?)
                    ORDER BY a.startsAt
                    """, arguments: [since, helper, helper])
            return try uuids.compactMap { text -> CalendarEvent? in
                guard let uuid = UUID(uuidString: text), let booked = try Self.fetchBooked(uuid, in: db) else {
                    return nil
                }
                // Without a provider, the diagnostic the person agreed to share (if any).
                let summary = try summaries.map { $0(uuid) } ?? Self.diagnosticSummary(appointment: uuid, in: db)
                return Self.event(booked, summary: summary)
            }
        }
    }

    static func event(_ booked: BookedAppointment, summary: String?) -> CalendarEvent {
        let appointment = booked.appointment
        let firstName = appointment.personName?.split(separator: " ").first.map(String.init)
        var description = "\(booked.service.name.fr) avec \(booked.helper.firstName)."
        switch booked.service.location {
        case .onSite: description += "\nSur place."
        case .phone: description += "\nPar téléphone" + (appointment.personPhone.map { " : appeler le \($0)." } ?? ".")
        case .video: description += "\nEn visio."
        }
        if let bring = booked.service.whatToBring?.fr { description += "\nÀ apporter : \(bring)" }
        description += "\nRéservé à la borne Passerelle."
        return CalendarEvent(
            uid: appointment.uuid, start: appointment.startsAt, end: appointment.endsAt,
            summary: booked.service.name.fr + (firstName.map { " – \($0)" } ?? ""),
            location: booked.place.map { "\($0.name), \($0.address)" }, description: description,
            diagnosticSummary: summary)
    }

    /// The ICS text of one helper's calendar (or of all appointments).
    public func calendarICS(helper: String? = nil, summaries: DiagnosticSummaryProvider? = nil) throws(StoreProblem)
        -> String
    {
        let events = try calendarEvents(helper: helper, summaries: summaries)
        let name = try helper.map { key throws(StoreProblem) in
            try read { db in
                try String.fetchOne(db, sql: "SELECT displayName FROM helper WHERE key = ?", arguments: [key])
            } ?? key
        }
        return ICalendar.document(
            name: "Passerelle – \(name ?? "tous les rendez-vous")", events: events, stamp: clock.now())
    }

    /// Rewrites `calendars/<helper>.ics` atomically (temporary file, fsync, rename, fsync of
    /// the directory): a calendar client never reads a half-written file. Call after every
    /// booking change of that helper. Returns the file.
    @discardableResult
    public func rewriteCalendar(helper: String, summaries: DiagnosticSummaryProvider? = nil) throws(StoreProblem) -> URL
    {
        let text = try calendarICS(helper: helper, summaries: summaries)
        let file = calendarsDirectory.appendingPathComponent("\(helper).ics")
        try Self.writeAtomically(Data(text.utf8), to: file)
        return file
    }

    /// Rewrites the calendar of every helper (after an agenda import).
    @discardableResult
    public func rewriteHelperCalendars(summaries: DiagnosticSummaryProvider? = nil) throws(StoreProblem) -> [URL] {
        let keys = try read { db in try String.fetchAll(db, sql: "SELECT key FROM helper ORDER BY key") }
        var files: [URL] = []
        for key in keys { files.append(try rewriteCalendar(helper: key, summaries: summaries)) }
        return files
    }

    /// The helpers whose calendars an appointment appears in (to rewrite after a change).
    public func helperKey(of appointment: UUID) throws(StoreProblem) -> String? {
        try read { db in
            try String.fetchOne(
                db, sql: "SELECT h.key FROM appointment a JOIN helper h ON h.id = a.helperId WHERE a.uuid = ?",
                arguments: [appointment.uuidString])
        }
    }

    static func writeAtomically(_ data: Data, to file: URL) throws(StoreProblem) {
        let directory = file.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(
            ".\(file.lastPathComponent).\(getpid()).\(UUID().uuidString.prefix(8)).tmp")
        do {
            try DataDirectory.createPrivate(directory)
            // 0600 from the start: a calendar names people (and their phone for phone services).
            guard
                FileManager.default.createFile(
                    atPath: temporary.path, contents: data, attributes: [.posixPermissions: 0o600])
            else {
                throw StoreProblem.unusableFile(path: temporary.path, detail: "cannot create")
            }
            let handle = try FileHandle(forWritingTo: temporary)
            try handle.synchronize()
            try handle.close()
            guard rename(temporary.path, file.path) == 0 else {
                throw StoreProblem.unusableFile(path: file.path, detail: String(cString: strerror(errno)))
            }
            let fd = Glibc.open(directory.path, O_RDONLY)
            if fd >= 0 { fsync(fd); Glibc.close(fd) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw StoreProblem(error, path: file.path)
        }
    }
}

// MARK: - One event, for a shared CalDAV calendar (issue 17)

extension AppDatabase {
    /// The event of an appointment about to be booked under `uuid`: what the helper's calendar
    /// shows, by the same rules as the .ics files (first name; phone only for phone services).
    public func calendarEvent(booking slot: Slot, uuid: UUID, person: PersonContact) throws(StoreProblem)
        -> CalendarEvent
    {
        let now = clock.now()
        let phone = try Self.normalisedPhone(person.phone)
        return try read { db in
            let ids = try Self.ids(of: slot, in: db)
            let rows = try Self.snapshotRows(serviceID: ids.service, helperID: ids.helper, placeID: ids.place, in: db)
            guard let service = rows.service, let helper = rows.helper else {
                throw StoreProblem.notFound(what: "service or helper of the slot")
            }
            let appointment = Appointment(
                uuid: uuid, serviceID: ids.service, helperID: ids.helper, placeID: ids.place, startsAt: slot.start,
                endsAt: slot.end, bookedAt: now, status: .unknown, thematique: nil, personName: person.name,
                personPhone: phone, anonymisedAt: nil)
            let booked = BookedAppointment(
                appointment: appointment, service: service, helper: helper, place: rows.place)
            return Self.event(booked, summary: nil)
        }
    }

    /// The event of a booked appointment, with the diagnostic summary the person agreed to share.
    public func calendarEvent(of uuid: UUID) throws(StoreProblem) -> CalendarEvent? {
        try read { db in
            guard let booked = try Self.fetchBooked(uuid, in: db) else { return nil }
            return Self.event(booked, summary: try Self.diagnosticSummary(appointment: uuid, in: db))
        }
    }
}
