// Passerelle — KioskStore tests. Licensed under the EUPL-1.2.
import GRDB
import XCTest
@testable import KioskStore

final class JournalTests: XCTestCase {
    func test_the_journal_refuses_updates_and_deletes() throws {
        let database = try AppDatabase.inMemory()
        let id = try database.appendJournal(.kioskStarted(version: "1.0"))
        XCTAssertThrowsError(
            try database.writer.write {
                try $0.execute(sql: "UPDATE journal SET kind = 'note' WHERE id = ?", arguments: [id])
            })
        XCTAssertThrowsError(
            try database.writer.write { try $0.execute(sql: "DELETE FROM journal WHERE id = ?", arguments: [id]) })
        XCTAssertThrowsError(try database.writer.write { try $0.execute(sql: "DELETE FROM purge_lock") })
        XCTAssertEqual(try database.journal().map(\.event), [.kioskStarted(version: "1.0")])
    }

    func test_even_during_a_purge_only_rows_older_than_the_cutoff_may_be_deleted() throws {
        let database = try AppDatabase.inMemory()
        try database.appendJournal(.note("recent"), at: paris("2025-11-03 10:00"))
        XCTAssertThrowsError(
            try database.writer.write { db in
                try db.execute(sql: "UPDATE purge_lock SET journalCutoff = ?", arguments: [paris("2025-01-01 00:00")])
                try db.execute(sql: "DELETE FROM journal")
            })
        XCTAssertEqual(try database.journal().count, 1)
    }

    func test_the_admin_pin_history_is_the_wrong_ones_since_the_last_right_one() throws {
        let database = try AppDatabase.inMemory()
        XCTAssertEqual(try database.adminPinHistory().failures, 0)
        try database.appendJournal(.adminPinRejected(failures: 1), at: paris("2026-11-30 09:00"))
        try database.appendJournal(.adminPinRejected(failures: 2), at: paris("2026-11-30 09:01"))
        let history = try database.adminPinHistory()
        XCTAssertEqual(history.failures, 2)
        XCTAssertEqual(history.lastFailureAt, paris("2026-11-30 09:01"))
        try database.appendJournal(.note("unrelated"), at: paris("2026-11-30 09:02"))
        XCTAssertEqual(try database.adminPinHistory().failures, 2)
        try database.appendJournal(.adminPinAccepted, at: paris("2026-11-30 09:10"))
        XCTAssertEqual(try database.adminPinHistory().failures, 0)
        XCTAssertNil(try database.adminPinHistory().lastFailureAt)
    }

    func test_every_event_kind_round_trips_through_the_journal() throws {
        let database = try AppDatabase.inMemory()
        let id = UUID()
        let events: [JournalEvent] = [
            .kioskStarted(version: "1"), .kioskStopped(reason: "sigterm"), .appointmentBooked(appointment: id),
            .appointmentCancelled(appointment: id, status: .excused),
            .appointmentStatusChanged(appointment: id, status: .seen),
            .helpRequested(request: id, channel: .remote), .remoteConsentGiven(session: id, control: true),
            .remoteConsentWithdrawn(session: id, control: false), .remoteSessionStarted(session: id),
            .remoteSessionEnded(session: id, reason: .personStopped, bytesSent: 51_200),
            .outboxAbandoned(message: id, kind: .webhook, attempts: 8),
            .purgeCompleted(PurgeReport(appointmentsAnonymised: 2)), .backupMade(file: "b"), .backupRestored(from: "b"),
            .storeRecovered(reason: "r", movedTo: "m", restoredFrom: nil), .writeFailed(problem: "disk full"),
            .note("n"),
            .adminPinRejected(failures: 4), .adminPinAccepted, .remoteConnected(request: id),
            .remoteConsentRefused(request: nil, reason: "no_answer"), .remoteConnectionRefused(reason: "busy"),
        ]
        XCTAssertEqual(Set(events.map(\.kind)), Set(JournalEvent.Kind.allCases))
        for event in events { try database.appendJournal(event) }
        XCTAssertEqual(try database.journal().map(\.event), events)
    }
}
