// Passerelle — KioskStore. Licensed under the EUPL-1.2.
import GRDB

// MARK: - Migrations
//
// Contract: a migration that has been merged is never edited, renamed or removed. A change of
// schema is a new migration appended at the end. Invariants live here (NOT NULL, UNIQUE,
// CHECK, foreign keys, triggers), so a bug in Swift cannot store what the schema forbids.
// Dates are GRDB's UTC text ("yyyy-MM-dd HH:mm:ss.SSS"), which compares correctly as text.

extension AppDatabase {
    /// The names of every migration, in order (also what `passerellectl check` reports),
    /// read from the migrator: one list, where the migrations are registered.
    public static var migrationNames: [String] { migrator.migrations }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-visits-and-journal", migrate: createVisitsAndJournal)
        migrator.registerMigration("v1-booking", migrate: createBooking)
        migrator.registerMigration("v1-diagnostic-and-assistance", migrate: createDiagnosticAndAssistance)
        migrator.registerMigration("v1-outbox", migrate: createOutbox)
        migrator.registerMigration("v2-agenda", migrate: createAgendaKeys)
        migrator.registerMigration("v3-admin-pin-journal", migrate: addAdminPinJournalKinds)
        migrator.registerMigration("v4-places-of-help", migrate: createPlacesOfHelp)
        migrator.registerMigration("v5-remote-help-journal", migrate: addRemoteHelpJournalKinds)
        migrator.registerMigration("v5-shared-calendars", migrate: createSharedCalendars)
        return migrator
    }

    /// Message of the trigger that refuses a double booking (mapped to `StoreProblem.slotTaken`).
    static let slotTakenMessage = "helper slot already booked"

    // MARK: v1-visits-and-journal

    @Sendable private static func createVisitsAndJournal(_ db: Database) throws {
        // An anonymous visit: no person, only when, which language and which journeys.
        try db.execute(
            sql: """
                CREATE TABLE visit (
                  id INTEGER PRIMARY KEY AUTOINCREMENT,
                  startedAt DATETIME NOT NULL,
                  endedAt DATETIME,
                  language TEXT NOT NULL CHECK (length(language) BETWEEN 2 AND 12),
                  endReason TEXT CHECK (endReason IN ('completed', 'idle_timeout', 'left', 'handed_to_helper')),
                  CHECK ((endedAt IS NULL) = (endReason IS NULL)),
                  CHECK (endedAt IS NULL OR endedAt >= startedAt)
                );
                CREATE INDEX visit_startedAt ON visit(startedAt);

                CREATE TABLE visit_journey (
                  visitId INTEGER NOT NULL REFERENCES visit(id) ON DELETE CASCADE,
                  position INTEGER NOT NULL CHECK (position >= 0),
                  journey TEXT NOT NULL CHECK (length(journey) BETWEEN 1 AND 40),
                  PRIMARY KEY (visitId, position)
                ) WITHOUT ROWID;

                -- The kinds of journal events. A new kind is a row inserted by a new migration.
                CREATE TABLE journal_kind (name TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID;

                -- One row. While the retention purge runs (inside its own transaction) it holds the
                -- cutoff; journal rows older than the cutoff may then be deleted, and no others.
                CREATE TABLE purge_lock (
                  id INTEGER PRIMARY KEY CHECK (id = 1),
                  journalCutoff DATETIME
                );
                INSERT INTO purge_lock (id, journalCutoff) VALUES (1, NULL);
                CREATE TRIGGER purge_lock_is_permanent BEFORE DELETE ON purge_lock
                BEGIN SELECT RAISE(ABORT, 'purge_lock row is permanent'); END;

                -- The append-only audit journal: typed events, never personal data.
                CREATE TABLE journal (
                  id INTEGER PRIMARY KEY AUTOINCREMENT,
                  recordedAt DATETIME NOT NULL,
                  kind TEXT NOT NULL REFERENCES journal_kind(name),
                  payload TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(payload))
                );
                CREATE INDEX journal_recordedAt ON journal(recordedAt);
                CREATE TRIGGER journal_refuses_update BEFORE UPDATE ON journal
                BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;
                CREATE TRIGGER journal_refuses_delete BEFORE DELETE ON journal
                WHEN OLD.recordedAt >= coalesce((SELECT journalCutoff FROM purge_lock WHERE id = 1), '')
                BEGIN SELECT RAISE(ABORT, 'journal is append-only: rows leave only through the retention purge'); END;
                """)
        // Spelled out (not taken from JournalEvent.Kind) so this migration never changes:
        // a later kind is added by a later migration.
        let kinds = [
            "kiosk_started", "kiosk_stopped", "appointment_booked", "appointment_cancelled",
            "appointment_status_changed", "help_requested", "remote_consent_given",
            "remote_consent_withdrawn", "remote_session_started", "remote_session_ended",
            "outbox_abandoned", "purge_completed", "backup_made", "backup_restored",
            "store_recovered", "write_failed", "note",
        ]
        for kind in kinds {
            try db.execute(sql: "INSERT INTO journal_kind (name) VALUES (?)", arguments: [kind])
        }
    }

    // MARK: v3-admin-pin-journal

    /// Wrong admin PINs are journalled, so a restart does not lift the lockout.
    @Sendable private static func addAdminPinJournalKinds(_ db: Database) throws {
        for kind in ["admin_pin_rejected", "admin_pin_accepted"] {
            try db.execute(sql: "INSERT INTO journal_kind (name) VALUES (?)", arguments: [kind])
        }
    }

    // MARK: v1-booking

    @Sendable private static func createBooking(_ db: Database) throws {
        try db.execute(sql: bookingSchema)
        for thematique in Thematique.all {
            try db.execute(
                sql: "INSERT INTO thematique (code, label, isDemarche) VALUES (?, ?, ?)",
                arguments: [thematique.code, thematique.label, thematique.isDemarche])
        }
    }

    /// The booking schema of v1-booking, as it shipped (a migration is never edited).
    private static let bookingSchema = """
        CREATE TABLE thematique (
          code TEXT PRIMARY KEY NOT NULL CHECK (code GLOB '[a-z]*'),
          label TEXT NOT NULL,
          isDemarche INTEGER NOT NULL CHECK (isDemarche IN (0, 1))
        ) WITHOUT ROWID;

        -- lieu
        CREATE TABLE place (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
          address TEXT,
          latitude REAL CHECK (latitude BETWEEN -90 AND 90),
          longitude REAL CHECK (longitude BETWEEN -180 AND 180),
          phone TEXT CHECK (phone GLOB '+[1-9][0-9]*'),
          openingHours TEXT -- OpenStreetMap opening_hours syntax
        );

        -- motif
        CREATE TABLE service (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
          locationType TEXT NOT NULL CHECK (locationType IN ('public_office', 'phone', 'home', 'visio')),
          durationMinutes INTEGER NOT NULL CHECK (durationMinutes BETWEEN 5 AND 480),
          minNoticeMinutes INTEGER NOT NULL DEFAULT 0 CHECK (minNoticeMinutes >= 0),
          maxNoticeDays INTEGER NOT NULL DEFAULT 60 CHECK (maxNoticeDays >= 1),
          cancellableByPerson INTEGER NOT NULL DEFAULT 1 CHECK (cancellableByPerson IN (0, 1)),
          thematique TEXT REFERENCES thematique(code),
          active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
          CHECK (minNoticeMinutes < maxNoticeDays * 1440)
        );

        -- agent (a human helper: conseiller numérique, agent d'accueil)
        CREATE TABLE helper (
          id INTEGER PRIMARY KEY,
          displayName TEXT NOT NULL CHECK (length(trim(displayName)) > 0),
          active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
        );

        -- plage_ouverture: local (Europe/Paris) wall-clock times; weekdays is a bit mask,
        -- bit 0 = Monday; 'once' ranges happen on firstDay only.
        CREATE TABLE opening_range (
          id INTEGER PRIMARY KEY,
          helperId INTEGER NOT NULL REFERENCES helper(id) ON DELETE CASCADE,
          placeId INTEGER NOT NULL REFERENCES place(id) ON DELETE CASCADE,
          firstDay TEXT NOT NULL CHECK (firstDay GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
          startTime TEXT NOT NULL CHECK (startTime GLOB '[0-2][0-9]:[0-5][0-9]'),
          endTime TEXT NOT NULL CHECK (endTime GLOB '[0-2][0-9]:[0-5][0-9]'),
          recurrence TEXT NOT NULL CHECK (recurrence IN ('once', 'weekly')),
          weekdays INTEGER NOT NULL DEFAULT 0,
          untilDay TEXT CHECK (untilDay GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
          CHECK (endTime > startTime),
          CHECK (untilDay IS NULL OR untilDay >= firstDay),
          CHECK ((recurrence = 'once' AND weekdays = 0 AND untilDay IS NULL)
              OR (recurrence = 'weekly' AND weekdays BETWEEN 1 AND 127))
        );
        CREATE TABLE opening_range_service (
          rangeId INTEGER NOT NULL REFERENCES opening_range(id) ON DELETE CASCADE,
          serviceId INTEGER NOT NULL REFERENCES service(id) ON DELETE CASCADE,
          PRIMARY KEY (rangeId, serviceId)
        ) WITHOUT ROWID;

        -- No reason column on purpose: an absence reason is often health data.
        CREATE TABLE absence (
          id INTEGER PRIMARY KEY,
          helperId INTEGER NOT NULL REFERENCES helper(id) ON DELETE CASCADE,
          startsAt DATETIME NOT NULL,
          endsAt DATETIME NOT NULL,
          CHECK (endsAt > startsAt)
        );
        CREATE INDEX absence_helper ON absence(helperId, startsAt);

        -- Days the place is closed besides public holidays (local days).
        CREATE TABLE closed_day (
          day TEXT PRIMARY KEY NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
        ) WITHOUT ROWID;

        -- An appointment. personName/personPhone are the only personal data in the store;
        -- the retention purge erases them and sets anonymisedAt, the rest stays for figures.
        CREATE TABLE appointment (
          id INTEGER PRIMARY KEY,
          uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
          serviceId INTEGER NOT NULL REFERENCES service(id),
          helperId INTEGER NOT NULL REFERENCES helper(id),
          placeId INTEGER REFERENCES place(id),
          visitId INTEGER REFERENCES visit(id) ON DELETE SET NULL,
          thematique TEXT REFERENCES thematique(code),
          startsAt DATETIME NOT NULL,
          endsAt DATETIME NOT NULL,
          bookedAt DATETIME NOT NULL,
          status TEXT NOT NULL DEFAULT 'unknown'
            CHECK (status IN ('unknown', 'seen', 'excused', 'revoked', 'noshow')),
          statusChangedAt DATETIME,
          personName TEXT CHECK (length(trim(personName)) > 0),
          personPhone TEXT CHECK (personPhone GLOB '+[1-9][0-9]*'),
          anonymisedAt DATETIME,
          CHECK (endsAt > startsAt),
          CHECK (anonymisedAt IS NULL OR (personName IS NULL AND personPhone IS NULL))
        );
        CREATE INDEX appointment_startsAt ON appointment(startsAt);
        CREATE INDEX appointment_bookedAt ON appointment(bookedAt);
        -- One helper slot cannot be double-booked: same start refused by the index,
        -- overlapping ranges refused by the triggers.
        CREATE UNIQUE INDEX appointment_one_per_helper_slot ON appointment(helperId, startsAt)
          WHERE status IN ('unknown', 'seen', 'noshow');
        CREATE TRIGGER appointment_no_overlap_on_insert BEFORE INSERT ON appointment
        WHEN NEW.status IN ('unknown', 'seen', 'noshow') AND EXISTS (
          SELECT 1 FROM appointment a
          WHERE a.helperId = NEW.helperId AND a.status IN ('unknown', 'seen', 'noshow')
            AND a.startsAt < NEW.endsAt AND NEW.startsAt < a.endsAt)
        BEGIN SELECT RAISE(ABORT, '\(slotTakenMessage)'); END;
        CREATE TRIGGER appointment_no_overlap_on_update
        BEFORE UPDATE OF helperId, startsAt, endsAt, status ON appointment
        WHEN NEW.status IN ('unknown', 'seen', 'noshow') AND EXISTS (
          SELECT 1 FROM appointment a
          WHERE a.id <> NEW.id AND a.helperId = NEW.helperId AND a.status IN ('unknown', 'seen', 'noshow')
            AND a.startsAt < NEW.endsAt AND NEW.startsAt < a.endsAt)
        BEGIN SELECT RAISE(ABORT, '\(slotTakenMessage)'); END;
        """

    // MARK: v1-diagnostic-and-assistance

    @Sendable private static func createDiagnosticAndAssistance(_ db: Database) throws {
        try db.execute(
            sql: """
                -- An anonymous diagnostic result. It is linked to an appointment only with the
                -- person's consent to share it with the helper (sharingConsentAt).
                CREATE TABLE diagnostic (
                  id INTEGER PRIMARY KEY,
                  uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
                  visitId INTEGER REFERENCES visit(id) ON DELETE SET NULL,
                  completedAt DATETIME NOT NULL,
                  language TEXT NOT NULL CHECK (length(language) BETWEEN 2 AND 12),
                  autonomie TEXT NOT NULL
                    CHECK (autonomie IN ('entierement_accompagne', 'partiellement_autonome', 'autonome')),
                  profile TEXT CHECK (profile IN ('proche', 'eloigne', 'exclu')),
                  scores TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(scores)),
                  appointmentId INTEGER REFERENCES appointment(id) ON DELETE SET NULL,
                  sharingConsentAt DATETIME,
                  CHECK (appointmentId IS NULL OR sharingConsentAt IS NOT NULL)
                );
                CREATE INDEX diagnostic_completedAt ON diagnostic(completedAt);

                CREATE TABLE help_request (
                  id INTEGER PRIMARY KEY,
                  uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
                  visitId INTEGER REFERENCES visit(id) ON DELETE SET NULL,
                  requestedAt DATETIME NOT NULL,
                  channel TEXT NOT NULL CHECK (channel IN ('desk', 'remote')),
                  thematique TEXT REFERENCES thematique(code),
                  outcome TEXT CHECK (outcome IN ('helped', 'no_helper', 'abandoned')),
                  closedAt DATETIME,
                  CHECK ((outcome IS NULL) = (closedAt IS NULL)),
                  CHECK (closedAt IS NULL OR closedAt >= requestedAt)
                );
                CREATE INDEX help_request_requestedAt ON help_request(requestedAt);

                -- A remote-help session cannot exist without the consent to be seen; control of
                -- the kiosk's own screens needs a second consent, given after the first.
                CREATE TABLE remote_session (
                  id INTEGER PRIMARY KEY,
                  uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
                  helpRequestId INTEGER REFERENCES help_request(id) ON DELETE SET NULL,
                  viewConsentAt DATETIME NOT NULL,
                  startedAt DATETIME NOT NULL,
                  controlConsentAt DATETIME,
                  endedAt DATETIME,
                  endReason TEXT CHECK (endReason IN
                    ('completed', 'person_stopped', 'helper_stopped', 'connection_lost', 'timeout')),
                  CHECK (viewConsentAt <= startedAt),
                  CHECK (controlConsentAt IS NULL OR controlConsentAt >= viewConsentAt),
                  CHECK ((endedAt IS NULL) = (endReason IS NULL)),
                  CHECK (endedAt IS NULL OR endedAt >= startedAt)
                );
                CREATE INDEX remote_session_startedAt ON remote_session(startedAt);
                """)
    }

    // MARK: v1-outbox

    @Sendable private static func createOutbox(_ db: Database) throws {
        try db.execute(
            sql: """
                -- Work for the outside world. uuid is the idempotency key sent with every attempt,
                -- so a receiver that deduplicates on it sees each message exactly once.
                -- An SMS reminder carries no phone number: the sender reads it from the
                -- appointment when sending, so the retention purge silences it.
                CREATE TABLE outbox (
                  id INTEGER PRIMARY KEY,
                  uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
                  kind TEXT NOT NULL CHECK (kind IN ('sms_reminder', 'webhook', 'print_job')),
                  payload TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(payload)),
                  appointmentId INTEGER REFERENCES appointment(id) ON DELETE CASCADE,
                  createdAt DATETIME NOT NULL,
                  nextAttemptAt DATETIME NOT NULL,
                  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
                  maxAttempts INTEGER NOT NULL DEFAULT 8 CHECK (maxAttempts >= 1),
                  status TEXT NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'in_flight', 'sent', 'abandoned')),
                  leaseUntil DATETIME,
                  lastError TEXT,
                  doneAt DATETIME,
                  CHECK (attempts <= maxAttempts),
                  CHECK ((status IN ('sent', 'abandoned')) = (doneAt IS NOT NULL)),
                  CHECK ((status = 'in_flight') = (leaseUntil IS NOT NULL)),
                  CHECK (kind <> 'sms_reminder' OR appointmentId IS NOT NULL)
                );
                CREATE INDEX outbox_due ON outbox(status, nextAttemptAt);
                CREATE UNIQUE INDEX outbox_one_reminder_per_appointment ON outbox(appointmentId)
                  WHERE kind = 'sms_reminder';
                """)
    }
}
