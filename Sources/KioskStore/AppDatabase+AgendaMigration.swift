// Passerelle — KioskStore. Licensed under the EUPL-1.2.
import GRDB

// MARK: - v2-agenda
//
// What `importAgenda` needs: stable keys from the agenda file (unique; rows created by the
// older add… methods get "place-<id>"-style keys from a trigger), per-language names, the
// kind of help, what to bring, an active flag on places, and the agenda-wide settings
// (Alsace-Moselle holidays). Rows that appointments reference are deactivated, never deleted.

extension AppDatabase {
    @Sendable static func createAgendaKeys(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE place ADD COLUMN key TEXT CHECK (key IS NULL OR length(key) BETWEEN 1 AND 40);
                ALTER TABLE place ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));
                UPDATE place SET key = 'place-' || id;
                CREATE UNIQUE INDEX place_key ON place(key);
                CREATE TRIGGER place_default_key AFTER INSERT ON place WHEN NEW.key IS NULL
                BEGIN UPDATE place SET key = 'place-' || NEW.id WHERE id = NEW.id; END;

                ALTER TABLE service ADD COLUMN key TEXT CHECK (key IS NULL OR length(key) BETWEEN 1 AND 40);
                -- {"fr": …, "en": …, "ar": …}; NULL for services added before agenda files.
                ALTER TABLE service ADD COLUMN names TEXT CHECK (names IS NULL OR json_valid(names));
                ALTER TABLE service ADD COLUMN support TEXT NOT NULL DEFAULT 'procedure_help'
                  CHECK (support IN ('procedure_help', 'individual_learning', 'workshop', 'talk_to_conseiller'));
                ALTER TABLE service ADD COLUMN whatToBring TEXT CHECK (whatToBring IS NULL OR json_valid(whatToBring));
                UPDATE service SET key = 'service-' || id;
                CREATE UNIQUE INDEX service_key ON service(key);
                CREATE TRIGGER service_default_key AFTER INSERT ON service WHEN NEW.key IS NULL
                BEGIN UPDATE service SET key = 'service-' || NEW.id WHERE id = NEW.id; END;

                ALTER TABLE helper ADD COLUMN key TEXT CHECK (key IS NULL OR length(key) BETWEEN 1 AND 40);
                UPDATE helper SET key = 'helper-' || id;
                CREATE UNIQUE INDEX helper_key ON helper(key);
                CREATE TRIGGER helper_default_key AFTER INSERT ON helper WHEN NEW.key IS NULL
                BEGIN UPDATE helper SET key = 'helper-' || NEW.id WHERE id = NEW.id; END;

                -- One row: agenda-wide settings written by the last import.
                CREATE TABLE agenda_setting (
                  id INTEGER PRIMARY KEY CHECK (id = 1),
                  alsaceMoselle INTEGER NOT NULL DEFAULT 0 CHECK (alsaceMoselle IN (0, 1)),
                  importedAt DATETIME
                );
                INSERT INTO agenda_setting (id, alsaceMoselle) VALUES (1, 0);
                CREATE INDEX appointment_helper_startsAt ON appointment(helperId, startsAt);
                """)
    }
}
