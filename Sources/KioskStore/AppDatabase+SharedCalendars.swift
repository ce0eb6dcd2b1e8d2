// Passerelle — KioskStore. Licensed under the EUPL-1.2.
import Foundation
import GRDB
import KioskCore

/// Where an appointment's event stands on the helper's CalDAV server (`appointment_remote`).
public enum RemoteState: String, Sendable {
    /// To write: booked or moved while the server could not be reached.
    case pendingPut = "pending_put"
    /// On the server, with the ETag kept.
    case written
    /// Cancelled here; the event is to delete there.
    case pendingDelete = "pending_delete"
    /// Nothing left to do (deleted there, or cancelled by the helper).
    case gone
}

/// The kiosk's record of one appointment's event on a shared calendar.
public struct RemoteCopy: Equatable, Sendable {
    public var appointment: UUID
    public var helper: String
    public var calendar: String
    /// The event's path on the server (deterministic: `CalDAVNames.resource`).
    public var href: String
    public var etag: String?
    public var state: RemoteState
    /// The previous event of an appointment moved at the kiosk, still to delete.
    public var staleHref: String?
    public var staleEtag: String?
    /// Written while another event held the time (see docs/caldav.md, "Conflicts").
    public var conflict: Bool
    public var startsAt: Date
    public var endsAt: Date
    public var status: AppointmentStatus
    /// The retention purge erased the person's name and phone: the event is to rewrite without them.
    public var anonymised = false

    public init(
        appointment: UUID, helper: String, calendar: String, href: String, etag: String?, state: RemoteState,
        staleHref: String? = nil, staleEtag: String? = nil, conflict: Bool = false, startsAt: Date, endsAt: Date,
        status: AppointmentStatus = .unknown
    ) {
        self.appointment = appointment
        self.helper = helper
        self.calendar = calendar
        self.href = href
        self.etag = etag
        self.state = state
        self.staleHref = staleHref
        self.staleEtag = staleEtag
        self.conflict = conflict
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.status = status
    }
}

/// What the last sync of one calendar did, for `agenda sync` and the admin status page.
public struct CalendarSyncStatus: Equatable, Sendable {
    public var calendar: String
    public var url: String
    public var lastAttemptAt: Date?
    public var lastSuccessAt: Date?
    public var lastError: String?
    public var eventsRead: Int
    public var conflicts: Int
    /// Appointments whose event still waits to be written or deleted.
    public var queued: Int
}

// MARK: - Busy times and sync status

extension AppDatabase {
    /// Replaces what one calendar says is busy (a sync read the whole window).
    public func replaceCalendarBusy(calendar: String, with busy: [BusyInterval]) throws(StoreProblem) {
        try write { db in
            try db.execute(sql: "DELETE FROM calendar_busy WHERE calendar = ?", arguments: [calendar])
            try Self.insertBusy(busy, calendar: calendar, in: db)
        }
    }

    /// Adds busy times found by the re-read just before a booking (a partial read: nothing removed).
    public func addCalendarBusy(calendar: String, _ busy: [BusyInterval]) throws(StoreProblem) {
        try write { db in try Self.insertBusy(busy, calendar: calendar, in: db) }
    }

    private static func insertBusy(_ busy: [BusyInterval], calendar: String, in db: Database) throws {
        let helpers = Dictionary(
            try Row.fetchAll(db, sql: "SELECT key, id FROM helper").map { ($0["key"] as String, $0["id"] as Int64) },
            uniquingKeysWith: { a, _ in a })
        let statement = try db.makeStatement(
            sql: "INSERT INTO calendar_busy (calendar, helperId, startsAt, endsAt) VALUES (?, ?, ?, ?)")
        for interval in busy where interval.end > interval.start {
            guard let id = helpers[interval.helper] else { continue }
            try statement.execute(
                arguments: [calendar, id, interval.start.timeIntervalSince1970, interval.end.timeIntervalSince1970])
        }
    }

    /// Records one sync attempt of a calendar: a success sets `lastSuccessAt`.
    public func recordCalendarSync(
        calendar: String, url: String, error: String?, eventsRead: Int, conflicts: Int
    ) throws(StoreProblem) {
        let now = clock.now()
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO calendar_sync
                        (calendar, url, lastAttemptAt, lastSuccessAt, lastError, eventsRead, conflicts)
                    VALUES (?1, ?2, ?3, CASE WHEN ?4 IS NULL THEN ?3 END, ?4, ?5, ?6)
                    ON CONFLICT(calendar) DO UPDATE SET url = ?2, lastAttemptAt = ?3,
                      lastSuccessAt = CASE WHEN ?4 IS NULL THEN ?3 ELSE lastSuccessAt END, lastError = ?4,
                      eventsRead = CASE WHEN ?4 IS NULL THEN ?5 ELSE eventsRead END, conflicts = ?6
                    """,
                arguments: [calendar, url, now, error.map { String($0.prefix(300)) }, eventsRead, conflicts])
        }
    }

    /// Every calendar's last sync, by calendar name.
    public func calendarSyncStatuses() throws(StoreProblem) -> [CalendarSyncStatus] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT s.*, (SELECT count(*) FROM appointment_remote r
                                 WHERE r.calendar = s.calendar
                                   AND r.state IN ('pending_put', 'pending_delete')) AS queued
                    FROM calendar_sync s ORDER BY s.calendar
                    """
            ).map { row in
                CalendarSyncStatus(
                    calendar: row["calendar"], url: row["url"], lastAttemptAt: row["lastAttemptAt"],
                    lastSuccessAt: row["lastSuccessAt"], lastError: row["lastError"], eventsRead: row["eventsRead"],
                    conflicts: row["conflicts"], queued: row["queued"])
            }
        }
    }
}

// MARK: - Appointments on shared calendars

extension AppDatabase {
    /// Books `slot` like `book(_:for:visitID:thematique:)`, under a uuid chosen before (it is
    /// the event's UID on the server), and records where its event is, in the same transaction.
    public func book(
        _ slot: Slot, for person: PersonContact, visitID: VisitID? = nil, thematique: String? = nil, uuid: UUID,
        remote: RemoteCopy
    ) throws(StoreProblem) -> Appointment {
        let now = clock.now()
        let options = options
        let phone = try Self.normalisedPhone(person.phone)
        return try write { db in
            let ids = try Self.ids(of: slot, in: db)
            try Self.requireOffered(slot, now: now, excluding: nil, in: db)
            let request = BookingRequest(
                serviceID: ids.service, helperID: ids.helper, placeID: ids.place, visitID: visitID,
                startsAt: slot.start, thematique: thematique, personName: person.name, personPhone: phone,
                remindBySMS: person.remindBySMS)
            let appointment = try Self.insertAppointment(request, uuid: uuid, now: now, options: options, in: db)
            try Self.upsertRemote(remote, in: db)
            return appointment
        }
    }

    /// Records (or replaces) where an appointment's event is.
    public func setRemote(_ remote: RemoteCopy) throws(StoreProblem) {
        try write { db in try Self.upsertRemote(remote, in: db) }
    }

    private static func upsertRemote(_ remote: RemoteCopy, in db: Database) throws {
        guard
            let id = try Int64.fetchOne(
                db, sql: "SELECT id FROM appointment WHERE uuid = ?", arguments: [remote.appointment.uuidString])
        else { throw StoreProblem.notFound(what: "appointment \(remote.appointment)") }
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO appointment_remote
                  (appointmentId, calendar, href, etag, state, staleHref, staleEtag, conflict)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                id, remote.calendar, remote.href, remote.etag, remote.state.rawValue, remote.staleHref,
                remote.staleEtag, remote.conflict,
            ])
    }

    /// The appointment's event record, or nil when it has none (booked with no calendar).
    public func remoteCopy(of uuid: UUID) throws(StoreProblem) -> RemoteCopy? {
        try read { db in try Self.fetchRemote(where: "a.uuid = ?", [uuid.uuidString], in: db).first }
    }

    /// Every event record of one calendar (all states), soonest first.
    public func remoteCopies(calendar: String) throws(StoreProblem) -> [RemoteCopy] {
        try read { db in try Self.fetchRemote(where: "r.calendar = ?", [calendar], in: db) }
    }

    private static func fetchRemote(where condition: String, _ arguments: StatementArguments, in db: Database) throws
        -> [RemoteCopy]
    {
        try Row.fetchAll(
            db,
            sql: """
                SELECT r.*, a.uuid, a.startsAt, a.endsAt, a.status, a.anonymisedAt, h.key AS helperKey
                FROM appointment_remote r JOIN appointment a ON a.id = r.appointmentId
                JOIN helper h ON h.id = a.helperId
                WHERE \(condition) ORDER BY a.startsAt
                """, arguments: arguments
        ).compactMap { row in
            guard let uuid = UUID(uuidString: row["uuid"]), let state = RemoteState(rawValue: row["state"]) else {
                return nil
            }
            var copy = RemoteCopy(
                appointment: uuid, helper: row["helperKey"], calendar: row["calendar"], href: row["href"],
                etag: row["etag"], state: state, staleHref: row["staleHref"], staleEtag: row["staleEtag"],
                conflict: row["conflict"], startsAt: row["startsAt"], endsAt: row["endsAt"],
                status: AppointmentStatus(rawValue: row["status"]) ?? .unknown)
            copy.anonymised = (row["anonymisedAt"] as Date?) != nil
            return copy
        }
    }
}

// MARK: - Appointments booked without the calendar

extension AppDatabase {
    /// Queues in the calendar outbox every future appointment of `helpers` that has no event
    /// record yet: booked by a kiosk that could not or may not reach the server (a sandbox
    /// without network, CalDAV configured later). `href` names each event. Returns how many.
    @discardableResult
    public func adoptAppointments(
        calendar: String, helpers: [String], href: (_ helper: String, _ start: Date) -> String
    ) throws(StoreProblem) -> Int {
        let now = clock.now()
        return try write { db in
            var adopted = 0
            for helper in helpers {
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT a.id, a.startsAt FROM appointment a JOIN helper h ON h.id = a.helperId
                        WHERE h.key = ? AND a.status = 'unknown' AND a.startsAt > ?
                          AND NOT EXISTS (SELECT 1 FROM appointment_remote r WHERE r.appointmentId = a.id)
                        """, arguments: [helper, now])
                for row in rows {
                    try db.execute(
                        sql: """
                            INSERT INTO appointment_remote (appointmentId, calendar, href, state)
                            VALUES (?, ?, ?, 'pending_put')
                            """, arguments: [row["id"] as Int64, calendar, href(helper, row["startsAt"])])
                    adopted += 1
                }
            }
            return adopted
        }
    }
}
