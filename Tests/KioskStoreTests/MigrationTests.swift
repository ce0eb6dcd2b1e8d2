// Passerelle — KioskStore tests. Licensed under the EUPL-1.2.
import GRDB
import XCTest
@testable import KioskStore

final class MigrationTests: XCTestCase {
    func test_shipped_migrations_keep_their_names_and_order() {
        // A shipped migration is never renamed, reordered or removed: stores in the field
        // know it by this name. New ones are appended.
        XCTAssertEqual(
            Array(AppDatabase.migrationNames.prefix(7)),
            [
                "v1-visits-and-journal", "v1-booking", "v1-diagnostic-and-assistance", "v1-outbox", "v2-agenda",
                "v3-admin-pin-journal", "v4-places-of-help",
            ])
    }

    func test_migrations_apply_in_memory() throws {
        let database = try AppDatabase.inMemory()
        let applied = try database.reader.read { db in try AppDatabase.migrator.appliedMigrations(db) }
        XCTAssertEqual(applied, AppDatabase.migrationNames)
    }

    func test_migrations_apply_on_a_real_file_and_reopening_is_a_no_op() throws {
        let dir = makeTemporaryDirectory(self)
        let first = try AppDatabase.open(dataDir: dir)
        let visit = try first.startVisit(language: "fr")
        let second = try AppDatabase.open(dataDir: dir)
        XCTAssertEqual(try second.visit(visit)?.language, "fr")
        let applied = try second.reader.read { db in try AppDatabase.migrator.appliedMigrations(db) }
        XCTAssertEqual(applied, AppDatabase.migrationNames)
    }

    func test_the_file_is_in_wal_mode_with_full_synchronous_commits() throws {
        let database = try AppDatabase.open(dataDir: makeTemporaryDirectory(self))
        // On the connection that commits, not only on a reader: GRDB resets the writer to NORMAL.
        try database.writer.writeWithoutTransaction { db in
            XCTAssertEqual(try String.fetchOne(db, sql: "PRAGMA journal_mode"), "wal")
            XCTAssertEqual(try Int.fetchOne(db, sql: "PRAGMA synchronous"), 2, "2 is FULL")
            XCTAssertEqual(try Int.fetchOne(db, sql: "PRAGMA foreign_keys"), 1)
        }
    }

    func test_the_schema_refuses_what_the_invariants_forbid() throws {
        let database = try AppDatabase.inMemory()
        let refused = [
            "INSERT INTO visit (startedAt, language) VALUES (NULL, 'fr')",
            "INSERT INTO visit (startedAt, language, endedAt) VALUES ('2025-01-02', 'fr', '2025-01-01')",
            "INSERT INTO service (name, locationType, durationMinutes) VALUES ('x', 'moon', 30)",
            "INSERT INTO appointment (uuid, serviceId, helperId, startsAt, endsAt, bookedAt) VALUES "
                + "('00000000-0000-0000-0000-000000000000', 99, 99, '2025-01-01', '2025-01-02', '2025-01-01')",
            "INSERT INTO diagnostic (uuid, completedAt, language, autonomie) "
                + "VALUES ('00000000-0000-0000-0000-000000000000', '2025-01-01', 'fr', 'expert')",
            "INSERT INTO remote_session (uuid, viewConsentAt, startedAt) "
                + "VALUES ('00000000-0000-0000-0000-000000000000', '2025-01-02', '2025-01-01')",
            "INSERT INTO journal (recordedAt, kind) VALUES ('2025-01-01', 'made_up_kind')",
        ]
        for sql in refused {
            XCTAssertThrowsError(try database.writer.write { try $0.execute(sql: sql) }, sql)
        }
    }

    func test_a_diagnostic_cannot_be_linked_to_an_appointment_without_consent() throws {
        let database = try AppDatabase.inMemory(clock: .fixed(paris("2025-11-03 10:00")))
        let agenda = try Agenda(database)
        let appointment = try database.bookAppointment(agenda.request(at: paris("2025-11-05 10:00")))
        let diagnostic = try database.recordDiagnostic(
            DiagnosticResult(
                visitID: nil, completedAt: paris("2025-11-03 10:00"), language: "fr", autonomie: .partiellementAutonome)
        )
        XCTAssertThrowsError(
            try database.writer.write { db in
                try db.execute(
                    sql: "UPDATE diagnostic SET appointmentId = (SELECT id FROM appointment) WHERE uuid = ?",
                    arguments: [diagnostic.uuidString])
            })
        try database.shareDiagnostic(diagnostic, with: appointment.uuid, consentAt: paris("2025-11-03 10:01"))
    }
}
