// Passerelle — KioskStore. Licensed under the EUPL-1.2.
import Foundation
import GRDB

// MARK: - v5-shared-calendars (issue 17, docs/caldav.md)

extension AppDatabase {
    /// The local copy of the helpers' CalDAV calendars and the state of each appointment's
    /// event there. No personal data: busy times carry no title, and the copy of an
    /// appointment's event is its address and ETag only.
    @Sendable static func createSharedCalendars(_ db: Database) throws {
        try db.execute(
            sql: """
                -- Busy times read from the helpers' calendars at the last sync (never the event's
                -- title): the slot finder subtracts them like absences. Seconds since 1970, not
                -- date text: the booking screen's query reads a thousand of them, and decoding
                -- numbers costs nothing next to parsing dates.
                CREATE TABLE calendar_busy (
                  id INTEGER PRIMARY KEY,
                  calendar TEXT NOT NULL,
                  helperId INTEGER NOT NULL REFERENCES helper(id) ON DELETE CASCADE,
                  startsAt REAL NOT NULL,
                  endsAt REAL NOT NULL,
                  CHECK (endsAt > startsAt)
                );
                CREATE INDEX calendar_busy_helper ON calendar_busy(helperId, startsAt);
                CREATE INDEX calendar_busy_calendar ON calendar_busy(calendar);

                -- One row per configured calendar: what the last sync did (admin status, agenda sync).
                CREATE TABLE calendar_sync (
                  calendar TEXT PRIMARY KEY,
                  url TEXT NOT NULL,
                  lastAttemptAt DATETIME,
                  lastSuccessAt DATETIME,
                  lastError TEXT,
                  eventsRead INTEGER NOT NULL DEFAULT 0 CHECK (eventsRead >= 0),
                  conflicts INTEGER NOT NULL DEFAULT 0 CHECK (conflicts >= 0)
                );

                -- The calendar outbox: where each appointment's event is (or must go) on the
                -- server. pending_put: to write (booked or moved while the server was away);
                -- written: on the server with that ETag; pending_delete: cancelled here, to delete
                -- there; gone: nothing left to do. staleHref: the old event of a move, to delete.
                CREATE TABLE appointment_remote (
                  appointmentId INTEGER PRIMARY KEY REFERENCES appointment(id) ON DELETE CASCADE,
                  calendar TEXT NOT NULL,
                  href TEXT NOT NULL,
                  etag TEXT,
                  state TEXT NOT NULL CHECK (state IN ('pending_put', 'written', 'pending_delete', 'gone')),
                  staleHref TEXT,
                  staleEtag TEXT,
                  conflict INTEGER NOT NULL DEFAULT 0 CHECK (conflict IN (0, 1)),
                  lastError TEXT
                );
                CREATE INDEX appointment_remote_state ON appointment_remote(calendar, state);
                """)
    }
}
